package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
)

// OpenReadOnly opens another session for reading only (to merge it): the
// file is checked and never modified, not even migrated.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, fmt.Errorf("%s does not exist or is empty", filepath.Base(path))
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", filepath.Base(path), err)
	}
	s := &DB{db: db, path: path}
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		db.Close()
		return nil, s.openErr(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, s.openErr(err)
	}
	if appID != ApplicationID || version < 1 {
		db.Close()
		return nil, fmt.Errorf("%s is not a Parley session: %w", filepath.Base(path), ErrNotSession)
	}
	if version > SchemaVersion() {
		db.Close()
		return nil, fmt.Errorf("%s was made by a newer version of Parley: %w", filepath.Base(path), ErrNewerSchema)
	}
	return s, nil
}

// editTables are the analyst's edit tables, copied as they are when
// sessions merge (rows already present win).
var editTables = []struct{ name, cols string }{
	{"edit_merges", "from_key, into_key"},
	{"edit_entities", "key, name, kind"},
	{"edit_aliases", "key, alias"},
	{"edit_splits", "from_key, alias, new_key, new_name"},
	{"edit_meetings", "key, kind, status, times, date, place, attribution, wrong"},
	{"edit_dismissed", "a_key, b_key"},
	{"edits", "kind, summary, undo, at"},
}

// CopyEditsFrom copies another session's edits into this one and applies
// them to the entities already here. It returns how many were added.
func (s *DB) CopyEditsFrom(ctx context.Context, other *DB) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.writeErr(err)
	}
	defer tx.Rollback()
	added := 0
	for _, t := range editTables {
		rows, err := other.db.QueryContext(ctx, "SELECT "+t.cols+" FROM "+t.name)
		if err != nil {
			return 0, other.readErr(err)
		}
		cols, _ := rows.Columns()
		ph := "?"
		for range len(cols) - 1 {
			ph += ",?"
		}
		ins := "INSERT OR IGNORE INTO " + t.name + "(" + t.cols + ") VALUES (" + ph + ")"
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return 0, other.readErr(err)
			}
			res, err := tx.ExecContext(ctx, ins, vals...)
			if err != nil {
				rows.Close()
				return 0, s.writeErr(err)
			}
			if n, _ := res.RowsAffected(); n > 0 && t.name == "edits" {
				added++
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, other.readErr(err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entities SET name_override = (SELECT name FROM edit_entities WHERE key = entities.key),
		kind_override = (SELECT kind FROM edit_entities WHERE key = entities.key)`); err != nil {
		return 0, s.writeErr(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO aliases(entity_id, alias, source)
		SELECT e.id, a.alias, 'analyst' FROM edit_aliases a JOIN entities e ON e.key = a.key`); err != nil {
		return 0, s.writeErr(err)
	}
	if err := recomputeCanonical(ctx, tx); err != nil {
		return 0, s.writeErr(err)
	}
	return added, s.writeErr(tx.Commit())
}
