package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

func syncRun(f func()) { f() }

// newTestBench opens a workbench over e with a synchronous background runner.
func newTestBench(t *testing.T, e Engine) *Workbench {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, Options{Open: func(context.Context, string) (Engine, error) { return e, nil }, Background: syncRun})
	t.Cleanup(func() { w.win.Close() })
	w.win.Resize(fyne.NewSize(1280, 800))
	w.OpenSession(e.Path())
	if w.eng != e {
		t.Fatalf("session not open; last error: %s", w.lastError)
	}
	return w
}

func rowByName(rows []data.Counterpart, name string) (data.Counterpart, bool) {
	for _, r := range rows {
		if strings.Contains(r.Name, name) {
			return r, true
		}
	}
	return data.Counterpart{}, false
}

// chooseFocus types q into the picker and chooses the match whose name
// contains want.
func chooseFocus(t *testing.T, w *Workbench, q, want string) {
	t.Helper()
	c := w.compare
	c.picker.SetText("")
	test.Type(c.picker, q)
	for i, m := range c.matches {
		if strings.Contains(m.Name, want) {
			c.matchList.Select(i)
			if c.focus.ID != m.ID {
				t.Fatalf("focus = %q, want %q", c.focus.Name, m.Name)
			}
			return
		}
	}
	var got []string
	for _, m := range c.matches {
		got = append(got, m.Name)
	}
	t.Fatalf("typing %q offers %v, not %q", q, got, want)
}

func TestCompareFocusTableChartEvidence(t *testing.T) {
	f := newFake()
	w := newTestBench(t, f)
	if got := w.win.Title(); got != "fake — Parley" {
		t.Errorf("title = %q", got)
	}
	c := w.compare
	// the default focus is the entity with the most meetings
	if c.focus.Name != "Kim Jong Un" {
		t.Errorf("default focus = %q", c.focus.Name)
	}
	for _, q := range []string{"kim", "김정", "Ким"} {
		chooseFocus(t, w, q, "Kim Jong Un")
		shoigu, ok1 := rowByName(c.Rows(), "Shoigu")
		li, ok2 := rowByName(c.Rows(), "Li Hongzhong")
		if !ok1 || !ok2 || shoigu.Reported != 4 || li.Reported != 1 {
			t.Fatalf("%s: rows = %+v", q, c.Rows())
		}
	}
	// sorted by Reported, descending, then by name ascending on demand
	if c.Rows()[0].Name != "Sergei Shoigu" {
		t.Errorf("first row = %q", c.Rows()[0].Name)
	}
	c.SortBy(ccName)
	if c.Rows()[0].Name != "Li Hongzhong" {
		t.Errorf("sorted by name: first row = %q", c.Rows()[0].Name)
	}
	c.SortBy(ccName)
	if c.Rows()[0].Name != "Shoygu" {
		t.Errorf("sorted by name desc: first row = %q", c.Rows()[0].Name)
	}
	for col := ccReported; col < ccCount; col++ {
		c.SortBy(col) // every column sorts without trouble
	}
	c.sortCol, c.sortDesc = ccName, true
	c.SortBy(ccReported)

	// the chart has one bar per counterpart, valued by the chosen column
	title, bars := c.Bars()
	if len(bars) != len(c.Rows()) || bars[0].Value != 4 || !strings.Contains(title, "Kim Jong Un") {
		t.Errorf("chart %q %+v", title, bars)
	}
	c.chartCol.SetSelected("Distinct")
	if _, bars := c.Bars(); bars[0].Value != 2 {
		t.Errorf("distinct bar = %v", bars[0].Value)
	}

	// clicking a number shows its evidence, names highlighted
	c.table.Select(widget.TableCellID{Row: 0, Col: ccReported})
	ev := c.Evidence()
	if len(ev) != 2 || c.lower.SelectedIndex() != 3 {
		t.Fatalf("evidence = %+v (tab %d)", ev, c.lower.SelectedIndex())
	}
	card := c.evBox.Objects[0].(*fyne.Container)
	rt := card.Objects[1].(*widget.RichText)
	var marked []string
	for _, s := range rt.Segments {
		if ts := s.(*widget.TextSegment); ts.Style.ColorName == colorMention {
			marked = append(marked, ts.Text)
		}
	}
	if strings.Join(marked, "|") != "Kim Jong Un|Sergei Shoigu" {
		t.Errorf("highlighted %q", marked)
	}
	// each one opens its article in the reader
	open := card.Objects[0].(*fyne.Container).Objects[1].(*widget.Button)
	test.Tap(open)
	if w.tabs.SelectedIndex() != tabReader || w.reader.article.ID != ev[0].ArticleID {
		t.Errorf("reader shows %d on tab %d", w.reader.article.ID, w.tabs.SelectedIndex())
	}

	// ticking two counterparts compares them side by side
	w.showTab(tabCompare)
	c.Tick(c.Rows()[0].EntityID, true)
	c.Tick(c.Rows()[1].EntityID, true)
	grid := c.side.Objects[0].(*fyne.Container)
	if n := len(grid.Objects); n != 3*(1+ccCount-ccReported) {
		t.Errorf("side-by-side has %d cells", n)
	}
	if c.lower.SelectedIndex() != 1 {
		t.Errorf("side-by-side tab not shown")
	}

	// by-outlet matrix: outlets × counterparts
	r, cols := c.matrixSize()
	if r != 2 || cols != 3 {
		t.Errorf("matrix %d×%d", r, cols)
	}
	c.onMatrixCell(widget.TableCellID{Row: 0, Col: 0})
	if len(c.Evidence()) == 0 {
		t.Errorf("no evidence for a matrix cell")
	}

	// filters narrow the comparison
	c.outlets.SetSelected([]string{"Hankook Wire"})
	if sh, _ := rowByName(c.Rows(), "Shoigu"); sh.Reported != 1 {
		t.Errorf("with the outlet filter Shoigu = %+v", sh)
	}
}

