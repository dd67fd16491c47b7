package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"boussole/internal/comment"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		ctx := context.Background()
		o := model.Objective{AuthorityID: b.ID, StrategyID: strategyB.ID, SpecificObjective: logframe.SpecificObjective{Title: "Objectif commenté de B"}}
		must(t, st.CreateObjective(ctx, store.Actor{}, &o))
		adminB, err := st.UserByEmail(ctx, "admin@"+b.Slug+".test")
		must(t, err)
		c := model.Comment{AuthorityID: b.ID, Kind: comment.KindObjective, ElementID: o.ID, Text: "Commentaire de B"}
		_, err = st.CreateComment(ctx, store.Actor{UserID: adminB.ID, Label: adminB.Name}, &c, nil)
		must(t, err)
		return map[string]string{"comment": fmt.Sprint(c.ID)}
	})
}

// recordingSender is a configured mail server that keeps what it is asked to send.
type recordingSender struct {
	mu   sync.Mutex
	sent []string // "to|subject|body"
}

func (r *recordingSender) Send(to, subject, body string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, to+"|"+subject+"|"+body)
	return nil
}

func (*recordingSender) Configured() bool { return true }

// postComment posts a comment (parent 0) or a reply on an element.
func postComment(c *client, kind comment.Kind, id string, parent int64, text string) response {
	c.t.Helper()
	field := "texte"
	if parent != 0 {
		field = fmt.Sprintf("reponse-%d", parent)
	}
	return c.post("/ct/ville-alpha/commentaires", url.Values{"objet": {string(kind)}, "element": {id}, "parent": {fmt.Sprint(parent)}, field: {text}})
}

func lastComment(t *testing.T, st *store.Store, au model.Authority, kind comment.Kind, id string) model.Comment {
	t.Helper()
	var n int64
	fmt.Sscan(id, &n)
	list, err := st.Comments(context.Background(), au.ID, kind, n)
	must(t, err)
	if len(list) == 0 {
		t.Fatal("no comment stored")
	}
	return list[len(list)-1]
}

