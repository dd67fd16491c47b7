package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/model"
)

// commentElements maps each kind of commented element to its table and its title column. strategyCol is
// empty for elements that belong to the authority rather than to one strategy.
var commentElements = map[comment.Kind]struct{ table, title, strategyCol string }{
	comment.KindStrategy:    {"strategies", "title", "id"},
	comment.KindObjective:   {"objectives", "title", "strategy_id"},
	comment.KindResult:      {"results", "title", "strategy_id"},
	comment.KindActivity:    {"activities", "title", "strategy_id"},
	comment.KindIndicator:   {"indicators", "title", "strategy_id"},
	comment.KindSWOT:        {"diagnostic_swot_items", "item_text", "strategy_id"},
	comment.KindStakeholder: {"stakeholders", "name", ""},
}

// CommentedElement returns the title of an element of the authority and the strategy it belongs to (0 for
// a stakeholder, which belongs to the authority); ErrNotFound when it is not the authority's.
func (s *Store) CommentedElement(ctx context.Context, authorityID int64, kind comment.Kind, id int64) (string, int64, error) {
	return commentedElement(ctx, s.db, authorityID, kind, id)
}

func commentedElement(ctx context.Context, q querier, authorityID int64, kind comment.Kind, id int64) (string, int64, error) {
	e, ok := commentElements[kind]
	if !ok {
		return "", 0, ErrNotFound
	}
	strategy := "0"
	if e.strategyCol != "" {
		strategy = e.strategyCol
	}
	var title string
	var strategyID int64
	err := q.QueryRowContext(ctx, "SELECT "+e.title+", "+strategy+" FROM "+e.table+" WHERE authority_id = $1 AND id = $2", authorityID, id).Scan(&title, &strategyID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, ErrNotFound
	}
	if err != nil {
		return "", 0, fmt.Errorf("store: unable to read the commented element: %w", err)
	}
	return title, strategyID, nil
}

const commentSelect = `SELECT c.id, c.authority_id, c.strategy_id, c.element_kind, c.element_id, COALESCE(c.parent_id, 0), COALESCE(c.author_id, 0),
	COALESCE(u.name, ''), c.text, c.state, c.created_at, c.edited_at, c.deleted_at, c.version FROM comments c LEFT JOIN users u ON u.id = c.author_id`

func scanComment(row interface{ Scan(...any) error }) (model.Comment, error) {
	var c model.Comment
	var kind, state string
	var edited, deleted sql.NullTime
	err := row.Scan(&c.ID, &c.AuthorityID, &c.StrategyID, &kind, &c.ElementID, &c.ParentID, &c.AuthorID, &c.AuthorName, &c.Text, &state,
		&c.CreatedAt, &edited, &deleted, &c.Version)
	c.Kind, c.State = comment.Kind(kind), comment.State(state)
	c.CreatedAt, c.EditedAt, c.DeletedAt = c.CreatedAt.UTC(), timeOf(edited), timeOf(deleted)
	return c, err
}

// Comments lists the comments on one element of the authority, oldest first, replies included.
func (s *Store) Comments(ctx context.Context, authorityID int64, kind comment.Kind, elementID int64) ([]model.Comment, error) {
	return queryAll(ctx, s.db, scanComment, commentSelect+` WHERE c.authority_id = $1 AND c.element_kind = $2 AND c.element_id = $3
		ORDER BY c.created_at, c.id`, authorityID, string(kind), elementID)
}

