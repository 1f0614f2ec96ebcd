package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// where builds a SQL WHERE clause from parts.
type where struct {
	parts []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.parts = append(w.parts, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(col string, vals []string) {
	if len(vals) == 0 {
		return
	}
	w.add(col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")", anys(vals)...)
}

func (w *where) inIDs(col string, ids []int64) {
	if len(ids) == 0 {
		return
	}
	if len(ids) > 200 { // one JSON parameter: no limit on the number of SQL variables
		w.add(col+" IN (SELECT value FROM json_each(?))", jsonIDs(ids))
		return
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	w.add(col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")", args...)
}

func (w *where) sql() string {
	if len(w.parts) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.parts, " AND ")
}

// jsonIDs renders ids as a JSON array, for json_each.
func jsonIDs(ids []int64) string {
	b := make([]byte, 0, len(ids)*7+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

func anys(vals []string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// articleWhere applies an ArticleFilter to the articles table aliased a.
func articleWhere(w *where, f ArticleFilter) {
	w.in("a.outlet", f.Outlets)
	w.in("a.lang", f.Languages)
	w.inIDs("a.id", f.IDs)
	if !f.From.IsZero() {
		w.add("a.published != '' AND a.published >= ?", dateString(f.From))
	}
	if !f.To.IsZero() {
		w.add("a.published != '' AND a.published <= ?", dateString(f.To))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		for _, word := range strings.Fields(q) {
			pat := "%" + likeEscape(word) + "%"
			if utf8.RuneCountInString(word) < 3 { // below the trigram index: scan
				w.add("(a.title LIKE ? OR a.text LIKE ?)", pat, pat)
				continue
			}
			// the trigram index (detail=none, migration 0002) answers LIKE
			w.add("a.id IN (SELECT rowid FROM articles_fts WHERE text LIKE ? UNION SELECT rowid FROM articles_fts WHERE title LIKE ?)", pat, pat)
		}
	}
}

func likeEscape(s string) string {
	return strings.NewReplacer("%", "", "_", "").Replace(s)
}

const articleCols = `a.id, a.title, a.outlet, a.published, a.lang, a.path, a.imported,
	(SELECT COUNT(DISTINCT entity_id) FROM mentions m WHERE m.article_id = a.id),
	(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id),
	(SELECT COUNT(*) FROM meetings g WHERE g.article_id = a.id)`

func scanArticleRow(sc interface{ Scan(...any) error }) (ArticleRow, error) {
	var r ArticleRow
	var pub, imp string
	if err := sc.Scan(&r.ID, &r.Title, &r.Outlet, &pub, &r.Language, &r.Path, &imp, &r.Entities, &r.Mentions, &r.Meetings); err != nil {
		return r, err
	}
	r.Date = parseDate(pub)
	r.Imported, _ = time.Parse(time.RFC3339, imp)
	return r, nil
}

// Articles lists articles, newest first.
func (s *DB) Articles(ctx context.Context, f ArticleFilter) ([]ArticleRow, error) {
	var w where
	articleWhere(&w, f)
	q := "SELECT " + articleCols + " FROM articles a" + w.sql() + " ORDER BY a.published DESC, a.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
	}
	rows, err := s.db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out []ArticleRow
	for rows.Next() {
		r, err := scanArticleRow(rows)
		if err != nil {
			return nil, s.readErr(err)
		}
		out = append(out, r)
	}
	return out, s.readErr(rows.Err())
}

// CountArticles counts the articles a filter selects.
func (s *DB) CountArticles(ctx context.Context, f ArticleFilter) (int, error) {
	var w where
	articleWhere(&w, f)
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles a"+w.sql(), w.args...).Scan(&n)
	return n, s.readErr(err)
}

// Article reads one article with its mentions and meetings.
func (s *DB) Article(ctx context.Context, id int64) (Article, error) {
	var a Article
	row := s.db.QueryRowContext(ctx, "SELECT "+articleCols+", a.format, a.encoding, a.hash, a.dateline, a.text FROM articles a WHERE a.id = ?", id)
	var pub, imp string
	err := row.Scan(&a.ID, &a.Title, &a.Outlet, &pub, &a.Language, &a.Path, &imp, &a.Entities, &a.ArticleRow.Mentions, &a.ArticleRow.Meetings,
		&a.Format, &a.Encoding, &a.Hash, &a.Dateline, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, s.readErr(err)
	}
	a.Date = parseDate(pub)
	a.Imported, _ = time.Parse(time.RFC3339, imp)
	rows, err := s.db.QueryContext(ctx, `SELECT m.start, m.end, c.id, COALESCE(c.name_override, c.name), COALESCE(c.kind_override, c.kind), m.via
		FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN entities c ON c.id = COALESCE(e.canonical_id, e.id)
		WHERE m.article_id = ? ORDER BY m.start`, id)
	if err != nil {
		return a, s.readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var m MentionSpan
		if err := rows.Scan(&m.Start, &m.End, &m.EntityID, &m.Entity, &m.Kind, &m.Via); err != nil {
			return a, s.readErr(err)
		}
		a.Mentions = append(a.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return a, s.readErr(err)
	}
	a.Meetings, err = s.Meetings(ctx, MeetingFilter{Articles: []int64{id}, IncludeWrong: true})
	return a, err
}

// UpdateArticle corrects an article's metadata; the change can be undone.
func (s *DB) UpdateArticle(ctx context.Context, id int64, m ArticleMeta) error {
	return s.edit(ctx, func(tx *sql.Tx) (Edit, any, error) {
		var old ArticleMeta
		var pub string
		if err := tx.QueryRowContext(ctx, "SELECT title, outlet, lang, published FROM articles WHERE id = ?", id).Scan(&old.Title, &old.Outlet, &old.Language, &pub); err != nil {
			return Edit{}, nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		old.Date = parseDate(pub)
		if err := setArticleMeta(ctx, tx, id, m); err != nil {
			return Edit{}, nil, err
		}
		return Edit{Kind: "article", Summary: fmt.Sprintf("Edit article “%s”", short(m.Title))}, undoArticle{ID: id, Old: old}, nil
	})
}

func setArticleMeta(ctx context.Context, tx *sql.Tx, id int64, m ArticleMeta) error {
	_, err := tx.ExecContext(ctx, "UPDATE articles SET title = ?, outlet = ?, lang = ?, published = ? WHERE id = ?",
		strings.TrimSpace(m.Title), strings.TrimSpace(m.Outlet), strings.TrimSpace(m.Language), dateString(m.Date), id)
	return err
}

// Outlets lists the outlets in the session.
func (s *DB) Outlets(ctx context.Context) ([]string, error) {
	return s.strings(ctx, distinctValues("outlet"))
}

// Languages lists the languages in the session.
func (s *DB) Languages(ctx context.Context) ([]string, error) {
	return s.strings(ctx, distinctValues("lang"))
}

// distinctValues is the query listing the distinct non-empty values of an
// indexed column of articles in order, by hopping through its index from
// one value to the next (a few look-ups per value) instead of reading every
// article's entry: at 100k articles DISTINCT took a third of a second.
func distinctValues(col string) string {
	return `WITH RECURSIVE v(x) AS (
		SELECT MIN(` + col + `) FROM articles WHERE ` + col + ` > ''
		UNION ALL
		SELECT (SELECT MIN(` + col + `) FROM articles WHERE ` + col + ` > v.x) FROM v WHERE v.x IS NOT NULL
	) SELECT x FROM v WHERE x IS NOT NULL`
}

func (s *DB) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, s.readErr(err)
		}
		out = append(out, v)
	}
	return out, s.readErr(rows.Err())
}

// ArticleText is what re-extraction needs of a stored article.
type ArticleText struct {
	ID                                  int64
	Hash, Path, Format, Encoding        string
	Title, Outlet, Dateline, Lang, Text string
	Date                                time.Time
	Size                                int64
}

// EachArticle calls fn for every stored article, in id order.
func (s *DB) EachArticle(ctx context.Context, fn func(ArticleText) error) error {
	var last int64
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT id, hash, path, format, encoding, title, outlet, dateline, lang, text, published, size
			FROM articles WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return s.readErr(err)
		}
		var batch []ArticleText
		for rows.Next() {
			var a ArticleText
			var pub string
			if err := rows.Scan(&a.ID, &a.Hash, &a.Path, &a.Format, &a.Encoding, &a.Title, &a.Outlet, &a.Dateline, &a.Lang, &a.Text, &pub, &a.Size); err != nil {
				rows.Close()
				return s.readErr(err)
			}
			a.Date = parseDate(pub)
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.readErr(err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		last = batch[len(batch)-1].ID
	}
}

func (s *DB) readErr(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, ErrNotFound) {
		return err
	}
	if strings.Contains(err.Error(), "malformed") {
		return fmt.Errorf("the session file is damaged: %w", ErrCorrupt)
	}
	return fmt.Errorf("reading the session: %w", err)
}

func short(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:39]) + "…"
	}
	return s
}