func TestCommentThreadMentionsAndState(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, admin, au, _, ids := frameworkApp(t, st)
		mail := &recordingSender{}
		app.app.mail = mail
		elu := app.signIn("elu@ville-alpha.test")
		page := "/ct/ville-alpha/cadre-logique/objectifs/" + ids["objective"]
		elu.get(page).mustContain(t, "Aucun commentaire pour l'instant", "Votre commentaire", "@Admin Ville Alpha")

		res := postComment(elu, comment.KindObjective, ids["objective"], 0, "Qui porte cet objectif ? @admin ville alpha, pouvez-vous préciser ?")
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, page+"?ok=commentaire#commentaire-") {
			t.Fatalf("post: %d %q\n%s", res.status, res.location, res.body)
		}
		first := lastComment(t, st, au, comment.KindObjective, ids["objective"])
		elu.get(res.location).mustContain(t, "Qui porte cet objectif ?", `<strong class="mention">@admin ville alpha</strong>`, "Élu·e Ville Alpha", "À traiter", "Modifier", "Votre commentaire est publié.")

		// The administrator is notified in the application and by email.
		admin.get("/ct/ville-alpha/").mustContain(t, `Notifications <span class="badge">1`)
		admin.get("/ct/ville-alpha/notifications").mustContain(t, "Élu·e Ville Alpha</strong> vous a mentionné·e", "« Objectif de Ville Alpha »", "Tout marquer comme lu")
		if len(mail.sent) != 1 || !strings.HasPrefix(mail.sent[0], "admin@ville-alpha.test|Boussole : Élu·e Ville Alpha vous a mentionné·e|") ||
			!strings.Contains(mail.sent[0], page+"#commentaire-"+fmt.Sprint(first.ID)) {
			t.Errorf("mail: %q", mail.sent)
		}
		wantStatus(t, admin.post("/ct/ville-alpha/notifications/lues", nil), http.StatusSeeOther, "mark read")
		if strings.Contains(admin.get("/ct/ville-alpha/").body, `Notifications <span class="badge">`) {
			t.Error("the badge stays after marking read")
		}

		// A reply, then a reply to the reply, both under the first comment; not editable by others.
		wantStatus(t, postComment(admin, comment.KindObjective, ids["objective"], first.ID, "La DRI, avec le service jeunesse."), http.StatusSeeOther, "reply")
		reply := lastComment(t, st, au, comment.KindObjective, ids["objective"])
		elu.get("/ct/ville-alpha/notifications").mustContain(t, "Admin Ville Alpha</strong> a répondu à votre commentaire")
		wantStatus(t, postComment(elu, comment.KindObjective, ids["objective"], reply.ID, "Merci !"), http.StatusSeeOther, "reply to reply")
		if again := lastComment(t, st, au, comment.KindObjective, ids["objective"]); again.ParentID != first.ID {
			t.Errorf("reply to a reply hangs under %d", again.ParentID)
		}
		wantStatus(t, admin.get(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/modifier", first.ID)), http.StatusForbidden, "edit by another")
		wantStatus(t, admin.post(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/suppression", first.ID), nil), http.StatusForbidden, "delete by another")

		// The author edits, then deletes after confirming: the replies stay under « commentaire supprimé ».
		edit := fmt.Sprintf("/ct/ville-alpha/commentaires/%d/modifier", first.ID)
		elu.get(edit).mustContain(t, "Qui porte cet objectif ?")
		res = elu.post(edit, url.Values{"version": {"1"}, "texte": {""}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "empty edit")
		res.mustContain(t, `id="f-texte-error"`, "Écrivez votre commentaire.")
		wantStatus(t, elu.post(edit, url.Values{"version": {"1"}, "texte": {"Qui porte cet objectif, et avec quel budget ?"}}), http.StatusSeeOther, "edit")
		res = elu.post(edit, url.Values{"version": {"1"}, "texte": {"Texte d'un autre onglet"}})
		wantStatus(t, res, http.StatusConflict, "stale edit")
		res.mustContain(t, "modifié entre-temps", "Texte d'un autre onglet", "avec quel budget ?")
		elu.get(page).mustContain(t, "avec quel budget ?", "(modifié le")
		elu.get(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/suppression", first.ID)).mustContain(t, "Supprimer votre commentaire ?", "avec quel budget ?")
		wantStatus(t, elu.post(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/suppression", first.ID), nil), http.StatusSeeOther, "delete")
		body := elu.get(page)
		body.mustContain(t, "Commentaire supprimé.", "La DRI, avec le service jeunesse.", "Merci !")
		if strings.Contains(body.body, "avec quel budget") {
			t.Error("the deleted text is still shown")
		}

		// State: anyone who may comment toggles it; the list filters on it.
		second := model.Comment{AuthorityID: au.ID, Kind: comment.KindIndicator, Text: "La cible 2032 paraît haute."}
		fmt.Sscan(ids["indicator"], &second.ElementID)
		_, err := st.CreateComment(context.Background(), store.Actor{}, &second, nil)
		must(t, err)
		list := elu.get("/ct/ville-alpha/commentaires")
		list.mustContain(t, "La cible 2032 paraît haute.", "sur l'indicateur", "Marquer comme traité")
		agent := app.signIn("agent@ville-alpha.test")
		res = agent.post(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/etat", second.ID), url.Values{"etat": {"traite"}, "retour": {"liste"}, "filtre": {"a-traiter"}})
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/ct/ville-alpha/commentaires?etat=a-traiter&strategie=") {
			t.Fatalf("state: %d %q", res.status, res.location)
		}
		if strings.Contains(elu.get("/ct/ville-alpha/commentaires").body, "La cible 2032") {
			t.Error("a handled comment is listed as to do")
		}
		elu.get("/ct/ville-alpha/commentaires?etat=traite").mustContain(t, "La cible 2032 paraît haute.", "Remettre à traiter")
		wantStatus(t, agent.post(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/etat", second.ID), url.Values{"etat": {"fini"}}), http.StatusBadRequest, "unknown state")
	})
}

func TestCommentBadInputKeepsTheText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, admin, au, _, ids := frameworkApp(t, st)
		res := postComment(admin, comment.KindActivity, ids["activity"], 0, "   ")
		wantStatus(t, res, http.StatusUnprocessableEntity, "empty")
		res.mustContain(t, `id="f-texte-error"`, "Écrivez votre commentaire.", `href="#f-texte"`, `aria-invalid="true"`)
		long := strings.Repeat("Très long. ", 400) + "fin"
		res = postComment(admin, comment.KindActivity, ids["activity"], 0, long)
		wantStatus(t, res, http.StatusUnprocessableEntity, "too long")
		res.mustContain(t, "4\u202f000 caractères au plus", strings.TrimSpace(long))
		wantStatus(t, postComment(admin, comment.KindActivity, ids["activity"], 0, "Budget à confirmer."), http.StatusSeeOther, "ok")
		first := lastComment(t, st, au, comment.KindActivity, ids["activity"])
		res = postComment(admin, comment.KindActivity, ids["activity"], first.ID, "")
		wantStatus(t, res, http.StatusUnprocessableEntity, "empty reply")
		res.mustContain(t, fmt.Sprintf(`id="f-reponse-%d-error"`, first.ID), fmt.Sprintf(`href="#f-reponse-%d"`, first.ID))
		// Markup is text; control characters (a NUL PostgreSQL would refuse) go; the rest is kept as typed.
		hostile := "<script>alert(1)</script> a\x00 b\u202eZWJ 👩🏽\u200d🌾\x01"
		wantStatus(t, postComment(admin, comment.KindActivity, ids["activity"], 0, hostile), http.StatusSeeOther, "hostile")
		stored := lastComment(t, st, au, comment.KindActivity, ids["activity"])
		if strings.ContainsRune(stored.Text, 0) || !strings.Contains(stored.Text, "a b\u202eZWJ 👩🏽\u200d🌾") {
			t.Errorf("stored %q", stored.Text)
		}
		page := admin.get("/ct/ville-alpha/cadre-logique/activites/" + ids["activity"])
		if strings.Contains(page.body, "<script>alert(1)") || !strings.Contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("a comment's markup is not escaped")
		}
		// Unknown kinds and elements are 404, never an error text.
		wantStatus(t, postComment(admin, comment.Kind("projet"), ids["activity"], 0, "x"), http.StatusNotFound, "unknown kind")
		wantStatus(t, postComment(admin, comment.KindActivity, "999999", 0, "x"), http.StatusNotFound, "unknown element")
		wantStatus(t, postComment(admin, comment.KindResult, ids["result"], first.ID, "x"), http.StatusNotFound, "reply under another element")
		wantStatus(t, postComment(admin, comment.KindActivity, ids["activity"], 999999, ""), http.StatusNotFound, "refused reply under no comment")
		// A refused reply to a reply is shown in its thread's form, whose field exists on the page.
		wantStatus(t, postComment(admin, comment.KindActivity, ids["activity"], first.ID, "Oui."), http.StatusSeeOther, "reply")
		reply := lastComment(t, st, au, comment.KindActivity, ids["activity"])
		res = postComment(admin, comment.KindActivity, ids["activity"], reply.ID, "")
		wantStatus(t, res, http.StatusUnprocessableEntity, "empty reply to a reply")
		res.mustContain(t, fmt.Sprintf(`id="f-reponse-%d-error"`, first.ID), fmt.Sprintf(`href="#f-reponse-%d"`, first.ID))
	})
}

func TestCommentsFollowTheRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, admin, au, _, ids := frameworkApp(t, st)
		ctx := context.Background()
		sh := stakeholder.Stakeholder{Name: "Université de Belval", Kind: stakeholder.KindUniversity}
		must(t, st.CreateStakeholder(ctx, store.Actor{}, au.ID, &sh))
		shID := fmt.Sprint(sh.ID)
		expert := model.User{Email: "expert@reseau.test", Name: "Experte Réseau", PasswordHash: testPasswordHash}
		must(t, st.CreateUser(ctx, &expert))
		must(t, st.CreateGrant(ctx, store.Actor{}, au.ID, expert.ID, "Réseau"))

		// The expert with a grant comments on the stakeholder map and mentions the élu.
		ex := app.signIn("expert@reseau.test")
		wantStatus(t, postComment(ex, comment.KindStakeholder, shID, 0, "À associer au comité. @Élu·e Ville Alpha @Partenaire Ville Alpha"), http.StatusSeeOther, "expert")
		elu := app.signIn("elu@ville-alpha.test")
		elu.get("/ct/ville-alpha/notifications").mustContain(t, "Experte Réseau</strong> vous a mentionné·e", "la partie prenante")
		// Opening the element marks the mention read: the badge goes.
		elu.get("/ct/ville-alpha/acteurs/"+shID).mustContain(t, "À associer au comité.", `Notifications</a>`)
		if strings.Contains(elu.get("/ct/ville-alpha/").body, `Notifications <span class="badge">`) {
			t.Error("the mention stays unread after the élu read it")
		}

		// The partner cannot read the map: no comment there, no notification from it, not in their list.
		partner := app.signIn("partenaire@ville-alpha.test")
		wantStatus(t, postComment(partner, comment.KindStakeholder, shID, 0, "x"), http.StatusForbidden, "partner on stakeholder")
		wantStatus(t, partner.get("/ct/ville-alpha/commentaires/acteur/"+shID), http.StatusForbidden, "partner reads stakeholder thread")
		if strings.Contains(partner.get("/ct/ville-alpha/notifications").body, "À associer") {
			t.Error("the partner was notified of a comment on the stakeholder map")
		}
		if strings.Contains(partner.get("/ct/ville-alpha/commentaires").body, "À associer") {
			t.Error("the partner's list shows a stakeholder comment")
		}
		admin.get("/ct/ville-alpha/commentaires").mustContain(t, "À associer au comité.")

		// The partner comments where they read, but mentions notify nobody (they do not see the members).
		obj := "/ct/ville-alpha/cadre-logique/objectifs/" + ids["objective"]
		body := partner.get(obj).body
		if !strings.Contains(body, "Votre commentaire") || strings.Contains(body, "Qui peut être mentionné") {
			t.Error("the partner's form is missing, or lists the members")
		}
		wantStatus(t, postComment(partner, comment.KindObjective, ids["objective"], 0, "Nous pouvons accueillir deux jeunes. @Admin Ville Alpha"), http.StatusSeeOther, "partner")
		if n, _ := st.UnreadNotifications(ctx, au.ID, mustUser(t, st, "admin@ville-alpha.test")); n != 0 {
			t.Errorf("a partner's mention notified %d", n)
		}

		// The reader reads and cannot write.
		reader := app.signIn("lecteur@ville-alpha.test")
		reader.get(obj).mustContain(t, "Nous pouvons accueillir deux jeunes.", "pas d'en écrire")
		reader.get("/ct/ville-alpha/acteurs/"+shID).mustContain(t, "À associer au comité.")
		wantStatus(t, postComment(reader, comment.KindObjective, ids["objective"], 0, "x"), http.StatusForbidden, "reader posts")
		c := lastComment(t, st, au, comment.KindObjective, ids["objective"])
		wantStatus(t, reader.post(fmt.Sprintf("/ct/ville-alpha/commentaires/%d/etat", c.ID), url.Values{"etat": {"traite"}}), http.StatusForbidden, "reader toggles")
		if strings.Contains(reader.get("/ct/ville-alpha/commentaires").body, "Marquer comme traité") {
			t.Error("the reader is offered to toggle the state")
		}
	})
}