// Comment returns one comment of the authority.
func (s *Store) Comment(ctx context.Context, authorityID, id int64) (model.Comment, error) {
	return queryOne(ctx, s.db, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", authorityID, id)
}

// CreateComment records a comment or a reply and notifies the participants it mentions (never its author),
// returning who was notified of a mention; a reply also notifies the author of the thread's first comment. The element must be the authority's; the comment takes the element's
// strategy when it has one. A reply to a reply joins the thread of the first comment: one level of replies.
func (s *Store) CreateComment(ctx context.Context, by Actor, c *model.Comment, mentioned []int64) (notified []int64, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, strategyID, err := commentedElement(ctx, tx, c.AuthorityID, c.Kind, c.ElementID)
		if err != nil {
			return err
		}
		if strategyID != 0 {
			c.StrategyID = strategyID
		} else if err := ownedStrategy(ctx, tx, c.AuthorityID, c.StrategyID); err != nil {
			return err
		}
		var parentAuthor int64
		if c.ParentID != 0 {
			parent, err := queryOne(ctx, tx, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", c.AuthorityID, c.ParentID)
			if err != nil {
				return err
			}
			if parent.Kind != c.Kind || parent.ElementID != c.ElementID {
				return ErrNotFound
			}
			if parent.ParentID != 0 {
				if parent, err = queryOne(ctx, tx, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", c.AuthorityID, parent.ParentID); err != nil {
					return err
				}
				c.ParentID = parent.ID
			}
			c.StrategyID, parentAuthor = parent.StrategyID, parent.AuthorID
		}
		t := now()
		c.AuthorID, c.State, c.CreatedAt, c.Version = by.UserID, comment.Open, t, 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO comments (authority_id, strategy_id, element_kind, element_id, parent_id, author_id, text, state, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, c.AuthorityID, c.StrategyID, string(c.Kind), c.ElementID, nullID(c.ParentID),
			nullID(c.AuthorID), c.Text, string(c.State), t, t).Scan(&c.ID); err != nil {
			return fmt.Errorf("store: unable to create the comment: %w", err)
		}
		if notified, err = notify(ctx, tx, c.AuthorityID, c.ID, by.UserID, mentioned); err != nil {
			return err
		}
		if parentAuthor != 0 { // the thread's author hears of the reply, unless the reply mentions them already
			if _, err := notify(ctx, tx, c.AuthorityID, c.ID, by.UserID, []int64{parentAuthor}); err != nil {
				return err
			}
		}
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionCreate, entity: "commentaire", entityID: c.ID, summary: excerpt(c.Text), after: c})
	})
	if err != nil {
		return nil, err
	}
	return notified, nil
}

// notify records one notification per mentioned participant of the authority not yet notified of this
// comment, leaving out the author, and returns who was notified now.
func notify(ctx context.Context, tx *sql.Tx, authorityID, commentID, authorID int64, mentioned []int64) ([]int64, error) {
	var out []int64
	for _, uid := range mentioned {
		if uid == authorID || uid == 0 {
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO notifications (authority_id, user_id, comment_id, created_at)
			SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE user_id = $2 AND comment_id = $3)
			AND (EXISTS (SELECT 1 FROM memberships WHERE authority_id = $1 AND user_id = $2)
			  OR EXISTS (SELECT 1 FROM grants WHERE authority_id = $1 AND user_id = $2 AND revoked_at IS NULL))`,
			authorityID, uid, commentID, now())
		if err != nil {
			return nil, fmt.Errorf("store: unable to record the notification: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			out = append(out, uid)
		}
	}
	return out, nil
}

// UpdateComment changes the text of a comment by its author, with optimistic concurrency, and notifies the
// participants newly mentioned. Another person's comment is ErrNotFound: only the author edits.
func (s *Store) UpdateComment(ctx context.Context, by Actor, c *model.Comment, mentioned []int64) (notified []int64, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", c.AuthorityID, c.ID)
		if err != nil {
			return err
		}
		if before.AuthorID == 0 || before.AuthorID != by.UserID || before.Deleted() {
			return ErrNotFound
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE comments SET text = $1, edited_at = $2, updated_at = $2, version = version + 1
			WHERE authority_id = $3 AND id = $4 AND author_id = $5 AND version = $6 AND deleted_at IS NULL`, c.Text, t, c.AuthorityID, c.ID, by.UserID, c.Version)
		if err := updated(res, err, "comment"); err != nil {
			return err
		}
		if notified, err = notify(ctx, tx, c.AuthorityID, c.ID, by.UserID, mentioned); err != nil {
			return err
		}
		after := before
		after.Text, after.EditedAt, after.Version = c.Text, t, c.Version+1
		*c = after
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionUpdate, entity: "commentaire", entityID: c.ID, summary: excerpt(c.Text), before: before, after: after})
	})
	if err != nil {
		return nil, err
	}
	return notified, nil
}

