package diagnostic

import (
	"boussole/internal/fielderr"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestGuidingQuestions(t *testing.T) {
	for _, tc := range []struct {
		q        Quadrant
		min      int
		boussole bool
		first    string
	}{
		{Strengths, 5, false, "Qu'est-ce qui vous rend unique ?"},
		{Weaknesses, 4, false, "Que pourriez-vous améliorer ?"},
		{Opportunities, 3, true, ""},
		{Threats, 3, true, ""},
	} {
		qs := GuidingQuestions(tc.q)
		if len(qs) < tc.min {
			t.Errorf("%s: %d questions, want at least %d", tc.q, len(qs), tc.min)
			continue
		}
		for _, q := range qs {
			if q.Boussole != tc.boussole || !strings.HasSuffix(q.Text, " ?") {
				t.Errorf("%s: question %+v badly marked or not a question", tc.q, q)
			}
		}
		if tc.first != "" && qs[0].Text != tc.first {
			t.Errorf("%s: first question %q, want %q", tc.q, qs[0].Text, tc.first)
		}
	}
	if GuidingQuestions("autre") != nil {
		t.Error("an unknown quadrant has questions")
	}
}

func TestQuadrantAxes(t *testing.T) {
	for _, tc := range []struct {
		q                  Quadrant
		internal, positive bool
	}{
		{Strengths, true, true}, {Weaknesses, true, false}, {Opportunities, false, true}, {Threats, false, false},
	} {
		if tc.q.Internal() != tc.internal || tc.q.Positive() != tc.positive {
			t.Errorf("%s: internal %v positive %v", tc.q, tc.q.Internal(), tc.q.Positive())
		}
	}
}

func validItem() Item {
	return Item{ID: "i1", Quadrant: Strengths, Scope: ScopeTerritory, Text: "Un tissu associatif dense.", Weight: 2, ProposedBy: "Service culture"}
}

func TestItemValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Item)
		field  string
	}{
		{"valid", func(*Item) {}, ""},
		{"text of 500 accented characters", func(it *Item) { it.Text = strings.Repeat("é", MaxItemText) }, ""},
		{"weight 3", func(it *Item) { it.Weight = 3 }, ""},
		{"empty text", func(it *Item) { it.Text = "" }, "text"},
		{"blank text", func(it *Item) { it.Text = " \n\t" }, "text"},
		{"text of 501 characters", func(it *Item) { it.Text = strings.Repeat("é", MaxItemText+1) }, "text"},
		{"weight 0", func(it *Item) { it.Weight = 0 }, "weight"},
		{"weight 4", func(it *Item) { it.Weight = 4 }, "weight"},
		{"unknown quadrant", func(it *Item) { it.Quadrant = "atouts" }, "quadrant"},
		{"unknown scope", func(it *Item) { it.Scope = "" }, "scope"},
		{"evidence too long", func(it *Item) { it.Evidence = strings.Repeat("x", maxEvidence+1) }, "evidence"},
		{"proposer too long", func(it *Item) { it.ProposedBy = strings.Repeat("x", maxName+1) }, "proposedBy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := validItem()
			tc.change(&it)
			checkErrors(t, it.Validate(), tc.field)
		})
	}
}

func TestItemValidateMessageIsFrench(t *testing.T) {
	it := validItem()
	it.Text = strings.Repeat("a", 501)
	if msg := it.Validate().For("text"); msg != "Ce texte ne doit pas dépasser 500 caractères (il en compte 501)." {
		t.Errorf("message = %q", msg)
	}
}

// matrix has three forces a, b, c and one opportunity x, stored out of order with gaps in positions.
func matrix() []Item {
	return []Item{
		{ID: "x", Quadrant: Opportunities, Scope: ScopeActors, Text: "X", Weight: 1, Position: 1},
		{ID: "c", Quadrant: Strengths, Scope: ScopeTerritory, Text: "C", Weight: 1, Position: 9},
		{ID: "a", Quadrant: Strengths, Scope: ScopeTerritory, Text: "A", Weight: 1, Position: 1, Links: []string{"o1"}},
		{ID: "b", Quadrant: Strengths, Scope: ScopeTerritory, Text: "B", Weight: 3, Position: 4, Links: []string{"o1", "o2"}},
	}
}

