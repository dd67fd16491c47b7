package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"boussole/internal/archive"
	"boussole/internal/model"
)

// ErrArchive wraps every reason an archive cannot be imported; its message is French and names the file,
// the line and the table.
var ErrArchive = errors.New("store: archive refused")

type archiveError struct{ msg string }

func (e *archiveError) Error() string { return e.msg }
func (e *archiveError) Is(target error) bool {
	return target == ErrArchive
}

func refuse(format string, args ...any) error {
	return &archiveError{msg: fmt.Sprintf(format, args...)}
}

// ImportAuthority restores an archive as a new workspace, in one transaction: nothing is written unless
// everything is. Every row gets a new ID where the database numbers them, and every reference (foreign
// keys, and the references by kind of archiveSoftRefs) is rewritten to it; the references to the workspace
// all point at the new one. Accounts are found by email, or created without a password and without any
// platform role. The references the archive declares are not trusted: the tables, columns and references
// are this database's own, so an archive can only name rows it holds itself.
func (s *Store) ImportAuthority(ctx context.Context, a *archive.Archive) (model.Authority, error) {
	return s.importAuthority(ctx, a, false)
}

// ReplaceAuthority restores an archive in place of the workspace of the same name, if there is one: the
// old workspace is deleted and the archive restored in the same transaction, so a refused archive leaves
// the old workspace as it was.
func (s *Store) ReplaceAuthority(ctx context.Context, a *archive.Archive) (model.Authority, error) {
	return s.importAuthority(ctx, a, true)
}

func (s *Store) importAuthority(ctx context.Context, a *archive.Archive, replace bool) (model.Authority, error) {
	sc, err := s.Describe(ctx)
	if err != nil {
		return model.Authority{}, err
	}
	p, err := planArchive(sc)
	if err != nil {
		return model.Authority{}, err
	}
	if err := checkArchiveAgainst(p, a); err != nil {
		return model.Authority{}, err
	}
	authRows := a.Rows[archive.Authorities]
	if len(authRows) != 1 {
		return model.Authority{}, refuse("%s%s.jsonl : une ligne et une seule est attendue (l'espace), %d trouvée(s)", archive.RowsDir, archive.Authorities, len(authRows))
	}
	slug, _ := authRows[0]["slug"].(string)
	var replaced int64
	if old, err := s.AuthorityBySlug(ctx, slug); err == nil {
		if !replace {
			return model.Authority{}, refuse("un espace « %s » existe déjà dans cette base : importez dans une autre instance, ou remplacez-le (boussole import --remplacer)", slug)
		}
		replaced = old.ID
	} else if !errors.Is(err, ErrNotFound) {
		return model.Authority{}, err
	}
	if official, _ := authRows[0]["official_id"].(string); official != "" {
		if other, err := s.AuthorityByOfficialID(ctx, official); err == nil && other.ID != replaced {
			return model.Authority{}, refuse("l'espace « %s » de cette base porte déjà le numéro SIREN %s de la collectivité importée", other.Slug, official)
		}
	}
	var newID int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if replaced != 0 {
			if _, err := tx.ExecContext(ctx, "DELETE FROM authorities WHERE id = $1", replaced); err != nil {
				return fmt.Errorf("store: unable to delete the workspace being replaced: %w", err)
			}
		}
		ids := archive.IDs{}
		for _, t := range p.tables {
			rows, ok := a.Rows[t.Name]
			if !ok {
				continue
			}
			if err := s.restoreTable(ctx, tx, t, a.Table(t.Name), rows, ids); err != nil {
				return err
			}
		}
		for _, id := range ids[archive.Authorities] {
			newID = id
		}
		return nil
	})
	if err != nil {
		return model.Authority{}, err
	}
	return s.AuthorityByID(ctx, newID)
}

// checkArchiveAgainst refuses an archive whose tables or columns this database does not have (an archive
// of a newer version), whose column kinds differ, or which lacks a column the database cannot fill.
func checkArchiveAgainst(p *archivePlan, a *archive.Archive) error {
	target := map[string]*archive.Table{}
	for _, t := range p.tables {
		target[t.Name] = t
	}
	for _, t := range a.Tables {
		mine, ok := target[t.Name]
		if !ok {
			return refuse("%s : la table %s de l'archive n'existe pas dans cette version de Boussole (archive d'une version plus récente ?)", archive.SchemaFile, t.Name)
		}
		for _, c := range t.Columns {
			col, ok := mine.Column(c.Name)
			if !ok {
				return refuse("%s : la colonne %s.%s de l'archive n'existe pas dans cette version de Boussole (archive d'une version plus récente ?)", archive.SchemaFile, t.Name, c.Name)
			}
			if col.Kind != c.Kind {
				return refuse("%s : la colonne %s.%s est de type %s dans l'archive, %s dans cette base", archive.SchemaFile, t.Name, c.Name, c.Kind, col.Kind)
			}
		}
		if t.Name == archive.Users {
			continue
		}
		for _, col := range mine.Columns {
			if _, ok := t.Column(col.Name); !ok && col.NotNull && p.schema.Tables[t.Name].Columns[col.Name].Default == "" {
				return refuse("%s : l'archive ne donne pas la colonne %s.%s, obligatoire dans cette base", archive.SchemaFile, t.Name, col.Name)
			}
		}
	}
	for _, need := range []string{archive.Authorities, archive.Users} {
		if a.Table(need) == nil {
			return refuse("%s : la table %s manque à l'archive", archive.SchemaFile, need)
		}
	}
	return nil
}

