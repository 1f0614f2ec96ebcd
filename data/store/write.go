package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"parley/data/extract"
	"parley/data/ingest"
)

// NewArticle is a decoded article with its extraction, ready to store.
type NewArticle struct {
	Doc     ingest.Document
	Result  extract.Result
	Version string // extractor version
}

// Inserted is the outcome for one NewArticle.
type Inserted struct {
	ID        int64
	Duplicate bool
}

// MeetingKey is the stable key of a meeting: the same sentence of the same
// article with the same participants gets the same key after re-extraction,
// so the analyst's corrections find their meeting again.
func MeetingKey(articleHash string, start, end int, participantKeys []string) string {
	keys := append([]string(nil), participantKeys...)
	sort.Strings(keys)
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d|%s", articleHash, start, end, strings.Join(keys, "|"))
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// InsertArticles stores articles with their extraction in one transaction:
// each article is stored whole, with its extraction, or not at all. Content
// already in the session is reported as a duplicate and left alone.
func (s *DB) InsertArticles(ctx context.Context, items []NewArticle) ([]Inserted, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.writeErr(err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return nil, s.writeErr(err)
	}
	defer w.close()
	out := make([]Inserted, len(items))
	seen := map[string]int64{}
	now := time.Now().UTC().Format(time.RFC3339)
	for i, it := range items {
		d := it.Doc
		if id, ok := seen[d.Hash]; ok {
			out[i] = Inserted{ID: id, Duplicate: true}
			continue
		}
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE hash = ?", d.Hash).Scan(&id)
		if err == nil {
			out[i] = Inserted{ID: id, Duplicate: true}
			seen[d.Hash] = id
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, s.writeErr(err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles(hash, path, format, encoding, title, outlet, published, dateline, lang, text, size, imported, extracted)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			d.Hash, d.Path, d.Format, d.Encoding, d.Title, d.Outlet, dateString(d.Date), d.Dateline, d.Lang, d.Text, d.Size, now, it.Version)
		if err != nil {
			return nil, s.writeErr(err)
		}
		id, _ = res.LastInsertId()
		if err := w.extraction(ctx, id, d.Hash, it.Result); err != nil {
			return nil, s.writeErr(err)
		}
		out[i] = Inserted{ID: id}
		seen[d.Hash] = id
	}
	if err := tx.Commit(); err != nil {
		return nil, s.writeErr(err)
	}
	return out, nil
}

// ReplaceExtraction swaps an article's extraction for a new one (re-extraction).
// The analyst's edits are untouched: they are keyed by entity and meeting keys.
func (s *DB) ReplaceExtraction(ctx context.Context, articleID int64, res extract.Result, version string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeErr(err)
	}
	defer tx.Rollback()
	var hash string
	if err := tx.QueryRowContext(ctx, "SELECT hash FROM articles WHERE id = ?", articleID).Scan(&hash); err != nil {
		return s.writeErr(err)
	}
	for _, q := range []string{"DELETE FROM mentions WHERE article_id = ?", "DELETE FROM meetings WHERE article_id = ?", "DELETE FROM records WHERE article_id = ?"} {
		if _, err := tx.ExecContext(ctx, q, articleID); err != nil {
			return s.writeErr(err)
		}
	}
	w, err := newWriter(ctx, tx)
	if err != nil {
		return s.writeErr(err)
	}
	defer w.close()
	if err := w.extraction(ctx, articleID, hash, res); err != nil {
		return s.writeErr(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET extracted = ? WHERE id = ?", version, articleID); err != nil {
		return s.writeErr(err)
	}
	return s.writeErr(tx.Commit())
}

func (s *DB) writeErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "full"):
		return fmt.Errorf("the disk is full: free some space and try again: %w", err)
	case strings.Contains(msg, "readonly"):
		return fmt.Errorf("the session is read-only: %w", ErrReadOnly)
	case strings.Contains(msg, "locked"), strings.Contains(msg, "busy"):
		return fmt.Errorf("the session is busy in another program: try again: %w", err)
	}
	return fmt.Errorf("writing to the session: %w", err)
}

