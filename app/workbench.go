package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

// Preference keys.
const (
	prefTheme         = "theme"
	prefSessionFolder = "sessionFolder"
	prefRecent        = "recentSessions"
	maxRecent         = 8
	sessionExt        = ".parley"
)

// Tab indexes (Ctrl+1..6 follow this order).
const (
	tabLibrary = iota
	tabCompare
	tabMeetings
	tabEntities
	tabReader
	tabTimeline
)

// Options configure a Workbench.
type Options struct {
	Open   Opener        // opens or creates a session file (required)
	Sample SampleBuilder // builds the sample session; nil hides the offer
	// Background runs slow work; nil means "in a new goroutine". Tests pass
	// a synchronous runner so that results are visible without waiting.
	Background func(func())
	// Hint returns what the analyst can do about an engine error ("" when
	// it knows nothing better than the generic advice).
	Hint func(error) string
	// LazyScreens reloads a screen only while its tab is shown: the others
	// are marked stale and reload when their tab is selected, so that a
	// large session's first frame does not wait for screens nobody looks at.
	LazyScreens bool
}

// screen is what every screen struct provides.
type screen interface {
	buildUI() fyne.CanvasObject
	reload()
}

// Workbench is the main window: menus, session handling, preferences and
// the six screens.
type Workbench struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	bg   func(func())

	eng    Engine
	ctx    context.Context
	cancel context.CancelFunc

	tabs     *container.AppTabs
	library  *Library
	compare  *Compare
	meetings *Meetings
	entities *Entities
	reader   *Reader
	timeline *Timeline

	undoItem   *fyne.MenuItem
	lastNotice string // the last information shown (for tests)
	stale      map[screen]bool // screens to reload when their tab is shown (lazy screens)
	recentMenu *fyne.Menu
	lastError  string // the last error shown (for tests)
}

// New builds the workbench window (not shown yet) with no session open.
func New(a fyne.App, opts Options) *Workbench {
	w := &Workbench{app: a, opts: opts, bg: opts.Background}
	if w.bg == nil {
		w.bg = func(f func()) { go f() }
	}
	a.Settings().SetTheme(newVariantTheme(a.Preferences().StringWithFallback(prefTheme, ThemeSystem)))
	w.win = a.NewWindow("Parley")
	w.win.Resize(fyne.NewSize(1280, 800))
	w.win.SetMaster()
	w.buildMenus()
	w.addShortcuts()
	w.win.SetOnDropped(w.onDropped)
	w.win.SetOnClosed(func() { w.closeEngine() })
	w.showWelcome()
	return w
}

// OpenLatest opens the most recently used session when its file still
// exists, and reports whether it did.
func (w *Workbench) OpenLatest() bool {
	if r := w.existingRecent(); len(r) > 0 {
		w.OpenSession(r[0])
		return true
	}
	return false
}

// Window returns the main window.
func (w *Workbench) Window() fyne.Window { return w.win }

// Engine returns the open session, or nil.
func (w *Workbench) Engine() Engine { return w.eng }

// ---- background work -------------------------------------------------------

// async runs work off the UI goroutine against the current session and hands
// the result to done on the UI goroutine. Results for a session that has
// been closed meanwhile are dropped; errors are shown in a dialog.
func async[T any](w *Workbench, what string, work func(ctx context.Context, e Engine) (T, error), done func(T)) {
	e, ctx := w.eng, w.ctx
	if e == nil {
		return
	}
	w.bg(func() {
		v, err := work(ctx, e)
		fyne.Do(func() {
			if w.eng != e {
				return
			}
			if err != nil {
				if ctx.Err() == nil {
					w.showError(what, err)
				}
				return
			}
			done(v)
		})
	})
}

// edit runs an analyst edit and, once it succeeded, refreshes every screen
// so that Compare and the others reflect it at once.
func (w *Workbench) edit(what string, work func(ctx context.Context, e Engine) error, after func()) {
	async(w, what, func(ctx context.Context, e Engine) (struct{}, error) {
		return struct{}{}, work(ctx, e)
	}, func(struct{}) {
		if after != nil {
			after()
		}
		w.changed()
	})
}

