package web

import (
	"net/http"
	"strings"
	"testing"

	"boussole/internal/archive"
	"boussole/internal/demo"
)

// TestArchiveDownload: the administrator finds the archive in the navigation, reads what it holds and
// leaves out, downloads a zip that reads back as the demo's workspace, and the journal says so; no other
// role reaches either address.
func TestArchiveDownload(t *testing.T) {
	app, admin := demoApp(t)
	p := "/ct/" + demo.Slug
	home := admin.get(p + "/")
	home.mustContain(t, `href="`+p+`/archive"`)
	page := admin.get(p + "/archive")
	if page.status != http.StatusOK {
		t.Fatalf("page : %d", page.status)
	}
	page.mustContain(t, "Archive complète de l'espace", p+"/archive.zip", "api_tokens", "jamais le mot de passe", "boussole import")
	res := admin.get(p + "/archive.zip")
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/zip" ||
		!strings.Contains(res.header.Get("Content-Disposition"), "boussole-"+demo.Slug+"-") {
		t.Fatalf("téléchargement : %d %s %s", res.status, res.header.Get("Content-Type"), res.header.Get("Content-Disposition"))
	}
	a, err := archive.Read(strings.NewReader(res.body), int64(len(res.body)), archive.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if a.Manifest.Authority.Slug != demo.Slug || len(a.Rows["strategies"]) == 0 || len(a.Rows["attachment_contents"]) == 0 {
		t.Errorf("archive : %+v, %d stratégies", a.Manifest.Authority, len(a.Rows["strategies"]))
	}
	again := admin.get(p + "/archive.zip")
	if again.status != http.StatusOK || again.header.Get("ETag") == res.header.Get("ETag") {
		t.Errorf("a second download is not a new export: %d, %s", again.status, again.header.Get("ETag"))
	}
	admin.get(p+"/journal").mustContain(t, "archive de l&#39;espace")
	for _, role := range []string{"agent", "elu", "referent", "partenaire", "lecteur"} {
		c := signedIn(t, app, role)
		for _, path := range []string{p + "/archive", p + "/archive.zip"} {
			if res := c.get(path); res.status != http.StatusForbidden {
				t.Errorf("%s %s : %d", role, path, res.status)
			}
		}
		if strings.Contains(c.get(p+"/").body, `href="`+p+`/archive"`) {
			t.Errorf("%s sees the archive link", role)
		}
	}
}
