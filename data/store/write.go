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

// articlesPerInsert bounds one multi-row INSERT (13 values per article,
// well under SQLite's limit on bound values).
const articlesPerInsert = 256

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
	// content already stored, or twice in this batch, is a duplicate
	var fresh []int // indexes of items to store, first of their content
	for i, it := range items {
		h := it.Doc.Hash
		if _, ok := seen[h]; ok {
			out[i] = Inserted{Duplicate: true}
			continue
		}
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE hash = ?", h).Scan(&id)
		if err == nil {
			out[i] = Inserted{ID: id, Duplicate: true}
			seen[h] = id
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, s.writeErr(err)
		}
		seen[h] = 0
		fresh = append(fresh, i)
	}
	// The new articles go in with multi-row statements: the search index
	// (FTS5, filled by a trigger) writes its pending terms to disk at every
	// statement, so one statement per article made one index segment per
	// article and cost about two thirds of the writer's time.
	for lo := 0; lo < len(fresh); lo += articlesPerInsert {
		part := fresh[lo:min(lo+articlesPerInsert, len(fresh))]
		var q strings.Builder
		q.WriteString(`INSERT INTO articles(hash, path, format, encoding, title, outlet, published, dateline, lang, text, size, imported, extracted) VALUES `)
		args := make([]any, 0, 13*len(part))
		for k, i := range part {
			if k > 0 {
				q.WriteByte(',')
			}
			q.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?,?)")
			d := items[i].Doc
			args = append(args, d.Hash, d.Path, d.Format, d.Encoding, d.Title, d.Outlet, dateString(d.Date), d.Dateline, d.Lang, d.Text, d.Size, now, items[i].Version)
		}
		q.WriteString(" RETURNING id, hash")
		rows, err := tx.QueryContext(ctx, q.String(), args...)
		if err != nil {
			return nil, s.writeErr(err)
		}
		for rows.Next() {
			var id int64
			var h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, s.writeErr(err)
			}
			seen[h] = id
		}
		if err := rows.Close(); err != nil {
			return nil, s.writeErr(err)
		}
		if err := rows.Err(); err != nil {
			return nil, s.writeErr(err)
		}
	}
	for _, i := range fresh {
		d := items[i].Doc
		id := seen[d.Hash]
		if id == 0 {
			return nil, s.writeErr(fmt.Errorf("article %s was not stored", d.Path))
		}
		if err := w.extraction(ctx, id, d.Hash, items[i].Result); err != nil {
			return nil, s.writeErr(err)
		}
		out[i] = Inserted{ID: id}
	}
	for i := range out {
		if out[i].Duplicate && out[i].ID == 0 {
			out[i].ID = seen[items[i].Doc.Hash]
		}
	}
	if err := w.flush(ctx); err != nil {
		return nil, s.writeErr(err)
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
	if err := w.flush(ctx); err != nil {
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

// writer holds the prepared statements, caches and pending rows of one
// transaction. Extraction rows (mentions, meetings, participants, records)
// are buffered and stored with multi-row statements by flush: one
// statement per row cost most of the writer's time. Meetings and records
// get their ids here (the transaction holds the write lock), so the rows
// that refer to them can be buffered too.
type writer struct {
	tx            *sql.Tx
	entity, alias *sql.Stmt
	ids           map[string]int64
	seen          map[aliasKey]bool
	splits        map[string]map[string]string // from key → folded alias → new key
	splitNames    map[string]string

	nextMeeting, nextRecord int64 // 0 until read from the tables
	pending                 map[string]*rowBuf
	stmts                   map[string]*sql.Stmt // multi-row statements by SQL text
}

// rowBuf collects the values of rows for one multi-row INSERT.
type rowBuf struct {
	head string // "INSERT ... INTO t(a, b)"
	cols int
	vals []any
}

// buffered tables in the order flush stores them: parents first, for the
// foreign keys, and mentions before participants, as extraction always
// did (the maintained tables' triggers then count an article's mentions
// once per new meeting row instead of updating rows per mention)
var bufOrder = []struct{ name, head string }{
	{"mentions", "INSERT INTO mentions(article_id, entity_id, start, end, surface, via)"},
	{"meetings", "INSERT INTO meetings(id, article_id, key, kind, status, times, count_text, date, place, attribution, start, end, evidence)"},
	{"participants", "INSERT OR IGNORE INTO meeting_participants(meeting_id, entity_id, pos)"},
	{"records", "INSERT INTO records(id, article_id, status, kind, times, explicit, attribution, meeting_ids)"},
	{"record_participants", "INSERT OR IGNORE INTO record_participants(record_id, entity_id)"},
	{"aliases", "INSERT OR IGNORE INTO aliases(entity_id, alias, source)"},
}

// maxBoundValues bounds the values of one statement (SQLite allows 32766).
const maxBoundValues = 4096

func (w *writer) add(table string, vals ...any) {
	b := w.pending[table]
	b.vals = append(b.vals, vals...)
}

// flush stores every buffered row.
func (w *writer) flush(ctx context.Context) error {
	for _, t := range bufOrder {
		b := w.pending[t.name]
		per := maxBoundValues / b.cols
		for len(b.vals) > 0 {
			n := min(per, len(b.vals)/b.cols)
			st, err := w.multi(ctx, b.head, b.cols, n)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, b.vals[:n*b.cols]...); err != nil {
				return err
			}
			b.vals = b.vals[n*b.cols:]
		}
		b.vals = b.vals[:0]
	}
	return nil
}

// multi returns the prepared statement inserting n rows of cols values.
func (w *writer) multi(ctx context.Context, head string, cols, n int) (*sql.Stmt, error) {
	var q strings.Builder
	q.Grow(len(head) + 16 + n*(2*cols+3))
	q.WriteString(head)
	q.WriteString(" VALUES ")
	row := "(" + strings.Repeat("?,", cols-1) + "?)"
	for i := range n {
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString(row)
	}
	sq := q.String()
	if st, ok := w.stmts[sq]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, sq)
	if err != nil {
		return nil, err
	}
	w.stmts[sq] = st
	return st, nil
}