func mustUser(t *testing.T, st *store.Store, email string) int64 {
	t.Helper()
	u, err := st.UserByEmail(context.Background(), email)
	must(t, err)
	return u.ID
}

func TestCommentListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, admin, au, _, ids := frameworkApp(t, st)
		var id int64
		fmt.Sscan(ids["result"], &id)
		u := mustUser(t, st, "admin@ville-alpha.test")
		for i := range commentsPerPage + 5 {
			c := model.Comment{AuthorityID: au.ID, Kind: comment.KindResult, ElementID: id, Text: fmt.Sprintf("Remarque numéro %02d.", i)}
			_, err := st.CreateComment(context.Background(), store.Actor{UserID: u}, &c, nil)
			must(t, err)
		}
		first := admin.get("/ct/ville-alpha/commentaires")
		first.mustContain(t, "25 commentaires, page 1 sur 2", "Remarque numéro 24.", "Page suivante", `href="/ct/ville-alpha/cadre-logique/resultats/`+ids["result"]+`#commentaire-`)
		if strings.Contains(first.body, "Remarque numéro 04.") {
			t.Error("page 1 holds the oldest comments")
		}
		second := admin.get("/ct/ville-alpha/commentaires?etat=a-traiter&page=2")
		second.mustContain(t, "Remarque numéro 04.", "Remarque numéro 00.", "Page précédente")
		if strings.Contains(second.body, "Remarque numéro 05.") {
			t.Error("page 2 repeats page 1")
		}
		admin.get("/ct/ville-alpha/commentaires?etat=traite").mustContain(t, "Aucun commentaire n'est encore marqué traité.")

		// Another strategy of the authority is listed when asked for by its ID, and only then.
		past := model.Strategy{AuthorityID: au.ID, Title: "Stratégie 2020–2026", TermStart: 2020, TermEnd: 2026, Status: model.StrategyPast}
		must(t, st.CreateStrategy(context.Background(), store.Actor{}, &past, time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)))
		old := model.Comment{AuthorityID: au.ID, Kind: comment.KindStrategy, ElementID: past.ID, Text: "Bilan de la stratégie précédente à joindre."}
		_, err := st.CreateComment(context.Background(), store.Actor{UserID: u}, &old, nil)
		must(t, err)
		if strings.Contains(admin.get("/ct/ville-alpha/commentaires").body, "Bilan de la stratégie précédente") {
			t.Error("the past strategy's comment is in the current one's list")
		}
		admin.get(fmt.Sprintf("/ct/ville-alpha/commentaires?strategie=%d", past.ID)).mustContain(t, "« Stratégie 2020–2026 »", "Bilan de la stratégie précédente")
		// Another authority's strategy is not « another strategy »: the list stays on A's own.
		b := app.workspace("Ville Beta")
		stratB := model.Strategy{AuthorityID: b.ID, Title: "Stratégie de Beta", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		must(t, st.CreateStrategy(context.Background(), store.Actor{}, &stratB, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
		onB := model.Comment{AuthorityID: b.ID, Kind: comment.KindStrategy, ElementID: stratB.ID, Text: "Commentaire de Beta."}
		_, err = st.CreateComment(context.Background(), store.Actor{}, &onB, nil)
		must(t, err)
		if body := admin.get(fmt.Sprintf("/ct/ville-alpha/commentaires?strategie=%d&etat=tous", stratB.ID)).body; strings.Contains(body, "Beta") {
			t.Error("A's list shows B's strategy or comments")
		}
	})
}