func TestEntitiesMergeUndoRefreshesCompare(t *testing.T) {
	w := newTestBench(t, newFake())
	chooseFocus(t, w, "kim", "Kim Jong Un")
	before, _ := rowByName(w.compare.Rows(), "Sergei Shoigu")
	en := w.entities
	if len(en.suggestions) != 1 {
		t.Fatalf("suggestions = %+v", en.suggestions)
	}
	// accept the duplicate suggestion: Shoygu (fewer mentions) into Sergei Shoigu
	en.AcceptSuggestion(en.suggestions[0])
	after, _ := rowByName(w.compare.Rows(), "Sergei Shoigu")
	if after.Distinct != before.Distinct+1 {
		t.Fatalf("after merge Distinct %d → %d", before.Distinct, after.Distinct)
	}
	if _, ok := rowByName(w.compare.Rows(), "Shoygu"); ok {
		t.Errorf("Shoygu still a counterpart after the merge")
	}
	if !strings.HasPrefix(w.undoItem.Label, "Undo Merge") || w.undoItem.Disabled {
		t.Errorf("undo item %q disabled=%v", w.undoItem.Label, w.undoItem.Disabled)
	}
	// Ctrl+Z with no text field focused undoes it and says so
	w.win.Canvas().Unfocus()
	w.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&fyne.ShortcutUndo{})
	if !strings.HasPrefix(w.lastNotice, "Undone: Merge") {
		t.Errorf("Ctrl+Z notice %q", w.lastNotice)
	}
	again, _ := rowByName(w.compare.Rows(), "Sergei Shoigu")
	if again.Distinct != before.Distinct {
		t.Errorf("after undo Distinct = %d, want %d", again.Distinct, before.Distinct)
	}
	if !w.undoItem.Disabled {
		t.Errorf("undo still enabled with an empty history")
	}

	// rename, alias, kind, split and dismiss go through the engine too
	en.SelectEntity(en.Rows()[1]) // Sergei Shoigu
	en.Rename("Sergey Shoygu")
	if en.cur.Name != "Sergey Shoygu" {
		t.Errorf("renamed: %q", en.cur.Name)
	}
	if r, _ := rowByName(w.compare.Rows(), "Sergey Shoygu"); r.Reported != 4 {
		t.Errorf("Compare did not pick up the rename: %+v", w.compare.Rows())
	}
	en.AddAlias("Schoigu")
	en.SetKind("official")
	if en.cur.Kind != "official" || en.cur.Aliases[len(en.cur.Aliases)-1] != "Schoigu" {
		t.Errorf("entity now %+v", en.cur)
	}
	en.Split("Шойгу")
	if len(en.Rows()) != 6 {
		t.Errorf("after split: %d entities", len(en.Rows()))
	}
	en.DismissSuggestion(en.suggestions[0])
	if len(en.suggestions) != 0 {
		t.Errorf("suggestion not dismissed")
	}
	if len(en.history) != 5 {
		t.Errorf("history has %d edits", len(en.history))
	}
}

