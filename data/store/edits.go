package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// undoOp says how to reverse one edit. Exactly one group of fields is used,
// chosen by Op.
type undoOp struct {
	Op string `json:"op"`

	ArticleID int64        `json:"article_id,omitempty"`
	Article   *ArticleMeta `json:"article,omitempty"`

	Key      string  `json:"key,omitempty"`       // entity or meeting key
	PrevInto *string `json:"prev_into,omitempty"` // merge: earlier target of Key, nil = none
	Name     *string `json:"name,omitempty"`      // entity overlay before the edit
	Kind     *string `json:"kind,omitempty"`
	Had      bool    `json:"had,omitempty"` // an overlay / meeting edit row existed before
	Alias    string  `json:"alias,omitempty"`
	NewKey   string  `json:"new_key,omitempty"`
	B        string  `json:"b,omitempty"`

	Meeting *meetingEditRow `json:"meeting,omitempty"`
}

type undoArticle struct {
	ID  int64
	Old ArticleMeta
}

type meetingEditRow struct {
	Kind, Status, Date, Place, Attribution *string
	Times                                  *int
	Wrong                                  *bool
}

// edit runs fn in a transaction and records it in the history for Undo.
func (s *DB) edit(ctx context.Context, fn func(tx *sql.Tx) (Edit, any, error)) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeErr(err)
	}
	defer tx.Rollback()
	e, undo, err := fn(tx)
	if err != nil {
		return err
	}
	var op undoOp
	switch u := undo.(type) {
	case undoArticle:
		op = undoOp{Op: "article", ArticleID: u.ID, Article: &u.Old}
	case undoOp:
		op = u
	default:
		return fmt.Errorf("internal error: unknown undo %T", undo)
	}
	b, err := json.Marshal(op)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO edits(kind, summary, undo, at) VALUES (?,?,?,?)", e.Kind, e.Summary, string(b), time.Now().UTC().Format(time.RFC3339)); err != nil {
		return s.writeErr(err)
	}
	return s.writeErr(tx.Commit())
}

func entityByID(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id int64) (key, name, kind string, err error) {
	err = q.QueryRowContext(ctx, `SELECT c.key, COALESCE(c.name_override, c.name), COALESCE(c.kind_override, c.kind)
		FROM entities e JOIN entities c ON c.id = COALESCE(e.canonical_id, e.id) WHERE e.id = ?`, id).Scan(&key, &name, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("entity %d: %w", id, ErrNotFound)
	}
	return
}

// recomputeCanonical rebuilds entities.canonical_id from the merges.
func recomputeCanonical(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT from_key, into_key FROM edit_merges")
	if err != nil {
		return err
	}
	into := map[string]string{}
	for rows.Next() {
		var f, t string
		if err := rows.Scan(&f, &t); err != nil {
			rows.Close()
			return err
		}
		into[f] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE entities SET canonical_id = NULL WHERE canonical_id IS NOT NULL"); err != nil {
		return err
	}
	for from := range into {
		target := from
		for i := 0; i < 64; i++ {
			next, ok := into[target]
			if !ok || next == from {
				break
			}
			target = next
		}
		if target == from {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE entities SET canonical_id = (SELECT id FROM entities WHERE key = ?) WHERE key = ? AND EXISTS (SELECT 1 FROM entities WHERE key = ?)", target, from, target); err != nil {
			return err
		}
	}
	return nil
}

// MergeEntities shows entity from as entity into from now on, in every
// count; re-extraction keeps the merge.
func (s *DB) MergeEntities(ctx context.Context, from, into int64) error {
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		fk, fname, _, err := entityByID(ctx, tx, from)
		if err != nil {
			return Edit{}, nil, err
		}
		ik, iname, _, err := entityByID(ctx, tx, into)
		if err != nil {
			return Edit{}, nil, err
		}
		if fk == ik {
			return Edit{}, nil, fmt.Errorf("“%s” and “%s” are already the same entity", fname, iname)
		}
		var prev *string
		var p string
		if err := tx.QueryRowContext(ctx, "SELECT into_key FROM edit_merges WHERE from_key = ?", fk).Scan(&p); err == nil {
			prev = &p
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO edit_merges(from_key, into_key) VALUES (?, ?) ON CONFLICT(from_key) DO UPDATE SET into_key = excluded.into_key", fk, ik); err != nil {
			return Edit{}, nil, err
		}
		if err := recomputeCanonical(ctx, tx); err != nil {
			return Edit{}, nil, err
		}
		return Edit{Kind: "merge", Summary: fmt.Sprintf("Merge “%s” into “%s”", fname, iname)}, undoOp{Op: "merge", Key: fk, PrevInto: prev}, nil
	})
}

