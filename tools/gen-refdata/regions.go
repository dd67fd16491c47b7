package main

import "strings"

// m49 groups ISO alpha-2 codes by the UN M49 statistical regions, at the level used for the SDG
// reports: sub-regions, with the intermediate regions for Africa and Latin America because French
// decentralised cooperation is mostly organised along them. Names are the UN French forms.
// Taiwan and Kosovo, absent from M49, are placed with their geographic neighbours.
var m49 = []struct{ continent, region, codes string }{
	{"Afrique", "Afrique du Nord", "DZ EG LY MA SD TN EH"},
	{"Afrique", "Afrique de l'Ouest", "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"},
	{"Afrique", "Afrique centrale", "AO CM CF TD CG CD GQ GA ST"},
	{"Afrique", "Afrique de l'Est", "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW"},
	{"Afrique", "Afrique australe", "BW SZ LS NA ZA"},
	{"Amériques", "Amérique du Nord", "BM CA GL PM US"},
	{"Amériques", "Amérique centrale", "BZ CR SV GT HN MX NI PA"},
	{"Amériques", "Caraïbes", "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"},
	{"Amériques", "Amérique du Sud", "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"},
	{"Asie", "Asie centrale", "KZ KG TJ TM UZ"},
	{"Asie", "Asie de l'Est", "CN HK MO KP JP MN KR TW"},
	{"Asie", "Asie du Sud-Est", "BN KH ID LA MY MM PH SG TH TL VN"},
	{"Asie", "Asie du Sud", "AF BD BT IN IR MV NP PK LK"},
	{"Asie", "Asie de l'Ouest", "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"},
	{"Europe", "Europe de l'Est", "BY BG CZ HU PL MD RO RU SK UA"},
	{"Europe", "Europe du Nord", "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"},
	{"Europe", "Europe du Sud", "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK"},
	{"Europe", "Europe de l'Ouest", "AT BE FR DE LI LU MC NL CH"},
	{"Océanie", "Australie et Nouvelle-Zélande", "AU CX CC HM NZ NF"},
	{"Océanie", "Mélanésie", "FJ NC PG SB VU"},
	{"Océanie", "Micronésie", "GU KI MH FM NR MP PW UM"},
	{"Océanie", "Polynésie", "AS CK PF NU PN WS TK TO TV WF"},
	{"Antarctique", "Antarctique", "AQ"},
}

// regionIndex maps each alpha-2 code to its continent and region.
func regionIndex() map[string][2]string {
	idx := map[string][2]string{}
	for _, r := range m49 {
		for _, c := range strings.Fields(r.codes) {
			idx[c] = [2]string{r.continent, r.region}
		}
	}
	return idx
}