// changed reloads every screen and the Undo menu after the data changed.
func (w *Workbench) changed() {
	for _, s := range w.screens() {
		w.refresh(s)
	}
	w.refreshUndo()
}

// refresh reloads screen s now, or, with lazy screens and s not shown,
// when its tab is next selected.
func (w *Workbench) refresh(s screen) {
	if w.opts.LazyScreens && w.tabs != nil && w.shown() != s {
		w.stale[s] = true
		return
	}
	delete(w.stale, s)
	s.reload()
}

// shown is the screen of the selected tab (nil before the tabs exist).
func (w *Workbench) shown() screen {
	ss := w.screens()
	if w.tabs == nil || len(ss) == 0 {
		return nil
	}
	if i := w.tabs.SelectedIndex(); i >= 0 && i < len(ss) {
		return ss[i]
	}
	return nil
}

// onTab reloads the newly shown screen when it missed changes.
func (w *Workbench) onTab() {
	if s := w.shown(); s != nil && w.stale[s] {
		delete(w.stale, s)
		s.reload()
	}
}

func (w *Workbench) screens() []screen {
	if w.eng == nil {
		return nil
	}
	return []screen{w.library, w.compare, w.meetings, w.entities, w.reader, w.timeline}
}

// latest hands the newest progress value to the UI goroutine with at most
// one update queued at a time, however fast the engine reports.
type latest struct {
	mu        sync.Mutex
	v         float64
	scheduled bool
}

func (l *latest) set(v float64, apply func(float64)) {
	l.mu.Lock()
	l.v = v
	schedule := !l.scheduled
	l.scheduled = true
	l.mu.Unlock()
	if schedule {
		fyne.Do(func() {
			l.mu.Lock()
			v := l.v
			l.scheduled = false
			l.mu.Unlock()
			apply(v)
		})
	}
}

// ---- errors ---------------------------------------------------------------

// showError tells the analyst what happened and what to do about it.
func (w *Workbench) showError(what string, err error) {
	msg := fmt.Sprintf("%s.\n\n%s", what, err.Error())
	hint := ""
	if w.opts.Hint != nil {
		hint = w.opts.Hint(err)
	}
	if hint == "" {
		hint = errorHint(err)
	}
	if hint != "" {
		msg += "\n\n" + hint
	}
	w.lastError = msg
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Something went wrong", "OK", container.NewPadded(lbl), w.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

func errorHint(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "Check that the file still exists, or choose another one with File › Open."
	case errors.Is(err, os.ErrPermission):
		return "Parley may not read or write there. Choose a folder you own, or change the file's permissions."
	case errors.Is(err, context.DeadlineExceeded):
		return "The operation took too long. Try again, or narrow the filters."
	}
	return "If this keeps happening, close the session (File › Close) and open it again."
}

func (w *Workbench) info(title, msg string) {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewPadded(lbl), w.win)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}

// ---- sessions ---------------------------------------------------------------

// OpenSession opens (or creates) the session file at path in the background
// and shows it when ready.
func (w *Workbench) OpenSession(path string) {
	w.openWith(path, nil)
}

func (w *Workbench) openWith(path string, then func()) {
	if w.opts.Open == nil {
		w.showError("Cannot open a session", errors.New("this build has no session engine"))
		return
	}
	open := w.opts.Open
	var upgrading dialog.Dialog // shown while an older session is brought up to date
	ctx := data.WithUpgradeNotice(context.Background(), func(from, to int) {
		fyne.Do(func() {
			msg := widget.NewLabel(fmt.Sprintf("“%s” was made by an earlier version of Parley.\nUpdating it is a one-off step; a very large session takes a minute or two.", filepath.Base(path)))
			upgrading = dialog.NewCustomWithoutButtons("Updating the session…", container.NewVBox(msg, widget.NewProgressBarInfinite()), w.win)
			upgrading.Show()
		})
	})
	w.bg(func() {
		e, err := open(ctx, path)
		fyne.Do(func() {
			if upgrading != nil {
				upgrading.Hide()
			}
			if err != nil {
				w.showError(fmt.Sprintf("Could not open the session “%s”", filepath.Base(path)),
					fmt.Errorf("%w\n\nParley session files are SQLite databases created by Parley (%s); other files cannot be opened as sessions", err, sessionExt))
				return
			}
			w.setEngine(e)
			if then != nil {
				then()
			}
		})
	})
}

