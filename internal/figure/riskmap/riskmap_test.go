package riskmap

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	lf "boussole/internal/logframe"
)

func register() []lf.Risk {
	return []lf.Risk{
		{ID: 1, Position: 0, Description: "Changement de majorité", Category: lf.RiskInternal, Likelihood: 2, Impact: 4},
		{ID: 2, Position: 1, Description: "Crise politique chez le partenaire", Category: lf.RiskExternal, Likelihood: 3, Impact: 4},
		{ID: 3, Position: 2, Description: "Départ de la chargée de mission", Category: lf.RiskInternal, Likelihood: 2, Impact: 4},
		{ID: 4, Position: 3, Description: "Retard de cofinancement <UE>", Category: lf.RiskExternal, Likelihood: 1, Impact: 1},
		{ID: 5, Position: 4, Description: "Risque non évalué", Category: lf.RiskExternal},
	}
}

// parseSVG reads the SVG back: its description, the tooltips, and the texts inside each cell keyed
// by « likelihood×impact ».
func parseSVG(t *testing.T, b []byte) (desc string, cells map[string][]string, titles []string) {
	t.Helper()
	cells = map[string][]string{}
	dec := xml.NewDecoder(strings.NewReader(string(b)))
	var stack []xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, b)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			el := stack[len(stack)-1]
			switch el.Name.Local {
			case "desc":
				desc += string(e)
			case "title":
				titles = append(titles, string(e))
			case "text":
				var x, y float64
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "x":
						fmt.Sscan(a.Value, &x)
					case "y":
						fmt.Sscan(a.Value, &y)
					}
				}
				if x >= left && x < left+4*cellW && y >= top && y < top+4*cellH {
					l := int((x-left)/cellW) + 1
					i := 4 - int((y-top)/cellH)
					key := fmt.Sprintf("%d×%d", l, i)
					cells[key] = append(cells[key], string(e))
				}
			}
		}
	}
	return desc, cells, titles
}

func TestSVGPlacesRisksInCells(t *testing.T) {
	desc, cells, titles := parseSVG(t, SVG("r", register()))
	want := map[string][]string{"2×4": {"R1", "R3"}, "3×4": {"R2"}, "1×1": {"R4"}}
	for k, v := range want {
		if strings.Join(cells[k], ",") != strings.Join(v, ",") {
			t.Errorf("cell %s = %v, want %v", k, cells[k], v)
		}
	}
	if len(cells) != len(want) {
		t.Errorf("labels in unexpected cells: %v", cells)
	}
	for _, part := range []string{"Criticité critique : R2", "Criticité élevée : R1", "R3", "Criticité faible : R4", "Criticité non évaluée : R5", "Retard de cofinancement <UE>"} {
		if !strings.Contains(strings.ReplaceAll(desc, "\u00a0", " "), part) {
			t.Errorf("desc lacks %q: %s", part, desc)
		}
	}
	if !strings.Contains(strings.Join(titles, "|"), "R2 : Crise politique chez le partenaire") {
		t.Errorf("tooltips: %v", titles)
	}
}

func TestCrowdedCellShowsRest(t *testing.T) {
	var risks []lf.Risk
	for i := range 12 {
		risks = append(risks, lf.Risk{ID: int64(i + 1), Position: i, Description: "r", Likelihood: 4, Impact: 4})
	}
	_, cells, _ := parseSVG(t, SVG("", risks))
	got := cells["4×4"]
	if len(got) != maxShown+1 || got[len(got)-1] != "+4" || got[0] != "R1" {
		t.Errorf("crowded cell = %v", got)
	}
}

func TestRowsAndEmptySummary(t *testing.T) {
	rows := Rows(register())
	var order []string
	for _, r := range rows {
		order = append(order, r.Number+":"+r.Class)
	}
	if got := strings.Join(order, " "); got != "R2:critique R1:élevée R3:élevée R4:faible R5:non évaluée" {
		t.Errorf("rows = %s", got)
	}
	if s := Summary(nil); s != "Aucun risque n'est inscrit au registre." {
		t.Errorf("empty summary = %q", s)
	}
}
