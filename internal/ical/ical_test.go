package ical

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// property is one unfolded content line, split into name, parameters and raw value.
type property struct {
	name, params, value string
}

// unfold is the tiny reader of the tests: it checks CRLF ends, joins continuation lines and splits each
// logical line at the first colon that is not inside the parameters.
func unfold(t *testing.T, data []byte) []property {
	t.Helper()
	text := string(data)
	if !strings.HasSuffix(text, "\r\n") {
		t.Fatal("feed does not end with CRLF")
	}
	if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\r") {
		t.Fatal("bare CR or LF in the feed")
	}
	var logical []string
	for _, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold split a UTF-8 sequence: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	props := make([]property, len(logical))
	for i, l := range logical {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		props[i] = property{name, params, value}
	}
	return props
}

func unescape(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n")
	return r.Replace(s)
}

func TestEscapeText(t *testing.T) {
	cases := map[string]string{
		"plain":                    "plain",
		"a, b; c":                  `a\, b\; c`,
		`C:\dossier`:               `C:\\dossier`,
		"ligne 1\nligne 2":         `ligne 1\nligne 2`,
		"windows\r\nmac\rend":      `windows\nmac\nend`,
		"bell\a and tab\tkept":     "bell and tab\tkept",
		"Élu·e : « délibération »": "Élu·e : « délibération »",
		"Comité\vde pilotage\x00":  `Comité\nde pilotage`,
		"C1\u0085next\u0090":       `C1\nnext`,
		"👩🏽‍🌾 agricultrice":        "👩🏽‍🌾 agricultrice",
		"\u202eoverride":           "\u202eoverride\u202c",
	}
	for in, want := range cases {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
		if got := unescape(escapeText(in)); !strings.ContainsAny(in, "\r\a\v\x00\u0085\u202e") && got != in {
			t.Errorf("round trip of %q gave %q", in, got)
		}
	}
}

func TestFolding(t *testing.T) {
	cases := []string{
		strings.Repeat("a", 74),
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("b", 400),
		strings.Repeat("é", 100),      // two octets each: a cut must move back one octet
		"X" + strings.Repeat("€", 60), // three octets each
		strings.Repeat("ab🌍", 50),     // four octets
		"DESCRIPTION:" + strings.Repeat("Comité de pilotage ", 12),
	}
	for _, in := range cases {
		var b bytes.Buffer
		line(&b, in)
		out := b.String()
		var joined strings.Builder
		for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Errorf("bad physical line %q (%d octets)", l, len(l))
			}
			if i > 0 {
				if !strings.HasPrefix(l, " ") {
					t.Errorf("continuation without a leading space: %q", l)
				}
				l = l[1:]
			}
			joined.WriteString(l)
		}
		if joined.String() != in {
			t.Errorf("unfolding gave %q, want %q", joined.String(), in)
		}
		if len(in) <= 75 && strings.Count(out, "\r\n") != 1 {
			t.Errorf("a %d-octet line was folded", len(in))
		}
	}
}

func TestCalendarRoundTrip(t *testing.T) {
	stamp := time.Date(2026, 11, 25, 14, 5, 0, 0, time.FixedZone("Paris", 3600))
	long := "Réunir les services, les associations et les partenaires ; préparer l'atelier, le compte rendu\net la suite."
	cal := Calendar{Name: "Stratégie internationale, Ville de Montreuil", Stamp: stamp, Events: []Event{
		{UID: "activite-1@strategie-7", Start: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 6, 15, 0, 0, 0, 0, time.UTC),
			Summary: "Diagnostic partagé", Description: long, URL: "https://exemple.fr/s/7/activites/1?vue=gantt&x=1",
			Categories: []string{"Activité", "Coopération, solidarité"}},
		{UID: "jalon-2@strategie-7", Start: time.Date(2027, 9, 30, 23, 0, 0, 0, time.FixedZone("Paris", 7200)), Summary: "Délibération"},
	}}
	props := unfold(t, Marshal(cal))
	get := func(from int, name string) (property, int) {
		for i := from; i < len(props); i++ {
			if props[i].name == name {
				return props[i], i
			}
		}
		t.Fatalf("no %s after line %d", name, from)
		return property{}, 0
	}
	if p, _ := get(0, "X-WR-CALNAME"); unescape(p.value) != cal.Name {
		t.Errorf("X-WR-CALNAME = %q", p.value)
	}
	if p, _ := get(0, "VERSION"); p.value != "2.0" {
		t.Errorf("VERSION = %q", p.value)
	}
	_, first := get(0, "BEGIN")
	_, ev1 := get(first+1, "BEGIN")
	checks := []struct {
		from         int
		name, params string
		value        string
	}{
		{ev1, "UID", "", "activite-1@strategie-7"},
		{ev1, "DTSTAMP", "", "20261125T130500Z"},
		{ev1, "DTSTART", "VALUE=DATE", "20270301"},
		{ev1, "DTEND", "VALUE=DATE", "20270615"},
		{ev1, "SUMMARY", "", "Diagnostic partagé"},
		{ev1, "DESCRIPTION", "", long},
		{ev1, "URL", "", "https://exemple.fr/s/7/activites/1?vue=gantt&x=1"},
		{ev1, "CATEGORIES", "", `Activité,Coopération\, solidarité`},
	}
	for _, c := range checks {
		p, _ := get(c.from, c.name)
		value := p.value
		if c.name == "DESCRIPTION" || c.name == "SUMMARY" {
			value = unescape(value)
		}
		if p.params != c.params || value != c.value {
			t.Errorf("%s;%s:%q, want ;%s:%q", c.name, p.params, value, c.params, c.value)
		}
	}
	_, ev2 := get(ev1+1, "BEGIN")
	if p, _ := get(ev2, "DTSTART"); p.value != "20270930" {
		t.Errorf("milestone starts %q, want its local calendar date 20270930", p.value)
	}
	if p, _ := get(ev2, "DTEND"); p.value != "20271001" {
		t.Errorf("milestone ends %q, want the next day (exclusive)", p.value)
	}
	var names []string
	for _, p := range props {
		if p.name == "BEGIN" || p.name == "END" {
			names = append(names, p.name+":"+p.value)
		}
	}
	want := []string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR"}
	if !slices.Equal(names, want) {
		t.Errorf("components = %v", names)
	}
}

func TestStableOutput(t *testing.T) {
	cal := Calendar{Name: "x", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Events: []Event{{UID: "a", Start: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Summary: "A"}}}
	if !bytes.Equal(Marshal(cal), Marshal(cal)) {
		t.Error("two exports of the same calendar differ")
	}
	var b bytes.Buffer
	if _, err := cal.WriteTo(&b); err != nil || !bytes.Equal(b.Bytes(), Marshal(cal)) {
		t.Errorf("WriteTo differs from Marshal: %v", err)
	}
}
