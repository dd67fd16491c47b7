package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// monitoredWorkspace is a workspace whose strategy covered 2018–2022, so every yearly period has ended
// whatever the day the test runs: two indicators on a result, one increasing, one decreasing, nothing measured.
type monitoredWorkspace struct {
	app       *testApp
	authority model.Authority
	strategy  model.Strategy
	up, down  logframe.IndicatorRecord
}

func newMonitoredWorkspace(t *testing.T, st *store.Store) monitoredWorkspace {
	t.Helper()
	ctx := context.Background()
	app := newTestApp(t, st)
	a := app.workspace("Ville Suivie")
	s := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2018–2022", TermStart: 2018, TermEnd: 2022, Status: model.StrategyCurrent}
	must(t, st.CreateStrategy(ctx, store.Actor{}, &s, time.Date(2017, 9, 1, 0, 0, 0, 0, time.UTC)))
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: s.ID, SpecificObjective: logframe.SpecificObjective{Title: "Mobilité des jeunes"}}
	must(t, st.CreateObjective(ctx, store.Actor{}, &o))
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: s.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Des départs plus nombreux"}}
	must(t, st.CreateResult(ctx, store.Actor{}, &r))
	ind := func(title string, ascending bool, base, target int64) logframe.IndicatorRecord {
		in := logframe.IndicatorRecord{AuthorityID: a.ID, StrategyID: s.ID, Indicator: logframe.Indicator{Level: logframe.Ref{Kind: logframe.KindResult, ID: r.ID},
			Title: title, Measure: logframe.MeasureUnit, Unit: "jours", Ascending: ascending, Periodicity: "annuelle",
			Baseline: &logframe.Baseline{Value: new(number.Int(base)), Date: partialdate.Of(2017, 12, 31)},
			Targets:  []logframe.Target{{Date: partialdate.OfYear(2022), Value: new(number.Int(target))}}}}
		must(t, st.SaveIndicator(ctx, store.Actor{}, &in))
		return in
	}
	return monitoredWorkspace{app: app, authority: a, strategy: s, up: ind("Jeunes partis", true, 100, 600), down: ind("Délai de réponse", false, 30, 10)}
}

func (m monitoredWorkspace) indicatorPath(in logframe.IndicatorRecord) string {
	return "/ct/" + m.authority.Slug + "/suivi-evaluation/indicateurs/" + strconv.FormatInt(in.ID, 10)
}

// TestMeasurementEntryMovesProgressAndFreshness enters the measurements of every period: the status and
// the progress appear, and the freshness goes from none up to date to all of them.
func TestMeasurementEntryMovesProgressAndFreshness(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		m := newMonitoredWorkspace(t, st)
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		board := "/ct/" + m.authority.Slug + "/suivi-evaluation"
		c.get(board).mustContain(t, "Fraîcheur des données : 0", "0 indicateur à jour sur 2", "aucune mesure")
		years := []string{"2018", "2019", "2020", "2021", "2022"}
		for i, y := range years {
			// The increasing indicator keeps its trajectory (100 → 600 over five years); the decreasing one lags.
			up := url.Values{"mesure_valeur": {strconv.Itoa(200 + 100*i)}, "date": {"31/12/" + y}, "source": {"Bilan"}}
			if res := c.post(m.indicatorPath(m.up), up); res.status != http.StatusSeeOther || !strings.Contains(res.location, "periode="+y) {
				t.Fatalf("%s: %d %s\n%s", y, res.status, res.location, summaryText(res.body))
			}
			down := url.Values{"mesure_valeur": {"29,5"}, "date": {y}, "source": {"Fichier"}}
			if res := c.post(m.indicatorPath(m.down), down); res.status != http.StatusSeeOther {
				t.Fatalf("%s: %d\n%s", y, res.status, summaryText(res.body))
			}
		}
		c.get(board).mustContain(t, "Fraîcheur des données : 100", "2 indicateurs à jour sur 2", "dans les temps", "en retard")
		c.get(m.indicatorPath(m.up)).mustContain(t, "100\u202f%", "600 jours", "dans les temps")
		// 29,5 days against 30 → 10 is 2,5 % of the way: late, and the value kept exactly.
		c.get(m.indicatorPath(m.down)).mustContain(t, "29,5 jours", "3\u202f%", "en retard", "plus c'est bas, mieux c'est")
	})
}

