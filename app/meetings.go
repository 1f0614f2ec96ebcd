package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

const (
	meetingsPage = 300
	anyStatus    = "Any status"
)

var statuses = []string{"held", "planned", "denied"}

var meetingCols = []struct {
	title string
	width float32
}{
	{"Date", 100}, {"Participants", 300}, {"Kind", 90}, {"Status", 80}, {"Times", 60}, {"Place", 130},
	{"Attribution", 150}, {"Outlet", 150}, {"Article", 260}, {"", 70},
}

// Meetings lists every extracted meeting, filterable, and lets the analyst
// mark one wrong or edit its fields. Rows are fetched page by page as the
// table scrolls.
type Meetings struct {
	wb *Workbench

	query, who, from, to *widget.Entry
	status               *widget.Select
	wrong                *widget.Check
	whoLbl               *widget.Label
	entity               int64
	count                *widget.Label
	table                *widget.Table

	rows     []data.MeetingRow
	more     bool
	loading  bool
	gen      int
	inUpdate bool

	sel                          int
	eKind                        *widget.SelectEntry
	eStatus                      *widget.Select
	eTimes, eDate, ePlace, eAttr *widget.Entry
	eWrong                       *widget.Check
	eSave, eOpen                 *widget.Button
	eTitle                       *widget.Label
	editor                       *fyne.Container
}

func newMeetings(wb *Workbench) *Meetings { return &Meetings{wb: wb, sel: -1} }

func (m *Meetings) buildUI() fyne.CanvasObject {
	m.query = widget.NewEntry()
	m.query.SetPlaceHolder("Words in the evidence…")
	m.query.OnChanged = func(string) { m.reload() }
	m.who = widget.NewEntry()
	m.who.SetPlaceHolder("Participant…")
	m.who.OnChanged = m.onWho
	m.whoLbl = widget.NewLabel("")
	m.status = widget.NewSelect(append([]string{anyStatus}, statuses...), func(string) { m.reload() })
	m.status.SetSelected(anyStatus)
	m.from = dateEntry("From", m.reload)
	m.to = dateEntry("To", m.reload)
	m.wrong = widget.NewCheck("Show meetings marked wrong", func(bool) { m.reload() })
	m.count = widget.NewLabel("")

	m.table = widget.NewTableWithHeaders(func() (int, int) { return len(m.rows), len(meetingCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, m.updateCell)
	m.table.ShowHeaderColumn = false
	m.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(meetingCols[id.Col].title)
		}
	}
	for i, c := range meetingCols {
		m.table.SetColumnWidth(i, c.width)
	}
	m.table.OnSelected = func(id widget.TableCellID) { m.Select(id.Row) }

	m.eKind = widget.NewSelectEntry([]string{"meeting", "talks", "visit", "summit", "call", "dinner"})
	m.eStatus = widget.NewSelect(statuses, nil)
	m.eTimes, m.eDate, m.ePlace, m.eAttr = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	m.eTimes.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 {
			return fmt.Errorf("a whole number")
		}
		return nil
	}
	m.eWrong = widget.NewCheck("Wrong", nil)
	m.eSave = widget.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), m.onSave)
	m.eSave.Importance = widget.HighImportance
	m.eOpen = widget.NewButtonWithIcon("Open article", theme.DocumentIcon(), func() {
		if r, ok := m.selected(); ok {
			m.wb.openArticle(r.ArticleID, r.Start, r.End)
		}
	})
	m.eTitle = widget.NewLabel("")
	m.eTitle.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(
		container.NewGridWithColumns(4, labeled("Kind", m.eKind), labeled("Status", m.eStatus), labeled("Times", m.eTimes), labeled("Date", m.eDate)),
		container.NewBorder(nil, nil, nil,
			container.NewHBox(m.eWrong, m.eSave, widget.NewButtonWithIcon("Mark wrong", theme.CancelIcon(), m.MarkWrong), m.eOpen),
			container.NewGridWithColumns(2, labeled("Place", m.ePlace), labeled("Attribution", m.eAttr))))
	m.editor = container.NewVBox(widget.NewSeparator(), m.eTitle, form)
	m.editor.Hide()

	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(m.status,
			container.NewGridWrap(fyne.NewSize(110, m.from.MinSize().Height), m.from),
			container.NewGridWrap(fyne.NewSize(110, m.to.MinSize().Height), m.to), m.wrong), m.query),
		container.NewBorder(nil, nil, nil, m.whoLbl, m.who))
	return container.NewBorder(filters, container.NewVBox(m.count, m.editor), nil, nil, m.table)
}