// setEngine makes e the open session and builds the screens over it.
func (w *Workbench) setEngine(e Engine) {
	w.closeEngine()
	w.eng = e
	w.ctx, w.cancel = context.WithCancel(context.Background())
	w.library = newLibrary(w)
	w.compare = newCompare(w)
	w.meetings = newMeetings(w)
	w.entities = newEntities(w)
	w.reader = newReader(w)
	w.timeline = newTimeline(w)
	w.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Library", theme.StorageIcon(), w.library.buildUI()),
		container.NewTabItemWithIcon("Compare", theme.GridIcon(), w.compare.buildUI()),
		container.NewTabItemWithIcon("Meetings", theme.ListIcon(), w.meetings.buildUI()),
		container.NewTabItemWithIcon("Entities", theme.AccountIcon(), w.entities.buildUI()),
		container.NewTabItemWithIcon("Reader", theme.DocumentIcon(), w.reader.buildUI()),
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), w.timeline.buildUI()),
	)
	w.stale = map[screen]bool{}
	w.tabs.OnSelected = func(*container.TabItem) { w.onTab() }
	w.tabs.SetTabLocation(container.TabLocationTop)
	w.win.SetContent(w.tabs)
	w.setTitle()
	w.addRecent(e.Path())
	w.changed()
	w.compare.pickDefaultFocus()
	w.tabs.SelectIndex(tabCompare)
}

func (w *Workbench) setTitle() {
	if w.eng == nil {
		w.win.SetTitle("Parley")
		return
	}
	name := strings.TrimSuffix(filepath.Base(w.eng.Path()), filepath.Ext(w.eng.Path()))
	w.win.SetTitle(name + " — Parley")
}

func (w *Workbench) closeEngine() {
	if w.eng == nil {
		return
	}
	w.cancel()
	e := w.eng
	w.eng = nil
	if err := e.Close(); err != nil {
		w.showError("The session did not close cleanly", err)
	}
}

// CloseSession closes the session and shows the welcome screen.
func (w *Workbench) CloseSession() {
	w.closeEngine()
	w.tabs = nil
	w.showWelcome()
	w.setTitle()
	w.refreshUndo()
}

func (w *Workbench) sessionFolder() string {
	if d := w.app.Preferences().String(prefSessionFolder); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	return filepath.Join(home, "Parley")
}

// newSessionPath returns an unused file name in the default session folder.
func (w *Workbench) newSessionPath(stem string) (string, error) {
	dir := w.sessionFolder()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the session folder %s: %w", dir, err)
	}
	for i := 1; ; i++ {
		name := stem + sessionExt
		if i > 1 {
			name = fmt.Sprintf("%s %d%s", stem, i, sessionExt)
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
}

// OpenSample builds the sample session (once) and opens it.
func (w *Workbench) OpenSample() {
	if w.opts.Sample == nil {
		w.showError("The sample session is not available", errors.New("this build has no sample corpus"))
		return
	}
	dir := w.sessionFolder()
	path := filepath.Join(dir, "Sample"+sessionExt)
	if _, err := os.Stat(path); err == nil {
		w.OpenSession(path)
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		w.showError("Could not create the session folder", err)
		return
	}
	build := w.opts.Sample
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("Building the sample session…", bar, w.win)
	prog.Show()
	w.bg(func() {
		var p latest
		e, err := build(context.Background(), path, func(ev data.ImportEvent) {
			if ev.Total > 0 {
				p.set(float64(ev.Done)/float64(ev.Total), bar.SetValue)
			}
		})
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				w.showError("Could not build the sample session", err)
				return
			}
			w.setEngine(e)
		})
	})
}

