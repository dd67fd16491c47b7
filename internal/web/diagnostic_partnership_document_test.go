package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/attachment"
	"boussole/internal/diagnostic"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// postFile submits a multipart form with one file, the fields first and the file in the middle of them as
// a browser does for a form whose file field sits among the others.
func (c *client) postFile(path string, fields url.Values, after url.Values, fileField, fileName string, data []byte) response {
	c.t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	if fileField != "" {
		fw, err := w.CreateFormFile(fileField, fileName)
		if err != nil {
			c.t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	for k, vs := range after {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.app.srv.URL+path, &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// docPartnershipFields is a valid partnership form, split around the file field as the page orders them.
func docPartnershipFields(partner string) (before, after url.Values) {
	before = url.Values{"partner": {partner}, "country": {"GN"}, "kind": {"cooperation-decentralisee"}, "status": {"active"},
		"start_year": {"2012"}, "agreement_signed": {"2012-03-15"}, "deliberation_ref": {"DEL-2012-017"}}
	after = url.Values{"themes": {"Santé\nÉducation"}, "review_results": {"Un centre de santé rénové"}}
	return before, after
}

func TestPartnershipDocumentUploadDownloadAndRemoval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, a, _, c := diagFixture(t, st)
		ctx := context.Background()
		base := "/ct/" + a.Slug + "/diagnostic/partenariats"
		before, after := docPartnershipFields("Commune de Kindia")
		pdf := attachment.SimplePDF("Convention de coopération Belval–Kindia", []string{"Article 1 : objet."})

		// A file that is not a document is refused at the field, with everything typed kept.
		res := c.postFile(base, before, after, "document", "convention.pdf", []byte("<html><script>alert(1)</script></html>"))
		wantStatus(t, res, http.StatusUnprocessableEntity, "not a document")
		res.mustContain(t, "n'est pas un document accepté : PDF, ODT, DOCX ou image", `id="f-document-error"`,
			"choisissez-le à nouveau", `value="Commune de Kindia"`, `value="DEL-2012-017"`, "Un centre de santé rénové", "Éducation")
		if list, _ := st.Partnerships(ctx, a.ID); len(list) != 0 {
			t.Fatal("a refused form saved a partnership")
		}

		// A file over 20 Mo is refused too, and the fields sent after it are still there.
		big := append([]byte("%PDF-1.4\n"), make([]byte, attachment.MaxSize)...)
		res = c.postFile(base, before, after, "document", "scan.pdf", big)
		wantStatus(t, res, http.StatusUnprocessableEntity, "too large")
		res.mustContain(t, "dépasse la taille maximale de 20 Mo", "Un centre de santé rénové", `value="Commune de Kindia"`)

		// Bad fields with a good file: the fields' messages, and the file must be chosen again.
		bad := url.Values{"partner": {""}, "country": {"ZZ"}, "kind": {"jumelage"}, "status": {"active"}}
		res = c.postFile(base, bad, after, "document", "convention.pdf", pdf)
		wantStatus(t, res, http.StatusUnprocessableEntity, "bad fields")
		res.mustContain(t, `id="f-partner-error"`, `id="f-country-error"`, "choisissez-le à nouveau")
		if strings.Contains(res.body, `id="f-document-error"`) {
			t.Error("a good file was reported at fault")
		}

		// A good form with a PDF is saved with its document.
		res = c.postFile(base, before, after, "document", `C:\Scans\Convention Kindia.pdf`, pdf)
		wantStatus(t, res, http.StatusSeeOther, "create with document")
		list, _ := st.Partnerships(ctx, a.ID)
		if len(list) != 1 || list[0].Partnership.Agreement.DocumentID == "" {
			t.Fatalf("partnership not saved with its document: %+v", list)
		}
		p := list[0]
		edit := fmt.Sprintf("%s/%d", base, p.ID)
		c.get(base).mustContain(t, "Convention signée", edit+"/document")
		c.get(edit).mustContain(t, "Document joint", "Convention Kindia.pdf", "Remplacer le document", "Retirer ce document")

		// Download: as a file, with its type, never sniffed; readers may, outside partners may not.
		for _, who := range []string{"agent", "elu", "lecteur"} {
			res = app.signIn(who + "@ville-alpha.test").get(edit + "/document")
			wantStatus(t, res, http.StatusOK, who+" download")
			if res.body != string(pdf) {
				t.Errorf("%s: downloaded bytes differ", who)
			}
			h := res.header
			if h.Get("Content-Type") != "application/pdf" || h.Get("X-Content-Type-Options") != "nosniff" ||
				h.Get("Content-Disposition") != `attachment; filename="Convention Kindia.pdf"` {
				t.Errorf("%s: headers %v", who, h)
			}
		}
		if res := app.signIn("partenaire@ville-alpha.test").get(edit + "/document"); res.status == http.StatusOK {
			t.Error("an outside partner downloaded an internal document")
		}

		// Saving the form without a file keeps the document; with one, replaces it.
		version := func() string {
			got, _ := st.Partnership(ctx, a.ID, p.ID)
			return fmt.Sprint(got.Version)
		}
		before.Set("version", version())
		wantStatus(t, c.postFile(edit, before, after, "", "", nil), http.StatusSeeOther, "save without file")
		if got, _ := st.Partnership(ctx, a.ID, p.ID); got.Partnership.Agreement.DocumentID != p.Partnership.Agreement.DocumentID {
			t.Error("saving the fields dropped the document")
		}
		png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
		before.Set("version", version())
		wantStatus(t, c.postFile(edit, before, after, "document", "charte scannée.png", png), http.StatusSeeOther, "replace")
		res = c.get(edit + "/document")
		if res.body != string(png) || res.header.Get("Content-Type") != "image/png" ||
			res.header.Get("Content-Disposition") != `attachment; filename*=utf-8''charte%20scann%C3%A9e.png` {
			t.Errorf("replacement not served: %v", res.header)
		}

		// Removal asks first, then keeps the partnership.
		c.get(edit+"/document/suppression").mustContain(t, "Retirer le document du partenariat avec Commune de Kindia", "charte scannée.png", "Supprimer définitivement")
		wantStatus(t, c.post(edit+"/document/suppression", url.Values{"version": {"1"}}), http.StatusConflict, "stale removal")
		res = c.post(edit+"/document/suppression", url.Values{"version": {version()}})
		wantStatus(t, res, http.StatusSeeOther, "removal")
		c.get(res.location).mustContain(t, "Le document a été retiré", "Document signé (convention ou charte)")
		wantStatus(t, c.get(edit+"/document"), http.StatusNotFound, "download after removal")
		wantStatus(t, c.get(edit+"/document/suppression"), http.StatusNotFound, "removal page without document")
	})
}

func TestDeletingAPartnershipDeletesItsDocument(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		ctx := context.Background()
		base := "/ct/" + a.Slug + "/diagnostic/partenariats"
		before, after := docPartnershipFields("Ville de Kankan")
		wantStatus(t, c.postFile(base, before, after, "document", "charte.pdf", attachment.SimplePDF("Charte", nil)), http.StatusSeeOther, "create")
		list, _ := st.Partnerships(ctx, a.ID)
		p := list[0]
		docID := p.Partnership.Agreement.DocumentID
		res := c.post(fmt.Sprintf("%s/%d/suppression", base, p.ID), url.Values{"version": {fmt.Sprint(p.Version)}})
		wantStatus(t, res, http.StatusSeeOther, "delete")
		id, _ := strconv.ParseInt(docID, 10, 64)
		if _, err := st.Attachment(ctx, a.ID, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("document outlived its partnership: %v", err)
		}
	})
}

