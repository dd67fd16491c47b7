package document

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"boussole/internal/partialdate"
)

func TestSnapshotRoundTripKeepsEveryBlockAndItsHash(t *testing.T) {
	src := sampleSource()
	d, snap, hash, err := Freeze(src, Choice{Text: map[SectionKey]string{SecVision: "Texte libre"}},
		Vote{On: partialdate.OfMonth(2020, time.December), Body: "conseil communautaire", Number: "2020-12-04", Result: "adoptée à l'unanimité"})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(snap)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Error("la version figée relue diffère de celle écrite")
	}
	if Hash(back) != hash || len(hash) != 64 {
		t.Errorf("empreinte %q, recalculée %q", hash, Hash(back))
	}
	lines := strings.Join(back.Cover.Lines, "\n")
	for _, w := range []string{"Adoptée par le conseil communautaire en décembre 2020 (délibération n° 2020-12-04) : adoptée à l'unanimité", hash} {
		if !strings.Contains(lines, w) {
			t.Errorf("couverture sans %q :\n%s", w, lines)
		}
	}
	// Any change of content changes the hash; the cover does not count.
	back.Sections[0].Blocks = append(back.Sections[0].Blocks, Paragraph{Text: "ajout"})
	if Hash(back) == hash {
		t.Error("un ajout ne change pas l'empreinte")
	}
	d.Cover.Lines = nil
	if Hash(d) != hash {
		t.Error("la couverture change l'empreinte")
	}
}

func TestDecodeRefusesUnknownFormats(t *testing.T) {
	for _, bad := range []string{"", "{", `{"format":2}`, `{"format":1,"sections":[{"blocks":[{"type":"script"}]}]}`} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("%q accepté", bad)
		}
	}
}

func TestCompareSaysWhatChangedBySection(t *testing.T) {
	src := sampleSource()
	old := Strategy(src, Choice{Omit: map[SectionKey]bool{SecAnnexes: true}})
	src.Framework.Key.Vision = "Une autre vision"
	now := Strategy(src, Choice{Omit: map[SectionKey]bool{SecPrinciples: true}})
	got := map[string]Change{}
	for _, c := range Compare(old, now) {
		got[c.Title] = c.Change
	}
	want := map[string]Change{"Vision": Changed, "Mission": Unchanged, "Annexes": Added, "Principes": Removed, "Diagnostic": Unchanged}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s : %q, attendu %q", k, got[k], v)
		}
	}
}

func TestVoteValidation(t *testing.T) {
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	ok := Vote{On: partialdate.OfMonth(2020, time.December), Body: "conseil municipal", Result: "adoptée"}
	if errs := ok.Validate(today); len(errs) != 0 {
		t.Errorf("vote valide refusé : %v", errs)
	}
	bad := Vote{On: partialdate.OfYear(2027), Body: "sénat", Number: strings.Repeat("1", 51)}
	fields := map[string]bool{}
	for _, e := range bad.Validate(today) {
		fields[e.Field] = true
	}
	for _, f := range []string{"date", "body", "number", "result"} {
		if !fields[f] {
			t.Errorf("champ %s non signalé", f)
		}
	}
}