// TestMeasurementRefusalsKeepWhatWasTyped sends a value of the wrong kind, a date outside the term and a
// second first entry of a period: a French message at the field, the typed values kept, nothing stored.
func TestMeasurementRefusalsKeepWhatWasTyped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		m := newMonitoredWorkspace(t, st)
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		tests := []struct {
			name  string
			form  url.Values
			field string
			says  string
		}{
			{"text for a number", url.Values{"mesure_valeur": {"beaucoup"}, "date": {"31/12/2019"}, "source": {"Source gardée"}}, "f-mesure_valeur", "Source gardée"},
			{"date outside the term", url.Values{"mesure_valeur": {"150"}, "date": {"15/03/2030"}, "source": {"Source gardée"}}, "f-date", "hors des périodes"},
			{"no date", url.Values{"mesure_valeur": {"150"}, "source": {"Source gardée"}}, "f-date", "Indiquez la date"},
		}
		for _, tt := range tests {
			res := c.post(m.indicatorPath(m.up), tt.form)
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d", tt.name, res.status)
				continue
			}
			res.mustContain(t, `id="`+tt.field+`-error"`, `value="Source gardée"`, tt.says)
		}
		if ms, _ := st.IndicatorMeasurements(context.Background(), m.authority.ID, m.up.ID); len(ms) != 0 {
			t.Errorf("refused forms stored %d measurements", len(ms))
		}
		ok := url.Values{"mesure_valeur": {"150"}, "date": {"2018"}}
		if res := c.post(m.indicatorPath(m.up), ok); res.status != http.StatusSeeOther {
			t.Fatalf("valid entry: %d", res.status)
		}
		// A second first entry of 2018 (another tab opened before the first was saved) is not a silent overwrite.
		if res := c.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"999"}, "date": {"30/06/2018"}}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("second first entry: %d", res.status)
		} else {
			res.mustContain(t, "qui a déjà sa mesure", `value="999"`)
		}
	})
}

// TestLockedPeriodNeedsAReason validates and locks a period: a référent cannot change it, an agent only with
// a reason, and the change is in the journal.
func TestLockedPeriodNeedsAReason(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		agent := m.app.signIn("agent@" + m.authority.Slug + ".test")
		if res := agent.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"150"}, "date": {"31/12/2018"}}); res.status != http.StatusSeeOther {
			t.Fatalf("entry: %d", res.status)
		}
		ms, _ := st.IndicatorMeasurements(ctx, m.authority.ID, m.up.ID)
		review := "/ct/" + m.authority.Slug + "/suivi-evaluation/mesures/" + strconv.FormatInt(ms[0].ID, 10) + "/revue"
		for v, step := range []monitoring.Step{monitoring.StepValidate, monitoring.StepLock} {
			if res := agent.post(review, url.Values{"version": {strconv.Itoa(v + 1)}, "etape": {string(step)}}); res.status != http.StatusSeeOther {
				t.Fatalf("%s: %d %s", step, res.status, res.body)
			}
		}
		page := agent.get(m.indicatorPath(m.up) + "?periode=2018")
		page.mustContain(t, "période verrouillée", `name="motif"`)
		// The référent owns the indicator but may not touch a locked value.
		ref := m.app.signIn("referent@" + m.authority.Slug + ".test")
		var refID int64
		members, _ := st.Members(ctx, m.authority.ID)
		for _, mb := range members {
			if mb.Role == access.Referent {
				refID = mb.User.ID
			}
		}
		must(t, st.SaveIndicatorOwner(ctx, store.Actor{}, &monitoring.Owner{AuthorityID: m.authority.ID, IndicatorID: m.up.ID, UserID: refID}))
		change := url.Values{"periode": {"2018"}, "version": {"3"}, "mesure_valeur": {"175"}, "date": {"31/12/2018"}}
		if res := ref.post(m.indicatorPath(m.up), change); res.status != http.StatusUnprocessableEntity {
			t.Errorf("référent's change of a locked value: %d", res.status)
		}
		if res := ref.post(review, url.Values{"version": {"3"}, "etape": {"rouvrir"}}); res.status != http.StatusForbidden {
			t.Errorf("référent reopening: %d", res.status)
		}
		res := agent.post(m.indicatorPath(m.up), change)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("agent's change without a reason: %d", res.status)
		}
		res.mustContain(t, `id="f-motif-error"`, `value="175"`)
		if got, _ := st.IndicatorMeasurements(ctx, m.authority.ID, m.up.ID); got[0].Value.Cmp(number.Int(150)) != 0 {
			t.Fatalf("the locked value changed silently: %v", got[0].Value)
		}
		change.Set("motif", "Erreur de report dans le bilan 2018")
		if res := agent.post(m.indicatorPath(m.up), change); res.status != http.StatusSeeOther {
			t.Fatalf("agent's change with a reason: %d\n%s", res.status, summaryText(res.body))
		}
		m.app.signIn("admin@"+m.authority.Slug+".test").get("/ct/"+m.authority.Slug+"/journal?objet=mesure").mustContain(t, "Erreur de report dans le bilan 2018", "150", "175")
	})
}

