package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

const (
	libraryPage = 200 // rows fetched per page
	allOutlets  = "All outlets"
	allLangs    = "All languages"
)

var libraryCols = []struct {
	title string
	width float32
}{
	{"Title", 420}, {"Outlet", 170}, {"Date", 100}, {"Lang", 56}, {"Entities", 76}, {"Mentions", 80}, {"Meetings", 80},
}

// Library lists the session's articles, lazily by pages: the table asks for
// rows as it scrolls and only the visible pages are fetched from the engine.
type Library struct {
	wb *Workbench

	search       *widget.Entry
	outlet, lang *widget.Select
	from, to     *widget.Entry
	status       *widget.Label
	table        *widget.Table
	count        int
	pages        map[int][]data.ArticleRow
	loading      map[int]bool
	gen          int
	inUpdate     bool
	filter       data.ArticleFilter
	job          *importJob
}

func newLibrary(wb *Workbench) *Library {
	return &Library{wb: wb, pages: map[int][]data.ArticleRow{}, loading: map[int]bool{}}
}

func (l *Library) buildUI() fyne.CanvasObject {
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search the full text…")
	l.search.OnChanged = func(string) { l.onFilter() }
	l.outlet = widget.NewSelect([]string{allOutlets}, func(string) { l.onFilter() })
	l.outlet.SetSelected(allOutlets)
	l.lang = widget.NewSelect([]string{allLangs}, func(string) { l.onFilter() })
	l.lang.SetSelected(allLangs)
	l.from = dateEntry("From", l.onFilter)
	l.to = dateEntry("To", l.onFilter)
	l.status = widget.NewLabel("")

	l.table = widget.NewTableWithHeaders(
		func() (int, int) { return l.count, len(libraryCols) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		l.updateCell)
	l.table.ShowHeaderColumn = false
	l.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(libraryCols[id.Col].title)
		}
	}
	for i, c := range libraryCols {
		l.table.SetColumnWidth(i, c.width)
	}
	l.table.OnSelected = l.onSelect

	importBtn := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), l.wb.onImportFolder)
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(180, l.outlet.MinSize().Height), l.outlet),
			container.NewGridWrap(fyne.NewSize(150, l.lang.MinSize().Height), l.lang),
			container.NewGridWrap(fyne.NewSize(120, l.from.MinSize().Height), l.from),
			container.NewGridWrap(fyne.NewSize(120, l.to.MinSize().Height), l.to), importBtn),
		l.search)
	return container.NewBorder(filters, l.status, nil, nil, l.table)
}

// dateEntry is an entry for a YYYY-MM-DD date that calls changed when the
// text is a valid date or empty.
func dateEntry(placeholder string, changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if _, err := parseDate(s); err != nil {
			return err
		}
		return nil
	}
	e.OnChanged = func(s string) {
		if _, err := parseDate(s); err == nil {
			changed()
		}
	}
	return e
}

// parseDate accepts YYYY, YYYY-MM or YYYY-MM-DD; empty means no date.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("write the date as YYYY-MM-DD")
}

