package data

import (
	"context"
	"syscall"
	"testing"
	"time"

	"parley/data/gazetteer"
	"parley/data/gen"
	"parley/data/ingest"
)

// cpuTime is the CPU time (user + system) the process has used so far.
// The benchmarks report throughput per CPU-second as well as per
// wall-second: on a shared machine the wall clock also counts time spent
// waiting for a core, the CPU time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// genDocs parses n generated articles of one language (every language
// when lang is "") into documents, as import would.
func genDocs(b *testing.B, lang string, n int) ([]ingest.Document, int64) {
	b.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	gn, err := gen.New(g, 7, n*len(gen.Languages))
	if err != nil {
		b.Fatal(err)
	}
	var docs []ingest.Document
	var size int64
	for a := range gn.All {
		if lang != "" && a.Lang != lang {
			continue
		}
		d, err := ingest.Parse(a.Name, a.Data)
		if err != nil {
			b.Fatalf("%s: %v", a.Name, err)
		}
		docs = append(docs, d)
		size += int64(len(d.Text))
		if len(docs) == n {
			break
		}
	}
	return docs, size
}

// BenchmarkExtract measures extraction alone (entities, meetings, records)
// on one core, per language, over generated articles. MB are bytes of
// decoded article text; MB/cpu-s is the per-core figure of issue 5.
func BenchmarkExtract(b *testing.B) {
	ex, err := Engine()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, lang := range gen.Languages {
		b.Run(lang, func(b *testing.B) {
			docs, size := genDocs(b, lang, 100)
			for _, d := range docs { // warm the per-language automata
				if _, err := ex.Extract(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(size)
			c0 := cpuTime()
			for b.Loop() {
				for _, d := range docs {
					if _, err := ex.Extract(ctx, d); err != nil {
						b.Fatal(err)
					}
				}
			}
			cpu := (cpuTime() - c0).Seconds()
			b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "MB/cpu-s")
		})
	}
}

// BenchmarkParse measures ingest (encoding detection, HTML main text,
// date, language identification) per generated article.
func BenchmarkParse(b *testing.B) {
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	gn, err := gen.New(g, 7, 450)
	if err != nil {
		b.Fatal(err)
	}
	var arts []gen.Article
	var size int64
	for a := range gn.All {
		arts = append(arts, a)
		size += int64(len(a.Data))
	}
	b.SetBytes(size)
	c0 := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			if _, err := ingest.Parse(a.Name, a.Data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-c0).Seconds(), "MB/cpu-s")
}
