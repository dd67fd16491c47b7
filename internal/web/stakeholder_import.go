package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/tabular"
)

// importPreviewRows bounds how many accepted rows the preview lists; all rejected rows are always listed.
const importPreviewRows = 100

func (s *Server) showStakeholderImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderImportForm(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderImportForm(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	v := view{Title: "Importer une liste d'acteurs", WS: ws, Section: stakeholderSection, Form: f}
	s.renderComponent(w, r, status, v, stakeholderImportContent(v, stakeholderImportPage{
		Columns: stakeholder.Schema(), Kinds: stakeholder.Kinds(), MaxRows: tabular.DefaultLimits.MaxRows,
	}))
}

// previewStakeholderImport reads the uploaded file, keeps it on the server for this user and authority,
// and shows what would be imported. Nothing is written to the map here.
func (s *Server) previewStakeholderImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	lim := tabular.DefaultLimits
	r.Body = http.MaxBytesReader(w, r.Body, lim.MaxBytes+1<<20)
	f := newForm(nil)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		f.Fail("file", "Le fichier n'a pas pu être reçu : il dépasse peut-être la taille maximale ("+strconv.FormatInt(lim.MaxBytes>>20, 10)+" Mo).")
		s.renderImportForm(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		f.Fail("file", "Choisissez un fichier CSV ou XLSX à importer.")
		s.renderImportForm(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, lim.MaxBytes+1))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	res, err := stakeholder.Import(bytes.NewReader(data), hdr.Filename, m.List, lim)
	if err != nil {
		f.Fail("file", errorText(err))
		s.renderImportForm(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	id, err := s.store.SaveUpload(r.Context(), ws.Authority.ID, currentUser(r).ID, hdr.Filename, data)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderImportPreview(w, r, ws, http.StatusOK, id, hdr.Filename, res, m, "")
}

// mergeRow is a merge candidate as the preview shows it.
type mergeRow struct {
	Line     int
	Incoming stakeholder.Stakeholder
	Existing stakeholder.Record
}

func (s *Server) renderImportPreview(w http.ResponseWriter, r *http.Request, ws *workspace, status int, id int64, filename string, res *stakeholder.ImportResult, m *actorMap, top string) {
	merges := make([]mergeRow, len(res.Merges))
	for i, mg := range res.Merges {
		merges[i] = mergeRow{Line: mg.Line, Incoming: mg.Incoming, Existing: m.Records[mg.Existing]}
	}
	shown := res.Accepted[:min(len(res.Accepted), importPreviewRows)]
	f := newForm(nil)
	f.Top = top
	var blocked string
	if err := res.Committable(); err != nil {
		blocked = errorText(err)
	}
	v := view{Title: "Aperçu de l'import", WS: ws, Section: stakeholderSection, Form: f}
	s.renderComponent(w, r, status, v, stakeholderImportPreviewContent(v, stakeholderImportPreviewPage{
		ID: id, Filename: filename, Result: res, Shown: shown, Hidden: len(res.Accepted) - len(shown), Merges: merges, Blocked: blocked,
	}))
}

// confirmStakeholderImport reads the kept file again against the map as it is now, and writes it whole in
// one transaction, or nothing.
func (s *Server) confirmStakeholderImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	id, ok := pathID(r, "upload")
	if !ok {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	up, err := s.store.Upload(r.Context(), ws.Authority.ID, currentUser(r).ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	res, err := stakeholder.Import(bytes.NewReader(up.Data), up.Filename, m.List, tabular.DefaultLimits)
	if err != nil {
		f.Fail("file", errorText(err))
		s.renderImportForm(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := res.Committable(); err != nil {
		s.renderImportPreview(w, r, ws, http.StatusUnprocessableEntity, id, up.Filename, res, m, "")
		return
	}
	chosen := map[string]bool{}
	for _, v := range f.Values["merge"] {
		chosen[v] = true
	}
	batch := &store.ImportBatch{UploadID: id, UserID: currentUser(r).ID, Filename: up.Filename, Create: make([]stakeholder.Stakeholder, len(res.Accepted))}
	for i, a := range res.Accepted {
		batch.Create[i] = a.Stakeholder
	}
	for _, mg := range res.Merges {
		if !chosen[strconv.Itoa(mg.Line)] {
			continue
		}
		rec := m.Records[mg.Existing]
		name := rec.Name
		rec.Stakeholder = stakeholder.MergeInto(rec.Stakeholder, mg.Incoming)
		rec.Name = name
		batch.Merge = append(batch.Merge, rec)
	}
	err = s.store.CommitImport(r.Context(), actor(r), ws.Authority.ID, batch)
	switch {
	case err == nil:
		redirect(w, r, ws.Prefix()+"/acteurs?ok=import-enregistre")
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrDuplicate):
		s.renderImportPreview(w, r, ws, http.StatusConflict, id, up.Filename, res, m,
			"La cartographie a été modifiée pendant l'import (un acteur ajouté ou modifié entre-temps). Rien n'a été enregistré : vérifiez l'aperçu ci-dessous, à jour, puis confirmez de nouveau.")
	default:
		s.serverError(w, r, err)
	}
}

func (s *Server) exportStakeholdersCSV(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportStakeholders(w, r, ws, "csv", "text/csv; charset=utf-8", stakeholder.ExportCSV)
}

func (s *Server) exportStakeholdersXLSX(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportStakeholders(w, r, ws, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stakeholder.ExportXLSX)
}

// exportStakeholders writes the whole map in the import's layout, so an export can be edited and imported
// back; it is built in memory first so a failure gives an error page, not half a file.
func (s *Server) exportStakeholders(w http.ResponseWriter, r *http.Request, ws *workspace, ext, ctype string, write func(io.Writer, []stakeholder.Stakeholder) error) {
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, m.List); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="acteurs-`+ws.Authority.Slug+`.`+ext+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