func (m *Meetings) onWho(q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		m.entity = 0
		m.whoLbl.SetText("")
		m.reload()
		return
	}
	async(m.wb, "Could not search the entities", func(ctx context.Context, e Engine) ([]data.EntityMatch, error) {
		return e.FindEntities(ctx, q, 1)
	}, func(ms []data.EntityMatch) {
		if strings.TrimSpace(m.who.Text) != q {
			return
		}
		if len(ms) == 0 {
			m.entity = -1 // matches nothing
			m.whoLbl.SetText("no such entity")
		} else {
			m.entity = ms[0].ID
			m.whoLbl.SetText("= " + ms[0].Name)
		}
		m.reload()
	})
}

// ShowEntity filters the list to one entity's meetings.
func (m *Meetings) ShowEntity(e data.EntityRow) {
	m.who.OnChanged = nil
	m.who.SetText(e.Name)
	m.who.OnChanged = m.onWho
	m.entity = e.ID
	m.whoLbl.SetText("= " + e.Name)
	m.reload()
}

func (m *Meetings) filter() data.MeetingFilter {
	f := data.MeetingFilter{Query: strings.TrimSpace(m.query.Text), IncludeWrong: m.wrong.Checked, Entity: m.entity}
	if s := m.status.Selected; s != "" && s != anyStatus {
		f.Statuses = []string{s}
	}
	f.From, _ = parseDate(m.from.Text)
	to, _ := parseDate(m.to.Text)
	f.To = endOfDay(m.to.Text, to)
	return f
}

func (m *Meetings) reload() {
	if m.table == nil {
		return
	}
	m.gen++
	m.rows, m.more, m.loading = nil, true, false
	m.loadMore()
}

// loadMore fetches the next page of meetings.
func (m *Meetings) loadMore() {
	if m.loading || !m.more {
		return
	}
	if m.entity < 0 {
		m.more = false
		m.afterLoad()
		return
	}
	m.loading = true
	gen := m.gen
	f := m.filter()
	f.Limit, f.Offset = meetingsPage, len(m.rows)
	async(m.wb, "Could not list the meetings", func(ctx context.Context, e Engine) ([]data.MeetingRow, error) {
		return e.Meetings(ctx, f)
	}, func(rows []data.MeetingRow) {
		if gen != m.gen {
			return
		}
		m.loading = false
		m.rows = append(m.rows, rows...)
		m.more = len(rows) == meetingsPage
		m.afterLoad()
	})
}

func (m *Meetings) afterLoad() {
	more := ""
	if m.more {
		more = "+ (scroll for more)"
	}
	m.count.SetText(fmt.Sprintf("%d%s meetings", len(m.rows), more))
	if !m.inUpdate {
		m.table.Refresh()
	}
	if m.sel >= len(m.rows) {
		m.sel = -1
		m.editor.Hide()
	} else if m.sel >= 0 {
		m.fillEditor()
	}
}

// Rows returns the meetings loaded so far.
func (m *Meetings) Rows() []data.MeetingRow { return m.rows }

func (m *Meetings) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(m.rows) {
		return
	}
	if id.Row >= len(m.rows)-20 && m.more {
		m.inUpdate = true
		m.loadMore()
		m.inUpdate = false
	}
	l.SetText(meetingCell(m.rows[id.Row], id.Col))
}