// endOfDay makes a "to" date inclusive.
func endOfDay(s string, t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	switch len(strings.TrimSpace(s)) {
	case 4:
		return t.AddDate(1, 0, 0).Add(-time.Nanosecond)
	case 7:
		return t.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return t.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

func (l *Library) currentFilter() data.ArticleFilter {
	f := data.ArticleFilter{Query: strings.TrimSpace(l.search.Text)}
	if o := l.outlet.Selected; o != "" && o != allOutlets {
		f.Outlets = []string{o}
	}
	if g := l.lang.Selected; g != "" && g != allLangs {
		f.Languages = []string{g}
	}
	f.From, _ = parseDate(l.from.Text)
	to, _ := parseDate(l.to.Text)
	f.To = endOfDay(l.to.Text, to)
	return f
}

func (l *Library) onFilter() {
	if l.table == nil {
		return
	}
	l.filter = l.currentFilter()
	l.reloadRows()
}

// reload refreshes the outlet/language choices and the rows.
func (l *Library) reload() {
	async(l.wb, "Could not list outlets and languages", func(ctx context.Context, e Engine) ([2][]string, error) {
		o, err := e.Outlets(ctx)
		if err != nil {
			return [2][]string{}, err
		}
		g, err := e.Languages(ctx)
		return [2][]string{o, g}, err
	}, func(v [2][]string) {
		l.outlet.SetOptions(append([]string{allOutlets}, v[0]...))
		l.lang.SetOptions(append([]string{allLangs}, v[1]...))
	})
	l.onFilter()
}

func (l *Library) reloadRows() {
	l.gen++
	gen, f := l.gen, l.filter
	async(l.wb, "Could not count the articles", func(ctx context.Context, e Engine) (int, error) {
		return e.CountArticles(ctx, f)
	}, func(n int) {
		if gen != l.gen {
			return
		}
		l.count = n
		l.pages = map[int][]data.ArticleRow{}
		l.loading = map[int]bool{}
		l.status.SetText(fmt.Sprintf("%d articles", n))
		l.table.Refresh()
	})
}

// row returns the article at index i, fetching its page when needed.
func (l *Library) row(i int) (data.ArticleRow, bool) {
	p := i / libraryPage
	if rows, ok := l.pages[p]; ok {
		if j := i - p*libraryPage; j < len(rows) {
			return rows[j], true
		}
		return data.ArticleRow{}, false
	}
	if !l.loading[p] {
		l.loading[p] = true
		gen := l.gen
		f := l.filter
		f.Limit, f.Offset = libraryPage, p*libraryPage
		async(l.wb, "Could not list the articles", func(ctx context.Context, e Engine) ([]data.ArticleRow, error) {
			return e.Articles(ctx, f)
		}, func(rows []data.ArticleRow) {
			if gen != l.gen {
				return
			}
			l.pages[p] = rows
			delete(l.loading, p)
			if !l.inUpdate {
				l.table.Refresh()
			}
		})
		// a synchronous runner (tests) has filled the page by now
		return l.row2(i)
	}
	return data.ArticleRow{}, false
}

func (l *Library) row2(i int) (data.ArticleRow, bool) {
	p := i / libraryPage
	if rows, ok := l.pages[p]; ok && i-p*libraryPage < len(rows) {
		return rows[i-p*libraryPage], true
	}
	return data.ArticleRow{}, false
}

// loadedPages reports how many pages are cached (tests check laziness).
func (l *Library) loadedPages() int { return len(l.pages) }

func (l *Library) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	l.inUpdate = true
	r, ok := l.row(id.Row)
	l.inUpdate = false
	if !ok {
		lb.SetText("…")
		return
	}
	lb.SetText(articleCell(r, id.Col))
}

func articleCell(r data.ArticleRow, col int) string {
	switch col {
	case 0:
		if r.Title == "" {
			return filepath.Base(r.Path)
		}
		return r.Title
	case 1:
		return r.Outlet
	case 2:
		return fmtDate(r.Date)
	case 3:
		return r.Language
	case 4:
		return strconv.Itoa(r.Entities)
	case 5:
		return strconv.Itoa(r.Mentions)
	case 6:
		return strconv.Itoa(r.Meetings)
	}
	return ""
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

func (l *Library) onSelect(id widget.TableCellID) {
	l.table.UnselectAll()
	if r, ok := l.row2(id.Row); ok {
		l.wb.openArticle(r.ID, -1, -1)
	}
}

// ---- import -----------------------------------------------------------

// importJob is one running import with its progress dialog.
type importJob struct {
	cancel   context.CancelFunc
	bar      *widget.ProgressBar
	current  *widget.Label
	summary  *widget.Label
	results  *widget.List
	events   []data.ImportEvent
	button   *widget.Button
	dlg      dialog.Dialog
	finished bool
	report   data.ImportReport
	done     chan struct{} // closed once the import has finished and the screens reloaded

	imported, duplicates, failed int
	sinceReload                  int
	onImported                   func() // reloads the Library now and then during the import

	// Events arrive on the engine's goroutine faster than the window can
	// redraw; they are buffered and applied in batches, with at most one
	// update queued on the UI goroutine at any time.
	mu        sync.Mutex
	pending   []data.ImportEvent
	scheduled bool
}

// startImport imports paths in the background: a dialog shows progress,
// per-file results and a Cancel button; the window stays usable.
func (l *Library) startImport(paths []string) {
	if l.job != nil && !l.job.finished {
		l.wb.showError("An import is already running", fmt.Errorf("wait for it to finish or cancel it, then import again"))
		return
	}
	e := l.wb.eng
	if e == nil {
		return
	}
	ctx, cancel := context.WithCancel(l.wb.ctx)
	j := &importJob{cancel: cancel, done: make(chan struct{}), onImported: l.reloadRows, bar: widget.NewProgressBar(), current: widget.NewLabel("Looking for articles…"),
		summary: widget.NewLabel("")}
	j.current.Truncation = fyne.TextTruncateEllipsis
	j.results = widget.NewList(func() int { return len(j.events) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := j.events[len(j.events)-1-i] // newest first
			txt := fmt.Sprintf("%s  %s", statusMark(ev.Status), filepath.Base(ev.Path))
			if ev.Reason != "" {
				txt += " — " + ev.Reason
			}
			o.(*widget.Label).SetText(txt)
		})
	j.button = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if j.finished {
			j.dlg.Hide()
			return
		}
		j.button.Disable()
		j.current.SetText("Canceling…")
		j.cancel()
	})
	content := container.NewBorder(container.NewVBox(j.current, j.bar, j.summary), container.NewCenter(j.button), nil, nil, j.results)
	j.dlg = dialog.NewCustomWithoutButtons("Importing articles", content, l.wb.win)
	j.dlg.Resize(fyne.NewSize(640, 440))
	j.dlg.Show()
	l.job = j

	// the import always gets a goroutine of its own, whatever runs the
	// other background work: it can take minutes and is canceled from the UI
	go func() {
		rep, err := e.Import(ctx, paths, func(ev data.ImportEvent) {
			j.post(ev)
		})
		fyne.Do(func() {
			j.flush()
			j.finished = true
			j.report = rep
			cancel()
			j.button.Enable()
			j.button.SetText("Close")
			j.button.SetIcon(theme.ConfirmIcon())
			j.current.SetText(importSummary(rep))
			if rep.Canceled || ctx.Err() != nil {
				j.current.SetText("Canceled. " + importSummary(rep))
			}
			if err != nil && ctx.Err() == nil {
				l.wb.showError("The import stopped", err)
			}
			if l.wb.eng == e {
				l.wb.changed()
			}
			close(j.done)
		})
	}()
}

