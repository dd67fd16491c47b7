package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// sdgGoal, sdgTarget and sdgIndicator are the shapes written to internal/refdata/sdg/sdg.json.
type sdgGoal struct {
	Number int    `json:"number"`
	Short  string `json:"short"`
	Title  string `json:"title"`
	Colour string `json:"colour"`
}

type sdgTarget struct {
	Code  string `json:"code"`
	Goal  int    `json:"goal"`
	Title string `json:"title"`
}

type sdgIndicator struct {
	Code   string `json:"code"`
	Target string `json:"target"`
	Title  string `json:"title"`
}

type sdgData struct {
	Goals      []sdgGoal      `json:"goals"`
	Targets    []sdgTarget    `json:"targets"`
	Indicators []sdgIndicator `json:"indicators"`
}

// sdgColours are the goal colours of the UN communication guidelines.
var sdgColours = [18]string{"",
	"#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942", "#FD6925",
	"#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A"}

// sdgShortFixes replaces three short titles whose source form departs from the UN French icons
// (a typo, a missing capital accent, a plural); SOURCE.md lists them.
var sdgShortFixes = map[int]string{
	2: "Faim « zéro »",
	7: "Énergie propre et d'un coût abordable",
	8: "Travail décent et croissance économique",
}

func buildSDG(dir string) (sdgData, error) {
	goals, err := readYAMLFile(filepath.Join(dir, "global_goals.yml"))
	if err != nil {
		return sdgData{}, err
	}
	targets, err := readYAMLFile(filepath.Join(dir, "global_targets.yml"))
	if err != nil {
		return sdgData{}, err
	}
	indicators, err := readYAMLFile(filepath.Join(dir, "global_indicators.yml"))
	if err != nil {
		return sdgData{}, err
	}
	for _, m := range []map[string]string{goals, targets, indicators} {
		for k, v := range m {
			c, err := compose(squeeze(v))
			if err != nil {
				return sdgData{}, fmt.Errorf("%s: %w", k, err)
			}
			m[k] = c
		}
	}
	var d sdgData
	for n := 1; n <= 17; n++ {
		g := sdgGoal{Number: n, Colour: sdgColours[n],
			Short: squeeze(goals[fmt.Sprintf("%d-short", n)]), Title: squeeze(goals[fmt.Sprintf("%d-title", n)])}
		if fix, ok := sdgShortFixes[n]; ok {
			g.Short = fix
		}
		if g.Short == "" || g.Title == "" {
			return d, fmt.Errorf("goal %d: missing short or title", n)
		}
		d.Goals = append(d.Goals, g)
	}
	for key, title := range targets {
		parts := strings.Split(strings.TrimSuffix(key, "-title"), "-")
		if len(parts) != 2 || !strings.HasSuffix(key, "-title") {
			return d, fmt.Errorf("unexpected target key %q", key)
		}
		goal, err := strconv.Atoi(parts[0])
		if err != nil {
			return d, fmt.Errorf("target key %q: %w", key, err)
		}
		d.Targets = append(d.Targets, sdgTarget{Code: parts[0] + "." + parts[1], Goal: goal, Title: squeeze(title)})
	}
	for key, title := range indicators {
		parts := strings.Split(strings.TrimSuffix(key, "-title"), "-")
		if len(parts) != 3 || !strings.HasSuffix(key, "-title") {
			return d, fmt.Errorf("unexpected indicator key %q", key)
		}
		d.Indicators = append(d.Indicators, sdgIndicator{Code: strings.Join(parts, "."),
			Target: parts[0] + "." + parts[1], Title: squeeze(title)})
	}
	sort.Slice(d.Targets, func(i, j int) bool { return codeLess(d.Targets[i].Code, d.Targets[j].Code) })
	sort.Slice(d.Indicators, func(i, j int) bool { return codeLess(d.Indicators[i].Code, d.Indicators[j].Code) })
	return d, nil
}

func readYAMLFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := readFlatYAML(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// codeLess orders dotted SDG codes the UN way: numbers numerically, and lettered
// means-of-implementation targets (11.a) after the numbered ones.
func codeLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil:
			return na < nb
		case ea == nil:
			return true
		case eb == nil:
			return false
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}
