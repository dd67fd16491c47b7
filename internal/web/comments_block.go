package web

import (
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/frfmt"
	"boussole/internal/model"
)

// commentBlock is what the « comments » partial shows under an element: its threads, the form to post, and
// the names one can mention. A nil block (the role may not read these comments) shows nothing.
type commentBlock struct {
	Prefix      string
	Kind        comment.Kind
	ElementID   int64
	Threads     []commentThread
	Count       int // comments shown, replies included
	CanWrite    bool
	CanMention  bool
	Mentionable []model.Participant
	Form        *form // a refused post, shown again at its place; nil for a fresh page
	ReadFailed  bool
	ThreadPage  bool   // the block is the thread page itself, so it does not link to it
	MaxLength   string // the length limit, written the French way
}

// commentThread is a first comment with its replies.
type commentThread struct {
	First   commentItem
	Replies []commentItem
}

// commentItem is one comment as a page shows it: its text cut into plain runs and mentions, and whether the
// viewer wrote it (and so may edit or delete it).
type commentItem struct {
	model.Comment
	Segments []comment.Segment
	Mine     bool
}

// FormFor returns the refused form when it was posted at this place (parent 0: a new comment; otherwise a
// reply in that thread), or an empty form.
func (b *commentBlock) FormFor(parentID int64) *form {
	if b.Form != nil && b.Form.Get("parent") == strconv.FormatInt(parentID, 10) {
		return b.Form
	}
	return newForm(nil)
}

// URL returns the thread page of the element.
func (b *commentBlock) URL() string {
	return b.Prefix + "/commentaires/" + string(b.Kind) + "/" + strconv.FormatInt(b.ElementID, 10)
}

// commentBlock loads the comments on an element for the viewer. A failed read does not break the element's
// page: the block says the comments could not be shown.
func (s *Server) commentBlock(r *http.Request, ws *workspace, kind comment.Kind, elementID int64) *commentBlock {
	if elementID == 0 || !comment.CanRead(ws.Role, kind) {
		return nil
	}
	b := &commentBlock{Prefix: ws.Prefix(), Kind: kind, ElementID: elementID, CanWrite: comment.CanWrite(ws.Role, kind),
		CanMention: comment.CanWrite(ws.Role, kind) && access.Can(ws.Role, access.Mention), MaxLength: frfmt.Integer(comment.MaxLength)}
	list, err := s.store.Comments(r.Context(), ws.Authority.ID, kind, elementID)
	if err != nil {
		s.log.Warn("commentaires illisibles", "err", err)
		b.ReadFailed = true
		return b
	}
	people, err := s.store.Participants(r.Context(), ws.Authority.ID)
	if err != nil {
		s.log.Warn("participants illisibles", "err", err)
	}
	if b.CanMention {
		for _, p := range mentionable(people, kind) {
			if p.UserID != currentUser(r).ID {
				b.Mentionable = append(b.Mentionable, p)
			}
		}
	}
	b.Threads, b.Count = threads(list, members(people), currentUser(r).ID)
	if len(list) > 0 { // the viewer now sees the comments they were mentioned in
		if err := s.store.MarkElementNotificationsRead(r.Context(), ws.Authority.ID, currentUser(r).ID, kind, elementID); err != nil {
			s.log.Warn("notifications non marquées lues", "err", err)
		}
	}
	return b
}

// threads groups comments under their first comment, leaving out deleted comments that no reply keeps.
func threads(list []model.Comment, people []comment.Member, viewer int64) ([]commentThread, int) {
	item := func(c model.Comment) commentItem {
		segs, _ := comment.Parse(c.Text, people)
		return commentItem{Comment: c, Segments: segs, Mine: c.AuthorID != 0 && c.AuthorID == viewer && !c.Deleted()}
	}
	var out []commentThread
	at := map[int64]int{}
	for _, c := range list {
		if c.ParentID == 0 {
			at[c.ID] = len(out)
			out = append(out, commentThread{First: item(c)})
		}
	}
	for _, c := range list {
		if i, ok := at[c.ParentID]; ok && c.ParentID != 0 && !c.Deleted() {
			out[i].Replies = append(out[i].Replies, item(c))
		}
	}
	kept, n := out[:0], 0
	for _, th := range out {
		if th.First.Deleted() && len(th.Replies) == 0 {
			continue
		}
		kept = append(kept, th)
		n += len(th.Replies)
		if !th.First.Deleted() {
			n++
		}
	}
	return kept, n
}

// members turns participants into the names and addresses mentions are matched against.
func members(people []model.Participant) []comment.Member {
	out := make([]comment.Member, 0, len(people))
	for _, p := range people {
		out = append(out, comment.Member{UserID: p.UserID, Name: p.Name, Email: p.Email})
	}
	return out
}

// mentionable keeps the participants who may read comments on an element of this kind: mentioning a
// partner on the stakeholder map would send them what they may not read.
func mentionable(people []model.Participant, kind comment.Kind) []model.Participant {
	var out []model.Participant
	for _, p := range people {
		if comment.CanRead(p.Role, kind) {
			out = append(out, p)
		}
	}
	return out
}

// elementURL returns the page of a commented element as this role sees it. A SWOT item's own page is its
// edit form; whoever may not edit reads its thread page.
func elementURL(ws *workspace, kind comment.Kind, id int64) string {
	p, n := ws.Prefix(), strconv.FormatInt(id, 10)
	switch kind {
	case comment.KindStrategy:
		return p + "/strategies/" + n
	case comment.KindObjective:
		return p + "/cadre-logique/objectifs/" + n
	case comment.KindResult:
		return p + "/cadre-logique/resultats/" + n
	case comment.KindActivity:
		return p + "/cadre-logique/activites/" + n
	case comment.KindIndicator:
		return p + "/cadre-logique/indicateurs/" + n
	case comment.KindStakeholder:
		return p + "/acteurs/" + n
	case comment.KindSWOT:
		if access.Can(ws.Role, access.EditContent) {
			return p + "/diagnostic/afom/" + n
		}
	}
	return p + "/commentaires/" + string(kind) + "/" + n
}

// strategyComments is the comment block of the strategy's own page (/strategies/{id}). The workspace's home
// page shows the same tracker without it: it is the most visited page, and stays as light as it was.
func (s *Server) strategyComments(r *http.Request, ws *workspace, st model.Strategy) *commentBlock {
	if r.PathValue("id") == "" {
		return nil
	}
	return s.commentBlock(r, ws, comment.KindStrategy, st.ID)
}
