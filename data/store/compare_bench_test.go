package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Compare benchmarks over a synthetic store filled directly with SQL (no
// extraction), so that a million meetings take seconds, not hours.
//
//	PARLEY_BENCH_MEETINGS  stored meetings (default 100000; 1000000 for the figure)
//	PARLEY_BENCH_FOCUS     the focus's share of them (default 0.02)
//
// The filled file is kept in the temporary folder and reused by later runs.

const benchFocusKey = "person:kim-jong-un"

func benchEnv(b *testing.B, name string, def float64) float64 {
	if v := os.Getenv(name); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 {
			b.Fatalf("%s=%q: want a positive number", name, v)
		}
		return f
	}
	return def
}

// fillBench fills an empty store: articles with four meetings each over
// 500 people, 36 outlets, 9 languages and eight years; one meeting in
// every 1/share has the focus (entity 1) and a counterpart drawn from a
// skewed list of 150; every meeting has a record and two mentions per
// participant.
func fillBench(ctx context.Context, s *DB, meetings int, share float64) error {
	arts := meetings / 4
	every := max(1, int(1/share))
	stmts := []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 500)
		 INSERT INTO entities(id, key, name, kind, known)
		 SELECT i, CASE i WHEN 1 THEN '` + benchFocusKey + `' ELSE 'person:p' || i END,
		        CASE i WHEN 1 THEN 'Kim Jong Un' ELSE 'Person ' || i END, 'person', 1 FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < ?)
		 INSERT INTO articles(id, hash, path, format, encoding, title, outlet, published, lang, text, size, imported)
		 SELECT i, 'h' || i, '/bench/' || i || '.txt', 'txt', 'utf-8', 'Title ' || i, 'Outlet ' || (i % 36),
		        date('2018-01-01', '+' || ((i * 7919) % 2920) || ' days'),
		        substr('enidkorujaesfrdezh', 1 + 2 * (i % 9), 2),
		        'Article ' || i || ' reports a meeting between two leaders in the capital.', 80, '2026-01-01T00:00:00Z' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < ?)
		 INSERT INTO meetings(id, article_id, key, kind, status, times, date, place, start, end, evidence)
		 SELECT i, (i - 1) / 4 + 1, 'k' || i, CASE WHEN i % 11 = 0 THEN 'call' ELSE 'meeting' END,
		        CASE WHEN i % 20 < 17 THEN 'held' WHEN i % 20 < 19 THEN 'planned' ELSE 'denied' END,
		        CASE WHEN i % 7 = 0 THEN 2 + i % 5 ELSE 0 END,
		        CASE WHEN i % 3 = 0 THEN '' ELSE (SELECT date(a.published, '-' || (i % 2) || ' days') FROM articles a WHERE a.id = (i - 1) / 4 + 1) END,
		        CASE i % 5 WHEN 0 THEN 'Pyongyang' WHEN 1 THEN 'Moscow' ELSE '' END,
		        (i % 4) * 200, (i % 4) * 200 + 120, 'Evidence sentence of meeting ' || i || '.' FROM n`,
		`INSERT INTO meeting_participants(meeting_id, entity_id, pos)
		 SELECT id, CASE WHEN id % ? = 0 THEN 1 ELSE 2 + (id * 2654435761) % 499 END, 0 FROM meetings`,
		`INSERT INTO meeting_participants(meeting_id, entity_id, pos)
		 SELECT id, 2 + ((((id * 40503) % 1000) * ((id * 40503) % 1000)) / 1000) * 150 / 1000 + (CASE WHEN id % ? = 0 THEN 0 ELSE (id % 7) * 50 END), 1 FROM meetings`,
		`INSERT INTO records(id, article_id, status, kind, times, explicit, meeting_ids)
		 SELECT id, article_id, status, kind, max(times, 1), times > 0, id FROM meetings`,
		`INSERT OR IGNORE INTO record_participants(record_id, entity_id) SELECT meeting_id, entity_id FROM meeting_participants`,
		`INSERT INTO mentions(article_id, entity_id, start, end, surface, via)
		 SELECT g.article_id, p.entity_id, g.start + k.o, g.start + k.o + 10, 'Name', 'gazetteer'
		 FROM meeting_participants p JOIN meetings g ON g.id = p.meeting_id, (SELECT 0 AS o UNION ALL SELECT 60) k`,
		`ANALYZE`,
	}
	args := [][]any{nil, {arts}, {meetings}, {every}, {every}, nil, nil, nil, nil}
	for i, q := range stmts {
		if _, err := s.db.ExecContext(ctx, q, args[i]...); err != nil {
			return fmt.Errorf("filling the benchmark store (step %d): %w", i, err)
		}
	}
	return nil
}

// benchStore opens (building once) the synthetic store of the given size.
func benchStore(b *testing.B) (*DB, int, int) {
	b.Helper()
	meetings := int(benchEnv(b, "PARLEY_BENCH_MEETINGS", 100000))
	share := benchEnv(b, "PARLEY_BENCH_FOCUS", 0.02)
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("parley-bench-compare-%d-%g-v%d.parley", meetings, share, SchemaVersion()))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".part"
		os.Remove(tmp)
		s, err := Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := fillBench(ctx, s, meetings, share); err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("filled %s in %s", path, time.Since(t0).Round(time.Millisecond))
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var focus int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM meeting_participants WHERE entity_id = 1").Scan(&focus); err != nil {
		b.Fatal(err)
	}
	return s, meetings, focus
}

func BenchmarkCompare(b *testing.B) {
	s, meetings, focus := benchStore(b)
	ctx := context.Background()
	cases := []struct {
		name string
		q    CompareQuery
	}{
		{"all", CompareQuery{FocusID: 1}},
		{"year", CompareQuery{FocusID: 1, From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)}},
		{"outlets", CompareQuery{FocusID: 1, Outlets: []string{"Outlet 1", "Outlet 2", "Outlet 3"}}},
		{"langs", CompareQuery{FocusID: 1, Languages: []string{"en", "ko"}}},
		{"pair", CompareQuery{FocusID: 1, WithIDs: []int64{2, 3}}},
		{"statuses", CompareQuery{FocusID: 1, Statuses: []string{"held", "planned", "denied"}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var cmp Comparison
			var err error
			c0 := cpuTime()
			for b.Loop() {
				if cmp, err = s.Compare(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
			if len(cmp.Counterparts) == 0 {
				b.Fatal("no counterparts")
			}
			b.ReportMetric(float64(meetings), "meetings")
			b.ReportMetric(float64(focus), "focus-meetings")
			b.ReportMetric(float64(len(cmp.ByOutlet)), "outlet-cells")
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time (user + system) the process has used so far: on
// a shared machine the wall clock also counts waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