// TestMyUpdatesAndOwnership names a référent owner of one indicator: it appears in their list with its
// overdue periods, they may enter its values and not the other's.
func TestMyUpdatesAndOwnership(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		admin := m.app.signIn("admin@" + m.authority.Slug + ".test")
		members, _ := st.Members(ctx, m.authority.ID)
		var refID int64
		for _, mb := range members {
			if mb.Role == access.Referent {
				refID = mb.User.ID
			}
		}
		if res := admin.post(m.indicatorPath(m.down)+"/responsable", url.Values{"version": {"0"}, "responsable": {"999999"}}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("an owner outside the workspace: %d", res.status)
		}
		if res := admin.post(m.indicatorPath(m.down)+"/responsable", url.Values{"version": {"0"}, "responsable": {strconv.FormatInt(refID, 10)}, "poids": {"3"}}); res.status != http.StatusSeeOther {
			t.Fatalf("owner: %d\n%s", res.status, summaryText(res.body))
		}
		ref := m.app.signIn("referent@" + m.authority.Slug + ".test")
		mine := ref.get("/ct/" + m.authority.Slug + "/suivi-evaluation/a-mettre-a-jour")
		mine.mustContain(t, "Délai de réponse", "en retard de saisie", "2022")
		mine.mustLack(t, "Jeunes partis")
		ref.get("/ct/"+m.authority.Slug+"/").mustContain(t, "Ce que vous devez mettre à jour", "5 valeurs à saisir", "dont 5 en retard")
		if res := ref.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"150"}, "date": {"2018"}}); res.status != http.StatusForbidden {
			t.Errorf("référent on an indicator they do not keep: %d", res.status)
		}
		if res := ref.post(m.indicatorPath(m.down), url.Values{"mesure_valeur": {"25"}, "date": {"2018"}}); res.status != http.StatusSeeOther {
			t.Errorf("référent on their indicator: %d\n%s", res.status, summaryText(res.body))
		}
		// The partner reads the dashboard and the indicator, without the comments or who entered the values.
		_ = admin.post(m.indicatorPath(m.down), url.Values{"periode": {"2018"}, "version": {"1"}, "mesure_valeur": {"25"}, "date": {"2018"}, "commentaire": {"Note interne"}})
		partner := m.app.signIn("partenaire@" + m.authority.Slug + ".test")
		page := partner.get(m.indicatorPath(m.down))
		page.mustContain(t, "25 jours")
		page.mustLack(t, "Note interne", "saisie par", `name="mesure_valeur"`)
		if res := partner.post(m.indicatorPath(m.down), url.Values{"mesure_valeur": {"1"}, "date": {"2019"}}); res.status != http.StatusForbidden {
			t.Errorf("partner entry: %d", res.status)
		}
	})
}

