package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

const entitiesLimit = 2000

var entityCols = []struct {
	title string
	width float32
}{
	{"Name", 180}, {"Kind", 84}, {"Aliases", 196}, {"Articles", 70}, {"Mentions", 80}, {"Meetings", 80},
}

var defaultKinds = []string{"person", "org", "place", "country"}

// Entities lists entities with their kinds, aliases and counts, and lets the
// analyst merge, split, rename, add aliases, change kinds, review duplicate
// suggestions and undo any of it.
type Entities struct {
	wb *Workbench

	search *widget.Entry
	table  *widget.Table
	rows   []data.EntityRow
	status *widget.Label
	gen    int

	cur      data.EntityRow
	hasCur   bool
	name     *widget.Label
	kind     *widget.SelectEntry
	aliases  *widget.List
	detail   *fyne.Container
	noDetail *widget.Label

	suggestions []data.Suggestion
	sugList     *widget.List
	history     []data.Edit
	histList    *widget.List
	undoBtn     *widget.Button
	lower       *container.AppTabs
}

func newEntities(wb *Workbench) *Entities { return &Entities{wb: wb} }

func (en *Entities) buildUI() fyne.CanvasObject {
	en.search = widget.NewEntry()
	en.search.SetPlaceHolder("Filter entities by name or alias…")
	en.search.OnChanged = func(string) { en.loadRows() }
	en.status = widget.NewLabel("")
	en.table = widget.NewTableWithHeaders(func() (int, int) { return len(en.rows), len(entityCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, en.updateCell)
	en.table.ShowHeaderColumn = false
	en.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	en.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(entityCols[id.Col].title)
		}
	}
	for i, c := range entityCols {
		en.table.SetColumnWidth(i, c.width)
	}
	en.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(en.rows) {
			en.SelectEntity(en.rows[id.Row])
		}
	}
	left := container.NewBorder(en.search, en.status, nil, nil, en.table)

	en.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	en.name.SizeName = theme.SizeNameSubHeadingText
	en.name.Wrapping = fyne.TextWrapWord
	en.kind = widget.NewSelectEntry(defaultKinds)
	setKind := widget.NewButton("Set kind", func() { en.SetKind(strings.TrimSpace(en.kind.Text)) })
	en.aliases = widget.NewList(func() int { return len(en.cur.Aliases) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("Split off", theme.ContentCutIcon(), nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			alias := en.cur.Aliases[i]
			c.Objects[0].(*widget.Label).SetText(alias)
			b := c.Objects[1].(*widget.Button)
			b.OnTapped = func() { en.Split(alias) }
			if len(en.cur.Aliases) < 2 {
				b.Disable()
			} else {
				b.Enable()
			}
		})
	actions := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), en.onRename),
		widget.NewButtonWithIcon("Add alias…", theme.ContentAddIcon(), en.onAddAlias),
		widget.NewButtonWithIcon("Merge into…", theme.MailForwardIcon(), en.onMergeInto),
		widget.NewButtonWithIcon("Compare", theme.GridIcon(), func() {
			en.wb.compare.SetFocus(en.cur)
			en.wb.showTab(tabCompare)
		}),
		widget.NewButtonWithIcon("Meetings", theme.ListIcon(), func() {
			en.wb.meetings.ShowEntity(en.cur)
			en.wb.showTab(tabMeetings)
		}),
		widget.NewButtonWithIcon("Timeline", theme.HistoryIcon(), func() {
			en.wb.compare.SetFocus(en.cur)
			en.wb.showTab(tabTimeline)
		}),
	)
	en.detail = container.NewBorder(
		container.NewVBox(en.name, container.NewBorder(nil, nil, widget.NewLabel("Kind"), setKind, en.kind), actions,
			widget.NewLabelWithStyle("Aliases (split one off to make it a separate entity)", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})),
		nil, nil, nil, en.aliases)
	en.detail.Hide()
	en.noDetail = widget.NewLabelWithStyle("Select an entity to edit it.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})

	en.sugList = widget.NewList(func() int { return len(en.suggestions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			acc := widget.NewButtonWithIcon("Merge", theme.ConfirmIcon(), nil)
			dis := widget.NewButtonWithIcon("Dismiss", theme.CancelIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(acc, dis), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := en.suggestions[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s  ⇄  %s   %.0f%% — %s", s.A.Name, s.B.Name, s.Score*100, s.Why))
			bs := c.Objects[1].(*fyne.Container).Objects
			bs[0].(*widget.Button).OnTapped = func() { en.AcceptSuggestion(s) }
			bs[1].(*widget.Button).OnTapped = func() { en.DismissSuggestion(s) }
		})
	en.histList = widget.NewList(func() int { return len(en.history) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := en.history[len(en.history)-1-i] // newest first
			o.(*widget.Label).SetText(h.At.Local().Format("15:04:05") + "  " + h.Summary)
		})
	en.undoBtn = widget.NewButtonWithIcon("Undo the latest change", theme.ContentUndoIcon(), en.wb.onUndo)
	en.lower = container.NewAppTabs(
		container.NewTabItem("Likely duplicates", en.sugList),
		container.NewTabItem("History", container.NewBorder(nil, en.undoBtn, nil, nil, en.histList)),
	)
	right := container.NewVSplit(container.NewStack(container.NewCenter(en.noDetail), en.detail), en.lower)
	right.Offset = 0.55
	split := container.NewHSplit(left, right)
	split.Offset = 0.56
	return split
}

func (en *Entities) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(en.rows) {
		return
	}
	r := en.rows[id.Row]
	switch id.Col {
	case 0:
		l.SetText(r.Name)
	case 1:
		l.SetText(r.Kind)
	case 2:
		l.SetText(strings.Join(r.Aliases, ", "))
	case 3:
		l.SetText(strconv.Itoa(r.Articles))
	case 4:
		l.SetText(strconv.Itoa(r.Mentions))
	case 5:
		l.SetText(strconv.Itoa(r.Meetings))
	}
}

func (en *Entities) reload() {
	en.loadRows()
	async(en.wb, "Could not list the duplicate suggestions", func(ctx context.Context, e Engine) ([]data.Suggestion, error) {
		return e.Suggestions(ctx, 100)
	}, func(s []data.Suggestion) {
		en.suggestions = s
		en.sugList.Refresh()
		en.lower.Items[0].Text = fmt.Sprintf("Likely duplicates (%d)", len(s))
		en.lower.Refresh()
	})
	if en.hasCur {
		id := en.cur.ID
		async(en.wb, "Could not read the entity", func(ctx context.Context, e Engine) (data.EntityRow, error) {
			return e.Entity(ctx, id)
		}, func(r data.EntityRow) {
			if en.cur.ID == id {
				en.SelectEntity(r)
			}
		})
	}
}

// entityGone is what the engine returns when the selected entity was merged
// away; the details pane then just closes, with no error.
func (en *Entities) clearDetail() {
	en.hasCur = false
	en.detail.Hide()
	en.noDetail.Show()
}

func (en *Entities) loadRows() {
	en.gen++
	gen := en.gen
	q := strings.TrimSpace(en.search.Text)
	async(en.wb, "Could not list the entities", func(ctx context.Context, e Engine) ([]data.EntityRow, error) {
		return e.Entities(ctx, q, entitiesLimit)
	}, func(rows []data.EntityRow) {
		if gen != en.gen {
			return
		}
		en.rows = rows
		en.table.Refresh()
		txt := fmt.Sprintf("%d entities", len(rows))
		if len(rows) == entitiesLimit {
			txt = fmt.Sprintf("the first %d entities — type to narrow", entitiesLimit)
		}
		en.status.SetText(txt)
		if en.hasCur && !slices.ContainsFunc(rows, func(r data.EntityRow) bool { return r.ID == en.cur.ID }) && q == "" {
			en.clearDetail()
		}
		kinds := slices.Clone(defaultKinds)
		for _, r := range rows {
			if r.Kind != "" && !slices.Contains(kinds, r.Kind) {
				kinds = append(kinds, r.Kind)
			}
		}
		en.kind.SetOptions(kinds)
	})
}

// Rows returns the entities listed.
func (en *Entities) Rows() []data.EntityRow { return en.rows }

// SelectEntity shows e in the details pane.
func (en *Entities) SelectEntity(e data.EntityRow) {
	en.cur, en.hasCur = e, true
	en.name.SetText(fmt.Sprintf("%s\n%d articles · %d mentions · %d meetings", e.Name, e.Articles, e.Mentions, e.Meetings))
	en.kind.SetText(e.Kind)
	en.aliases.Refresh()
	en.noDetail.Hide()
	en.detail.Show()
}

func (en *Entities) setHistory(h []data.Edit) {
	if en.histList == nil {
		return
	}
	en.history = h
	en.histList.Refresh()
	if len(h) == 0 {
		en.undoBtn.SetText("Nothing to undo")
		en.undoBtn.Disable()
	} else {
		en.undoBtn.SetText("Undo " + h[len(h)-1].Summary)
		en.undoBtn.Enable()
	}
}

func (en *Entities) showHistory() { en.lower.SelectIndex(1) }

// ---- edits -------------------------------------------------------------------

// Merge merges entity from into entity into.
func (en *Entities) Merge(from, into int64) {
	if from == into {
		en.wb.showError("Nothing to merge", fmt.Errorf("choose two different entities"))
		return
	}
	en.wb.edit("Could not merge the entities", func(ctx context.Context, e Engine) error {
		return e.MergeEntities(ctx, from, into)
	}, func() {
		if en.hasCur && en.cur.ID == from {
			en.cur.ID = into
		}
	})
}

// Split splits alias off the current entity into an entity of its own.
func (en *Entities) Split(alias string) {
	id := en.cur.ID
	async(en.wb, "Could not split the alias off", func(ctx context.Context, e Engine) (int64, error) {
		return e.SplitAlias(ctx, id, alias)
	}, func(int64) { en.wb.changed() })
}

// Rename renames the current entity.
func (en *Entities) Rename(name string) {
	id := en.cur.ID
	en.wb.edit("Could not rename the entity", func(ctx context.Context, e Engine) error {
		return e.RenameEntity(ctx, id, name)
	}, nil)
}

// AddAlias adds an alias to the current entity.
func (en *Entities) AddAlias(alias string) {
	id := en.cur.ID
	en.wb.edit("Could not add the alias", func(ctx context.Context, e Engine) error {
		return e.AddAlias(ctx, id, alias)
	}, nil)
}

// SetKind changes the current entity's kind.
func (en *Entities) SetKind(kind string) {
	if !en.hasCur || kind == "" || kind == en.cur.Kind {
		return
	}
	id := en.cur.ID
	en.wb.edit("Could not change the kind", func(ctx context.Context, e Engine) error {
		return e.SetEntityKind(ctx, id, kind)
	}, nil)
}

// AcceptSuggestion merges the less-mentioned entity into the other.
func (en *Entities) AcceptSuggestion(s data.Suggestion) {
	from, into := s.B, s.A
	if s.B.Mentions > s.A.Mentions || (s.B.Known && !s.A.Known) {
		from, into = s.A, s.B
	}
	en.Merge(from.ID, into.ID)
}

// DismissSuggestion hides a suggestion for good.
func (en *Entities) DismissSuggestion(s data.Suggestion) {
	en.wb.edit("Could not dismiss the suggestion", func(ctx context.Context, e Engine) error {
		return e.DismissSuggestion(ctx, s.A.ID, s.B.ID)
	}, nil)
}

func (en *Entities) ask(title, label, initial string, then func(string)) {
	if !en.hasCur {
		return
	}
	in := widget.NewEntry()
	in.SetText(initial)
	dialog.ShowForm(title, "OK", "Cancel", []*widget.FormItem{widget.NewFormItem(label, in)}, func(ok bool) {
		if v := strings.TrimSpace(in.Text); ok && v != "" {
			then(v)
		}
	}, en.wb.win)
	en.wb.win.Canvas().Focus(in)
}

func (en *Entities) onRename() {
	en.ask("Rename "+en.cur.Name, "New name", en.cur.Name, en.Rename)
}

func (en *Entities) onAddAlias() {
	en.ask("Add an alias to "+en.cur.Name, "Alias", "", en.AddAlias)
}

// onMergeInto asks which entity the current one is the same as.
func (en *Entities) onMergeInto() {
	if !en.hasCur {
		return
	}
	from := en.cur
	var matches []data.EntityMatch
	list := widget.NewList(func() int { return len(matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(matchText(matches[i])) })
	in := widget.NewEntry()
	in.SetPlaceHolder("Type a name in any script…")
	in.OnChanged = func(q string) {
		q = strings.TrimSpace(q)
		async(en.wb, "Could not search the entities", func(ctx context.Context, e Engine) ([]data.EntityMatch, error) {
			return e.FindEntities(ctx, q, 20)
		}, func(ms []data.EntityMatch) {
			if strings.TrimSpace(in.Text) != q {
				return
			}
			matches = slices.DeleteFunc(ms, func(m data.EntityMatch) bool { return m.ID == from.ID })
			list.Refresh()
		})
	}
	var d dialog.Dialog
	list.OnSelected = func(i widget.ListItemID) {
		into := matches[i]
		d.Hide()
		en.Merge(from.ID, into.ID)
	}
	d = dialog.NewCustom(fmt.Sprintf("Merge “%s” into…", from.Name), "Cancel",
		container.NewBorder(in, nil, nil, nil, list), en.wb.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
	en.wb.win.Canvas().Focus(in)
}
