package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, _ model.Strategy) map[string]string {
		ctx := context.Background()
		x := stakeholder.Stakeholder{Name: "Acteur de B", Kind: stakeholder.KindAssociation}
		y := stakeholder.Stakeholder{Name: "Réseau de B", Kind: stakeholder.KindNetwork}
		for _, sh := range []*stakeholder.Stakeholder{&x, &y} {
			if err := st.CreateStakeholder(ctx, store.Actor{}, b.ID, sh); err != nil {
				t.Fatal(err)
			}
		}
		rel := stakeholder.Relation{From: x.ID, To: y.ID, Kind: stakeholder.RelMemberOf}
		if err := st.AddRelation(ctx, store.Actor{}, b.ID, &rel); err != nil {
			t.Fatal(err)
		}
		members, err := st.Members(ctx, b.ID)
		if err != nil || len(members) == 0 {
			t.Fatalf("members of B: %v", err)
		}
		up, err := st.SaveUpload(ctx, b.ID, members[0].User.ID, "b.csv", []byte("Nom;Type\nAutre;association\n"))
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{"stakeholder": fmt.Sprint(x.ID), "relation": fmt.Sprint(rel.ID), "upload": fmt.Sprint(up)}
	})
}

// upload posts a file as multipart form data, as a browser's file field does.
func (c *client) upload(path, field, filename string, data []byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile(field, filename)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.app.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// stakeholderForm is a valid form for a stakeholder, to be changed by each case.
func stakeholderForm(name string, kind stakeholder.Kind) url.Values {
	return url.Values{"name": {name}, "kind": {string(kind)}, "themes": {"Eau, Jeunesse"},
		"power.coercive": {"3"}, "power.coercive.comment": {"vote le budget"},
		"legitimacy.public_good": {"2"}, "interest.object": {"3"},
		"context.existing_networks": {"oui"}, "context.existing_networks.comment": {"membre de CUF"},
		"engagement.level": {"codecide"}, "engagement.steps": {"diagnostic", "evaluation"}}
}

func idFromLocation(t testing.TB, loc string) int64 {
	t.Helper()
	path := strings.SplitN(loc, "?", 2)[0]
	id, err := strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
	if err != nil {
		t.Fatalf("no ID in %q", loc)
	}
	return id
}

func TestStakeholderFormKeepsBadInputAtTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		cases := []struct {
			name  string
			edit  func(url.Values)
			field string
			want  string
			kept  string
		}{
			{"score out of range", func(v url.Values) { v.Set("power.normative", "5"); v.Set("power.normative.comment", "très connu") },
				"power.normative", "hors de l'échelle : 5", `value="très connu"`},
			{"score not a number", func(v url.Values) { v.Set("interest.type", "beaucoup") }, "interest.type", "note entière de 0 à 3", `value="beaucoup"`},
			{"no name", func(v url.Values) { v.Set("name", " ") }, "name", "Le nom est obligatoire", `value="vote le budget"`},
			{"no kind", func(v url.Values) { v.Del("kind") }, "kind", "Choisissez le type d'acteur", `value="Eau, Jeunesse"`},
			{"unknown level", func(v url.Values) { v.Set("engagement.level", "ignorer") }, "engagement.level", "n'existe pas", `value="membre de CUF"`},
		}
		for _, tc := range cases {
			v := stakeholderForm("Conseil départemental", stakeholder.KindStateService)
			tc.edit(v)
			res := c.post(p, v)
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d", tc.name, res.status)
				continue
			}
			res.mustContain(t, `id="f-`+tc.field+`-error"`, tc.want, tc.kept)
		}
		if list, _ := st.Stakeholders(context.Background(), a.ID); len(list) != 0 {
			t.Errorf("refused forms stored %d stakeholders", len(list))
		}
	})
}

func TestStakeholderLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		c.get(p).mustContain(t, "Aucun acteur pour l'instant", "Ajouter un acteur")
		res := c.post(p, stakeholderForm("Conseil régional", stakeholder.KindStateService))
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", res.status, res.body)
		}
		region := idFromLocation(t, res.location)
		page := c.get(res.location)
		page.mustContain(t, "Conseil régional", "Saillance : ", "définitive", "pouvoir coercitif 3/3", "Quadrant : Gérer de près",
			"Co-décider", "Diagnostic, Évaluation", "vote le budget", "membre de CUF")

		// A duplicate (same name and kind, other spelling) is refused with an offer to merge.
		dup := stakeholderForm("CONSEIL REGIONAL", stakeholder.KindStateService)
		dup.Set("contact", "Mme Roux")
		dup.Del("engagement.level")
		res = c.post(p, dup)
		if res.status != http.StatusConflict {
			t.Fatalf("duplicate: %d", res.status)
		}
		res.mustContain(t, "existe déjà", `name="merge" value="`+fmt.Sprint(region)+`"`, `value="Mme Roux"`)
		dup.Set("merge", fmt.Sprint(region))
		if res = c.post(p, dup); res.status != http.StatusSeeOther || idFromLocation(t, res.location) != region {
			t.Fatalf("merge: %d %s", res.status, res.location)
		}
		merged, _ := st.Stakeholder(context.Background(), a.ID, region)
		if merged.Contact != "Mme Roux" || merged.Name != "Conseil régional" || merged.Engagement.Level != stakeholder.LevelCodecide {
			t.Errorf("merged record %+v", merged)
		}

		// Relations: one is added; oneself and a duplicate are refused at the field.
		res = c.post(p, stakeholderForm("Association Eau Vive", stakeholder.KindAssociation))
		asso := idFromLocation(t, res.location)
		relURL := fmt.Sprintf("%s/%d/relations", p, asso)
		if res = c.post(relURL, url.Values{"relation.kind": {"member_of"}, "relation.other": {fmt.Sprint(region)}}); res.status != http.StatusSeeOther {
			t.Fatalf("add relation: %d\n%s", res.status, res.body)
		}
		for _, bad := range []struct{ other, want string }{{fmt.Sprint(asso), "lui-même"}, {fmt.Sprint(region), "existe déjà"}, {"", "obligatoire"}} {
			res = c.post(relURL, url.Values{"relation.kind": {"member_of"}, "relation.other": {bad.other}})
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("relation to %q: %d", bad.other, res.status)
			}
			res.mustContain(t, `id="f-relation.other-error"`, bad.want)
		}
		c.get(fmt.Sprintf("%s/%d", p, region)).mustContain(t, "Association Eau Vive</a> membre de")

		// Deleting asks first and says which relations go.
		c.get(fmt.Sprintf("%s/%d/suppression", p, region)).mustContain(t, "Supprimer « Conseil régional » ?", "1 relation(s) disparaîtront",
			"Association Eau Vive membre de Conseil régional")
		if res = c.post(fmt.Sprintf("%s/%d/suppression", p, region), nil); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.status)
		}
		if rels, _ := st.Relations(context.Background(), a.ID); len(rels) != 0 {
			t.Errorf("relations left: %+v", rels)
		}
		if res = c.get(fmt.Sprintf("%s/%d", p, region)); res.status != http.StatusNotFound {
			t.Errorf("deleted stakeholder: %d", res.status)
		}

		// A reader sees the map but cannot change it.
		reader := app.signIn("lecteur@ville-alpha.test")
		if res = reader.post(p, stakeholderForm("X", stakeholder.KindMedia)); res.status != http.StatusForbidden {
			t.Errorf("reader creates: %d", res.status)
		}
		if res = reader.get(p); res.status != http.StatusOK || strings.Contains(res.body, "Ajouter un acteur") {
			t.Errorf("reader list: %d", res.status)
		}
	})
}

func TestStakeholderEditConflictAndRenameMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		one := idFromLocation(t, c.post(p, stakeholderForm("Radio Belval", stakeholder.KindMedia)).location)
		two := idFromLocation(t, c.post(p, stakeholderForm("Radio du Belval", stakeholder.KindMedia)).location)
		other := idFromLocation(t, c.post(p, stakeholderForm("Asso", stakeholder.KindAssociation)).location)
		c.post(fmt.Sprintf("%s/%d/relations", p, other), url.Values{"relation.kind": {"influences"}, "relation.other": {fmt.Sprint(two)}})

		v := stakeholderForm("Radio Belval FM", stakeholder.KindMedia)
		v.Set("version", "1")
		if res := c.post(fmt.Sprintf("%s/%d", p, one), v); res.status != http.StatusSeeOther {
			t.Fatalf("edit: %d", res.status)
		}
		v.Set("name", "Radio Belval stale")
		res := c.post(fmt.Sprintf("%s/%d", p, one), v) // version 1 again
		if res.status != http.StatusConflict {
			t.Fatalf("stale edit: %d", res.status)
		}
		res.mustContain(t, "Version enregistrée entre-temps", "Radio Belval FM", `value="Radio Belval stale"`)

		// Renaming « Radio du Belval » onto « Radio Belval FM » offers to merge; merging moves its relation.
		v = stakeholderForm("radio belval fm", stakeholder.KindMedia)
		v.Set("version", "1")
		res = c.post(fmt.Sprintf("%s/%d", p, two), v)
		res.mustContain(t, "existe déjà", "ses relations reportées")
		v.Set("merge", fmt.Sprint(one))
		if res = c.post(fmt.Sprintf("%s/%d", p, two), v); res.status != http.StatusSeeOther {
			t.Fatalf("rename merge: %d\n%s", res.status, res.body)
		}
		rels, _ := st.Relations(context.Background(), a.ID)
		if len(rels) != 1 || rels[0].To != one {
			t.Errorf("relations after merge: %+v", rels)
		}
	})
}

func TestStakeholderListFiltersAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		ctx := context.Background()
		for i := range 60 {
			sh := stakeholder.Stakeholder{Name: fmt.Sprintf("Association %02d", i), Kind: stakeholder.KindAssociation, Themes: []string{"Culture"}}
			if i%2 == 0 {
				sh.Kind, sh.Themes = stakeholder.KindCompany, []string{"Économie"}
				sh.Engagement = stakeholder.Engagement{Level: stakeholder.LevelConsult, Steps: []stakeholder.Step{stakeholder.StepRevision}}
			}
			if err := st.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh); err != nil {
				t.Fatal(err)
			}
		}
		c := app.signIn("lecteur@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		first := c.get(p)
		first.mustContain(t, "60 acteur(s)", "Page 1 sur 2", "Association 00", "page=2")
		if strings.Contains(first.body, "Association 55") {
			t.Error("page 1 shows the second page's rows")
		}
		c.get(p+"?page=2").mustContain(t, "Association 55", "Page 2 sur 2")
		byKind := c.get(p + "?type=company")
		byKind.mustContain(t, "30 acteur(s) sur 60")
		if strings.Contains(byKind.body, "Association 01<") {
			t.Error("kind filter lets an association through")
		}
		c.get(p+"?theme=economie").mustContain(t, "30 acteur(s) sur 60")
		c.get(p+"?etape=revision&q=association+1").mustContain(t, "5 acteur(s) sur 60")
		c.get(p+"?q=introuvable").mustContain(t, "Aucun acteur ne correspond")
		for _, fig := range []string{"/grille", "/saillance", "/reseau"} {
			res := c.get(p + fig + "?type=company")
			if res.status != http.StatusOK {
				t.Fatalf("%s: %d", fig, res.status)
			}
			res.mustContain(t, "<svg", `role="img"`, "La figure en texte", "30 acteur(s) sur 60", "Association 00")
		}
		c.get(p+"/engagement").mustContain(t, "Révision", "Association 00", "Consulter", "30 acteur(s) sur 60 n'ont pas encore de niveau")
	})
}