func TestMeetingEditSurvivesReextract(t *testing.T) {
	f := newFake()
	w := newTestBench(t, f)
	m := w.meetings
	if len(m.Rows()) != 4 {
		t.Fatalf("meetings = %d", len(m.Rows()))
	}
	m.Select(1) // Li & Kim, once
	m.eTimes.SetText("2")
	m.ePlace.SetText("Pyongyang")
	key, ed, err := m.Edit()
	if err != nil || key != "m2" || ed.Times == nil || *ed.Times != 2 || ed.Place == nil || ed.Kind != nil {
		t.Fatalf("edit %s %+v %v", key, ed, err)
	}
	test.Tap(m.eSave)
	w.onReextract()
	if r := m.Rows()[1]; r.Times != 2 || r.Place != "Pyongyang" || !r.Edited {
		t.Errorf("after re-extraction: %+v", r)
	}
	if li, _ := rowByName(w.compare.Rows(), "Li"); li.Reported != 2 {
		t.Errorf("Compare shows Li %d", li.Reported)
	}
	m.eTimes.SetText("two")
	test.Tap(m.eSave)
	if !strings.Contains(w.lastError, "whole number") {
		t.Errorf("bad times accepted; last error %q", w.lastError)
	}
	m.Select(0)
	m.MarkWrong()
	if len(m.Rows()) != 3 {
		t.Errorf("a meeting marked wrong is still listed: %d", len(m.Rows()))
	}
	m.wrong.SetChecked(true)
	if len(m.Rows()) != 4 || !m.Rows()[0].Wrong {
		t.Errorf("wrong meetings not shown on request")
	}
	m.status.SetSelected("planned")
	if len(m.Rows()) != 0 {
		t.Errorf("status filter: %d rows", len(m.Rows()))
	}
}

// bigFake has n articles.
func bigFake(n int) *fakeEngine {
	f := newFake()
	for i := len(f.articles); i < n; i++ {
		f.articles = append(f.articles, data.Article{ArticleRow: data.ArticleRow{ID: int64(i + 1), Title: fmt.Sprintf("Article %d", i+1),
			Outlet: "Wire", Language: "en"}, Text: "text"})
	}
	return f
}

func TestLibraryLoadsPagesLazily(t *testing.T) {
	f := bigFake(100_000)
	w := newTestBench(t, f)
	w.showTab(tabLibrary)
	l := w.library
	if l.count != 100_000 || l.status.Text != "100000 articles" {
		t.Fatalf("count = %d", l.count)
	}
	l.table.Refresh()
	if p := l.loadedPages(); p < 1 || p > 2 {
		t.Errorf("%d pages loaded for one screen", p)
	}
	l.table.ScrollTo(widget.TableCellID{Row: 54_321, Col: 0})
	if r, ok := l.row2(54_321); !ok || r.Title != "Article 54322" {
		t.Errorf("row 54321 = %+v %v", r, ok)
	}
	if p := l.loadedPages(); p > 4 {
		t.Errorf("%d pages loaded after one jump", p)
	}
	for _, c := range f.calls {
		if strings.HasPrefix(c, "Articles") && !strings.HasSuffix(c, "+200") {
			t.Errorf("unpaged query %q", c)
		}
	}
	test.Type(l.search, "Kim")
	if l.count != 1 {
		t.Errorf("search: %d", l.count)
	}
	l.search.SetText("")
	l.lang.SetSelected("ko")
	if l.count != 1 {
		t.Errorf("language filter: %d", l.count)
	}
	l.lang.SetSelected(allLangs)
	l.from.SetText("2023-07-28")
	if l.count != 1 {
		t.Errorf("date filter: %d", l.count)
	}
	// selecting a row opens the article
	l.from.SetText("")
	l.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if w.reader.article.ID != 2 || w.tabs.SelectedIndex() != tabReader {
		t.Errorf("reader shows %d", w.reader.article.ID)
	}
}