func (w *Workbench) addRecent(path string) {
	p := w.app.Preferences()
	list := []string{path}
	for _, r := range p.StringList(prefRecent) {
		if r != path && len(list) < maxRecent {
			list = append(list, r)
		}
	}
	p.SetStringList(prefRecent, list)
	w.refreshRecent()
}

// existingRecent lists the recent sessions whose files still exist.
func (w *Workbench) existingRecent() []string {
	var out []string
	for _, p := range w.app.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func (w *Workbench) refreshRecent() {
	if w.recentMenu == nil {
		return
	}
	w.recentMenu.Items = nil
	for _, r := range w.existingRecent() {
		path := r
		w.recentMenu.Items = append(w.recentMenu.Items, fyne.NewMenuItem(path, func() { w.OpenSession(path) }))
	}
	if len(w.recentMenu.Items) == 0 {
		it := fyne.NewMenuItem("(none yet)", nil)
		it.Disabled = true
		w.recentMenu.Items = append(w.recentMenu.Items, it)
	}
	w.recentMenu.Refresh()
}

// ---- welcome -------------------------------------------------------------

func (w *Workbench) showWelcome() {
	title := widget.NewLabelWithStyle("Parley", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	sub := widget.NewLabelWithStyle("Compare how the press covers diplomatic meetings — who met whom, how often, according to whom.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	sub.Wrapping = fyne.TextWrapWord
	sample := widget.NewButtonWithIcon("Open the sample session", theme.MediaPlayIcon(), w.OpenSample)
	sample.Importance = widget.HighImportance
	if w.opts.Sample == nil {
		sample.Disable()
	}
	imp := widget.NewButtonWithIcon("Import articles…", theme.FolderOpenIcon(), w.onImportFolder)
	open := widget.NewButtonWithIcon("Open session…", theme.FileIcon(), w.onOpen)
	newS := widget.NewButtonWithIcon("New session…", theme.ContentAddIcon(), w.onNew)
	items := []fyne.CanvasObject{title, sub, widget.NewSeparator(),
		container.NewGridWithColumns(2, sample, imp), container.NewGridWithColumns(2, open, newS)}
	if recent := w.existingRecent(); len(recent) > 0 {
		items = append(items, widget.NewLabelWithStyle("Recent sessions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, r := range recent {
			path := r
			b := widget.NewButton(path, func() { w.OpenSession(path) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			items = append(items, b)
		}
	}
	items = append(items, widget.NewLabelWithStyle("Tip: drop article files or folders on this window to import them.",
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true}))
	box := container.NewVBox(items...)
	w.win.SetContent(container.NewCenter(container.New(&fixedWidth{w: 620}, box)))
}

// fixedWidth lays out its objects stacked at a fixed width.
type fixedWidth struct{ w float32 }

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.w, h)
}

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
		o.Move(fyne.NewPos(0, 0))
	}
}

// ---- menus and shortcuts -------------------------------------------------

func shortcut(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (w *Workbench) buildMenus() {
	w.recentMenu = fyne.NewMenu("Open Recent")
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = w.recentMenu
	w.refreshRecent()

	importFiles := fyne.NewMenuItem("Import Articles (File)…", w.onImportFile)
	importFiles.Shortcut = shortcut(fyne.KeyI)
	exportItem := fyne.NewMenuItem("Export…", w.onExport)
	exportItem.Shortcut = shortcut(fyne.KeyE)
	exportMenu := fyne.NewMenuItem("Export As", nil)
	exportMenu.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("Comparison as CSV…", func() { w.exportTo("csv") }),
		fyne.NewMenuItem("Comparison as JSON…", func() { w.exportTo("json") }),
		fyne.NewMenuItem("Chart as PNG…", func() { w.exportTo("png") }),
		fyne.NewMenuItem("One-page HTML Report…", func() { w.exportTo("html") }),
	)
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New Session…", w.onNew),
		fyne.NewMenuItem("Open Session…", w.onOpen),
		recent,
		fyne.NewMenuItem("Open the Sample Session", w.OpenSample),
		fyne.NewMenuItemSeparator(),
		importFiles,
		fyne.NewMenuItem("Import Articles (Folder)…", w.onImportFolder),
		fyne.NewMenuItem("Import Session…", w.onMergeSession),
		fyne.NewMenuItem("Re-extract All Articles", w.onReextract),
		fyne.NewMenuItemSeparator(),
		exportItem, exportMenu,
		fyne.NewMenuItem("Save a Copy As…", w.onSaveAs),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Preferences…", w.onPreferences),
		fyne.NewMenuItem("Close Session", w.CloseSession),
	)
	w.undoItem = fyne.NewMenuItem("Undo", w.onUndo)
	find := fyne.NewMenuItem("Find Entity…", w.onFindEntity)
	find.Shortcut = shortcut(fyne.KeyK)
	edit := fyne.NewMenu("Edit", w.undoItem, fyne.NewMenuItem("History…", w.onHistory), fyne.NewMenuItemSeparator(), find)
	names := []string{"Library", "Compare", "Meetings", "Entities", "Reader", "Timeline"}
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}
	var view []*fyne.MenuItem
	for i, n := range names {
		it := fyne.NewMenuItem(n, func() { w.showTab(i) })
		it.Shortcut = shortcut(keys[i])
		view = append(view, it)
	}
	w.win.SetMainMenu(fyne.NewMainMenu(file, edit, fyne.NewMenu("View", view...)))
	w.refreshUndo()
}

