package store

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkStartup is what the workbench does before its first frame:
// open the session and run its first queries. The store is the synthetic
// one of BenchmarkCompare (PARLEY_BENCH_MEETINGS / 4 articles; 400000
// meetings give the 100k articles).
//
// PARLEY_BENCH_SESSION names a real session file to use instead (opening
// it migrates it first, outside the timing).
func BenchmarkStartup(b *testing.B) {
	ctx := context.Background()
	var s *DB
	if p := os.Getenv("PARLEY_BENCH_SESSION"); p != "" {
		t0 := time.Now()
		var err error
		if s, err = Open(ctx, p); err != nil {
			b.Fatal(err)
		}
		b.Logf("opened %s in %s (includes any migration)", p, time.Since(t0).Round(time.Millisecond))
		b.Cleanup(func() { s.Close() })
	} else {
		s, _, _ = benchStore(b)
	}
	path := s.path
	arts, err := s.CountArticles(ctx, ArticleFilter{})
	if err != nil {
		b.Fatal(err)
	}
	steps := []struct {
		name string
		run  func(*DB) error
	}{
		{"CountArticles", func(s *DB) error { _, err := s.CountArticles(ctx, ArticleFilter{}); return err }},
		{"Articles100", func(s *DB) error { _, err := s.Articles(ctx, ArticleFilter{Limit: 100}); return err }},
		{"Outlets", func(s *DB) error { _, err := s.Outlets(ctx); return err }},
		{"Languages", func(s *DB) error { _, err := s.Languages(ctx); return err }},
		{"Entities200", func(s *DB) error { _, err := s.Entities(ctx, "", 200); return err }},
	}
	b.Run("first-frame", func(b *testing.B) {
		c0 := cpuTime()
		for b.Loop() {
			db, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			for _, st := range steps {
				if err := st.run(db); err != nil {
					b.Fatal(err)
				}
			}
			db.Close()
		}
		b.ReportMetric(float64(arts), "articles")
		b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
	b.Run("Open", func(b *testing.B) {
		for b.Loop() {
			db, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	})
	// the Library's queries as the analyst scrolls and filters
	more := []struct {
		name string
		run  func(*DB) error
	}{
		{"ArticlesDeepPage", func(s *DB) error {
			_, err := s.Articles(ctx, ArticleFilter{Limit: 100, Offset: max(0, arts-100)})
			return err
		}},
		{"CountFiltered", func(s *DB) error {
			_, err := s.CountArticles(ctx, ArticleFilter{Outlets: []string{"Outlet 3"}, Languages: []string{"en"},
				From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)})
			return err
		}},
		{"ArticlesFiltered100", func(s *DB) error {
			_, err := s.Articles(ctx, ArticleFilter{Limit: 100, Outlets: []string{"Outlet 3"}, Languages: []string{"en"}})
			return err
		}},
		{"SearchCount", func(s *DB) error {
			_, err := s.CountArticles(ctx, ArticleFilter{Query: "meeting 4242"})
			return err
		}},
	}
	for _, st := range append(steps, more...) {
		b.Run(st.name, func(b *testing.B) {
			c0 := cpuTime()
			for b.Loop() {
				if err := st.run(s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
