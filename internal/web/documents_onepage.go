package web

import (
	"html/template"
	"net/http"

	"boussole/internal/document"
	"boussole/internal/model"
)

// onePagePage is the data of « la stratégie en une page ».
type onePagePage struct {
	Strategy model.Strategy
	Doc      document.Doc
	Sections []htmlSection
}

// htmlSection is a document's section as a page shows it.
type htmlSection struct {
	Title  string
	Blocks []htmlBlock
}

// htmlBlock is one block of a document, flattened for the templates, which cannot switch on types.
type htmlBlock struct {
	Kind     string // heading, paragraph, note, field, list, table, figure
	Text     string
	Label    string
	Items    []string
	Numbered bool
	Table    document.Table
	SVG      template.HTML
	Title    string
	Desc     string
}

func htmlSections(d document.Doc) []htmlSection {
	out := make([]htmlSection, 0, len(d.Sections))
	for _, s := range d.Sections {
		hs := htmlSection{Title: s.Title}
		for _, b := range s.Blocks {
			hs.Blocks = append(hs.Blocks, htmlBlockOf(b))
		}
		out = append(out, hs)
	}
	return out
}

func htmlBlockOf(b document.Block) htmlBlock {
	switch b := b.(type) {
	case document.Heading:
		return htmlBlock{Kind: "heading", Text: b.Text}
	case document.Paragraph:
		return htmlBlock{Kind: "paragraph", Text: b.Text}
	case document.Note:
		return htmlBlock{Kind: "note", Text: b.Text}
	case document.Field:
		return htmlBlock{Kind: "field", Label: b.Label, Text: b.Text}
	case document.List:
		return htmlBlock{Kind: "list", Items: b.Items, Numbered: b.Numbered}
	case document.Table:
		return htmlBlock{Kind: "table", Table: b}
	case document.Figure:
		// #nosec: drawn by the figure packages, which escape every text they draw
		return htmlBlock{Kind: "figure", SVG: template.HTML(b.SVG), Title: b.Title, Desc: b.Desc} //nolint:gosec
	}
	return htmlBlock{}
}

func (s *Server) showOnePage(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, "documents")
		return
	}
	src, err := s.onePageSource(r, ws, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := document.OnePage(src)
	v := view{Title: "La stratégie en une page", WS: ws, Section: "documents"}
	s.renderComponent(w, r, http.StatusOK, v, documentsOnePageContent(v, onePagePage{Strategy: st, Doc: d, Sections: htmlSections(d)}))
}

// onePageSource reads the strategy for the one-page summary, with the vote that adopted it when there is
// one, so the summary says where the strategy stands.
func (s *Server) onePageSource(r *http.Request, ws *workspace, st model.Strategy) (document.Source, error) {
	src, err := s.documentSource(r.Context(), ws, st)
	if err != nil {
		return src, err
	}
	list, err := s.store.Adoptions(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		return src, err
	}
	if len(list) > 0 {
		src.Adoption = list[0].Adoption()
	}
	return src, nil
}
