package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/data"
)

var (
	corpusOnce sync.Once
	corpusFile string // the development corpus imported once per test run
	corpusErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusFile != "" {
		os.RemoveAll(filepath.Dir(corpusFile))
	}
	os.Exit(code)
}

// buildCorpusSession imports the development corpus into a fresh session file.
func buildCorpusSession(dir string) (string, error) {
	tmp, err := os.MkdirTemp("", "parley-app-test")
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	path := filepath.Join(tmp, "dev"+data.SessionExt)
	s, err := data.Open(ctx, path)
	if err != nil {
		return path, err
	}
	paths := []string{dir}
	if raceEnabled {
		// the Kim Jong Un articles only (17 of 42): enough for every check below
		paths = nil
		ents, err := os.ReadDir(dir)
		if err != nil {
			return path, err
		}
		for _, e := range ents {
			if n := strings.ToLower(e.Name()); strings.Contains(n, "kim") {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	rep, err := s.Import(ctx, paths, nil)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil && rep.Imported == 0 {
		err = io.ErrUnexpectedEOF
	}
	return path, err
}

// corpusSession opens a copy of the development-corpus session (skipped
// when the corpus is not beside the project) in a workbench backed by the
// real engine.
func corpusSession(t *testing.T) *Workbench {
	t.Helper()
	dir, _ := filepath.Abs("../../shared/corpus/articles")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("development corpus not found at ../shared/corpus/articles")
	}
	corpusOnce.Do(func() { corpusFile, corpusErr = buildCorpusSession(dir) })
	if corpusErr != nil {
		t.Fatalf("importing the corpus: %v", corpusErr)
	}
	path := filepath.Join(t.TempDir(), "dev"+data.SessionExt)
	for _, suffix := range []string{"", "-wal"} { // a closed session has no WAL, but be safe
		src, err := os.ReadFile(corpusFile + suffix)
		if err != nil && suffix != "" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefSessionFolder, t.TempDir())
	w := New(a, Options{Open: openDataSession, Background: syncRun, Hint: engineHint})
	t.Cleanup(func() { w.win.Close() })
	w.OpenSession(path)
	if w.eng == nil {
		t.Fatalf("session not open: %s", w.lastError)
	}
	return w
}

func TestCorpusCompareKim(t *testing.T) {
	w := corpusSession(t)
	if sessionExt != data.SessionExt {
		t.Errorf("the workbench names sessions %s, the engine %s", sessionExt, data.SessionExt)
	}
	chooseFocus(t, w, "kim", "Kim Jong Un")
	shoigu, ok1 := rowByName(w.compare.Rows(), "Shoigu")
	li, ok2 := rowByName(w.compare.Rows(), "Li Hongzhong")
	if !ok1 || !ok2 || shoigu.Reported != 4 || li.Reported != 1 {
		t.Fatalf("Shoigu %+v, Li %+v", shoigu, li)
	}
	for _, q := range []string{"김정", "Ким", "shoi"} {
		w.compare.picker.SetText("")
		test.Type(w.compare.picker, q)
		if len(w.compare.matches) == 0 {
			t.Errorf("typing %q finds nothing", q)
		}
	}
	// evidence behind Shoigu's number, highlighted, opening its article
	for i, r := range w.compare.Rows() {
		if r.EntityID == shoigu.EntityID {
			w.compare.onCell(cellID(i, ccReported))
		}
	}
	ev := w.compare.Evidence()
	if len(ev) == 0 || len(ev[0].Highlights) == 0 {
		t.Fatalf("evidence %+v", ev)
	}
	w.openArticle(ev[0].ArticleID, ev[0].Start, ev[0].End)
	if !w.reader.loaded || !strings.Contains(w.reader.article.Text, ev[0].Sentence) {
		t.Errorf("reader did not open the evidence's article")
	}
}

func TestCorpusMergeAndUndo(t *testing.T) {
	w := corpusSession(t)
	chooseFocus(t, w, "kim", "Kim Jong Un")
	shoigu, _ := rowByName(w.compare.Rows(), "Shoigu")
	li, _ := rowByName(w.compare.Rows(), "Li Hongzhong")
	n := len(w.compare.Rows())
	// merge Li into Shoigu (wrongly, on purpose): the counts change at once
	w.entities.Merge(li.EntityID, shoigu.EntityID)
	if w.lastError != "" {
		t.Fatal(w.lastError)
	}
	merged, _ := rowByName(w.compare.Rows(), "Shoigu")
	if _, still := rowByName(w.compare.Rows(), "Li Hongzhong"); still || len(w.compare.Rows()) != n-1 || merged.Distinct <= shoigu.Distinct {
		t.Errorf("after merge: Shoigu %+v (was %+v), %d rows (were %d)", merged, shoigu, len(w.compare.Rows()), n)
	}
	w.onUndo()
	back, _ := rowByName(w.compare.Rows(), "Shoigu")
	liBack, ok := rowByName(w.compare.Rows(), "Li Hongzhong")
	if !ok || back.Reported != 4 || back.Distinct != shoigu.Distinct || liBack.Reported != 1 {
		t.Errorf("after undo: Shoigu %+v, Li %+v", back, liBack)
	}
}

func TestCorpusMeetingEditSurvivesReextract(t *testing.T) {
	w := corpusSession(t)
	m := w.meetings
	if len(m.Rows()) == 0 {
		t.Fatal("no meetings")
	}
	m.Select(0)
	key := m.Rows()[0].Key
	m.ePlace.SetText("Edited place")
	m.eTimes.SetText("7")
	m.onSave()
	if w.lastError != "" {
		t.Fatal(w.lastError)
	}
	w.onReextract()
	if w.lastError != "" {
		t.Fatal(w.lastError)
	}
	found := false
	for _, r := range m.Rows() {
		if r.Key == key {
			found = true
			if r.Place != "Edited place" || r.Times != 7 || !r.Edited {
				t.Errorf("after re-extraction: %+v", r)
			}
		}
	}
	if !found {
		t.Errorf("meeting %s gone after re-extraction", key)
	}
}

func TestCorpusTimeline(t *testing.T) {
	w := corpusSession(t)
	chooseFocus(t, w, "Kim Jong Un", "Kim Jong Un")
	w.ShowScreen(tabTimeline)
	if len(w.timeline.Points()) < 5 || !strings.HasPrefix(w.timeline.title.Text, "Kim Jong Un:") {
		t.Errorf("timeline: %q, %d points; last error %q", w.timeline.title.Text, len(w.timeline.Points()), w.lastError)
	}
}
