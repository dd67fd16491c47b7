package web

import (
	"html"
	"net/url"
	"testing"
	"time"

	"boussole/internal/comment"
	"boussole/internal/model"
)

// TestCommentsComponentWritesWhatThePartialWrites renders the templ comments block and the html/template
// partial with the same blocks (empty, unreadable, read only, threads with replies, a deleted comment, a
// mention, a refused reply and a refused comment) and wants the same markup.
func TestCommentsComponentWritesWhatThePartialWrites(t *testing.T) {
	base := testViews(t).base
	at := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
	first := commentItem{Comment: model.Comment{ID: 7, AuthorName: "Léa <Martin>", State: comment.Open, CreatedAt: at, EditedAt: at.Add(time.Hour)},
		Segments: []comment.Segment{{Text: "Voir avec "}, {Text: "@Paul", Mention: true}, {Text: " & la <DGS>."}}, Mine: true}
	handled := commentItem{Comment: model.Comment{ID: 9, AuthorName: "", State: comment.Handled, CreatedAt: at},
		Segments: []comment.Segment{{Text: "Fait."}}}
	reply := commentItem{Comment: model.Comment{ID: 8, ParentID: 7, AuthorName: "Paul", CreatedAt: at}, Segments: []comment.Segment{{Text: "D'accord"}}, Mine: true}
	gone := commentItem{Comment: model.Comment{ID: 10, ParentID: 7, DeletedAt: at}}
	threads := []commentThread{{First: first, Replies: []commentItem{reply, gone}}, {First: handled}}
	refusedReply := newForm(url.Values{"parent": {"7"}, "reponse-7": {"trop <long>"}})
	refusedReply.Fail("reponse-7", "La réponse est trop longue.")
	refusedNew := newForm(url.Values{"parent": {"0"}, "texte": {""}})
	refusedNew.Fail("texte", "Écrivez votre commentaire.")
	people := []model.Participant{{Name: "Paul"}, {Name: "Zoé \"Z\""}}
	blocks := []*commentBlock{
		nil,
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, ReadFailed: true},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000"},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000", CanWrite: true},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000", CanWrite: true, CanMention: true, Mentionable: people},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000", Threads: threads, Count: 4},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000", Threads: threads, Count: 4, CanWrite: true, Form: refusedReply},
		{Prefix: "/ct/x", Kind: "element", ElementID: 3, MaxLength: "4 000", Threads: threads, Count: 4, CanWrite: true, CanMention: true, Mentionable: people, Form: refusedNew},
	}
	for i, b := range blocks {
		want := executePartial(t, base, "comments", b)
		got := renderTempl(t, commentsBlock(b))
		if g, w := html.UnescapeString(normalised(got)), html.UnescapeString(normalised(want)); g != w {
			t.Errorf("block %d:\n templ %s\n html  %s", i, g, w)
		}
	}
}