// TestImportRunsOffTheUIGoroutine drives a large import that the test
// releases file by file: progress shows while the import is blocked, the UI
// keeps working, and Cancel stops it.
func TestImportRunsOffTheUIGoroutine(t *testing.T) {
	f := newFake()
	a := test.NewTempApp(t)
	w := New(a, Options{Open: func(context.Context, string) (Engine, error) { return f, nil }, Background: syncRun})
	t.Cleanup(func() { w.win.Close() })
	w.OpenSession(f.path)
	f.step, f.stepped = make(chan struct{}), make(chan struct{})
	paths := make([]string, 42*20)
	for i := range paths {
		paths[i] = fmt.Sprintf("/corpus/copy%02d/article%02d.txt", i/42, i%42)
	}
	paths[5] = "/corpus/broken.bin"
	w.ImportPaths(paths) // returns at once: the import waits for the test
	j := w.library.job
	if j == nil || j.finished {
		t.Fatal("no import running")
	}
	for i := 0; i < 10; i++ {
		f.step <- struct{}{}
		<-f.stepped
	}
	// the import is blocked in the engine, yet the window reacts
	if got := j.bar.Value; got != 10 || j.bar.Max != float64(len(paths)) {
		t.Errorf("progress %v of %v", got, j.bar.Max)
	}
	if !strings.HasPrefix(j.current.Text, "10 of 840 files") || !strings.Contains(j.summary.Text, "9 imported") || !strings.Contains(j.summary.Text, "1 failed") {
		t.Errorf("progress text %q / %q", j.current.Text, j.summary.Text)
	}
	if len(j.events) != 10 || j.events[5].Reason == "" {
		t.Errorf("per-file results %+v", j.events)
	}
	w.showTab(tabEntities)
	if w.tabs.SelectedIndex() != tabEntities {
		t.Error("the window did not switch tabs during the import")
	}
	test.Tap(j.button) // Cancel
	<-j.done
	if !strings.HasPrefix(j.current.Text, "Canceled") || j.button.Text != "Close" {
		t.Errorf("after cancel: %q, button %q", j.current.Text, j.button.Text)
	}
	if n := len(f.articles); n != 2+9 {
		t.Errorf("%d articles after cancel", n)
	}
}

func TestReaderHighlightsAndEditsMetadata(t *testing.T) {
	f := newFake()
	w := newTestBench(t, f)
	m := f.base[0]
	w.openArticle(1, m.Start, m.End)
	r := w.reader
	var mentions, meeting, focus []string
	for _, s := range r.text.Segments {
		ts := s.(*widget.TextSegment)
		switch {
		case ts.Style.ColorName == colorMention:
			mentions = append(mentions, ts.Text)
		case ts.Style.TextStyle.Italic:
			focus = append(focus, ts.Text)
		case ts.Style.ColorName == colorMeeting:
			meeting = append(meeting, ts.Text)
		}
	}
	if strings.Join(mentions, "|") != "Kim Jong Un|Sergei Shoigu|Li Hongzhong" {
		t.Errorf("mentions %q", mentions)
	}
	if strings.Join(focus, "") != " met  four times in July." {
		t.Errorf("focus sentence %q", focus)
	}
	if strings.Join(meeting, "") != " also met Kim Jong Un once." {
		t.Errorf("meeting sentence %q", meeting)
	}
	if r.path.Text != "/corpus/en-1.txt" || !strings.Contains(r.side.Text, "Sergei Shoigu") {
		t.Errorf("path %q side %q", r.path.Text, r.side.Text)
	}
	r.outlet.SetText("Seoul Daily (corrected)")
	r.date.SetText("2023-07-29")
	test.Tap(r.save)
	if a := f.articles[0]; a.Outlet != "Seoul Daily (corrected)" || a.Date.Format("2006-01-02") != "2023-07-29" {
		t.Errorf("article now %+v", a.ArticleRow)
	}
	r.date.SetText("29 July")
	test.Tap(r.save)
	if !strings.Contains(w.lastError, "YYYY-MM-DD") {
		t.Errorf("bad date accepted: %q", w.lastError)
	}
}

