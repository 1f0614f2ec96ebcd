package entity

import (
	"runtime"
	"testing"
	"time"

	"parley/data/gazetteer"
)

// TestFootprint reports the time to build a Recognizer and the heap it
// keeps (runtime.MemStats.HeapInuse after a GC, gazetteer included), before
// and after the resolver's lazily built transliterated index, and fails
// when the heap exceeds a generous bound.
func TestFootprint(t *testing.T) {
	if testing.Short() {
		t.Skip("measures the whole gazetteer")
	}
	heap := func() float64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return float64(m.HeapInuse) / 1e6
	}
	h0 := heap()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	h1 := heap()
	t0, c0 := time.Now(), processCPU()
	r, err := New(g)
	if err != nil {
		t.Fatal(err)
	}
	dt, dc := time.Since(t0), processCPU()-c0
	h2 := heap()
	r.res.latin()
	h3 := heap()
	t.Logf("New (first in the process): %v wall, %.0f ms CPU; %d entities, %d patterns, %d trie states", dt, dc*1e3, len(r.ents), len(r.pats), r.matcherFor(stemNone).states())
	t.Logf("HeapInuse: %.1f MB before, %.1f MB with the gazetteer, %.1f MB with the Recognizer (+%.1f), %.1f MB with the fuzzy index (+%.1f)",
		h0, h1, h2, h2-h1, h3, h3-h2)
	if h3-h1 > 100 {
		t.Errorf("Recognizer keeps %.1f MB of heap, want < 100 MB", h3-h1)
	}
	runtime.KeepAlive(r)
	runtime.KeepAlive(g)
}
