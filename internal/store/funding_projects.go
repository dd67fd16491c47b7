package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/funding"
	"boussole/internal/partialdate"
	"boussole/internal/textkey"
)

const projectColumns = `id, authority_id, strategy_id, title, summary, status, partners, countries, themes, sdgs, start_on, end_on,
	budget_cents, least_developed, has_agreement, has_deliberation, has_reports, own_competence, updated_at, version`

func scanProject(row interface{ Scan(...any) error }) (funding.Project, error) {
	var p funding.Project
	var status, partners, countries, themes, sdgs, start, end string
	err := row.Scan(&p.ID, &p.AuthorityID, &p.StrategyID, &p.Title, &p.Summary, &status, &partners, &countries, &themes, &sdgs, &start, &end,
		&p.BudgetCents, &p.LeastDeveloped, &p.HasAgreement, &p.HasDeliberation, &p.HasReports, &p.OwnCompetence, &p.UpdatedAt, &p.Version)
	p.Status = funding.Status(status)
	p.Partners, p.Countries = diagSplitLines(partners), splitCodes(countries)
	for _, t := range strings.Fields(themes) {
		p.Themes = append(p.Themes, funding.Theme(t))
	}
	for _, g := range strings.Fields(sdgs) {
		if n, err := strconv.Atoi(g); err == nil {
			p.SDGs = append(p.SDGs, n)
		}
	}
	p.Start, _ = partialdate.ParseISO(start)
	p.End, _ = partialdate.ParseISO(end)
	p.UpdatedAt = p.UpdatedAt.UTC()
	return p, err
}

// projectValues lists the stored columns from title to own_competence, in projectColumns' order, with the
// search key after the title.
func projectValues(p funding.Project) []any {
	themes := make([]string, len(p.Themes))
	for i, t := range p.Themes {
		themes[i] = string(t)
	}
	sdgs := make([]string, len(p.SDGs))
	for i, g := range p.SDGs {
		sdgs[i] = strconv.Itoa(g)
	}
	start, end := "", ""
	if !p.Start.IsZero() {
		start = p.Start.ISO()
	}
	if !p.End.IsZero() {
		end = p.End.ISO()
	}
	key := textkey.Fold(p.Title + " " + p.Summary + " " + strings.Join(p.Partners, " "))
	return []any{p.Title, key, p.Summary, string(p.Status), diagJoinLines(p.Partners), joinCodes(p.Countries), strings.Join(themes, " "),
		strings.Join(sdgs, " "), start, end, p.BudgetCents, p.LeastDeveloped, p.HasAgreement, p.HasDeliberation, p.HasReports, p.OwnCompetence}
}