func TestReaderSegmentsKeepRunesWhole(t *testing.T) {
	text := "김정은 위원장은 쇼이구 장관을 만났다."
	tests := []struct {
		name     string
		mentions [][2]int
		meetings [][2]int
	}{
		{"none", nil, nil},
		{"aligned", [][2]int{{0, 9}}, [][2]int{{0, len(text)}}},
		{"mid-rune offsets", [][2]int{{1, 8}, {26, 31}}, nil},
		{"out of range", [][2]int{{-5, 3}, {40, 400}}, [][2]int{{10, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := readerSegments(text, tt.mentions, tt.meetings, nil)
			var b strings.Builder
			for _, s := range segs {
				ts := s.(*widget.TextSegment)
				if !utf8.ValidString(ts.Text) {
					t.Errorf("segment %q cuts a rune", ts.Text)
				}
				b.WriteString(ts.Text)
			}
			if b.String() != text {
				t.Errorf("segments join to %q", b.String())
			}
		})
	}
}

func FuzzReaderSegments(f *testing.F) {
	f.Add("Kim Jong Un met Sergei Shoigu.", 0, 11, 16, 29)
	f.Add("김정은 위원장은 쇼이구 장관을 만났다.", 1, 8, 26, 31)
	f.Add("Ким Чен Ын встретился с Шойгу", 0, 5, -3, 99)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		var out strings.Builder
		for _, s := range readerSegments(text, [][2]int{{a, b}}, [][2]int{{c, d}}, &[2]int{a, d}) {
			out.WriteString(s.(*widget.TextSegment).Text)
		}
		if out.String() != text {
			t.Fatalf("segments join to %q, want %q", out.String(), text)
		}
	})
}

func TestExports(t *testing.T) {
	w := newTestBench(t, newFake())
	chooseFocus(t, w, "kim", "Kim Jong Un")
	rep, err := w.compare.Report()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 1+len(w.compare.Rows()) || recs[1][1] != "Sergei Shoigu" || recs[1][3] != "4" {
		t.Errorf("csv %v %v", recs, err)
	}
	buf.Reset()
	if err := WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var back ExportReport
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Focus != "Kim Jong Un" || back.Counterparts[1].Counterpart != "Li Hongzhong" {
		t.Errorf("json %+v %v", back, err)
	}
	title, bars := w.compare.Bars()
	pngBytes, err := ChartPNG(title, bars, 900)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil || img.Bounds().Dx() < 800 || img.Bounds().Dy() < 80 {
		t.Errorf("png %v %v", img.Bounds(), err)
	}
	// HTML: escaped names, inline chart, evidence with marks
	rep.Counterparts[0].Counterpart = "<script>alert(1)</script>"
	ev, err := reportEvidence(context.Background(), w.eng, w.compare.comp.Focus.ID, w.compare.Query(), w.compare.Rows(), 12, 3)
	if err != nil || len(ev) == 0 {
		t.Fatalf("evidence %v %v", ev, err)
	}
	buf.Reset()
	if err := WriteHTML(&buf, rep, pngBytes, ev); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{`src="data:image/png;base64,`, "<mark>Kim Jong Un</mark>", "&lt;script&gt;", "<mark>김정은</mark>"} {
		if !strings.Contains(html, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if strings.Contains(html, "<script>alert") {
		t.Error("html not escaped")
	}
	// through the workbench, with a writer
	for _, kind := range []string{"csv", "json", "png", "html"} {
		var out closeBuf
		var got error = errors.New("not called")
		w.Export(kind, &out, func(err error) { got = err })
		if got != nil || out.Len() == 0 || !out.closed {
			t.Errorf("%s export: %v, %d bytes, closed %v", kind, got, out.Len(), out.closed)
		}
	}
	var out closeBuf
	var got error
	w.Export("pdf", &out, func(err error) { got = err })
	if got == nil {
		t.Error("unknown format accepted")
	}
}

type closeBuf struct {
	bytes.Buffer
	closed bool
}

func (c *closeBuf) Close() error { c.closed = true; return nil }

var _ io.WriteCloser = (*closeBuf)(nil)

func TestWelcomeErrorsAndShortcuts(t *testing.T) {
	a := test.NewTempApp(t)
	fail := errors.New("file is not a database")
	w := New(a, Options{Open: func(context.Context, string) (Engine, error) { return nil, fail }, Background: syncRun})
	t.Cleanup(func() { w.win.Close() })
	if w.win.Title() != "Parley" {
		t.Errorf("title %q", w.win.Title())
	}
	markup := test.RenderObjectToMarkup(w.win.Content())
	for _, want := range []string{"Open the sample session", "Import articles…"} {
		if !strings.Contains(markup, want) {
			t.Errorf("welcome lacks %q", want)
		}
	}
	w.OpenSession("/tmp/notes.txt")
	if !strings.Contains(w.lastError, "notes.txt") || !strings.Contains(w.lastError, "not a database") || w.eng != nil {
		t.Errorf("error %q", w.lastError)
	}
	w.OpenSample()
	if !strings.Contains(w.lastError, "sample") {
		t.Errorf("sample without a builder: %q", w.lastError)
	}

	// with a session: Ctrl+K focuses the picker, Ctrl+3 shows Meetings
	f := newFake()
	w.opts.Open = func(context.Context, string) (Engine, error) { return f, nil }
	w.OpenSession(f.path)
	c := w.win.Canvas()
	for c.Overlays().Top() != nil { // the error dialogs above
		c.Overlays().Remove(c.Overlays().Top())
	}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault})
	if w.tabs.SelectedIndex() != tabMeetings {
		t.Errorf("Ctrl+3 → tab %d", w.tabs.SelectedIndex())
	}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault})
	if w.tabs.SelectedIndex() != tabCompare || c.Focused() != w.compare.picker {
		t.Errorf("Ctrl+K → tab %d focus %v", w.tabs.SelectedIndex(), c.Focused())
	}
	if got := a.Preferences().StringList(prefRecent); len(got) != 1 || got[0] != f.path {
		t.Errorf("recent %v", got)
	}
	w.MergeSession("/tmp/other.parley")
	if !strings.Contains(w.lastError, "other.parley") {
		t.Errorf("merge error %q", w.lastError)
	}
	w.SetThemePreference(ThemeDark)
	if a.Settings().Theme().(*variantTheme).variant != ThemeDark {
		t.Error("theme preference not applied")
	}
	w.CloseSession()
	if !f.closed || w.win.Title() != "Parley" {
		t.Errorf("closed %v title %q", f.closed, w.win.Title())
	}
}