// addShortcuts registers the keyboard shortcuts on the canvas too (the
// desktop driver triggers menu shortcuts first, so they do not run twice).
func (w *Workbench) addShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(shortcut(fyne.KeyI), func(fyne.Shortcut) { w.onImportFile() })
	c.AddShortcut(shortcut(fyne.KeyK), func(fyne.Shortcut) { w.onFindEntity() })
	c.AddShortcut(shortcut(fyne.KeyE), func(fyne.Shortcut) { w.onExport() })
	// Ctrl+Z undoes the last analyst edit when no text field has the focus
	// (a focused field takes the shortcut for its own text)
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { w.undoLast(true) })
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6} {
		c.AddShortcut(shortcut(k), func(fyne.Shortcut) { w.showTab(i) })
	}
}

func (w *Workbench) showTab(i int) {
	if w.tabs != nil && i >= 0 && i < len(w.tabs.Items) {
		w.tabs.SelectIndex(i)
	}
}

func (w *Workbench) refreshUndo() {
	if w.undoItem == nil {
		return
	}
	w.undoItem.Label = "Undo"
	w.undoItem.Disabled = true
	if mm := w.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
	if w.eng == nil {
		return
	}
	async(w, "Could not read the edit history", func(ctx context.Context, e Engine) ([]data.Edit, error) {
		return e.History(ctx)
	}, func(h []data.Edit) {
		if len(h) > 0 {
			w.undoItem.Label = "Undo " + h[len(h)-1].Summary
			w.undoItem.Disabled = false
		}
		if w.entities != nil {
			w.entities.setHistory(h)
		}
		if mm := w.win.MainMenu(); mm != nil {
			mm.Refresh()
		}
	})
}

func (w *Workbench) needSession() bool {
	if w.eng == nil {
		w.showError("No session is open", errors.New("open a session first (File › Open Session…), or open the sample session"))
		return false
	}
	return true
}

func (w *Workbench) onUndo() { w.undoLast(false) }