// DeleteComment deletes a comment by its author: its text is erased at once and its notifications go;
// the row stays while replies hang under it, so the thread still reads « commentaire supprimé ».
func (s *Store) DeleteComment(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", authorityID, id)
		if err != nil {
			return err
		}
		if before.AuthorID == 0 || before.AuthorID != by.UserID || before.Deleted() {
			return ErrNotFound
		}
		t := now()
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET text = '', deleted_at = $1, updated_at = $1, version = version + 1
			WHERE authority_id = $2 AND id = $3`, t, authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the comment: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM notifications WHERE authority_id = $1 AND comment_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the notifications: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "commentaire", entityID: id, summary: "texte effacé"})
	})
}

// SetCommentState marks a comment « à traiter » or « traité ». Setting the state it already has changes
// nothing, so two people marking it handled at once agree.
func (s *Store) SetCommentState(ctx context.Context, by Actor, authorityID, id int64, state comment.State) error {
	if !state.Valid() {
		return fmt.Errorf("store: unknown comment state %q", state)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanComment, commentSelect+" WHERE c.authority_id = $1 AND c.id = $2", authorityID, id)
		if err != nil {
			return err
		}
		if before.Deleted() {
			return ErrNotFound
		}
		if before.State == state {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET state = $1, updated_at = $2, version = version + 1 WHERE authority_id = $3 AND id = $4`,
			string(state), now(), authorityID, id); err != nil {
			return fmt.Errorf("store: unable to change the comment's state: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "commentaire", entityID: id, summary: state.Label() + " : " + excerpt(before.Text)})
	})
}

// StrategyComments lists a strategy's first comments (not the replies, not the deleted ones) on the
// kinds the filter allows, newest first, with the title of their element and their number of replies, and
// counts them all.
func (s *Store) StrategyComments(ctx context.Context, authorityID, strategyID int64, f model.CommentFilter) ([]model.Comment, int, error) {
	if len(f.Kinds) == 0 {
		return nil, 0, nil
	}
	where := []string{"c.authority_id = $1", "c.strategy_id = $2", "c.parent_id IS NULL", "c.deleted_at IS NULL"}
	args := []any{authorityID, strategyID}
	var kinds []string
	for _, k := range f.Kinds {
		args = append(args, string(k))
		kinds = append(kinds, fmt.Sprintf("$%d", len(args)))
	}
	where = append(where, "c.element_kind IN ("+strings.Join(kinds, ", ")+")")
	if f.State != "" {
		args = append(args, string(f.State))
		where = append(where, fmt.Sprintf("c.state = $%d", len(args)))
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM comments c WHERE "+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to count the comments: %w", err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 200
	}
	titles, found := []string{}, []string{}
	joins := ""
	for i, k := range comment.Kinds {
		e := commentElements[k]
		alias := fmt.Sprintf("e%d", i)
		joins += fmt.Sprintf(" LEFT JOIN %s %s ON c.element_kind = '%s' AND %s.id = c.element_id AND %s.authority_id = c.authority_id", e.table, alias, k, alias, alias)
		titles, found = append(titles, alias+"."+e.title), append(found, alias+".id")
	}
	query := strings.Replace(commentSelect, " FROM comments c", ", COALESCE("+strings.Join(titles, ", ")+", ''), COALESCE("+strings.Join(found, ", ")+", 0),"+
		" (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id AND r.deleted_at IS NULL) FROM comments c", 1) + joins +
		" WHERE " + cond + fmt.Sprintf(" ORDER BY c.created_at DESC, c.id DESC LIMIT %d OFFSET %d", limit, max(f.Offset, 0))
	out, err := queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (model.Comment, error) {
		var c model.Comment
		var kind, state, title string
		var edited, deleted sql.NullTime
		var found int64
		err := row.Scan(&c.ID, &c.AuthorityID, &c.StrategyID, &kind, &c.ElementID, &c.ParentID, &c.AuthorID, &c.AuthorName, &c.Text, &state,
			&c.CreatedAt, &edited, &deleted, &c.Version, &title, &found, &c.Replies)
		c.Kind, c.State, c.ElementTitle, c.ElementGone = comment.Kind(kind), comment.State(state), title, found == 0
		c.CreatedAt, c.EditedAt, c.DeletedAt = c.CreatedAt.UTC(), timeOf(edited), timeOf(deleted)
		return c, err
	}, query, args...)
	return out, total, err
}

