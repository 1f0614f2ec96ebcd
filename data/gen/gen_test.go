package gen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/data/gazetteer"
	"parley/data/ingest"
)

func newGen(t testing.TB, seed uint64, n int) *Generator {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	gn, err := New(g, seed, n)
	if err != nil {
		t.Fatal(err)
	}
	return gn
}

func TestDeterministic(t *testing.T) {
	a, b, c := newGen(t, 42, 200), newGen(t, 42, 200), newGen(t, 43, 200)
	differ := 0
	for i := range 200 {
		x, y, z := a.Article(i), b.Article(i), c.Article(i)
		if x.Name != y.Name || !bytes.Equal(x.Data, y.Data) {
			t.Fatalf("article %d differs between two generators with the same seed", i)
		}
		if !bytes.Equal(x.Data, z.Data) {
			differ++
		}
	}
	if differ < 190 {
		t.Errorf("seeds 42 and 43 share %d of 200 articles", 200-differ)
	}
}

func TestArticles(t *testing.T) {
	gn := newGen(t, 1, 450)
	langs := map[string]int{}
	hashes := map[string]bool{}
	var size int
	for a := range gn.All {
		if !utf8.Valid(a.Data) {
			t.Fatalf("%s: not UTF-8", a.Name)
		}
		doc, err := ingest.Parse(a.Name, a.Data)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if doc.Date.IsZero() {
			t.Errorf("%s: no date found", a.Name)
		}
		if hashes[doc.Hash] {
			t.Errorf("%s: duplicate content", a.Name)
		}
		hashes[doc.Hash] = true
		langs[a.Lang]++
		size += len(a.Data)
	}
	for _, l := range Languages {
		if langs[l] != 50 {
			t.Errorf("%s: %d articles, want 50", l, langs[l])
		}
	}
	if avg := size / 450; avg < 2000 || avg > 6000 {
		t.Errorf("average article size %d bytes, want about 3 KB", avg)
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ tmpl, want string }{
		{"{A}{은} {B}{와} 만났다", "김정은은 푸틴과 만났다"},
		{"{B}{은} {A}{을} 만났다", "푸틴은 김정은을 만났다"},
		{"{A} met {B} in {P}", "김정은 met 푸틴 in "},
		{"{X", "{X"},
	}
	for _, tt := range tests {
		if got := render(tt.tmpl, map[string]string{"A": "김정은", "B": "푸틴"}); got != tt.want {
			t.Errorf("render(%q) = %q, want %q", tt.tmpl, got, tt.want)
		}
	}
	// a particle after a vowel-final name takes the vowel form
	if got := render("{A}{은}", map[string]string{"A": "시진핑"}); got != "시진핑은" {
		t.Errorf("got %q", got)
	}
	if got := render("{A}{와}", map[string]string{"A": "모디"}); got != "모디와" {
		t.Errorf("got %q", got)
	}
}

func TestWrite(t *testing.T) {
	gn := newGen(t, 3, 30)
	dir := t.TempDir()
	size, err := gn.Write(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var files int
	var total int64
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files++
			total += fi.Size()
			if !strings.HasSuffix(p, ".txt") && !strings.HasSuffix(p, ".html") {
				t.Errorf("unexpected file %s", p)
			}
		}
		return nil
	})
	if files != 30 || total != size {
		t.Errorf("wrote %d files, %d bytes; reported %d bytes", files, total, size)
	}
}