// undoLast undoes the analyst's last edit. From the keyboard (tell) it
// says what it undid, so a stray Ctrl+Z cannot go unnoticed; the edit
// stays in the history, listed as undone.
func (w *Workbench) undoLast(tell bool) {
	if w.eng == nil || w.undoItem == nil || w.undoItem.Disabled {
		return
	}
	async(w, "Could not undo", func(ctx context.Context, e Engine) (data.Edit, error) {
		return e.Undo(ctx)
	}, func(ed data.Edit) {
		w.changed()
		if tell {
			w.lastNotice = "Undone: " + ed.Summary
			dialog.ShowInformation("Undone", ed.Summary, w.win)
		}
	})
}

func (w *Workbench) onHistory() {
	if !w.needSession() {
		return
	}
	w.showTab(tabEntities)
	w.entities.showHistory()
}

func (w *Workbench) onFindEntity() {
	if w.eng == nil {
		return
	}
	w.showTab(tabCompare)
	w.win.Canvas().Focus(w.compare.picker)
}

func (w *Workbench) onReextract() {
	if !w.needSession() {
		return
	}
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons("Re-extracting entities and meetings…", bar, w.win)
	d.Show()
	async(w, "Re-extraction failed", func(ctx context.Context, e Engine) (error, error) {
		var p latest
		err := e.Reextract(ctx, func(done, total int) {
			if total > 0 {
				p.set(float64(done)/float64(total), bar.SetValue)
			}
		})
		return err, nil // handled below, after the progress dialog is closed
	}, func(err error) {
		d.Hide()
		if err != nil {
			w.showError("Re-extraction failed", fmt.Errorf("%w\n\nYour edits are kept: run File › Re-extract All Articles again", err))
		}
		w.changed()
	})
}

// ---- file dialogs --------------------------------------------------------

func (w *Workbench) folderURI() fyne.ListableURI {
	dir := w.sessionFolder()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func (w *Workbench) onOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not choose the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.OpenSession(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{sessionExt, ".db", ".sqlite"}))
	if l := w.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// saveDialog asks for a new file path; the empty file the dialog creates is
// removed so that the engine can write it.
func (w *Workbench) saveDialog(name string, then func(path string)) {
	d := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError("Could not choose the file", err)
			return
		}
		if wr == nil {
			return
		}
		path := wr.URI().Path()
		wr.Close()
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			os.Remove(path)
		}
		then(path)
	}, w.win)
	d.SetFileName(name)
	if l := w.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (w *Workbench) onNew() {
	w.saveDialog("Untitled"+sessionExt, func(path string) {
		if filepath.Ext(path) == "" {
			path += sessionExt
		}
		w.OpenSession(path)
	})
}

func (w *Workbench) onSaveAs() {
	if !w.needSession() {
		return
	}
	base := strings.TrimSuffix(filepath.Base(w.eng.Path()), filepath.Ext(w.eng.Path()))
	w.saveDialog(base+" copy"+sessionExt, func(path string) { w.SaveCopy(path) })
}

// SaveCopy writes a consistent copy of the session to path.
func (w *Workbench) SaveCopy(path string) {
	async(w, "Could not save a copy of the session", func(ctx context.Context, e Engine) (struct{}, error) {
		return struct{}{}, e.SaveAs(ctx, path)
	}, func(struct{}) {
		w.info("Copy saved", fmt.Sprintf("A copy of the session was written to %s.\nYou keep working in %s; open the copy with File › Open Session.", path, w.eng.Path()))
	})
}