// RenameEntity sets the name an entity is shown under.
func (s *DB) RenameEntity(ctx context.Context, id int64, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("the new name is empty")
	}
	return s.overlay(ctx, id, &name, nil)
}

// SetEntityKind changes an entity's kind (person, country, organization).
func (s *DB) SetEntityKind(ctx context.Context, id int64, kind string) error {
	switch kind {
	case "person", "country", "organization":
	default:
		return fmt.Errorf("unknown kind %q: use person, country or organization", kind)
	}
	return s.overlay(ctx, id, nil, &kind)
}

func (s *DB) overlay(ctx context.Context, id int64, name, kind *string) error {
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		key, old, oldKind, err := entityByID(ctx, tx, id)
		if err != nil {
			return Edit{}, nil, err
		}
		var pn, pk sql.NullString
		had := tx.QueryRowContext(ctx, "SELECT name, kind FROM edit_entities WHERE key = ?", key).Scan(&pn, &pk) == nil
		u := undoOp{Op: "entity", Key: key, Had: had}
		if pn.Valid {
			u.Name = &pn.String
		}
		if pk.Valid {
			u.Kind = &pk.String
		}
		n, k := u.Name, u.Kind
		if name != nil {
			n = name
		}
		if kind != nil {
			k = kind
		}
		if err := setOverlay(ctx, tx, key, n, k); err != nil {
			return Edit{}, nil, err
		}
		e := Edit{Kind: "rename", Summary: fmt.Sprintf("Rename “%s” to “%s”", old, deref(name))}
		if kind != nil {
			e = Edit{Kind: "kind", Summary: fmt.Sprintf("Change “%s” from %s to %s", old, oldKind, *kind)}
		}
		return e, u, nil
	})
}

func setOverlay(ctx context.Context, tx *sql.Tx, key string, name, kind *string) error {
	if name == nil && kind == nil {
		if _, err := tx.ExecContext(ctx, "DELETE FROM edit_entities WHERE key = ?", key); err != nil {
			return err
		}
	} else if _, err := tx.ExecContext(ctx, "INSERT INTO edit_entities(key, name, kind) VALUES (?,?,?) ON CONFLICT(key) DO UPDATE SET name = excluded.name, kind = excluded.kind", key, name, kind); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE entities SET name_override = ?, kind_override = ? WHERE key = ?", name, kind, key)
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// AddAlias adds a name under which an entity is found.
func (s *DB) AddAlias(ctx context.Context, id int64, alias string) error {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return errors.New("the alias is empty")
	}
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		key, name, _, err := entityByID(ctx, tx, id)
		if err != nil {
			return Edit{}, nil, err
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO edit_aliases(key, alias) VALUES (?,?)", key, alias); err != nil {
			return Edit{}, nil, err
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO aliases(entity_id, alias, source) SELECT id, ?, 'analyst' FROM entities WHERE key = ?", alias, key); err != nil {
			return Edit{}, nil, err
		}
		return Edit{Kind: "alias", Summary: fmt.Sprintf("Add alias “%s” to “%s”", alias, name)}, undoOp{Op: "alias", Key: key, Alias: alias}, nil
	})
}

// SplitAlias moves the mentions of an entity written as alias to a new
// entity of that name, and returns the new entity's id. Re-extraction keeps
// the split.
func (s *DB) SplitAlias(ctx context.Context, id int64, alias string) (int64, error) {
	alias = strings.TrimSpace(alias)
	var newID int64
	err := s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		_, name, kind, err := entityByID(ctx, tx, id)
		if err != nil {
			return Edit{}, nil, err
		}
		// the raw entity whose mentions carry the alias
		var fromKey string
		var fromID int64
		err = tx.QueryRowContext(ctx, `SELECT e.id, e.key FROM mentions m JOIN entities e ON e.id = m.entity_id
			WHERE COALESCE(e.canonical_id, e.id) = (SELECT COALESCE(canonical_id, id) FROM entities WHERE id = ?) AND lower(m.surface) = lower(?) LIMIT 1`, id, alias).Scan(&fromID, &fromKey)
		if errors.Is(err, sql.ErrNoRows) {
			return Edit{}, nil, fmt.Errorf("no mention of “%s” is written “%s”", name, alias)
		}
		if err != nil {
			return Edit{}, nil, err
		}
		newKey := "split:" + fromKey + ":" + foldAlias(alias)
		if _, err := tx.ExecContext(ctx, "INSERT INTO edit_splits(from_key, alias, new_key, new_name) VALUES (?,?,?,?) ON CONFLICT DO NOTHING", fromKey, alias, newKey, alias); err != nil {
			return Edit{}, nil, err
		}
		if err := tx.QueryRowContext(ctx, "INSERT INTO entities(key, name, kind, known) VALUES (?,?,?,0) ON CONFLICT(key) DO UPDATE SET name = excluded.name RETURNING id", newKey, alias, kind).Scan(&newID); err != nil {
			return Edit{}, nil, err
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO aliases(entity_id, alias, source) VALUES (?,?, 'analyst')", newID, alias); err != nil {
			return Edit{}, nil, err
		}
		if err := moveSurface(ctx, tx, fromID, newID, alias); err != nil {
			return Edit{}, nil, err
		}
		return Edit{Kind: "split", Summary: fmt.Sprintf("Split “%s” off “%s”", alias, name)}, undoOp{Op: "split", Key: fromKey, Alias: alias, NewKey: newKey}, nil
	})
	return newID, err
}

