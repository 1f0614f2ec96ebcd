package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is the development corpus beside the project, when present.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, _ := filepath.Abs("../../shared/corpus")
	if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err != nil {
		t.Skip("development corpus not found at ../shared/corpus")
	}
	return dir
}

func counterparts(t *testing.T, s *Session, focus string) map[string]Counterpart {
	t.Helper()
	cmp, err := s.Compare(context.Background(), CompareQuery{Focus: focus})
	if err != nil {
		t.Fatalf("Compare(%q): %v", focus, err)
	}
	out := map[string]Counterpart{}
	for _, c := range cmp.Counterparts {
		out[c.Name] = c
	}
	return out
}

func TestIndonesianArmisticeReport(t *testing.T) {
	dir := corpusDir(t)
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "id.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Import(ctx, []string{filepath.Join(dir, "articles", "id-kim-shoigu-li-pyongyang.txt")}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	for _, focus := range []string{"Kim Jong Un", "kim jong-un", "김정은", "Ким Чен Ын", "person:kim-jong-un"} {
		got := counterparts(t, s, focus)
		if got["Sergei Shoigu"].Reported != 4 || got["Li Hongzhong"].Reported != 1 {
			t.Errorf("focus %q: Shoigu %+v, Li %+v", focus, got["Sergei Shoigu"], got["Li Hongzhong"])
		}
	}
}

func TestImportCorpus(t *testing.T) {
	dir := corpusDir(t)
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "corpus.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var events int
	rep, err := s.Import(ctx, []string{filepath.Join(dir, "articles")}, func(ev ImportEvent) {
		events++
		if ev.Status == Failed {
			t.Errorf("%s: %s", ev.Path, ev.Reason)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 42 || events != 42 {
		t.Fatalf("report %d imported, %d events", rep.Imported, events)
	}
	// the same files again are duplicates
	rep, err = s.Import(ctx, []string{filepath.Join(dir, "articles")}, nil)
	if err != nil || rep.Duplicates != 42 || rep.Imported != 0 {
		t.Fatalf("re-import: %+v %v", rep, err)
	}
	got := counterparts(t, s, "Kim Jong Un")
	if got["Sergei Shoigu"].Reported != 4 || got["Li Hongzhong"].Reported != 1 {
		t.Errorf("Kim: Shoigu %+v, Li %+v", got["Sergei Shoigu"], got["Li Hongzhong"])
	}
	// re-extraction keeps the numbers
	if err := s.Reextract(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if again := counterparts(t, s, "Kim Jong Un"); again["Sergei Shoigu"].Reported != got["Sergei Shoigu"].Reported {
		t.Errorf("after re-extraction: %+v", again["Sergei Shoigu"])
	}
}

func TestImportCancel(t *testing.T) {
	dir := corpusDir(t)
	// 420 distinct articles: the corpus ten times, each copy with its own last line
	src, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(src) == 0 {
		t.Fatal(err)
	}
	in := t.TempDir()
	total := 0
	for copyN := range 10 {
		for _, p := range src {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, []byte(fmt.Sprintf("\n\n(copy %d)\n", copyN))...)
			if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%d-%s", copyN, filepath.Base(p))), b, 0o644); err != nil {
				t.Fatal(err)
			}
			total++
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Open(ctx, filepath.Join(t.TempDir(), "c.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Import(ctx, []string{in}, func(ev ImportEvent) {
		if ev.Done == 1 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Canceled || rep.Imported == 0 || rep.Imported >= total {
		t.Fatalf("cancelled import of %d files: %d imported, cancelled %v", total, rep.Imported, rep.Canceled)
	}
	n, _ := s.CountArticles(context.Background(), ArticleFilter{})
	if n != rep.Imported {
		t.Fatalf("%d stored, %d reported", n, rep.Imported)
	}
	// importing again completes the rest, with no duplicates stored
	rep2, err := s.Import(context.Background(), []string{in}, nil)
	if err != nil || rep2.Imported+rep2.Duplicates != total || rep2.Duplicates != rep.Imported {
		t.Fatalf("second import: %+v %v", rep2, err)
	}
}

func TestSampleSession(t *testing.T) {
	ctx := context.Background()
	s, rep, err := BuildSample(ctx, filepath.Join(t.TempDir(), "sample.parley"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rep.Failed > 0 || rep.Imported < 8 {
		t.Fatalf("sample import: %+v", rep)
	}
	got := counterparts(t, s, "Kim Jong Un")
	if len(got) < 3 {
		t.Fatalf("the sample gives Kim Jong Un only %d counterparts: %+v", len(got), got)
	}
}

func TestMergeSessionFiles(t *testing.T) {
	dir := corpusDir(t)
	ctx := context.Background()
	tmp := t.TempDir()
	a, _ := Open(ctx, filepath.Join(tmp, "a.parley"))
	defer a.Close()
	b, _ := Open(ctx, filepath.Join(tmp, "b.parley"))
	defer b.Close()
	arts := filepath.Join(dir, "articles")
	if _, err := a.Import(ctx, []string{filepath.Join(arts, "id-kim-shoigu-li-pyongyang.txt"), filepath.Join(arts, "en-trump-kim-panmunjom.txt")}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Import(ctx, []string{filepath.Join(arts, "en-trump-kim-panmunjom.txt"), filepath.Join(arts, "ru-kim-shoigu-four-times.txt")}, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := a.MergeSession(ctx, b.Path())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 1 || rep.Duplicates != 1 {
		t.Fatalf("merge: %+v", rep)
	}
	if n, _ := a.CountArticles(ctx, ArticleFilter{}); n != 3 {
		t.Fatalf("%d articles after merge", n)
	}
}