func (w *Workbench) onMergeSession() {
	if !w.needSession() {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not choose the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.MergeSession(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{sessionExt, ".db", ".sqlite"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// MergeSession merges another session file into the open one.
func (w *Workbench) MergeSession(path string) {
	async(w, fmt.Sprintf("Could not import the session “%s”", filepath.Base(path)),
		func(ctx context.Context, e Engine) (data.MergeReport, error) { return e.MergeSession(ctx, path) },
		func(r data.MergeReport) {
			w.changed()
			w.info("Session imported", fmt.Sprintf("From %s: %d articles added, %d already present, %d analyst edits carried over.",
				filepath.Base(path), r.Articles, r.Duplicates, r.Edits))
		})
}

func (w *Workbench) onImportFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not choose the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.ImportPaths([]string{path})
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (w *Workbench) onImportFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			w.showError("Could not choose the folder", err)
			return
		}
		if u == nil {
			return
		}
		w.ImportPaths([]string{u.Path()})
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (w *Workbench) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		w.ImportPaths(paths)
	}
}

// ImportPaths imports files and folders into the open session; with no
// session open it first creates one in the default session folder.
func (w *Workbench) ImportPaths(paths []string) {
	if w.eng != nil {
		w.showTab(tabLibrary)
		w.library.startImport(paths)
		return
	}
	path, err := w.newSessionPath("Session " + time.Now().Format("2006-01-02"))
	if err != nil {
		w.showError("Could not create a session for the import", err)
		return
	}
	w.openWith(path, func() {
		w.showTab(tabLibrary)
		w.library.startImport(paths)
	})
}

// ---- preferences ---------------------------------------------------------

func (w *Workbench) onPreferences() {
	p := w.app.Preferences()
	labels := map[string]string{ThemeSystem: "Follow the system", ThemeLight: "Light", ThemeDark: "Dark"}
	back := map[string]string{}
	for k, v := range labels {
		back[v] = k
	}
	th := widget.NewRadioGroup([]string{labels[ThemeSystem], labels[ThemeLight], labels[ThemeDark]}, func(s string) {
		w.SetThemePreference(back[s])
	})
	th.SetSelected(labels[p.StringWithFallback(prefTheme, ThemeSystem)])
	folder := widget.NewEntry()
	folder.SetText(w.sessionFolder())
	folder.OnChanged = func(s string) { p.SetString(prefSessionFolder, strings.TrimSpace(s)) }
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, w.win)
	})
	form := widget.NewForm(
		widget.NewFormItem("Theme", th),
		widget.NewFormItem("Session folder", container.NewBorder(nil, nil, nil, browse, folder)),
	)
	d := dialog.NewCustom("Preferences", "Close", form, w.win)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// SetThemePreference stores and applies "system", "light" or "dark".
func (w *Workbench) SetThemePreference(v string) {
	w.app.Preferences().SetString(prefTheme, v)
	w.app.Settings().SetTheme(newVariantTheme(v))
}

// openArticle shows an article in the reader; start and end (byte offsets,
// -1 for none) mark the sentence the analyst came from.
func (w *Workbench) openArticle(id int64, start, end int) {
	if w.reader == nil {
		return
	}
	w.reader.Open(id, start, end)
	w.showTab(tabReader)
}

// ShowScreen switches to screen i (0 Library, 1 Compare, 2 Meetings,
// 3 Entities, 4 Reader, 5 Timeline), as Ctrl+1..6 do.
func (w *Workbench) ShowScreen(i int) { w.showTab(i) }

// OpenArticle shows an article in the reader.
func (w *Workbench) OpenArticle(id int64) { w.openArticle(id, -1, -1) }

// FocusOn makes the best fuzzy match for name the focus of Compare.
func (w *Workbench) FocusOn(name string) {
	async(w, "Could not find the entity", func(ctx context.Context, e Engine) ([]data.EntityMatch, error) {
		return e.FindEntities(ctx, name, 1)
	}, func(ms []data.EntityMatch) {
		if len(ms) == 0 {
			w.showError("No such entity", fmt.Errorf("nothing in this session matches %q", name))
			return
		}
		w.compare.SetFocus(ms[0].EntityRow)
	})
}

// SelectEntity shows the best fuzzy match for name in the Entities screen.
func (w *Workbench) SelectEntity(name string) {
	async(w, "Could not find the entity", func(ctx context.Context, e Engine) ([]data.EntityMatch, error) {
		return e.FindEntities(ctx, name, 1)
	}, func(ms []data.EntityMatch) {
		if len(ms) > 0 {
			w.entities.SelectEntity(ms[0].EntityRow)
		}
	})
}