// TestMeasurementImport previews a file with mixed errors (nothing written, each rejected line named), then
// imports a clean one whole.
func TestMeasurementImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		path := "/ct/" + m.authority.Slug + "/suivi-evaluation/import"
		bad := "Indicateur;Période;Valeur\nJeunes partis;2019;1 234,5\nJeunes partis;2020;beaucoup\nInconnu;2020;3\nDélai de réponse;2031;12\n"
		res := c.upload(path, "file", "mesures.csv", []byte(bad))
		if res.status != http.StatusOK {
			t.Fatalf("preview: %d\n%s", res.status, res.body)
		}
		res.mustContain(t, "Rien n'a encore été enregistré", "3 lignes sont rejetées", "beaucoup", "Inconnu", "2031")
		if strings.Contains(res.body, "/confirmation") {
			t.Error("a file with rejected lines can be confirmed")
		}
		good := "Indicateur;Période;Valeur;Source\nJeunes partis;2019;1 234,5;Bilan\nDélai de réponse;2020;12;Fichier\n"
		res = c.upload(path, "file", "mesures.csv", []byte(good))
		res.mustContain(t, "2 mesures prêtes", "nouvelle mesure")
		i := strings.Index(res.body, "/confirmation")
		action := res.body[strings.LastIndex(res.body[:i], `action="`)+len(`action="`) : i+len("/confirmation")]
		if res := c.post(action, url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d\n%s", res.status, summaryText(res.body))
		}
		ms, _ := st.Measurements(ctx, m.authority.ID, m.strategy.ID)
		if len(ms) != 2 || ms[0].Value.String() != "1234.5" {
			t.Errorf("imported: %+v", ms)
		}
	})
}

// TestEvaluationToItsRecommendations opens an evaluation (its snapshot frozen), adds a question and a
// recommendation, answers it, and checks a later measurement leaves the snapshot as it was.
func TestEvaluationToItsRecommendations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		m := newMonitoredWorkspace(t, st)
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		if res := c.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"150"}, "date": {"2018"}}); res.status != http.StatusSeeOther {
			t.Fatalf("measurement: %d", res.status)
		}
		list := "/ct/" + m.authority.Slug + "/suivi-evaluation/evaluations"
		if res := c.post(list, url.Values{"type": {"zzz"}, "conduite": {"externe"}, "titre": {"Évaluation finale"}}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("unknown kind: %d", res.status)
		} else {
			res.mustContain(t, `id="f-type-error"`, `value="Évaluation finale"`)
		}
		res := c.post(list, url.Values{"type": {"finale"}, "conduite": {"externe"}, "titre": {"Évaluation finale"}, "termes": {"Mesurer les effets."}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", res.status, summaryText(res.body))
		}
		eval := strings.SplitN(res.location, "?", 2)[0]
		if res := c.post(eval+"/questions", url.Values{"critere": {"impact"}, "question": {"Qu'est-ce qui a changé ?"}}); res.status != http.StatusSeeOther {
			t.Fatalf("question: %d\n%s", res.status, summaryText(res.body))
		}
		res = c.post(eval+"/recommandations", url.Values{"recommandation": {"Ouvrir un guichet mobilité"}, "porteur": {"Jeunesse"}, "suivi": {"a-engager"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("recommendation: %d\n%s", res.status, summaryText(res.body))
		}
		rec := strings.SplitN(res.location, "?", 2)[0]
		if res := c.post(rec, url.Values{"version": {"1"}, "recommandation": {"Ouvrir un guichet mobilité"}, "reponse_ct": {"acceptee"}, "suivi": {"en-cours"}}); res.status != http.StatusSeeOther {
			t.Fatalf("answer: %d\n%s", res.status, summaryText(res.body))
		}
		if res := c.post(rec, url.Values{"version": {"1"}, "recommandation": {"Autre"}, "suivi": {"en-cours"}}); res.status != http.StatusConflict {
			t.Errorf("stale recommendation form: %d", res.status)
		}
		if res := c.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"420"}, "date": {"2019"}}); res.status != http.StatusSeeOther {
			t.Fatalf("later measurement: %d", res.status)
		}
		page := c.get(eval)
		page.mustContain(t, "Évaluation finale", "150 jours", "Critère : impact", "Qu'est-ce qui a changé ?", "Ouvrir un guichet mobilité", "acceptée", "en cours")
		page.mustLack(t, "420 jours")
		m.app.signIn("partenaire@"+m.authority.Slug+".test").get(eval).mustContain(t, "Ouvrir un guichet mobilité", "Mesurer les effets.")
	})
}
