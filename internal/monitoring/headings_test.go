package monitoring

import (
	"testing"

	"boussole/internal/funding"
	"boussole/internal/logframe"
)

func TestHeadingsTieThemesCountriesAndODDToTheFramework(t *testing.T) {
	obj := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 1}
	act := logframe.Ref{Kind: logframe.KindActivity, ID: 7}
	projects := []funding.Project{
		{ID: 50, Countries: []string{"SN", "ML"}, Priorities: []int64{3}, SDGs: []int{6}, Links: []funding.Link{{Kind: funding.LinkObjective, ID: 1}}},
		{ID: 51, Links: []funding.Link{{Kind: funding.LinkActivity, ID: 7}}},
	}
	themes := ThemeHeadings([]logframe.ThematicPriorityRecord{{ID: 3, Policy: "Eau"}, {ID: 4, Policy: "Culture"}}, projects)
	if len(themes) != 2 || themes[0].Key != "p3" || len(themes[0].Elements) != 1 || themes[0].Elements[0] != obj || len(themes[1].Elements) != 0 {
		t.Errorf("themes %+v", themes)
	}
	geo := []logframe.GeoPriorityRecord{{Kind: logframe.GeoCountry, GeoPriority: logframe.GeoPriority{ID: 9, CountryCode: "SN", Name: "Sénégal", ActivityIDs: []int64{7}}},
		{Kind: logframe.GeoPartner, GeoPriority: logframe.GeoPriority{ID: 10, Name: "Azrou", ProjectIDs: []int64{51}}}}
	countries := CountryHeadings(geo, projects)
	// Senegal: its activity and the project situated there; Azrou: its project; then Mali, a project's country no priority names.
	if len(countries) != 3 || len(countries[0].Elements) != 2 || countries[1].Elements[0] != act || countries[2].Key != "ML" || countries[2].Label != "Mali" {
		t.Errorf("countries %+v", countries)
	}
	tags := []logframe.SDGTag{{Element: act, Code: "11.6-local"}, {Element: obj, Code: "6.1"}, {Element: obj, Code: "bogus"}}
	goals := SDGHeadings(tags, projects)
	if len(goals) != 2 || goals[0].Key != "6" || len(goals[0].Elements) != 2 || goals[1].Key != "11" || goals[1].Label == "ODD 11" {
		t.Errorf("goals %+v", goals)
	}
	// A partner authority whose name gives its country takes that country's projects, and the country is not
	// listed again as outside the priorities.
	partner := CountryHeadings([]logframe.GeoPriorityRecord{{Kind: logframe.GeoPartner, GeoPriority: logframe.GeoPriority{ID: 11, Name: "Ziguinchor (Sénégal)"}}}, projects)
	if len(partner) != 2 || len(partner[0].Elements) != 1 || partner[1].Key != "ML" {
		t.Errorf("partner %+v", partner)
	}
	for code, want := range map[string]int{"11": 11, "11.a": 11, "4.3-local": 4, "18": 0, "": 0, "x.1": 0} {
		if got := goalOf(code); got != want {
			t.Errorf("goalOf(%q) = %d, want %d", code, got, want)
		}
	}
}