// moveSurface re-points the mentions of entity from written as alias, and
// its meeting participations in sentences where it is only written so.
func moveSurface(ctx context.Context, tx *sql.Tx, from, to int64, alias string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND lower(surface) = lower(?)", to, from, alias); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE meeting_participants SET entity_id = ?
		WHERE entity_id = ? AND meeting_id IN (
			SELECT g.id FROM meetings g WHERE EXISTS (
				SELECT 1 FROM mentions m WHERE m.article_id = g.article_id AND m.entity_id = ? AND m.start >= g.start AND m.end <= g.end)
			AND NOT EXISTS (
				SELECT 1 FROM mentions m WHERE m.article_id = g.article_id AND m.entity_id = ? AND m.start >= g.start AND m.end <= g.end))`,
		to, from, to, from)
	return err
}

// EditMeeting corrects a meeting (or marks it wrong). The correction is
// keyed by the meeting's stable key and survives re-extraction.
func (s *DB) EditMeeting(ctx context.Context, key string, e MeetingEdit) error {
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		var evidence string
		if err := tx.QueryRowContext(ctx, "SELECT evidence FROM meetings WHERE key = ? LIMIT 1", key).Scan(&evidence); err != nil {
			return Edit{}, nil, fmt.Errorf("meeting %s: %w", key, ErrNotFound)
		}
		prev, had, err := readMeetingEdit(ctx, tx, key)
		if err != nil {
			return Edit{}, nil, err
		}
		next := prev
		if e.Kind != nil {
			next.Kind = e.Kind
		}
		if e.Status != nil {
			next.Status = e.Status
		}
		if e.Date != nil {
			next.Date = e.Date
		}
		if e.Place != nil {
			next.Place = e.Place
		}
		if e.Attribution != nil {
			next.Attribution = e.Attribution
		}
		if e.Times != nil {
			next.Times = e.Times
		}
		if e.Wrong != nil {
			next.Wrong = e.Wrong
		}
		if err := writeMeetingEdit(ctx, tx, key, &next); err != nil {
			return Edit{}, nil, err
		}
		summary := fmt.Sprintf("Edit meeting “%s”", short(evidence))
		if e.Wrong != nil && *e.Wrong {
			summary = fmt.Sprintf("Mark meeting wrong: “%s”", short(evidence))
		}
		u := undoOp{Op: "meeting", Key: key, Had: had}
		if had {
			u.Meeting = &prev
		}
		return Edit{Kind: "meeting", Summary: summary}, u, nil
	})
}

func readMeetingEdit(ctx context.Context, tx *sql.Tx, key string) (meetingEditRow, bool, error) {
	var r meetingEditRow
	var kind, status, date, place, attr sql.NullString
	var times, wrong sql.NullInt64
	err := tx.QueryRowContext(ctx, "SELECT kind, status, times, date, place, attribution, wrong FROM edit_meetings WHERE key = ?", key).
		Scan(&kind, &status, &times, &date, &place, &attr, &wrong)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	str := func(n sql.NullString) *string {
		if !n.Valid {
			return nil
		}
		return &n.String
	}
	r.Kind, r.Status, r.Date, r.Place, r.Attribution = str(kind), str(status), str(date), str(place), str(attr)
	if times.Valid {
		t := int(times.Int64)
		r.Times = &t
	}
	if wrong.Valid {
		w := wrong.Int64 != 0
		r.Wrong = &w
	}
	return r, true, nil
}

func writeMeetingEdit(ctx context.Context, tx *sql.Tx, key string, r *meetingEditRow) error {
	if r == nil {
		_, err := tx.ExecContext(ctx, "DELETE FROM edit_meetings WHERE key = ?", key)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO edit_meetings(key, kind, status, times, date, place, attribution, wrong) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, status = excluded.status, times = excluded.times, date = excluded.date,
		place = excluded.place, attribution = excluded.attribution, wrong = excluded.wrong`,
		key, r.Kind, r.Status, r.Times, r.Date, r.Place, r.Attribution, r.Wrong)
	return err
}