// writer holds the prepared statements and caches of one transaction.
type writer struct {
	tx                              *sql.Tx
	entity, alias, mention, meeting *sql.Stmt
	participant, record, recordPart *sql.Stmt
	ids                             map[string]int64
	seen                            map[aliasKey]bool
	splits                          map[string]map[string]string // from key → folded alias → new key
	splitNames                      map[string]string
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx, ids: map[string]int64{}, seen: map[aliasKey]bool{}, splits: map[string]map[string]string{}, splitNames: map[string]string{}}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	w.entity = prep("INSERT INTO entities(key, name, kind, known) VALUES (?,?,?,?) ON CONFLICT(key) DO NOTHING RETURNING id")
	w.alias = prep("INSERT OR IGNORE INTO aliases(entity_id, alias, source) VALUES (?,?,?)")
	w.mention = prep("INSERT INTO mentions(article_id, entity_id, start, end, surface, via) VALUES (?,?,?,?,?,?)")
	w.meeting = prep(`INSERT INTO meetings(article_id, key, kind, status, times, count_text, date, place, attribution, start, end, evidence)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.participant = prep("INSERT OR IGNORE INTO meeting_participants(meeting_id, entity_id, pos) VALUES (?,?,?)")
	w.record = prep("INSERT INTO records(article_id, status, kind, times, explicit, attribution, meeting_ids) VALUES (?,?,?,?,?,?,?)")
	w.recordPart = prep("INSERT OR IGNORE INTO record_participants(record_id, entity_id) VALUES (?,?)")
	if err != nil {
		w.close()
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT from_key, alias, new_key, new_name FROM edit_splits")
	if err != nil {
		w.close()
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var from, alias, nk, nn string
		if err := rows.Scan(&from, &alias, &nk, &nn); err != nil {
			w.close()
			return nil, err
		}
		if w.splits[from] == nil {
			w.splits[from] = map[string]string{}
		}
		w.splits[from][foldAlias(alias)] = nk
		w.splitNames[nk] = nn
	}
	return w, rows.Err()
}

type aliasKey struct {
	entity  int64
	surface string
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.entity, w.alias, w.mention, w.meeting, w.participant, w.record, w.recordPart} {
		if st != nil {
			st.Close()
		}
	}
}

// foldAlias is the comparison form of an alias for the analyst's split rules.
func foldAlias(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// entityID returns the row id of an entity key, creating the row (with its
// aliases) when new. A new row follows the analyst's merges at once.
func (w *writer) entityID(ctx context.Context, e extract.Entity) (int64, error) {
	if id, ok := w.ids[e.Key]; ok {
		return id, nil
	}
	var id int64
	// most keys are already stored: look them up before trying to insert
	// (an insert that conflicts costs several times a lookup)
	if err := w.tx.QueryRowContext(ctx, "SELECT id FROM entities WHERE key = ?", e.Key).Scan(&id); err == nil {
		w.ids[e.Key] = id
		return id, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	err := w.entity.QueryRowContext(ctx, e.Key, e.Name, e.Kind, e.Known).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := w.tx.QueryRowContext(ctx, "SELECT id FROM entities WHERE key = ?", e.Key).Scan(&id); err != nil {
			return 0, err
		}
	case err != nil:
		return 0, err
	default:
		src := "seen"
		if e.Known {
			src = "gazetteer"
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if a == "" {
				continue
			}
			if _, err := w.alias.ExecContext(ctx, id, a, src); err != nil {
				return 0, err
			}
		}
		if err := applyEditsTo(ctx, w.tx, id, e.Key); err != nil {
			return 0, err
		}
	}
	w.ids[e.Key] = id
	return id, nil
}

// applyEditsTo applies the analyst's edits to one freshly created entity:
// renames, kind changes, added aliases and merges (following chains).
func applyEditsTo(ctx context.Context, tx *sql.Tx, id int64, key string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE entities SET name_override = (SELECT name FROM edit_entities WHERE key = ?),
		kind_override = (SELECT kind FROM edit_entities WHERE key = ?) WHERE id = ?`, key, key, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO aliases(entity_id, alias, source) SELECT ?, alias, 'analyst' FROM edit_aliases WHERE key = ?", id, key); err != nil {
		return err
	}
	target := key
	for range 32 {
		var next string
		err := tx.QueryRowContext(ctx, "SELECT into_key FROM edit_merges WHERE from_key = ?", target).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return err
		}
		target = next
	}
	if target == key {
		return nil
	}
	_, err := tx.ExecContext(ctx, "UPDATE entities SET canonical_id = (SELECT COALESCE(canonical_id, id) FROM entities WHERE key = ?) WHERE id = ?", target, id)
	return err
}

