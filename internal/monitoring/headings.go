package monitoring

import (
	"sort"
	"strconv"
	"strings"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/sdg"
	"boussole/internal/textkey"
)

// Heading is one line of a dashboard by theme, country or ODD: what it is called and the framework's
// elements attached to it, before CoverageOf extends them to what is under them.
type Heading struct {
	Key      string // stable within the strategy: « p12 » (a priority), « DE » (a country), « 11 » (an ODD)
	Label    string
	Note     string // where the heading comes from, in French
	Elements []logframe.Ref
}

// projectRefs returns the framework elements a project serves.
func projectRefs(p funding.Project) []logframe.Ref {
	out := make([]logframe.Ref, 0, len(p.Links))
	for _, l := range p.Links {
		switch l.Kind {
		case funding.LinkObjective:
			out = append(out, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: l.ID})
		case funding.LinkResult:
			out = append(out, logframe.Ref{Kind: logframe.KindResult, ID: l.ID})
		case funding.LinkActivity:
			out = append(out, logframe.Ref{Kind: logframe.KindActivity, ID: l.ID})
		}
	}
	return out
}

// ThemeHeadings are the strategy's thematic priorities, each attached to the elements its projects serve.
func ThemeHeadings(priorities []logframe.ThematicPriorityRecord, projects []funding.Project) []Heading {
	out := make([]Heading, 0, len(priorities))
	for _, t := range priorities {
		h := Heading{Key: "p" + strconv.FormatInt(t.ID, 10), Label: t.Policy, Note: t.Service}
		n := 0
		for _, p := range projects {
			for _, id := range p.Priorities {
				if id == t.ID {
					h.Elements = append(h.Elements, projectRefs(p)...)
					n++
					break
				}
			}
		}
		h.Note = joinNote(h.Note, projectCount(n))
		out = append(out, h)
	}
	return out
}

// CountryHeadings are the strategy's geographic priorities (a country, a partner authority, a region),
// each attached to its activities and to the elements of its projects and of the projects in its country;
// then the countries of projects that no priority names.
func CountryHeadings(geo []logframe.GeoPriorityRecord, projects []funding.Project) []Heading {
	out := make([]Heading, 0, len(geo))
	named := map[string]bool{}
	for _, g := range geo {
		h := Heading{Key: "g" + strconv.FormatInt(g.ID, 10), Label: g.Name, Note: g.Kind.Label()}
		for _, id := range g.ActivityIDs {
			h.Elements = append(h.Elements, logframe.Ref{Kind: logframe.KindActivity, ID: id})
		}
		code := g.CountryCode
		if code == "" {
			code = bracketedCountry(g.Name)
		}
		if code != "" {
			named[code] = true
		}
		n := 0
		for _, p := range projects {
			if containsID(g.ProjectIDs, p.ID) || (code != "" && containsString(p.Countries, code)) {
				h.Elements = append(h.Elements, projectRefs(p)...)
				n++
			}
		}
		h.Note = joinNote(h.Note, projectCount(n))
		out = append(out, h)
	}
	others := map[string]*Heading{}
	for _, p := range projects {
		for _, c := range p.Countries {
			if named[c] {
				continue
			}
			h := others[c]
			if h == nil {
				h = &Heading{Key: c, Label: country.Name(c), Note: "pays d'un projet, hors priorités géographiques"}
				others[c] = h
			}
			h.Elements = append(h.Elements, projectRefs(p)...)
		}
	}
	rest := make([]Heading, 0, len(others))
	for _, h := range others {
		rest = append(rest, *h)
	}
	sort.Slice(rest, func(i, j int) bool { return country.Less(rest[i].Label, rest[j].Label) })
	return append(out, rest...)
}

// bracketedCountry reads the country a partner authority's name gives in brackets, « Ziguinchor
// (Sénégal) », as the geographic priorities write it; "" when there is none.
func bracketedCountry(name string) string {
	from, to := strings.LastIndex(name, "("), strings.LastIndex(name, ")")
	if from < 0 || to < from {
		return ""
	}
	want := textkey.Fold(name[from+1 : to])
	for _, c := range country.All() {
		if textkey.Fold(c.Name) == want {
			return c.Alpha2
		}
	}
	return ""
}

// SDGHeadings are the ODD the strategy's elements are tagged with (a target or a local target counts for
// its goal) or its projects serve, in the goals' order.
func SDGHeadings(tags []logframe.SDGTag, projects []funding.Project) []Heading {
	byGoal := map[int]*Heading{}
	at := func(goal int) *Heading {
		h := byGoal[goal]
		if h == nil {
			label := "ODD " + strconv.Itoa(goal)
			if g, ok := sdg.GoalByNumber(goal); ok {
				label += " — " + g.Short
			}
			h = &Heading{Key: strconv.Itoa(goal), Label: label}
			byGoal[goal] = h
		}
		return h
	}
	for _, t := range tags {
		if goal := goalOf(t.Code); goal > 0 {
			h := at(goal)
			h.Elements = append(h.Elements, t.Element)
		}
	}
	for _, p := range projects {
		for _, goal := range p.SDGs {
			if goal >= 1 && goal <= 17 {
				h := at(goal)
				h.Elements = append(h.Elements, projectRefs(p)...)
			}
		}
	}
	goals := make([]int, 0, len(byGoal))
	for g := range byGoal {
		goals = append(goals, g)
	}
	sort.Ints(goals)
	out := make([]Heading, 0, len(goals))
	for _, g := range goals {
		out = append(out, *byGoal[g])
	}
	return out
}

// goalOf reads the goal of an ODD code: « 11 », « 11.6 », « 11.a » or « 11.6-local »; 0 when it has none.
func goalOf(code string) int {
	head, _, _ := strings.Cut(strings.TrimSpace(code), ".")
	head, _, _ = strings.Cut(head, "-")
	n, err := strconv.Atoi(head)
	if err != nil || n < 1 || n > 17 {
		return 0
	}
	return n
}

func projectCount(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 projet"
	}
	return strconv.Itoa(n) + " projets"
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " · " + b
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
