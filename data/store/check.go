package store

import (
	"context"
	"fmt"
	"strings"
)

// Consistency checks, used by the reliability tests (crash safety, hostile
// session files) and available to a "check the session" command.

// ArticleCheck is what a consistency check needs to know about one stored
// article: its identity and how much extraction is stored for it.
type ArticleCheck struct {
	ID        int64
	Hash      string
	Path      string
	TextLen   int    // bytes of stored text
	Extracted string // extractor version recorded with the extraction ("" = never extracted)
	Mentions  int
	Meetings  int
	Records   int
	// Participants is the number of meeting_participants rows of the
	// article's meetings; RecordParticipants the same for records.
	Participants       int
	RecordParticipants int
}

// CheckReport is the outcome of Check.
type CheckReport struct {
	// Problems lists everything wrong, in words; empty when the session is sound.
	Problems []string
	Articles []ArticleCheck
	// DistinctHashes is the number of distinct content hashes stored
	// (equal to len(Articles) unless content is duplicated).
	DistinctHashes int
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the whole session: SQLite's integrity check, foreign keys,
// and the invariants of stored extraction (every article extracted, every
// mention and meeting inside its article's text, every meeting with at least
// two participants, no rows left behind by a deleted article, FTS index in
// step with the articles). It only reads. An error means the session could
// not be read at all; problems found are in the report.
func (s *DB) Check(ctx context.Context) (CheckReport, error) {
	var rep CheckReport
	bad, err := s.IntegrityCheck(ctx)
	if err != nil {
		return rep, s.readErr(err)
	}
	for _, b := range bad {
		rep.Problems = append(rep.Problems, "integrity: "+b)
	}
	if len(bad) > 0 {
		// further queries over a damaged file may fail or mislead
		return rep, nil
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return rep, s.readErr(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return rep, s.readErr(err)
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("foreign key: %s row %v points to a missing %s row", table, rowid, parent))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, s.readErr(err)
	}

	rows, err = s.db.QueryContext(ctx, `SELECT a.id, a.hash, a.path, length(CAST(a.text AS BLOB)), a.extracted,
		(SELECT count(*) FROM mentions m WHERE m.article_id = a.id),
		(SELECT count(*) FROM meetings g WHERE g.article_id = a.id),
		(SELECT count(*) FROM records r WHERE r.article_id = a.id),
		(SELECT count(*) FROM meeting_participants p JOIN meetings g ON g.id = p.meeting_id WHERE g.article_id = a.id),
		(SELECT count(*) FROM record_participants p JOIN records r ON r.id = p.record_id WHERE r.article_id = a.id)
		FROM articles a ORDER BY a.id`)
	if err != nil {
		return rep, s.readErr(err)
	}
	for rows.Next() {
		var a ArticleCheck
		if err := rows.Scan(&a.ID, &a.Hash, &a.Path, &a.TextLen, &a.Extracted, &a.Mentions, &a.Meetings, &a.Records,
			&a.Participants, &a.RecordParticipants); err != nil {
			rows.Close()
			return rep, s.readErr(err)
		}
		if a.Extracted == "" {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %d (%s) has no extraction", a.ID, a.Path))
		}
		rep.Articles = append(rep.Articles, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, s.readErr(err)
	}

	invariants := []struct{ what, q string }{
		{"distinct hashes", "SELECT count(DISTINCT hash) FROM articles"},
		{"mentions outside their article's text", `SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
			WHERE m.start < 0 OR m.end < m.start OR m.end > length(CAST(a.text AS BLOB))`},
		{"meetings outside their article's text", `SELECT count(*) FROM meetings g JOIN articles a ON a.id = g.article_id
			WHERE g.start < 0 OR g.end < g.start OR g.end > length(CAST(a.text AS BLOB))`},
		{"meetings with fewer than two participants", `SELECT count(*) FROM meetings g
			WHERE (SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = g.id) < 2`},
		{"orphan mentions", "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"},
		{"orphan meetings", "SELECT count(*) FROM meetings WHERE article_id NOT IN (SELECT id FROM articles)"},
		{"orphan records", "SELECT count(*) FROM records WHERE article_id NOT IN (SELECT id FROM articles)"},
		{"orphan meeting participants", "SELECT count(*) FROM meeting_participants WHERE meeting_id NOT IN (SELECT id FROM meetings)"},
		{"articles missing from the search index", "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts)"},
	}
	for i, inv := range invariants {
		var n int
		if err := s.db.QueryRowContext(ctx, inv.q).Scan(&n); err != nil {
			return rep, s.readErr(err)
		}
		if i == 0 {
			rep.DistinctHashes = n
			if n != len(rep.Articles) {
				rep.Problems = append(rep.Problems, fmt.Sprintf("%d articles but %d distinct hashes", len(rep.Articles), n))
			}
			continue
		}
		if n != 0 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%d %s", n, inv.what))
		}
	}
	// The FTS index must agree with its content table. FTS5 takes this
	// command as an INSERT that writes nothing; a session opened read-only
	// cannot run it, which is not a problem of the session.
	if _, err := s.db.ExecContext(ctx, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil &&
		!strings.Contains(err.Error(), "readonly") {
		rep.Problems = append(rep.Problems, "search index: "+err.Error())
	}
	return rep, nil
}
