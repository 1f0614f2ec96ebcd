package data

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/data/gazetteer"
	"parley/data/gen"
	"parley/data/store"
)

// benchN is the corpus size of the import benchmarks: PARLEY_BENCH_N, or
// def when unset (small, so that `go test -bench .` finishes quickly).
func benchN(b *testing.B, def int) int {
	if v := os.Getenv("PARLEY_BENCH_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("PARLEY_BENCH_N=%q: want a positive number", v)
		}
		return n
	}
	return def
}

// writeCorpus writes a generated corpus of n articles and returns its
// folder and size in bytes.
func writeCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	gn, err := gen.New(g, 1, n)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	size, err := gn.Write(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	return dir, size
}

// peakRSS is the process's peak resident set size in MB (Linux; 0 elsewhere).
func peakRSS() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkImport imports a generated corpus (PARLEY_BENCH_N articles,
// default 300) into a fresh session: walk, parallel load and extraction,
// batched writes. It reports articles/s and the peak RSS of the process.
func BenchmarkImport(b *testing.B) {
	n := benchN(b, 300)
	dir, size := writeCorpus(b, n)
	if _, err := Engine(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(size)
	runs := 0
	c0 := cpuTime()
	for b.Loop() {
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench"+strconv.Itoa(runs)+".parley"))
		if err != nil {
			b.Fatal(err)
		}
		rep, err := s.Import(ctx, []string{dir}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Imported+rep.Duplicates != n {
			b.Fatalf("imported %d (+%d duplicates) of %d: %+v", rep.Imported, rep.Duplicates, n, rep.Files[:min(3, len(rep.Files))])
		}
		s.Close()
		runs++
	}
	b.ReportMetric(float64(n*runs)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-c0).Microseconds())/float64(n*runs), "cpu-µs/article")
	b.ReportMetric(peakRSS(), "peakRSS-MB")
}

// BenchmarkStore measures the writer alone: articles already parsed and
// extracted (PARLEY_BENCH_N, default 500, all nine languages) stored into
// a fresh session in the import's batches. It reports articles/s and the
// writer's CPU time per article.
func BenchmarkStore(b *testing.B) {
	n := benchN(b, 500)
	ex, err := Engine()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	docs, size := genDocs(b, "", n)
	items := make([]store.NewArticle, len(docs))
	for i, d := range docs {
		res, err := ex.Extract(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		items[i] = store.NewArticle{Doc: d, Result: res, Version: ExtractorVersion}
	}
	b.SetBytes(size)
	runs := 0
	var cpu time.Duration
	for b.Loop() {
		s, err := Open(ctx, filepath.Join(b.TempDir(), "store"+strconv.Itoa(runs)+".parley"))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		bs := batchSize
		if v, _ := strconv.Atoi(os.Getenv("PARLEY_BENCH_BATCH")); v > 0 {
			bs = v
		}
		for i := 0; i < len(items); i += bs {
			if _, err := s.InsertArticles(ctx, items[i:min(i+bs, len(items))]); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - c0
		s.Close()
		runs++
	}
	b.ReportMetric(float64(len(items)*runs)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(len(items)*runs), "cpu-µs/article")
}