// Participants lists who can be mentioned in a workspace: its members and its active accompagnateurs.
func (s *Store) Participants(ctx context.Context, authorityID int64) ([]model.Participant, error) {
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (model.Participant, error) {
		var p model.Participant
		var role string
		err := row.Scan(&p.UserID, &p.Name, &p.Email, &role)
		p.Role = access.Role(role)
		return p, err
	}, `SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.authority_id = $1
		UNION SELECT u.id, u.name, u.email, 'accompagnateur' FROM grants g JOIN users u ON u.id = g.user_id
		WHERE g.authority_id = $1 AND g.revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.authority_id = $1 AND m.user_id = u.id)
		ORDER BY 2, 3`, authorityID)
}

// Notifications lists a person's notifications in a workspace, unread first then newest first, with the
// comment they point at.
func (s *Store) Notifications(ctx context.Context, authorityID, userID int64, limit int) ([]model.Notification, error) {
	if limit <= 0 || limit > 200 {
		limit = 200
	}
	// A notification is about a reply when the person wrote the comment replied to; otherwise, a mention.
	query := strings.Replace(commentSelect, "SELECT ", "SELECT n.id, CASE WHEN p.author_id = n.user_id THEN 'reponse' ELSE 'mention' END, n.created_at, n.read_at, ", 1) +
		fmt.Sprintf(` JOIN notifications n ON n.comment_id = c.id LEFT JOIN comments p ON p.id = c.parent_id WHERE n.authority_id = $1 AND n.user_id = $2 AND c.authority_id = $1
		ORDER BY n.read_at IS NOT NULL, n.created_at DESC, n.id DESC LIMIT %d`, limit)
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (model.Notification, error) {
		var n model.Notification
		var read sql.NullTime
		c := &n.Comment
		var kind, state string
		var edited, deleted sql.NullTime
		err := row.Scan(&n.ID, &n.Reason, &n.CreatedAt, &read, &c.ID, &c.AuthorityID, &c.StrategyID, &kind, &c.ElementID, &c.ParentID, &c.AuthorID, &c.AuthorName,
			&c.Text, &state, &c.CreatedAt, &edited, &deleted, &c.Version)
		c.Kind, c.State = comment.Kind(kind), comment.State(state)
		n.ReadAt, c.EditedAt, c.DeletedAt = timeOf(read), timeOf(edited), timeOf(deleted)
		return n, err
	}, query, authorityID, userID)
}

// UnreadNotifications counts a person's unread notifications in a workspace, for the badge.
func (s *Store) UnreadNotifications(ctx context.Context, authorityID, userID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM notifications WHERE authority_id = $1 AND user_id = $2 AND read_at IS NULL", authorityID, userID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: unable to count the notifications: %w", err)
	}
	return n, nil
}

// MarkNotificationsRead marks every notification of a person in a workspace read. It is the person's own
// reading state, not a change of the workspace's data, so it is not in the audit log.
func (s *Store) MarkNotificationsRead(ctx context.Context, authorityID, userID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE notifications SET read_at = $1 WHERE authority_id = $2 AND user_id = $3 AND read_at IS NULL", now(), authorityID, userID)
		if err != nil {
			return fmt.Errorf("store: unable to mark the notifications read: %w", err)
		}
		return nil
	})
}

// excerpt shortens a comment for the audit log's summary.
func excerpt(text string) string {
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return string(r)
}

// MarkElementNotificationsRead marks read a person's notifications about the comments on one element, once
// they have the element's comments before them. It writes only when there is something to mark, so that
// reading a page does not take SQLite's write lock for nothing.
func (s *Store) MarkElementNotificationsRead(ctx context.Context, authorityID, userID int64, kind comment.Kind, elementID int64) error {
	const which = `FROM notifications n WHERE n.authority_id = $1 AND n.user_id = $2 AND n.read_at IS NULL AND n.comment_id IN
		(SELECT c.id FROM comments c WHERE c.authority_id = $1 AND c.element_kind = $3 AND c.element_id = $4)`
	var n int
	if err := s.queryRow(ctx, "SELECT COUNT(*) "+which, authorityID, userID, string(kind), elementID).Scan(&n); err != nil {
		return fmt.Errorf("store: unable to count the notifications: %w", err)
	}
	if n == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE notifications SET read_at = $5 WHERE authority_id = $1 AND user_id = $2 AND read_at IS NULL AND comment_id IN
			(SELECT c.id FROM comments c WHERE c.authority_id = $1 AND c.element_kind = $3 AND c.element_id = $4)`, authorityID, userID, string(kind), elementID, now())
		if err != nil {
			return fmt.Errorf("store: unable to mark the notifications read: %w", err)
		}
		return nil
	})
}