// win1252 encodes text as Excel on a French Windows saves a CSV.
func win1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStakeholderImportWindows1252(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		ctx := context.Background()
		existing := stakeholder.Stakeholder{Name: "Radio Pays", Kind: stakeholder.KindMedia, Contact: "Léa"}
		if err := st.CreateStakeholder(ctx, store.Actor{}, a.ID, &existing); err != nil {
			t.Fatal(err)
		}
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"

		bad := win1252(t, "Nom;Type;Pouvoir coercitif\r\nCollectivité de Ségou;collectivité partenaire;3\r\nÉcole;université;7\r\n")
		res := c.upload(p+"/import", "file", "acteurs.csv", bad)
		if res.status != http.StatusOK {
			t.Fatalf("preview: %d\n%s", res.status, res.body)
		}
		res.mustContain(t, "Windows-1252", "Lignes rejetées", "École", "vaut 7, hors de l'échelle", "Rien n'a été enregistré")
		if strings.Contains(res.body, "Confirmer l'import") {
			t.Error("a file with rejected rows can be confirmed")
		}

		wrong := c.upload(p+"/import", "file", "acteurs.csv", []byte("Prénom;Âge\nA;3\n"))
		if wrong.status != http.StatusUnprocessableEntity {
			t.Errorf("wrong columns: %d", wrong.status)
		}
		wrong.mustContain(t, `id="f-file-error"`)

		good := win1252(t, "Nom;Type;Pays;Pouvoir coercitif;Bien public;Intérêt objet;Étapes;Niveau d'engagement\r\n"+
			"Collectivité de Ségou;collectivité partenaire;Mali;3;fort;2;Diagnostic, mise en œuvre;Co-décider\r\n"+
			"Université d'Été;université;France;1;1;3;;consulter\r\n"+
			"RADIO PAYS;média;Belval;;;;;\r\n")
		res = c.upload(p+"/import", "file", "export-excel.csv", good)
		res.mustContain(t, "Collectivité de Ségou", "Université d'Été", "Acteurs déjà sur la carte", "Ligne 4", "Confirmer l'import")
		list, _ := st.Stakeholders(ctx, a.ID)
		if len(list) != 1 {
			t.Fatalf("the preview wrote %d stakeholders", len(list))
		}
		action := regexpFind(res.body, `action="(/ct/[^"]+/confirmation)"`)
		if action == "" {
			t.Fatal("no confirmation form")
		}
		// Another member of the same authority cannot confirm someone else's upload.
		if other := app.signIn("admin@ville-alpha.test").post(action, url.Values{"merge": {"4"}}); other.status != http.StatusNotFound {
			t.Errorf("another user confirms: %d", other.status)
		}
		if res = c.post(action, url.Values{"merge": {"4"}}); res.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d\n%s", res.status, res.body)
		}
		list, _ = st.Stakeholders(ctx, a.ID)
		if len(list) != 3 {
			t.Fatalf("after import: %d stakeholders", len(list))
		}
		radio, _ := st.Stakeholder(ctx, a.ID, existing.ID)
		if radio.Territory != "Belval" || radio.Contact != "Léa" {
			t.Errorf("merge: %+v", radio)
		}
		c.get(p).mustContain(t, "Collectivité de Ségou", "Université d'Été")
		if again := c.post(action, url.Values{}); again.status != http.StatusNotFound {
			t.Errorf("second confirmation: %d", again.status)
		}

		csv := c.get(p + "/export.csv")
		if csv.status != http.StatusOK || !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(csv.body, "Collectivité de Ségou;Collectivité partenaire à l'étranger;") {
			t.Errorf("CSV export: %d %q", csv.status, csv.body[:min(len(csv.body), 300)])
		}
		xlsx := c.get(p + "/export.xlsx")
		if xlsx.status != http.StatusOK || !strings.HasPrefix(xlsx.body, "PK") {
			t.Errorf("XLSX export: %d", xlsx.status)
		}
		// The export imports back: every row is already on the map, so all are merge candidates.
		back := c.upload(p+"/import", "file", "acteurs.csv", []byte(csv.body))
		back.mustContain(t, "3 doublon(s) à fusionner", "0 rejetée(s)")
	})
}

// regexpFind returns the first group of pattern in s, or "".
func regexpFind(s, pattern string) string {
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestStakeholderDemo loads the demo and opens every page of its map: the demo must show every kind of
// actor, every quadrant, most salience classes and a plan for every step.
func TestStakeholderDemo(t *testing.T) {
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"agent@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.status)
	}
	au, _ := st.AuthorityBySlug(context.Background(), demo.Slug)
	recs, _ := st.Stakeholders(context.Background(), au.ID)
	rels, _ := st.Relations(context.Background(), au.ID)
	if len(recs) < 55 || len(rels) < 50 {
		t.Fatalf("demo has %d stakeholders and %d relations", len(recs), len(rels))
	}
	kinds, classes, quadrants := map[stakeholder.Kind]bool{}, map[stakeholder.Class]bool{}, map[stakeholder.Quadrant]bool{}
	for _, r := range recs {
		kinds[r.Kind], classes[r.Salience().Class], quadrants[r.Placement().Quadrant] = true, true, true
	}
	if len(kinds) != len(stakeholder.Kinds()) || len(quadrants) != 4 || len(classes) < 7 {
		t.Errorf("demo covers %d kinds, %d quadrants, %d classes", len(kinds), len(quadrants), len(classes))
	}
	p := "/ct/" + demo.Slug + "/acteurs"
	for _, path := range []string{"", "?page=2", "/grille", "/saillance", "/reseau", "/engagement", "/import", "/nouveau"} {
		if res := c.get(p + path); res.status != http.StatusOK {
			t.Errorf("%s: %d", path, res.status)
		}
	}
	plan := c.get(p + "/engagement")
	for _, step := range stakeholder.Steps() {
		plan.mustContain(t, step.Label())
	}
	if strings.Contains(plan.body, "Aucun acteur n'est encore associé") {
		t.Error("a step of the demo's plan is empty")
	}
	for _, r := range recs {
		for _, path := range []string{"", "/modifier", "/suppression"} {
			if res := c.get(fmt.Sprintf("%s/%d%s", p, r.ID, path)); res.status != http.StatusOK {
				t.Errorf("%s%s: %d", r.Name, path, res.status)
			}
		}
	}
}