// DismissSuggestion hides a duplicate suggestion for good.
func (s *DB) DismissSuggestion(ctx context.Context, a, b int64) error {
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		ak, an, _, err := entityByID(ctx, tx, a)
		if err != nil {
			return Edit{}, nil, err
		}
		bk, bn, _, err := entityByID(ctx, tx, b)
		if err != nil {
			return Edit{}, nil, err
		}
		if ak > bk {
			ak, bk = bk, ak
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO edit_dismissed(a_key, b_key) VALUES (?,?)", ak, bk); err != nil {
			return Edit{}, nil, err
		}
		return Edit{Kind: "dismiss", Summary: fmt.Sprintf("Keep “%s” and “%s” apart", an, bn)}, undoOp{Op: "dismiss", Key: ak, B: bk}, nil
	})
}

// History lists the analyst's edits, newest first.
func (s *DB) History(ctx context.Context) ([]Edit, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, kind, summary, at FROM edits ORDER BY id DESC")
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out []Edit
	for rows.Next() {
		var e Edit
		var at string
		if err := rows.Scan(&e.ID, &e.Kind, &e.Summary, &at); err != nil {
			return nil, s.readErr(err)
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, s.readErr(rows.Err())
}

// Undo reverses the latest edit and returns it.
func (s *DB) Undo(ctx context.Context) (Edit, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Edit{}, s.writeErr(err)
	}
	defer tx.Rollback()
	var e Edit
	var raw, at string
	err = tx.QueryRowContext(ctx, "SELECT id, kind, summary, undo, at FROM edits ORDER BY id DESC LIMIT 1").Scan(&e.ID, &e.Kind, &e.Summary, &raw, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Edit{}, ErrNothingToUndo
	}
	if err != nil {
		return Edit{}, s.readErr(err)
	}
	e.At, _ = time.Parse(time.RFC3339, at)
	var u undoOp
	if err := json.Unmarshal([]byte(raw), &u); err != nil {
		return Edit{}, fmt.Errorf("the history entry cannot be undone: %w", err)
	}
	if err := applyUndo(ctx, tx, u); err != nil {
		return Edit{}, s.writeErr(err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM edits WHERE id = ?", e.ID); err != nil {
		return Edit{}, s.writeErr(err)
	}
	return e, s.writeErr(tx.Commit())
}

func applyUndo(ctx context.Context, tx *sql.Tx, u undoOp) error {
	switch u.Op {
	case "article":
		return setArticleMeta(ctx, tx, u.ArticleID, *u.Article)
	case "merge":
		var err error
		if u.PrevInto == nil {
			_, err = tx.ExecContext(ctx, "DELETE FROM edit_merges WHERE from_key = ?", u.Key)
		} else {
			_, err = tx.ExecContext(ctx, "UPDATE edit_merges SET into_key = ? WHERE from_key = ?", *u.PrevInto, u.Key)
		}
		if err != nil {
			return err
		}
		return recomputeCanonical(ctx, tx)
	case "entity":
		if !u.Had {
			return setOverlay(ctx, tx, u.Key, nil, nil)
		}
		return setOverlay(ctx, tx, u.Key, u.Name, u.Kind)
	case "alias":
		if _, err := tx.ExecContext(ctx, "DELETE FROM edit_aliases WHERE key = ? AND alias = ?", u.Key, u.Alias); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM aliases WHERE alias = ? AND source = 'analyst' AND entity_id = (SELECT id FROM entities WHERE key = ?)", u.Alias, u.Key)
		return err
	case "split":
		if _, err := tx.ExecContext(ctx, "DELETE FROM edit_splits WHERE from_key = ? AND alias = ?", u.Key, u.Alias); err != nil {
			return err
		}
		var from, to int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM entities WHERE key = ?", u.Key).Scan(&from); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT id FROM entities WHERE key = ?", u.NewKey).Scan(&to); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE mentions SET entity_id = ? WHERE entity_id = ?", from, to); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE meeting_participants SET entity_id = ? WHERE entity_id = ?", from, to)
		return err
	case "meeting":
		if !u.Had {
			return writeMeetingEdit(ctx, tx, u.Key, nil)
		}
		return writeMeetingEdit(ctx, tx, u.Key, u.Meeting)
	case "dismiss":
		_, err := tx.ExecContext(ctx, "DELETE FROM edit_dismissed WHERE a_key = ? AND b_key = ?", u.Key, u.B)
		return err
	}
	return fmt.Errorf("unknown edit %q", u.Op)
}