// Projects returns a page of a strategy's projects by title, without their lines, and how many match.
func (s *Store) Projects(ctx context.Context, authorityID, strategyID int64, f funding.ProjectFilter) ([]funding.Project, int, error) {
	where, args := "authority_id = $1 AND strategy_id = $2", []any{authorityID, strategyID}
	for _, w := range strings.Fields(textkey.Fold(f.Query)) {
		args = append(args, "%"+w+"%")
		where += fmt.Sprintf(" AND search_key LIKE $%d", len(args))
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM funding_projects WHERE "+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to count the projects: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 10000
	}
	list, err := readProjects(ctx, s.db, "SELECT "+projectColumns+" FROM funding_projects WHERE "+where+
		fmt.Sprintf(" ORDER BY title, id LIMIT %d OFFSET %d", limit, max(f.Offset, 0)), args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, attachLines(ctx, s.db, authorityID, list)
}

// StrategyProjects returns all of a strategy's projects with their lines, links and priorities, in three
// queries whatever their number: the portfolio, the capacity and the aggregate read them whole.
func (s *Store) StrategyProjects(ctx context.Context, authorityID, strategyID int64) ([]funding.Project, error) {
	return strategyProjectsIn(ctx, s.db, authorityID, strategyID)
}

func strategyProjectsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]funding.Project, error) {
	list, err := readProjects(ctx, q, "SELECT "+projectColumns+" FROM funding_projects WHERE authority_id = $1 AND strategy_id = $2 ORDER BY title, id", authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	if err := attachLines(ctx, q, authorityID, list); err != nil {
		return nil, err
	}
	if err := attachDeclarations(ctx, q, authorityID, list); err != nil {
		return nil, err
	}
	if err := attachSpending(ctx, q, authorityID, list); err != nil {
		return nil, err
	}
	return list, attachLinks(ctx, q, authorityID, list)
}

func readProjects(ctx context.Context, q querier, query string, args ...any) ([]funding.Project, error) {
	return queryAll(ctx, q, scanProject, query, args...)
}

// projectIDs returns the IDs of list as a SQL list of literals: they are integers read from the database.
func projectIDs(list []funding.Project) string {
	ids := make([]string, len(list))
	for i, p := range list {
		ids[i] = strconv.FormatInt(p.ID, 10)
	}
	return strings.Join(ids, ",")
}

// attachLines reads the financing lines of every project of list in one query.
func attachLines(ctx context.Context, q querier, authorityID int64, list []funding.Project) error {
	if len(list) == 0 {
		return nil
	}
	at := map[int64]int{}
	for i, p := range list {
		at[p.ID] = i
	}
	lines, err := queryAll(ctx, q, scanLine, "SELECT "+lineColumns+" FROM funding_lines WHERE authority_id = $1 AND project_id IN ("+projectIDs(list)+") ORDER BY id", authorityID)
	if err != nil {
		return err
	}
	for _, l := range lines {
		p := &list[at[l.ProjectID]]
		p.Lines = append(p.Lines, l)
	}
	return nil
}

// attachLinks reads the framework links and thematic priorities of every project of list.
func attachLinks(ctx context.Context, q querier, authorityID int64, list []funding.Project) error {
	if len(list) == 0 {
		return nil
	}
	at := map[int64]int{}
	for i, p := range list {
		at[p.ID] = i
	}
	ids := projectIDs(list)
	type link struct {
		project int64
		link    funding.Link
	}
	links, err := queryAll(ctx, q, scanInto(func(r *link) []any { return []any{&r.project, &r.link.Kind, &r.link.ID} }),
		`SELECT l.project_id, l.kind, l.element_id FROM funding_project_links l JOIN funding_projects p ON p.id = l.project_id
		WHERE p.authority_id = $1 AND l.project_id IN (`+ids+`) ORDER BY l.kind, l.element_id`, authorityID)
	if err != nil {
		return err
	}
	for _, r := range links {
		list[at[r.project]].Links = append(list[at[r.project]].Links, r.link)
	}
	type priority struct{ project, id int64 }
	prios, err := queryAll(ctx, q, scanInto(func(r *priority) []any { return []any{&r.project, &r.id} }),
		`SELECT x.project_id, x.priority_id FROM funding_project_priorities x JOIN funding_projects p ON p.id = x.project_id
		WHERE p.authority_id = $1 AND x.project_id IN (`+ids+`) ORDER BY x.priority_id`, authorityID)
	if err != nil {
		return err
	}
	for _, r := range prios {
		list[at[r.project]].Priorities = append(list[at[r.project]].Priorities, r.id)
	}
	return nil
}

// Project returns one project of an authority with its lines, links and priorities.
func (s *Store) Project(ctx context.Context, authorityID, id int64) (funding.Project, error) {
	return s.project(ctx, s.db, authorityID, id)
}

func (s *Store) project(ctx context.Context, q querier, authorityID, id int64) (funding.Project, error) {
	list, err := readProjects(ctx, q, "SELECT "+projectColumns+" FROM funding_projects WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return funding.Project{}, err
	}
	if len(list) == 0 {
		return funding.Project{}, ErrNotFound
	}
	if err := attachLines(ctx, q, authorityID, list); err != nil {
		return funding.Project{}, err
	}
	if err := attachDeclarations(ctx, q, authorityID, list); err != nil {
		return funding.Project{}, err
	}
	if err := attachSpending(ctx, q, authorityID, list); err != nil {
		return funding.Project{}, err
	}
	return list[0], attachLinks(ctx, q, authorityID, list)
}

// writeProjectLinks replaces a project's links and priorities; the priorities must be the strategy's.
func writeProjectLinks(ctx context.Context, tx *sql.Tx, p funding.Project) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM funding_project_links WHERE project_id = $1", p.ID); err != nil {
		return fmt.Errorf("store: unable to replace the project links: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM funding_project_priorities WHERE project_id = $1", p.ID); err != nil {
		return fmt.Errorf("store: unable to replace the project priorities: %w", err)
	}
	for _, l := range p.Links {
		if _, err := tx.ExecContext(ctx, "INSERT INTO funding_project_links (project_id, kind, element_id) VALUES ($1, $2, $3)", p.ID, string(l.Kind), l.ID); err != nil {
			return fmt.Errorf("store: unable to link the project: %w", err)
		}
	}
	for _, prio := range p.Priorities {
		res, err := tx.ExecContext(ctx, `INSERT INTO funding_project_priorities (project_id, priority_id)
			SELECT $1, id FROM thematic_priorities WHERE id = $2 AND authority_id = $3 AND strategy_id = $4`, p.ID, prio, p.AuthorityID, p.StrategyID)
		if err != nil {
			return fmt.Errorf("store: unable to link the priority: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
	}
	return nil
}

// CreateProject adds a project, without lines, to a strategy of the authority.
func (s *Store) CreateProject(ctx context.Context, by Actor, p *funding.Project) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM strategies WHERE authority_id = $1 AND id = $2", p.AuthorityID, p.StrategyID).Scan(&n); err != nil || n == 0 {
			return errors.Join(ErrNotFound, err)
		}
		t := now()
		args := append([]any{p.AuthorityID, p.StrategyID}, projectValues(*p)...)
		args = append(args, t, t)
		err := tx.QueryRowContext(ctx, `INSERT INTO funding_projects (authority_id, strategy_id, title, search_key, summary, status, partners, countries, themes, sdgs,
			start_on, end_on, budget_cents, least_developed, has_agreement, has_deliberation, has_reports, own_competence, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`, args...).Scan(&p.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the project: %w", err)
		}
		p.UpdatedAt, p.Version, p.Lines = t, 1, nil
		if err := writeProjectLinks(ctx, tx, *p); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: p.AuthorityID, action: actionCreate, entity: "projet", entityID: p.ID, summary: p.Title, after: *p})
	})
}