// restoreTable inserts one table's rows, in the order of their IDs so that a row comes after the row of
// the same table it answers (a reply after its comment). mine is this database's description of the table,
// theirs the archive's: the archive's columns that are written, this database's references rewritten.
func (s *Store) restoreTable(ctx context.Context, tx *sql.Tx, mine, theirs *archive.Table, rows []archive.Row, ids archive.IDs) error {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	if mine.GeneratedID {
		sort.SliceStable(order, func(i, j int) bool {
			a, _ := rows[order[i]]["id"].(int64)
			b, _ := rows[order[j]]["id"].(int64)
			return a < b
		})
	}
	var cols []string
	for _, c := range theirs.Columns {
		if !(mine.GeneratedID && c.Name == "id") {
			cols = append(cols, c.Name)
		}
	}
	marks := make([]string, len(cols))
	for i := range cols {
		marks[i] = "$" + strconv.Itoa(i+1)
	}
	insert := "INSERT INTO " + mine.Name + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
	if mine.GeneratedID {
		insert += " RETURNING id"
	}
	seen := map[int64]bool{}
	for _, i := range order {
		row := rows[i]
		fail := func(err error) error {
			return &archiveError{msg: (&archive.RowError{Table: mine.Name, Line: i + 1, Err: err}).Error()}
		}
		old, _ := row["id"].(int64)
		if mine.GeneratedID {
			if seen[old] {
				return fail(fmt.Errorf("l'identifiant %d figure deux fois", old))
			}
			seen[old] = true
		}
		if mine.Name == archive.Users {
			id, err := s.restoreUser(ctx, tx, row)
			if err != nil {
				return fail(err)
			}
			ids.Set(archive.Users, old, id)
			continue
		}
		out, err := mine.Rewrite(row, ids)
		if err != nil {
			return fail(err)
		}
		for _, ref := range mine.References {
			if ref.Table == archive.Authorities {
				out[ref.Column] = ids[archive.Authorities][onlyKey(ids[archive.Authorities])]
			}
		}
		args := make([]any, len(cols))
		for j, c := range cols {
			args[j] = out[c]
		}
		if !mine.GeneratedID {
			if _, err := tx.ExecContext(ctx, insert, args...); err != nil {
				return fail(databaseRefusal(err))
			}
			continue
		}
		var id int64
		if err := tx.QueryRowContext(ctx, insert, args...).Scan(&id); err != nil {
			return fail(databaseRefusal(err))
		}
		ids.Set(mine.Name, old, id)
	}
	return nil
}

func onlyKey(m map[int64]int64) int64 {
	for k := range m {
		return k
	}
	return 0
}

// restoreUser finds the account of the row's email, or creates it without a password: the person sets one
// through « mot de passe oublié » or signs in with ProConnect.
func (s *Store) restoreUser(ctx context.Context, tx *sql.Tx, row archive.Row) (int64, error) {
	email, _ := row["email"].(string)
	name, _ := row["name"].(string)
	email = strings.TrimSpace(email)
	if email == "" || !strings.Contains(email, "@") {
		return 0, fmt.Errorf("adresse électronique invalide (%q)", email)
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM users WHERE lower(email) = lower($1)", email).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	u := model.User{Email: email, Name: name}
	if err := insertUser(ctx, tx, &u); err != nil {
		return 0, err
	}
	return u.ID, nil
}

// databaseRefusal says in French why the database refused a row.
func databaseRefusal(err error) error {
	msg := err.Error()
	switch {
	case isUniqueViolation(err):
		return errors.New("une ligne avec les mêmes valeurs uniques existe déjà")
	case strings.Contains(msg, "FOREIGN KEY") || strings.Contains(msg, "SQLSTATE 23503"):
		return errors.New("la ligne renvoie à une ligne absente")
	case strings.Contains(msg, "NOT NULL") || strings.Contains(msg, "SQLSTATE 23502"):
		return errors.New("une valeur obligatoire manque")
	case strings.Contains(msg, "CHECK") || strings.Contains(msg, "SQLSTATE 23514"):
		return errors.New("une valeur n'est pas admise par la base")
	}
	return fmt.Errorf("la base refuse la ligne (%v)", err)
}

// DeleteAuthority deletes a workspace and, by the foreign keys' cascades, everything it holds; the
// accounts stay. Used before importing a workspace's archive into the instance it came from.
func (s *Store) DeleteAuthority(ctx context.Context, authorityID int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM authorities WHERE id = $1", authorityID)
	if err != nil {
		return fmt.Errorf("store: unable to delete the authority: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
