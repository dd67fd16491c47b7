package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// iatiItem is one code of a list written to internal/refdata/iati/codelists.json.
type iatiItem struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Lang      string `json:"lang"` // "fr", or "en" where the codelist has no French name
	Category  string `json:"category,omitempty"`
	Withdrawn bool   `json:"withdrawn,omitempty"`
}

// iatiLists names the codelists kept; countries and SDG come from their own data sets.
var iatiLists = []string{"Sector", "SectorCategory", "CRSChannelCode", "PolicyMarker", "PolicySignificance",
	"AidType", "FinanceType", "FlowType", "Currency", "Region"}

// iatiFrench translates the lists IATI publishes in English only and that officers read in forms;
// the wording follows the French edition of the DAC directives. SOURCE.md lists these as ours.
var iatiFrench = map[string]map[string]string{
	"PolicyMarker": {
		"10": "Réduction des risques de catastrophe",
		"11": "Inclusion et autonomisation des personnes handicapées",
		"12": "Nutrition",
	},
	"PolicySignificance": {
		"0": "non ciblé",
		"1": "objectif significatif",
		"2": "objectif principal",
		"3": "objectif principal et à l'appui d'un programme d'action",
		"4": "objectif principal explicite",
	},
}

type codelistXML struct {
	Items []struct {
		Status   string `xml:"status,attr"`
		Code     string `xml:"code"`
		Category string `xml:"category"`
		Names    []struct {
			Lang string `xml:"lang,attr"`
			Text string `xml:",chardata"`
		} `xml:"name>narrative"`
	} `xml:"codelist-items>codelist-item"`
}

// iatiStats counts, per list, how many names are in French, for SOURCE.md.
type iatiStats map[string][2]int

func buildIATI(dir string) (map[string][]iatiItem, iatiStats, error) {
	out := map[string][]iatiItem{}
	stats := iatiStats{}
	for _, list := range iatiLists {
		raw, err := os.ReadFile(filepath.Join(dir, list+".xml"))
		if err != nil {
			return nil, nil, err
		}
		var cl codelistXML
		if err := xml.Unmarshal(raw, &cl); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", list, err)
		}
		for _, it := range cl.Items {
			item := iatiItem{Code: strings.TrimSpace(it.Code), Category: strings.TrimSpace(it.Category),
				Withdrawn: it.Status == "withdrawn", Lang: "en"}
			for _, n := range it.Names {
				switch {
				case n.Lang == "fr" && strings.TrimSpace(n.Text) != "":
					item.Name, item.Lang = squeeze(n.Text), "fr"
				case n.Lang == "" && item.Lang == "en":
					item.Name = squeeze(n.Text)
				}
			}
			if fr, ok := iatiFrench[list][item.Code]; ok {
				item.Name, item.Lang = fr, "fr"
			}
			if item.Name, err = compose(item.Name); err != nil {
				return nil, nil, fmt.Errorf("%s %s: %w", list, item.Code, err)
			}
			if item.Code == "" || item.Name == "" {
				return nil, nil, fmt.Errorf("%s: item without code or name: %+v", list, it)
			}
			s := stats[list]
			s[1]++
			if item.Lang == "fr" {
				s[0]++
			}
			stats[list] = s
			out[list] = append(out[list], item)
		}
	}
	return out, stats, nil
}