// nextID returns the next free id of a table with an INTEGER PRIMARY KEY
// (what SQLite itself would choose), counting ids handed out already.
func (w *writer) nextID(ctx context.Context, table string, next *int64) (int64, error) {
	if *next == 0 {
		var max int64
		if err := w.tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+table).Scan(&max); err != nil {
			return 0, err
		}
		*next = max + 1
	}
	id := *next
	*next++
	return id, nil
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx, ids: map[string]int64{}, seen: map[aliasKey]bool{}, splits: map[string]map[string]string{}, splitNames: map[string]string{},
		pending: map[string]*rowBuf{}, stmts: map[string]*sql.Stmt{}}
	for _, t := range bufOrder {
		w.pending[t.name] = &rowBuf{head: t.head, cols: strings.Count(t.head, ",") + 1}
	}
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
	for _, st := range []*sql.Stmt{w.entity, w.alias} {
		if st != nil {
			st.Close()
		}
	}
	for _, st := range w.stmts {
		st.Close()
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
		w.add("mentions", articleID, id, m.Start, m.End, m.Surface, m.Via)
		// the names an entity is written under become aliases the analyst can find it by
		if m.Via != "role" && m.Via != "pronoun" && m.Surface != "" {
			k := aliasKey{id, m.Surface}
			if !w.seen[k] {
				w.seen[k] = true
				w.add("aliases", id, m.Surface, "seen")
			}
		}
	}
	meetingIDs := make([]int64, len(res.Meetings))
	for i, mt := range res.Meetings {
		key := MeetingKey(hash, mt.Start, mt.End, mt.Participants)
		mid, err := w.nextID(ctx, "meetings", &w.nextMeeting)
		if err != nil {
			return err
		}
		w.add("meetings", mid, articleID, key, mt.Kind, mt.Status, mt.Times, mt.CountText, mt.Date, mt.Place, mt.Attribution, mt.Start, mt.End, mt.Evidence)
		meetingIDs[i] = mid
		for pos, pk := range mt.Participants {
			id, err := resolve(pk, surfaceIn(res.Mentions, pk, mt.Start, mt.End))
			if err != nil {
				return err
			}
			w.add("participants", mid, id, pos)
		}
	}
	for _, rc := range res.Records {
		var ids []string
		for _, mi := range rc.Meetings {
			if mi >= 0 && mi < len(meetingIDs) {
				ids = append(ids, strconv.FormatInt(meetingIDs[mi], 10))
			}
		}
		rid, err := w.nextID(ctx, "records", &w.nextRecord)
		if err != nil {
			return err
		}
		w.add("records", rid, articleID, rc.Status, rc.Kind, rc.Times, rc.Explicit, rc.Attribution, strings.Join(ids, " "))
		for _, pk := range rc.Participants {
			id, err := resolve(pk, "")
			if err != nil {
				return err
			}
			w.add("record_participants", rid, id)
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