// UpdateProject saves a project's fields, links and priorities if nobody changed it since p.Version; its
// lines are left as they are.
func (s *Store) UpdateProject(ctx context.Context, by Actor, p *funding.Project) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.project(ctx, tx, p.AuthorityID, p.ID)
		if err != nil {
			return err
		}
		t := now()
		args := append(projectValues(*p), t, p.AuthorityID, p.ID, p.Version)
		res, err := tx.ExecContext(ctx, `UPDATE funding_projects SET title = $1, search_key = $2, summary = $3, status = $4, partners = $5, countries = $6,
			themes = $7, sdgs = $8, start_on = $9, end_on = $10, budget_cents = $11, least_developed = $12, has_agreement = $13, has_deliberation = $14,
			has_reports = $15, own_competence = $16, updated_at = $17, version = version + 1 WHERE authority_id = $18 AND id = $19 AND version = $20`, args...)
		if err != nil {
			return fmt.Errorf("store: unable to save the project: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		p.StrategyID, p.Lines, p.UpdatedAt, p.Version = before.StrategyID, before.Lines, t, p.Version+1
		if err := writeProjectLinks(ctx, tx, *p); err != nil {
			return err
		}
		before.Lines, before.Spending = nil, nil
		after := *p
		after.Lines, after.Spending = nil, nil
		return audit(ctx, tx, by, change{authorityID: p.AuthorityID, action: actionUpdate, entity: "projet", entityID: p.ID, summary: p.Title, before: before, after: after})
	})
}

// DeleteProject removes a project and its financing plan if nobody changed it since version.
func (s *Store) DeleteProject(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.project(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM funding_lines WHERE authority_id = $1 AND project_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the financing plan: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM funding_spending WHERE authority_id = $1 AND project_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the project's spending: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM project_declarations WHERE authority_id = $1 AND project_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the project's declaration: %w", err)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM funding_projects WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the project: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "projet", entityID: id, summary: before.Title, before: before})
	})
}
