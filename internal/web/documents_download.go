package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/tabular"
)

// Media types of the downloads.
const (
	odtType = "application/vnd.oasis.opendocument.text"
	pdfType = "application/pdf"
)

// buildMark tells apart the binaries that generate documents: a new version may write the same strategy
// differently, so it must not answer « unchanged » to a copy the previous one made.
var buildMark = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value[:min(12, len(s.Value))]
			}
		}
	}
	return "dev" + strconv.FormatInt(time.Now().Unix(), 36)
}()

// documentETag names one generated document's content without generating it: the kind, the strategy, the
// authority's change mark (every write moves it), the day (the cover dates the document) and the binary.
func (s *Server) documentETag(ctx context.Context, ws *workspace, kind string, st model.Strategy) (string, error) {
	mark, err := s.store.ChangeMark(ctx, ws.Authority.ID)
	if err != nil {
		return "", err
	}
	return strconv.Quote(fmt.Sprintf("%s-%d-%d-%s-%s", kind, st.ID, mark, time.Now().Format("20060102"), buildMark)), nil
}

// notModified answers 304 when the browser already holds this version.
func notModified(w http.ResponseWriter, r *http.Request, etag string) bool {
	for _, t := range strings.Split(r.Header.Get("If-None-Match"), ",") {
		if t = strings.TrimSpace(t); t == etag || t == "*" || strings.TrimPrefix(t, "W/") == etag {
			w.Header().Set("ETag", etag)
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	return false
}

// sendFile writes a generated file as a download.
func sendFile(w http.ResponseWriter, name, contentType, etag string, data []byte, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+asciiName(name)+`"; filename*=UTF-8''`+url.PathEscape(name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("ETag", etag)
	if immutable {
		h.Set("Cache-Control", "private, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "private, no-cache")
	}
	_, _ = w.Write(data)
}

// asciiName is a file name for the browsers that ignore filename*: accents dropped, anything else a dash.
func asciiName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		case strings.ContainsRune("éèêë", r):
			return 'e'
		case strings.ContainsRune("àâä", r):
			return 'a'
		}
		return '-'
	}, s)
}

// fileBase is the downloads' name: « strategie-grand-belval-2026-2032 ».
func fileBase(ws *workspace, prefix string, st model.Strategy) string {
	b := prefix + "-" + ws.Authority.Slug
	if st.TermStart != 0 {
		b += "-" + strconv.Itoa(st.TermStart)
		if st.TermEnd != 0 {
			b += "-" + strconv.Itoa(st.TermEnd)
		}
	}
	return b
}

// generated serves one document made from the viewed strategy: 304 when the browser holds this version,
// else the document built by build and written in its format by write.
func (s *Server) generated(w http.ResponseWriter, r *http.Request, ws *workspace, kind, ext, contentType string,
	build func(src document.Source, set document.Settings) document.Doc, write func(*bytes.Buffer, document.Doc, string, time.Time) error) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	etag, err := s.documentETag(r.Context(), ws, kind+ext, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if notModified(w, r, etag) {
		return
	}
	src, err := s.documentSource(r.Context(), ws, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	set, err := s.store.DocumentSettings(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, build(src, set), ws.Authority.Name, src.Generated); err != nil {
		s.serverError(w, r, err)
		return
	}
	sendFile(w, fileBase(ws, kind, st)+ext, contentType, etag, buf.Bytes(), false)
}

func strategyDoc(src document.Source, set document.Settings) document.Doc {
	return document.Strategy(src, set.Choice)
}
func deliberationDoc(src document.Source, _ document.Settings) document.Doc {
	return document.Deliberation(src)
}
func onePageDoc(src document.Source, _ document.Settings) document.Doc { return document.OnePage(src) }

func writeODT(b *bytes.Buffer, d document.Doc, author string, at time.Time) error {
	return document.WriteODT(b, d, author, at)
}
func writePDF(b *bytes.Buffer, d document.Doc, author string, at time.Time) error {
	return document.WritePDF(b, d, author, at)
}

func (s *Server) downloadStrategyODT(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.generated(w, r, ws, "strategie", ".odt", odtType, strategyDoc, writeODT)
}

func (s *Server) downloadStrategyPDF(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.generated(w, r, ws, "strategie", ".pdf", pdfType, strategyDoc, writePDF)
}

func (s *Server) downloadDeliberation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.generated(w, r, ws, "projet-de-deliberation", ".odt", odtType, deliberationDoc, writeODT)
}

func (s *Server) downloadOnePagePDF(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.generated(w, r, ws, "strategie-en-une-page", ".pdf", pdfType, onePageDoc, writePDF)
}

func (s *Server) downloadOnePageODT(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.generated(w, r, ws, "strategie-en-une-page", ".odt", odtType, onePageDoc, writeODT)
}

// adopted serves a frozen version's file exactly as it was stored when the vote was recorded.
func (s *Server) adopted(w http.ResponseWriter, r *http.Request, ws *workspace, ext, contentType string) {
	id, ok := pathID(r, "adoption")
	if !ok {
		s.notFound(w, r)
		return
	}
	a, err := s.store.Adoption(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	etag := strconv.Quote(a.Hash + ext)
	if notModified(w, r, etag) {
		return
	}
	data := a.ODT
	if ext == ".pdf" {
		data = a.PDF
	}
	name := "strategie-adoptee-" + ws.Authority.Slug + "-" + strings.ReplaceAll(a.Vote.On.ISO(), "-", "") + ext
	sendFile(w, name, contentType, etag, data, true)
}

func (s *Server) downloadAdoptedODT(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.adopted(w, r, ws, ".odt", odtType)
}

func (s *Server) downloadAdoptedPDF(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.adopted(w, r, ws, ".pdf", pdfType)
}

// workbook serves the tables of the viewed strategy as a spreadsheet, with the documents' ETag.
func (s *Server) workbook(w http.ResponseWriter, r *http.Request, ws *workspace, ext, contentType string,
	write func(io.Writer, []tabular.Sheet) error) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil || !ok {
		s.storeFailed(w, r, orNotFound(err))
		return
	}
	etag, err := s.documentETag(r.Context(), ws, "tableaux"+ext, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if notModified(w, r, etag) {
		return
	}
	src, err := s.documentSource(r.Context(), ws, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, document.Workbook(src)); err != nil {
		s.serverError(w, r, err)
		return
	}
	sendFile(w, fileBase(ws, "tableaux", st)+ext, contentType, etag, buf.Bytes(), false)
}

func (s *Server) downloadWorkbookXLSX(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.workbook(w, r, ws, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", tabular.WriteXLSXSheets)
}

func (s *Server) downloadWorkbookODS(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.workbook(w, r, ws, ".ods", tabular.ODSMediaType, tabular.WriteODS)
}
