package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/diagnostic"
	"boussole/internal/store"
)

// documentField is the partnership form's file field: the signed convention or twinning charter.
const documentField = "document"

// documentView is a document as a page names it.
type documentView struct {
	store.Attachment
	SizeLabel string
}

// partnershipDocument returns the description of a partnership's document, or nil when it has none or it
// cannot be read (the form then simply offers to attach one).
func (s *Server) partnershipDocument(r *http.Request, ws *workspace, p diagnostic.PartnershipRecord) *documentView {
	id, err := strconv.ParseInt(p.Partnership.Agreement.DocumentID, 10, 64)
	if err != nil || id <= 0 {
		return nil
	}
	a, err := s.store.Attachment(r.Context(), ws.Authority.ID, id)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Warn("document du partenariat illisible", "err", err)
		}
		return nil
	}
	return &documentView{Attachment: a, SizeLabel: attachmentSize(a.Size)}
}

// downloadPartnershipDocument sends the agreement's document to a member who may see the register.
func (s *Server) downloadPartnershipDocument(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(p.Partnership.Agreement.DocumentID, 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	s.serveAttachment(w, r, ws.Authority.ID, id)
}

func (s *Server) documentConfirm(ws *workspace, p diagnostic.PartnershipRecord, doc *documentView) diagConfirm {
	id := strconv.FormatInt(p.ID, 10)
	return diagConfirm{
		Heading: "Retirer le document du partenariat avec " + p.Partnership.Partner + " ?",
		What: "Le fichier « " + doc.FileName + " » (" + attachmentSize(doc.Size) + ") sera supprimé ; le partenariat, sa convention " +
			"(dates, délibération) et sa revue critique sont conservés.",
		Action: s.partnershipURL(ws, id) + "/document/suppression", Cancel: s.partnershipURL(ws, id), Version: p.Version,
	}
}

func (s *Server) confirmRemovePartnershipDocument(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	doc := s.partnershipDocument(r, ws, p)
	if doc == nil {
		s.notFound(w, r)
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "diagnostic", s.documentConfirm(ws, p, doc))
}

func (s *Server) removePartnershipDocument(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	doc := s.partnershipDocument(r, ws, p)
	if doc == nil {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	_, err := s.store.RemovePartnershipDocument(r.Context(), actor(r), ws.Authority.ID, p.ID, diagVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c := s.documentConfirm(ws, p, doc)
		c.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "diagnostic", c)
		return
	}
	if s.diagStoreError(w, r, err) {
		return
	}
	redirect(w, r, s.partnershipURL(ws, strconv.FormatInt(p.ID, 10))+"?ok=document-retire")
}