func (w *writer) extraction(ctx context.Context, articleID int64, hash string, res extract.Result) error {
	byKey := make(map[string]extract.Entity, len(res.Entities))
	for _, e := range res.Entities {
		byKey[e.Key] = e
	}
	resolve := func(key, surface string) (int64, error) {
		if m := w.splits[key]; m != nil && surface != "" {
			if nk, ok := m[foldAlias(surface)]; ok {
				e := byKey[key]
				return w.entityID(ctx, extract.Entity{Key: nk, Name: w.splitNames[nk], Kind: e.Kind, Aliases: []string{surface}})
			}
		}
		e, ok := byKey[key]
		if !ok {
			e = extract.Entity{Key: key, Name: key, Kind: extract.KindPerson}
		}
		return w.entityID(ctx, e)
	}
	// surfaces of each entity per sentence, for split rules on participants
	for _, m := range res.Mentions {
		id, err := resolve(m.EntityKey, m.Surface)
		if err != nil {
			return err
		}
		if _, err := w.mention.ExecContext(ctx, articleID, id, m.Start, m.End, m.Surface, m.Via); err != nil {
			return err
		}
		// the names an entity is written under become aliases the analyst can find it by
		if m.Via != "role" && m.Via != "pronoun" && m.Surface != "" {
			k := aliasKey{id, m.Surface}
			if !w.seen[k] {
				w.seen[k] = true
				if _, err := w.alias.ExecContext(ctx, id, m.Surface, "seen"); err != nil {
					return err
				}
			}
		}
	}
	meetingIDs := make([]int64, len(res.Meetings))
	for i, mt := range res.Meetings {
		key := MeetingKey(hash, mt.Start, mt.End, mt.Participants)
		r, err := w.meeting.ExecContext(ctx, articleID, key, mt.Kind, mt.Status, mt.Times, mt.CountText, mt.Date, mt.Place, mt.Attribution, mt.Start, mt.End, mt.Evidence)
		if err != nil {
			return err
		}
		mid, _ := r.LastInsertId()
		meetingIDs[i] = mid
		for pos, pk := range mt.Participants {
			id, err := resolve(pk, surfaceIn(res.Mentions, pk, mt.Start, mt.End))
			if err != nil {
				return err
			}
			if _, err := w.participant.ExecContext(ctx, mid, id, pos); err != nil {
				return err
			}
		}
	}
	for _, rc := range res.Records {
		var ids []string
		for _, mi := range rc.Meetings {
			if mi >= 0 && mi < len(meetingIDs) {
				ids = append(ids, strconv.FormatInt(meetingIDs[mi], 10))
			}
		}
		r, err := w.record.ExecContext(ctx, articleID, rc.Status, rc.Kind, rc.Times, rc.Explicit, rc.Attribution, strings.Join(ids, " "))
		if err != nil {
			return err
		}
		rid, _ := r.LastInsertId()
		for _, pk := range rc.Participants {
			id, err := resolve(pk, "")
			if err != nil {
				return err
			}
			if _, err := w.recordPart.ExecContext(ctx, rid, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// surfaceIn is the surface of the first mention of an entity inside a span.
func surfaceIn(ms []extract.Mention, key string, start, end int) string {
	for _, m := range ms {
		if m.EntityKey == key && m.Start >= start && m.End <= end {
			return m.Surface
		}
	}
	return ""
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func parseDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}