func TestTimeline(t *testing.T) {
	w := newTestBench(t, newFake())
	chooseFocus(t, w, "kim", "Kim Jong Un")
	ps := w.timeline.Points()
	if len(ps) != 3 || !strings.Contains(w.timeline.title.Text, "Kim Jong Un") {
		t.Errorf("timeline %+v", ps)
	}
	w.timeline.chart.Resize(fyne.NewSize(900, 300))
	if len(test.LaidOutObjects(w.timeline.chart)) < 2*3+3 {
		t.Error("timeline drew too little")
	}
}

func cellID(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

// TestLazyScreens: with lazy screens (the real app's setting) a change
// reloads the shown screen at once and the others when their tab is shown.
func TestLazyScreens(t *testing.T) {
	a := test.NewTempApp(t)
	f := newFake()
	w := New(a, Options{Open: func(context.Context, string) (Engine, error) { return f, nil }, Background: syncRun, LazyScreens: true})
	t.Cleanup(func() { w.win.Close() })
	w.OpenSession(f.path)
	if w.eng == nil {
		t.Fatalf("not open: %s", w.lastError)
	}
	if w.tabs.SelectedIndex() != tabCompare {
		t.Fatalf("first tab %d", w.tabs.SelectedIndex())
	}
	chooseFocus(t, w, "kim", "Kim Jong Un")
	if len(w.compare.Rows()) == 0 {
		t.Fatal("the shown Compare screen did not load")
	}
	if w.timeline.gen != 0 || !w.stale[w.timeline] {
		t.Fatalf("hidden Timeline loaded at once (gen %d, stale %v)", w.timeline.gen, w.stale[w.timeline])
	}
	w.showTab(tabTimeline)
	if w.timeline.gen != 1 || len(w.timeline.points) == 0 || w.stale[w.timeline] {
		t.Errorf("Timeline after its tab was shown: gen %d, %d points, stale %v", w.timeline.gen, len(w.timeline.points), w.stale[w.timeline])
	}
	w.showTab(tabCompare)
	w.showTab(tabTimeline) // nothing changed meanwhile: no reload
	if w.timeline.gen != 1 {
		t.Errorf("Timeline reloaded without a change: gen %d", w.timeline.gen)
	}
}
