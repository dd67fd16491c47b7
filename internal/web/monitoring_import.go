package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/tabular"
)

// measurementImportPage is the import form: the columns a file may have.
type measurementImportPage struct {
	Columns tabular.Schema
	MaxRows int
	Example string
}

// measurementPreviewPage is what an import would write, with every rejected row and its reason.
type measurementPreviewPage struct {
	ID       int64
	Filename string
	Result   *monitoring.ImportResult
	Shown    []monitoring.ImportedRow
	Hidden   int
	Blocked  string
}

func (s *Server) showMeasurementImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderMeasurementImport(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderMeasurementImport(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	if _, ok := s.loadBoard(w, r, ws); !ok {
		return
	}
	d := measurementImportPage{Columns: monitoring.ImportSchema(), MaxRows: tabular.DefaultLimits.MaxRows,
		Example: "Indicateur;Période;Valeur;Constatée le;Source\nJeunes partis en mobilité;2027;180;31/12/2027;Bilans de l'OFAJ"}
	v := view{Title: "Importer des mesures", WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringImportContent(v, d))
}

// importTargets are the strategy's indicators with their periods and current measurements.
func importTargets(b *board) []monitoring.ImportTarget {
	out := make([]monitoring.ImportTarget, len(b.F.Indicators))
	for i, in := range b.F.Indicators {
		t := monitoring.ImportTarget{Indicator: in.Indicator, Periods: monitoring.Periods(in.Periodicity, b.Term), Existing: map[string]monitoring.Measurement{}}
		for _, row := range b.Assessments[i].Rows {
			if row.Measurement != nil {
				t.Existing[row.Period.Key] = *row.Measurement
			}
		}
		out[i] = t
	}
	return out
}

// previewMeasurementImport reads the uploaded file, keeps it for this user and shows what would be
// written. Nothing is written here.
func (s *Server) previewMeasurementImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	lim := tabular.DefaultLimits
	r.Body = http.MaxBytesReader(w, r.Body, lim.MaxBytes+1<<20)
	f := newForm(nil)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		f.Fail("file", "Le fichier n'a pas pu être reçu : il dépasse peut-être la taille maximale ("+strconv.FormatInt(lim.MaxBytes>>20, 10)+" Mo).")
		s.renderMeasurementImport(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		f.Fail("file", "Choisissez un fichier CSV ou XLSX à importer.")
		s.renderMeasurementImport(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, lim.MaxBytes+1))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	tab, err := tabular.Read(data, hdr.Filename, monitoring.ImportSchema(), lim)
	if err != nil {
		f.Fail("file", errorText(err))
		s.renderMeasurementImport(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	res := monitoring.Import(tab, importTargets(b), access.Can(ws.Role, access.ValidateMeasurement))
	id, err := s.store.SaveUpload(r.Context(), ws.Authority.ID, currentUser(r).ID, hdr.Filename, data)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderMeasurementPreview(w, r, ws, http.StatusOK, id, hdr.Filename, res, "")
}

func (s *Server) renderMeasurementPreview(w http.ResponseWriter, r *http.Request, ws *workspace, status int, id int64, filename string, res *monitoring.ImportResult, top string) {
	shown := res.Accepted[:min(len(res.Accepted), importPreviewRows)]
	f := newForm(nil)
	f.Top = top
	d := measurementPreviewPage{ID: id, Filename: filename, Result: res, Shown: shown, Hidden: len(res.Accepted) - len(shown), Blocked: res.Committable()}
	v := view{Title: "Aperçu de l'import de mesures", WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringImportPreviewContent(v, d))
}

// confirmMeasurementImport checks the kept file again against the measurements as they are now, and writes
// it whole in one transaction, or nothing.
func (s *Server) confirmMeasurementImport(w http.ResponseWriter, r *http.Request, ws *workspace) {
	id, ok := pathID(r, "upload")
	if !ok {
		s.notFound(w, r)
		return
	}
	_ = parseForm(w, r)
	up, err := s.store.Upload(r.Context(), ws.Authority.ID, currentUser(r).ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	tab, err := tabular.Read(up.Data, up.Filename, monitoring.ImportSchema(), tabular.DefaultLimits)
	if err != nil {
		f.Fail("file", errorText(err))
		s.renderMeasurementImport(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	mayUnlock := access.Can(ws.Role, access.ValidateMeasurement)
	res := monitoring.Import(tab, importTargets(b), mayUnlock)
	if res.Committable() != "" {
		s.renderMeasurementPreview(w, r, ws, http.StatusUnprocessableEntity, id, up.Filename, res, "")
		return
	}
	ms := make([]monitoring.Measurement, len(res.Accepted))
	for i, a := range res.Accepted {
		ms[i] = a.Measurement
	}
	err = s.store.ImportMeasurements(r.Context(), actor(r), ws.Authority.ID, up.Filename, ms, mayUnlock)
	var fe monitoring.Errors
	switch {
	case err == nil:
		redirect(w, r, ws.Prefix()+"/suivi-evaluation?ok=mesures-importees")
	case errors.As(err, &fe), errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrNotFound):
		s.renderMeasurementPreview(w, r, ws, http.StatusConflict, id, up.Filename, res,
			"Les mesures ont changé pendant l'import (une période verrouillée ou une valeur saisie entre-temps). Rien n'a été enregistré : vérifiez l'aperçu, puis importez à nouveau le fichier.")
	default:
		s.serverError(w, r, err)
	}
}
