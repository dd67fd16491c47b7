package model

import (
	"time"

	"boussole/internal/access"
	"boussole/internal/comment"
)

// Comment is a remark on one element of a strategy, or a reply to one (ParentID set; replies have no
// replies of their own).
type Comment struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Kind        comment.Kind
	ElementID   int64
	ParentID    int64
	AuthorID    int64 // 0 once the author's account is deleted
	AuthorName  string
	Text        string
	State       comment.State
	CreatedAt   time.Time
	EditedAt    time.Time // zero when never edited
	DeletedAt   time.Time // zero unless deleted; the text is then empty
	Version     int64
	// ElementTitle and ElementGone are filled by the lists that gather comments of several elements.
	ElementTitle string
	ElementGone  bool // the element was deleted since: there is no page to link to
	Replies      int  // replies still shown, filled by the list of a strategy's comments
}

// Deleted reports whether the comment was deleted by its author.
func (c Comment) Deleted() bool { return !c.DeletedAt.IsZero() }

// CommentFilter narrows the list of a strategy's comments.
type CommentFilter struct {
	State  comment.State  // "" for both states
	Kinds  []comment.Kind // the kinds the viewer may read
	Limit  int
	Offset int
}

// Participant is someone who can be mentioned in a workspace: a member or an active accompagnateur.
type Participant struct {
	UserID int64
	Name   string
	Email  string
	Role   access.Role
}

// Notification tells a person they were mentioned in a comment, or that someone replied to theirs.
type Notification struct {
	ID        int64
	Reason    string // "mention", or "reponse" when the person wrote the comment replied to
	Comment   Comment
	CreatedAt time.Time
	ReadAt    time.Time
}

// Reply reports whether the notification is about a reply to one's comment rather than a mention.
func (n Notification) Reply() bool { return n.Reason == "reponse" }