func TestCommentOnTheStrategyAndASWOTItem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, admin, au, strategy, _ := frameworkApp(t, st)
		sid := fmt.Sprint(strategy.ID)
		res := postComment(admin, comment.KindStrategy, sid, 0, "Calendrier à valider en bureau communautaire.")
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/ct/ville-alpha/strategies/"+sid+"?ok=commentaire") {
			t.Fatalf("strategy comment: %d %q", res.status, res.location)
		}
		admin.get("/ct/ville-alpha/strategies/"+sid).mustContain(t, "Calendrier à valider en bureau communautaire.")
		if strings.Contains(admin.get("/ct/ville-alpha/").body, "Calendrier à valider") {
			t.Error("the home page carries the strategy's thread; it should stay light")
		}

		// An élu cannot open a SWOT item's edit page: the matrix links to its thread, where they comment.
		item := diagnostic.ItemRecord{AuthorityID: au.ID, StrategyID: strategy.ID, Item: diagnostic.Item{Quadrant: diagnostic.Weaknesses, Scope: diagnostic.ScopeAuthority, Text: "Une seule personne à la mission", Weight: 3}}
		must(t, st.CreateSWOTItem(context.Background(), store.Actor{}, &item))
		elu := app.signIn("elu@ville-alpha.test")
		thread := fmt.Sprintf("/ct/ville-alpha/commentaires/afom/%d", item.ID)
		elu.get("/ct/ville-alpha/diagnostic/afom").mustContain(t, `href="`+thread+`"`)
		res = postComment(elu, comment.KindSWOT, fmt.Sprint(item.ID), 0, "Un second poste est-il budgété ?")
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, thread+"?ok=commentaire") {
			t.Fatalf("SWOT comment: %d %q", res.status, res.location)
		}
		elu.get(thread).mustContain(t, "Commentaires sur l'élément AFOM « Une seule personne à la mission »", "Un second poste est-il budgété ?", "Revenir à la matrice AFOM")
		admin.get(fmt.Sprintf("/ct/ville-alpha/diagnostic/afom/%d", item.ID)).mustContain(t, "Un second poste est-il budgété ?", "Marquer comme traité")
	})
}