func participants(r data.MeetingRow) string {
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = p.Name
	}
	return strings.Join(names, " & ")
}

func meetingCell(r data.MeetingRow, col int) string {
	switch col {
	case 0:
		if r.Date != "" {
			return r.Date
		}
		return fmtDate(r.ArticleDate)
	case 1:
		return participants(r)
	case 2:
		return r.Kind
	case 3:
		return r.Status
	case 4:
		if r.Times == 0 {
			return "" // no count stated
		}
		return strconv.Itoa(r.Times)
	case 5:
		return r.Place
	case 6:
		return r.Attribution
	case 7:
		return r.Outlet
	case 8:
		return r.Title
	case 9:
		var f []string
		if r.Wrong {
			f = append(f, "wrong")
		}
		if r.Edited {
			f = append(f, "edited")
		}
		return strings.Join(f, ", ")
	}
	return ""
}

func (m *Meetings) selected() (data.MeetingRow, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return data.MeetingRow{}, false
	}
	return m.rows[m.sel], true
}

// Select opens row i in the editor.
func (m *Meetings) Select(i int) {
	m.sel = i
	m.fillEditor()
}

func (m *Meetings) fillEditor() {
	r, ok := m.selected()
	if !ok {
		m.editor.Hide()
		return
	}
	m.eTitle.SetText(fmt.Sprintf("%s — “%s” (%s, %s)", participants(r), r.Evidence, r.Outlet, r.Title))
	m.eKind.SetText(r.Kind)
	m.eStatus.SetSelected(r.Status)
	m.eTimes.SetText(strconv.Itoa(r.Times))
	m.eDate.SetText(r.Date)
	m.ePlace.SetText(r.Place)
	m.eAttr.SetText(r.Attribution)
	m.eWrong.SetChecked(r.Wrong)
	m.editor.Show()
}

// Edit is the change the editor's fields make to the selected meeting
// (only the fields that differ).
func (m *Meetings) Edit() (string, data.MeetingEdit, error) {
	r, ok := m.selected()
	if !ok {
		return "", data.MeetingEdit{}, fmt.Errorf("select a meeting first")
	}
	var ed data.MeetingEdit
	str := func(cur, val string, dst **string) {
		if val = strings.TrimSpace(val); val != cur {
			*dst = &val
		}
	}
	str(r.Kind, m.eKind.Text, &ed.Kind)
	str(r.Status, m.eStatus.Selected, &ed.Status)
	str(r.Date, m.eDate.Text, &ed.Date)
	str(r.Place, m.ePlace.Text, &ed.Place)
	str(r.Attribution, m.eAttr.Text, &ed.Attribution)
	n, err := strconv.Atoi(strings.TrimSpace(m.eTimes.Text))
	if err != nil || n < 0 {
		return "", ed, fmt.Errorf("“Times” must be a whole number, such as 1 or 4")
	}
	if n != r.Times {
		ed.Times = &n
	}
	if w := m.eWrong.Checked; w != r.Wrong {
		ed.Wrong = &w
	}
	return r.Key, ed, nil
}

func (m *Meetings) onSave() {
	key, ed, err := m.Edit()
	if err != nil {
		m.wb.showError("The meeting was not changed", err)
		return
	}
	m.wb.edit("Could not save the meeting", func(ctx context.Context, e Engine) error {
		return e.EditMeeting(ctx, key, ed)
	}, nil)
}

// MarkWrong marks the selected meeting wrong at once.
func (m *Meetings) MarkWrong() {
	r, ok := m.selected()
	if !ok {
		return
	}
	t := true
	m.wb.edit("Could not mark the meeting wrong", func(ctx context.Context, e Engine) error {
		return e.EditMeeting(ctx, r.Key, data.MeetingEdit{Wrong: &t})
	}, nil)
}
