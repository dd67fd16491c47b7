package web

import "boussole/internal/model"

// The data of the comment pages.

type commentThreadPage struct {
	Block   *commentBlock
	Element string // what the thread is about, in French
	Back    string // the element's own page, "" when the thread is that page
	SWOT    bool
}

// commentFilter is one choice of the list of comments.
type commentFilter struct{ Value, Label string }

type commentsListPage struct {
	Filter      string
	Filters     []commentFilter
	Strategy    model.Strategy
	HasStrategy bool
	Rows        []commentRow
	Total, Page int
	Pages       int
	Prev, Next  string // the neighbouring pages' links, "" at either end
}

type notificationsPage struct {
	Rows   []notificationRow
	Unread int
}

type commentEditPage struct {
	Comment       model.Comment
	Noun, Element string
	Back, Max     string
}

type commentDeletePage struct {
	Comment model.Comment
	Back    string
}
