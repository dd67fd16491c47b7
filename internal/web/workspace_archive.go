package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/archive"
	"boussole/internal/store"
)

// The archive of the whole workspace (internal/archive), offered to its administrator: a page that says
// what it holds and leaves out, and the download. Restoring it is `boussole import`, on the command line:
// an import creates a workspace and accounts, the platform operator's business.

func init() {
	auditLabels["archive de l'espace"] = map[string]auditField{"tables": lbl("Tables"), "lignes": lbl("Lignes"), "octets": lbl("Taille en octets")}
}

// archivePage is the data of the archive page.
type archivePage struct {
	Excluded []archive.Exclusion
}

func (s *Server) showArchive(w http.ResponseWriter, r *http.Request, ws *workspace) {
	v := view{Title: "Archive complète de l'espace", WS: ws, Section: "archive"}
	s.renderComponent(w, r, http.StatusOK, v, archiveContent(v, archivePage{Excluded: store.ArchiveExclusions()}))
}

// downloadArchive writes the archive, after noting in the journal who took it.
func (s *Server) downloadArchive(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, err := s.store.ExportAuthority(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	a.Manifest.Application = "boussole " + buildMark
	var buf bytes.Buffer
	if err := archive.Write(&buf, a); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.store.NoteArchiveExport(r.Context(), actor(r), ws.Authority.ID, a, buf.Len()); err != nil {
		s.serverError(w, r, err)
		return
	}
	now := time.Now()
	name := "boussole-" + ws.Authority.Slug + "-" + now.Format("2006-01-02") + ".zip"
	// A tag of its own keeps the page cache from holding the archive: each download is a new export.
	sendFile(w, name, "application/zip", strconv.Quote("archive-"+strconv.FormatInt(now.UnixNano(), 36)), buf.Bytes(), false)
}