// order renders items as "id:position" in display order.
func order(items []Item) string {
	var parts []string
	for _, it := range items {
		parts = append(parts, it.ID+":"+string(rune('0'+it.Position)))
	}
	return strings.Join(parts, " ")
}

func TestReorder(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   func([]Item) ([]Item, error)
		want string
		err  error
	}{
		{"renumber only", func(m []Item) ([]Item, error) { return Renumber(m), nil }, "a:1 b:2 c:3 x:1", nil},
		{"move last to first", func(m []Item) ([]Item, error) { return MoveTo(m, "c", 1) }, "c:1 a:2 b:3 x:1", nil},
		{"move beyond the end is clamped", func(m []Item) ([]Item, error) { return MoveTo(m, "a", 99) }, "b:1 c:2 a:3 x:1", nil},
		{"move before the start is clamped", func(m []Item) ([]Item, error) { return MoveTo(m, "b", -3) }, "b:1 a:2 c:3 x:1", nil},
		{"move down", func(m []Item) ([]Item, error) { return MoveDown(m, "a") }, "b:1 a:2 c:3 x:1", nil},
		{"move up", func(m []Item) ([]Item, error) { return MoveUp(m, "c") }, "a:1 c:2 b:3 x:1", nil},
		{"move the first up keeps it first", func(m []Item) ([]Item, error) { return MoveUp(m, "a") }, "a:1 b:2 c:3 x:1", nil},
		{"move the only item of a quadrant", func(m []Item) ([]Item, error) { return MoveDown(m, "x") }, "a:1 b:2 c:3 x:1", nil},
		{"unknown item", func(m []Item) ([]Item, error) { return MoveTo(m, "zz", 1) }, "", ErrItemNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := matrix()
			got, err := tc.op(in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if o := order(got); o != tc.want {
				t.Errorf("order = %q, want %q", o, tc.want)
			}
			if !reflect.DeepEqual(in, matrix()) {
				t.Error("the input was modified")
			}
		})
	}
}

func TestMerge(t *testing.T) {
	for _, tc := range []struct {
		name       string
		items      func() []Item
		keep, gone string
		err        error
		errField   string
		check      func(t *testing.T, got []Item)
	}{
		{name: "joins text, keeps heaviest weight, carries links", items: matrix, keep: "a", gone: "b",
			check: func(t *testing.T, got []Item) {
				if order(got) != "a:1 c:2 x:1" {
					t.Errorf("order = %q", order(got))
				}
				a := got[0]
				if a.Text != "A\nB" || a.Weight != 3 || !reflect.DeepEqual(a.Links, []string{"o1", "o2"}) {
					t.Errorf("merged = %+v", a)
				}
			}},
		{name: "identical texts and evidence are not repeated", keep: "a", gone: "b",
			items: func() []Item {
				m := matrix()
				m[2].Evidence, m[3].Evidence, m[3].Text = "INSEE 2024", "INSEE 2024", "A"
				m[2].ProposedBy, m[3].ProposedBy = "Culture", "Jeunesse"
				return m
			},
			check: func(t *testing.T, got []Item) {
				if a := got[0]; a.Text != "A" || a.Evidence != "INSEE 2024" || a.ProposedBy != "Culture, Jeunesse" {
					t.Errorf("merged = %+v", a)
				}
			}},
		{name: "different quadrants", items: matrix, keep: "a", gone: "x", err: ErrMergeQuadrant},
		{name: "with itself", items: matrix, keep: "a", gone: "a", err: ErrMergeSelf},
		{name: "unknown item", items: matrix, keep: "a", gone: "zz", err: ErrItemNotFound},
		{name: "merged text too long", keep: "a", gone: "b", errField: "text",
			items: func() []Item {
				m := matrix()
				m[2].Text, m[3].Text = strings.Repeat("a", 300), strings.Repeat("b", 300)
				return m
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.items()
			before := tc.items()
			got, err := Merge(in, tc.keep, tc.gone)
			switch {
			case tc.errField != "":
				var errs fielderr.List
				if !errors.As(err, &errs) || !errs.Has(tc.errField) {
					t.Fatalf("err = %v, want a message for %q", err, tc.errField)
				}
			case !errors.Is(err, tc.err):
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if tc.check != nil {
				tc.check(t, got)
			}
			if !reflect.DeepEqual(in, before) {
				t.Error("the input was modified")
			}
		})
	}
}
