package diagnostic

import (
	"reflect"
	"strings"
	"testing"

	"boussole/internal/partialdate"
)

func validSession() Session {
	return Session{
		ID: "s1", Date: partialdate.Of(2026, 3, 12), Title: "Présentation aux directeurs",
		Audiences: []Audience{AudienceServices}, Format: FormatMeeting,
		Attendees: []Attendee{{Name: "Anne Martin", Service: "Culture"}},
	}
}

func TestSessionValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Session)
		field  string
	}{
		{"valid", func(*Session) {}, ""},
		{"élu without service", func(s *Session) { s.Attendees = append(s.Attendees, Attendee{Name: "M. le maire"}) }, ""},
		{"no date", func(s *Session) { s.Date = partialdate.Date{} }, "date"},
		{"no title", func(s *Session) { s.Title = "" }, "title"},
		{"no audience", func(s *Session) { s.Audiences = nil }, "audiences"},
		{"unknown audience", func(s *Session) { s.Audiences = []Audience{"presse"} }, "audiences"},
		{"no format", func(s *Session) { s.Format = "" }, "format"},
		{"attendee without name", func(s *Session) { s.Attendees = append(s.Attendees, Attendee{Service: "Sport"}) }, "attendees.1.name"},
		{"outcomes too long", func(s *Session) { s.Outcomes = strings.Repeat("x", maxOutcomes+1) }, "outcomes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := validSession()
			tc.change(&s)
			checkErrors(t, s.Validate(), tc.field)
		})
	}
}

func TestServiceCoverage(t *testing.T) {
	sessions := []Session{
		{Attendees: []Attendee{{"A", "Culture"}, {"B", "culture "}, {"C", "Jeunesse"}, {"D", ""}}},
		{Attendees: []Attendee{{"A", "Culture"}, {"E", "Communication"}}},
	}
	got := ServiceCoverage(sessions, []string{"Culture", "Jeunesse", "Sport", "Eau et assainissement", "sport"})
	want := []ServiceReach{
		{Service: "Culture", Sessions: 2, Attendees: 3, Listed: true},
		{Service: "Jeunesse", Sessions: 1, Attendees: 1, Listed: true},
		{Service: "Sport", Listed: true},
		{Service: "Eau et assainissement", Listed: true},
		{Service: "Communication", Sessions: 1, Attendees: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coverage:\n got %+v\nwant %+v", got, want)
	}
	if u := Unreached(got); !reflect.DeepEqual(u, []string{"Sport", "Eau et assainissement"}) {
		t.Errorf("unreached = %v", u)
	}
}

func TestLabelsAreFrench(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{AudienceElected.Label(), "Élus"},
		{FormatSeminar.Label(), "Séminaire"},
		{Opportunities.Label(), "Opportunités"},
		{ScopeAuthority.Label(), "La CT elle-même"},
		{KindDecentralised.Label(), "Coopération décentralisée"},
		{StatusEnded.Label(), "Terminée"},
		{DecisionStop.Label(), "Arrêter"},
		{NoDecision.Label(), "Pas encore décidé"},
	} {
		if tc.got != tc.want {
			t.Errorf("label %q, want %q", tc.got, tc.want)
		}
	}
}
