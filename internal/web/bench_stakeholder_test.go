package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// benchMap fills an authority with n stakeholders of every kind, with varied scores, and m relations.
func benchMap(b testing.TB, st *store.Store, authorityID int64, n, m int) {
	b.Helper()
	ctx := context.Background()
	kinds := stakeholder.Kinds()
	list := make([]stakeholder.Stakeholder, n)
	for i := range list {
		s := stakeholder.Stakeholder{Name: fmt.Sprintf("Acteur %03d du territoire", i), Kind: kinds[i%len(kinds)],
			Themes: []string{[]string{"Eau", "Culture", "Jeunesse", "Climat"}[i%4]}}
		for k, r := range s.Rated() {
			s.ScoreAt(r.Field).Value = (i*7 + k*3) % 4
		}
		s.Engagement = stakeholder.Engagement{Level: stakeholder.Levels()[i%5], Steps: []stakeholder.Step{stakeholder.Steps()[i%5]}}
		list[i] = s
	}
	id, err := st.SaveUpload(ctx, authorityID, benchUser(b, st, authorityID), "bench.csv", []byte("x"))
	if err != nil {
		b.Fatal(err)
	}
	if err := st.CommitImport(ctx, store.Actor{}, authorityID, &store.ImportBatch{UploadID: id, UserID: benchUser(b, st, authorityID), Create: list}); err != nil {
		b.Fatal(err)
	}
	added := 0
	for i := 0; added < m; i++ {
		from, to := list[(i*31)%n].ID, list[(i*17+1+i/n)%n].ID
		rel := stakeholder.Relation{From: from, To: to, Kind: stakeholder.RelationKinds()[i%4]}
		if err := st.AddRelation(ctx, store.Actor{}, authorityID, &rel); err == nil {
			added++
		}
	}
}

func benchUser(b testing.TB, st *store.Store, authorityID int64) int64 {
	b.Helper()
	members, err := st.Members(context.Background(), authorityID)
	if err != nil || len(members) == 0 {
		b.Fatal("no member", err)
	}
	return members[0].User.ID
}

// sessionCookies returns the cookies a signed-in client sends, to call the handler in process.
func (c *client) sessionCookies() []*http.Cookie {
	u, _ := url.Parse(c.app.srv.URL)
	return c.hc.Jar.Cookies(u)
}

// BenchmarkStakeholderMapPages serves the map's pages for 400 stakeholders and 1,000 relations through the
// real handler (session, workspace and role checks, database reads, layout, SVG, template), beside a bare
// handler that writes the same bytes, so the difference is the application's own cost.
func BenchmarkStakeholderMapPages(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Ville Bench")
	benchMap(b, st, a.ID, 400, 1000)
	cookies := app.signIn("agent@ville-bench.test").sessionCookies()
	for _, page := range []string{"", "/grille", "/saillance", "/reseau", "/engagement"} {
		path := "/ct/" + a.Slug + "/acteurs" + page
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		app.app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, rec.Code)
		}
		body := rec.Body.Bytes()
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(body)
		})
		name := strings.TrimPrefix(page, "/")
		if name == "" {
			name = "liste"
		}
		b.Run(name+"/handler", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				app.app.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
		b.Run(name+"/bare", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				bare.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}

// benchImportFile is a CSV of n stakeholders with every criterion filled, as an officer's spreadsheet.
func benchImportFile(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("Nom;Type;Territoire;Thèmes;Pouvoir utilitaire;Pouvoir normatif;Pouvoir mobilisateur;Pouvoir coercitif;Bien public;Représentation;Intérêt objet;Intérêt type;Contexte : réseaux existants;Niveau d'engagement;Étapes\r\n")
	kinds := stakeholder.Kinds()
	for i := range n {
		fmt.Fprintf(&buf, "Acteur %05d;%s;Belval;Eau, Culture;%d;%d;%d;%d;%d;%d;%d;%d;%s;%s;Diagnostic, Évaluation\r\n",
			i, kinds[i%len(kinds)].Label(), i%4, (i+1)%4, (i+2)%4, (i+3)%4, i%3, (i+1)%3, i%4, (i+2)%4,
			[]string{"oui", "non"}[i%2], stakeholder.Levels()[i%5].Label())
	}
	return buf.Bytes()
}

// BenchmarkStakeholderImport10000 imports 10,000 rows end to end through the real handlers: upload and
// preview (parse, check every row, keep the file), then confirmation (parse again, write in one
// transaction). Each iteration imports into a fresh authority, prepared with the timer stopped.
func BenchmarkStakeholderImport10000(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	file := benchImportFile(10000)
	b.SetBytes(int64(len(file)))
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		a := app.workspace(fmt.Sprintf("Ville Import %d", i))
		c := app.signIn("agent@" + a.Slug + ".test")
		b.StartTimer()
		res := c.upload("/ct/"+a.Slug+"/acteurs/import", "file", "acteurs.csv", file)
		action := regexpFind(res.body, `action="(/ct/[^"]+/confirmation)"`)
		if res.status != http.StatusOK || action == "" {
			b.Fatalf("preview: %d", res.status)
		}
		if res := c.post(action, nil); res.status != http.StatusSeeOther {
			b.Fatalf("confirm: %d %s", res.status, res.body[:min(len(res.body), 500)])
		}
	}
	b.StopTimer()
	list, _ := st.Stakeholders(context.Background(), app.owner[fmt.Sprintf("ville-import-%d", i)].ID)
	if len(list) != 10000 {
		b.Errorf("last import wrote %d stakeholders", len(list))
	}
}