// post queues an event from the engine's goroutine.
func (j *importJob) post(ev data.ImportEvent) {
	j.mu.Lock()
	j.pending = append(j.pending, ev)
	schedule := !j.scheduled
	j.scheduled = true
	j.mu.Unlock()
	if schedule {
		fyne.Do(j.flush)
	}
}

// flush applies the buffered events to the widgets (UI goroutine).
func (j *importJob) flush() {
	j.mu.Lock()
	evs := j.pending
	j.pending, j.scheduled = nil, false
	j.mu.Unlock()
	if len(evs) == 0 {
		return
	}
	for _, ev := range evs {
		switch ev.Status {
		case data.Imported:
			j.imported++
			j.sinceReload++
		case data.Duplicate:
			j.duplicates++
		case data.Failed:
			j.failed++
		}
	}
	j.events = append(j.events, evs...)
	ev := evs[len(evs)-1]
	if ev.Total > 0 {
		j.bar.Max = float64(ev.Total)
		j.bar.SetValue(float64(ev.Done))
	}
	j.current.SetText(fmt.Sprintf("%d of %d files: %s", ev.Done, ev.Total, filepath.Base(ev.Path)))
	j.summary.SetText(fmt.Sprintf("%d imported, %d duplicates, %d failed", j.imported, j.duplicates, j.failed))
	j.results.Refresh()
	if j.sinceReload >= 100 && j.onImported != nil {
		j.sinceReload = 0
		j.onImported()
	}
}

func statusMark(s data.ImportStatus) string {
	switch s {
	case data.Imported:
		return "✓"
	case data.Duplicate:
		return "="
	case data.Failed:
		return "✗"
	}
	return "·"
}

func importSummary(r data.ImportReport) string {
	return fmt.Sprintf("Done: %d imported, %d duplicates, %d failed.", r.Imported, r.Duplicates, r.Failed)
}
