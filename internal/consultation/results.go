package consultation

import (
	"sort"
	"strings"
)

// Results are the figures of a consultation: what its synthesis and its public page show.
type Results struct {
	Total      int // contributions counted (all but the hidden ones)
	Hidden     int
	ByCategory []Count
	ByCommune  []Count // « Non renseigné » for those who gave none
	ByAge      []Count
	Questions  []QuestionResult
}

// Count is a number of contributions with a label.
type Count struct {
	Key   string
	Label string
	N     int
}

// Percent returns the share of n in total, rounded, for bars and tables.
func Percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

// QuestionResult is the result of one question.
type QuestionResult struct {
	Question Question
	Answered int // contributions that answered it
	// Choices: for a choice question, how many chose each choice (in the question's order); for a
	// ranking, Score is its Borda score (a choice ranked first of n gets n points, the last 1) and
	// Choices is sorted by score, best first.
	Choices []ChoiceResult
	// ByCategory: for a choice question, for each category, how many of its contributors chose each
	// choice (same order as Choices).
	ByCategory []CategoryBreakdown
	Texts      []TextAnswer // open answers of published contributions, newest first (synthesis shows all)
}

// ChoiceResult is one choice's figure.
type ChoiceResult struct {
	Choice string
	N      int // contributions that chose it (a ranking: that ranked it at all)
	Score  int // ranking only
	First  int // ranking only: how often ranked first
}

// CategoryBreakdown is a category's counts for each choice.
type CategoryBreakdown struct {
	Category Category
	Answered int
	Counts   []int
}

// TextAnswer is one open answer with who gave it, as far as may be shown.
type TextAnswer struct {
	ContributionID int64
	Category       Category
	Text           string
	State          Moderation
}

// Tally computes the results of c from its contributions. Hidden contributions are left out of every
// figure; open answers keep their moderation state, so that the public page shows only published ones.
func Tally(c Consultation, list []Contribution) Results {
	r := Results{}
	cats, communes, ages := map[string]int{}, map[string]int{}, map[string]int{}
	qs := make([]*questionTally, len(c.Questions))
	for i, q := range c.Questions {
		qs[i] = newQuestionTally(q)
	}
	for _, k := range list {
		if k.State == Hidden {
			r.Hidden++
			continue
		}
		r.Total++
		cats[string(k.Category)]++
		communes[normaliseCommune(k.Commune)]++
		ages[string(k.Age)]++
		for _, qt := range qs {
			if a, ok := k.Answer(qt.q.ID); ok {
				qt.add(k, a)
			}
		}
	}
	for _, cat := range c.Offered() {
		r.ByCategory = append(r.ByCategory, Count{Key: string(cat), Label: cat.Label(), N: cats[string(cat)]})
	}
	if c.AskCommune {
		r.ByCommune = sortedCounts(communes, func(k string) string {
			if k == "" {
				return "Non renseigné"
			}
			return k
		})
	}
	if c.AskAge {
		for _, a := range AgeBrackets {
			r.ByAge = append(r.ByAge, Count{Key: string(a), Label: a.Label(), N: ages[string(a)]})
		}
		if n := ages[""]; n > 0 {
			r.ByAge = append(r.ByAge, Count{Key: "", Label: "Non renseigné", N: n})
		}
	}
	for _, qt := range qs {
		r.Questions = append(r.Questions, qt.result(c.Offered()))
	}
	return r
}

// normaliseCommune groups « saint-belval », « Saint-Belval » and « Saint-Belval » under one spelling.
func normaliseCommune(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	r := []rune(strings.ToLower(s))
	up := true
	for i, ch := range r {
		if up {
			r[i] = []rune(strings.ToUpper(string(ch)))[0]
		}
		up = ch == ' ' || ch == '-' || ch == '\''
	}
	return string(r)
}

// sortedCounts lists a map's counts, largest first, ties by label.
func sortedCounts(m map[string]int, label func(string) string) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Label: label(k), N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Label < out[j].Label
	})
	return out
}

type questionTally struct {
	q        Question
	answered int
	index    map[string]int
	choices  []ChoiceResult
	byCat    map[Category]*CategoryBreakdown
	texts    []TextAnswer
}

func newQuestionTally(q Question) *questionTally {
	t := &questionTally{q: q, index: map[string]int{}, byCat: map[Category]*CategoryBreakdown{}}
	for i, ch := range q.Choices {
		t.index[ch] = i
		t.choices = append(t.choices, ChoiceResult{Choice: ch})
	}
	return t
}

func (t *questionTally) add(k Contribution, a Answer) {
	if a.Text == "" && len(a.Choices) == 0 {
		return
	}
	t.answered++
	if t.q.Kind == OpenText {
		if a.Text != "" {
			t.texts = append(t.texts, TextAnswer{ContributionID: k.ID, Category: k.Category, Text: a.Text, State: k.State})
		}
		return
	}
	b := t.byCat[k.Category]
	if b == nil {
		b = &CategoryBreakdown{Category: k.Category, Counts: make([]int, len(t.choices))}
		t.byCat[k.Category] = b
	}
	b.Answered++
	n := len(t.q.Choices)
	for rank, ch := range a.Choices {
		i, ok := t.index[ch]
		if !ok {
			continue // a choice the team removed since: its answers no longer count
		}
		t.choices[i].N++
		b.Counts[i]++
		if t.q.Kind == Ranking {
			t.choices[i].Score += n - rank
			if rank == 0 {
				t.choices[i].First++
			}
		}
	}
}

func (t *questionTally) result(cats []Category) QuestionResult {
	r := QuestionResult{Question: t.q, Answered: t.answered, Choices: t.choices}
	if t.q.Kind == Ranking {
		sort.SliceStable(r.Choices, func(i, j int) bool { return r.Choices[i].Score > r.Choices[j].Score })
	}
	if t.q.Kind.HasChoices() {
		for _, c := range cats {
			if b := t.byCat[c]; b != nil {
				if t.q.Kind == Ranking {
					b.Counts = reorder(b.Counts, t.q.Choices, r.Choices)
				}
				r.ByCategory = append(r.ByCategory, *b)
			}
		}
	}
	// newest first: contributions come oldest first
	for i := len(t.texts) - 1; i >= 0; i-- {
		r.Texts = append(r.Texts, t.texts[i])
	}
	return r
}

// reorder puts counts kept in the question's order into the order of sorted.
func reorder(counts []int, order []string, sorted []ChoiceResult) []int {
	pos := map[string]int{}
	for i, ch := range order {
		pos[ch] = i
	}
	out := make([]int, len(sorted))
	for i, s := range sorted {
		out[i] = counts[pos[s.Choice]]
	}
	return out
}

// PublicTexts returns the open answers that may appear publicly: those of published contributions.
func (q QuestionResult) PublicTexts() []TextAnswer {
	var out []TextAnswer
	for _, t := range q.Texts {
		if t.State == Published {
			out = append(out, t)
		}
	}
	return out
}