func TestPartnershipDocumentIsNotFoundAcrossAuthorities(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, a, _, _ := diagFixture(t, st)
		b := app.workspace("Ville Beta")
		ctx := context.Background()
		doc, _ := attachment.Check("secret.pdf", attachment.SimplePDF("Convention de B", nil))
		pb := diagnostic.PartnershipRecord{AuthorityID: b.ID, Partnership: diagnostic.Partnership{Partner: "Partenaire de B", Countries: []string{"SN"},
			Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive}}
		if err := st.CreatePartnershipWithDocument(ctx, store.Actor{}, &pb, &doc); err != nil {
			t.Fatal(err)
		}
		c := app.signIn("admin@ville-alpha.test")
		for _, path := range []string{
			fmt.Sprintf("/ct/%s/diagnostic/partenariats/%d/document", a.Slug, pb.ID),
			fmt.Sprintf("/ct/%s/diagnostic/partenariats/%d/document/suppression", a.Slug, pb.ID),
		} {
			res := c.get(path)
			wantStatus(t, res, http.StatusNotFound, path)
			if strings.Contains(res.body, "Convention de B") {
				t.Errorf("%s leaked B's document", path)
			}
		}
		wantStatus(t, c.post(fmt.Sprintf("/ct/%s/diagnostic/partenariats/%d/document/suppression", a.Slug, pb.ID), url.Values{"version": {"1"}}),
			http.StatusNotFound, "removal across authorities")
		if got, _ := st.Partnership(ctx, b.ID, pb.ID); got.Partnership.Agreement.DocumentID == "" {
			t.Error("A removed B's document")
		}
	})
}
