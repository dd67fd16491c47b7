package consultation

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/textkey"
)

// The limits of a contribution's themes: a few short words the team groups open answers under.
const (
	MaxThemes   = 8
	MaxThemeLen = 60
)

// ParseThemes reads the themes the team typed, separated by commas or semicolons: trimmed, spaces
// collapsed, each kept once (ignoring case and accents). It returns a French message when a theme is too
// long or there are too many.
func ParseThemes(s string) ([]string, string) {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		theme := strings.Join(strings.Fields(part), " ")
		key := textkey.Fold(theme)
		if key == "" || seen[key] {
			continue
		}
		if utf8.RuneCountInString(theme) > MaxThemeLen {
			return nil, "Le thème « " + string([]rune(theme)[:20]) + "… » est trop long : " + strconv.Itoa(MaxThemeLen) + " caractères au plus."
		}
		seen[key] = true
		out = append(out, theme)
	}
	if len(out) > MaxThemes {
		return nil, "Choisissez " + strconv.Itoa(MaxThemes) + " thèmes au plus pour une contribution."
	}
	return out, ""
}

// ThemeCount is how many contributions the team filed under a theme.
type ThemeCount struct {
	Theme string
	Count int
}

// CountThemes counts the visible contributions by theme, most frequent first, and how many visible
// contributions with an open answer have no theme yet: what the team still has to read.
func CountThemes(list []Contribution) (counts []ThemeCount, untagged int) {
	byKey := map[string]*ThemeCount{}
	for _, k := range list {
		if k.State == Hidden {
			continue
		}
		if len(k.Themes) == 0 && k.hasText() {
			untagged++
		}
		for _, t := range k.Themes {
			key := textkey.Fold(t)
			if c := byKey[key]; c != nil {
				c.Count++
			} else {
				byKey[key] = &ThemeCount{Theme: t, Count: 1}
			}
		}
	}
	for _, c := range byKey {
		counts = append(counts, *c)
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Count != counts[j].Count {
			return counts[i].Count > counts[j].Count
		}
		return counts[i].Theme < counts[j].Theme
	})
	return counts, untagged
}

func (k Contribution) hasText() bool {
	for _, a := range k.Answers {
		if strings.TrimSpace(a.Text) != "" {
			return true
		}
	}
	return false
}
