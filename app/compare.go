package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

// Columns of the counterparts table.
const (
	ccTick = iota
	ccName
	ccReported
	ccDistinct
	ccPlanned
	ccDenied
	ccArticles
	ccMentions
	ccOutlets
	ccFirst
	ccLast
	ccCount
)

var compareCols = [ccCount]struct {
	title    string
	width    float32
	evidence string // EvidenceQuery.Column for a click on this column
}{
	{"", 40, ""}, {"Counterpart", 190, ""}, {"Reported", 92, "reported"}, {"Distinct", 78, "distinct"},
	{"Planned", 78, "planned"}, {"Denied", 72, "denied"}, {"Articles", 74, "articles"}, {"Mentions", 86, "mentions"},
	{"Outlets", 72, "articles"}, {"First", 100, ""}, {"Last", 100, ""},
}

// chartable columns, in the order of the chart's column picker
var chartCols = []int{ccReported, ccDistinct, ccPlanned, ccDenied, ccArticles, ccMentions, ccOutlets}

// Compare is the heart of the workbench: a focus entity, its counterparts
// side by side, a chart, a by-outlet matrix and the evidence behind every
// number.
type Compare struct {
	wb *Workbench

	picker    *widget.Entry
	matches   []data.EntityMatch
	matchList *widget.List
	findGen   int
	focus     data.EntityRow
	focusLbl  *widget.Label

	from, to       *widget.Entry
	outlets, langs *widget.CheckGroup

	comp     data.Comparison
	rows     []data.Counterpart
	sortCol  int
	sortDesc bool
	ticked   map[int64]bool
	gen      int

	header   *widget.Label
	table    *widget.Table
	chartCol *widget.Select
	chart    *BarChart
	side     *fyne.Container
	matrix   *widget.Table
	evTitle  *widget.Label
	evBox    *fyne.Container
	evScroll *container.Scroll
	evidence []data.Evidence
	lower    *container.AppTabs
}

func newCompare(wb *Workbench) *Compare {
	return &Compare{wb: wb, ticked: map[int64]bool{}, sortCol: ccReported, sortDesc: true}
}

func (c *Compare) buildUI() fyne.CanvasObject {
	c.picker = widget.NewEntry()
	c.picker.SetPlaceHolder("Find (Ctrl+K): shoi, 김정, Ким…")
	c.picker.OnChanged = c.onFind
	c.picker.OnSubmitted = func(string) {
		if len(c.matches) > 0 {
			c.onChoose(0)
		}
	}
	c.matchList = widget.NewList(func() int { return len(c.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(matchText(c.matches[i])) })
	c.matchList.OnSelected = func(i widget.ListItemID) {
		c.matchList.UnselectAll()
		c.onChoose(i)
	}
	c.focusLbl = widget.NewLabelWithStyle("No focus yet", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.focusLbl.Wrapping = fyne.TextWrapWord

	c.from = dateEntry("From", c.run)
	c.to = dateEntry("To", c.run)
	c.outlets = widget.NewCheckGroup(nil, func([]string) { c.run() })
	c.langs = widget.NewCheckGroup(nil, func([]string) { c.run() })
	// fixed-size scrolling boxes: a long outlet name or nine languages must
	// not widen the sidebar
	box := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(230, 170), container.NewScroll(o))
	}
	filters := widget.NewAccordion(
		widget.NewAccordionItem("Dates (YYYY-MM-DD)", container.NewGridWithColumns(2, c.from, c.to)),
		widget.NewAccordionItem("Outlets", box(c.outlets)),
		widget.NewAccordionItem("Languages", box(c.langs)),
	)
	filters.MultiOpen = true
	filters.Open(0)
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Focus", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.picker),
		container.NewVBox(widget.NewSeparator(), c.focusLbl, widget.NewSeparator(), filters),
		nil, nil, c.matchList)

	c.header = widget.NewLabel("Choose a focus entity to see whom it met.")
	c.header.Wrapping = fyne.TextWrapWord
	c.table = widget.NewTableWithHeaders(func() (int, int) { return len(c.rows), ccCount }, c.createCell, c.updateCell)
	c.table.ShowHeaderColumn = false
	c.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	c.table.UpdateHeader = c.updateHeader
	for i, col := range compareCols {
		c.table.SetColumnWidth(i, col.width)
	}
	c.table.OnSelected = c.onCell

	names := make([]string, len(chartCols))
	for i, col := range chartCols {
		names[i] = compareCols[col].title
	}
	c.chart = NewBarChart("", nil)
	c.chart.OnTapped = func(i int) {
		if i < len(c.rows) {
			c.showEvidence(c.rows[i], c.chartColumn(), nil)
		}
	}
	c.chartCol = widget.NewSelect(names, func(string) { c.refreshChart() })
	c.chartCol.SetSelected(names[0])
	chartPane := container.NewBorder(container.NewHBox(widget.NewLabel("Chart of"), c.chartCol), nil, nil, nil,
		container.NewVScroll(c.chart))

	c.side = container.NewVBox(widget.NewLabel("Tick two or more counterparts in the table to compare them here, column by column."))
	c.matrix = widget.NewTableWithHeaders(c.matrixSize, func() fyne.CanvasObject { return widget.NewLabel("") }, c.updateMatrix)
	c.matrix.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	c.matrix.UpdateHeader = c.updateMatrixHeader
	c.matrix.OnSelected = c.onMatrixCell
	c.matrix.SetColumnWidth(-1, 190)

	c.evTitle = widget.NewLabelWithStyle("Click any number to see the sentences behind it.", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	c.evTitle.Wrapping = fyne.TextWrapWord
	c.evBox = container.NewVBox()
	c.evScroll = container.NewVScroll(c.evBox)

	c.lower = container.NewAppTabs(
		container.NewTabItemWithIcon("Chart", theme.GridIcon(), chartPane),
		container.NewTabItem("Side by side", container.NewScroll(c.side)),
		container.NewTabItem("By outlet", container.NewBorder(widget.NewLabel("Reported (distinct) meetings per outlet; click a cell for its evidence."), nil, nil, nil, c.matrix)),
		container.NewTabItemWithIcon("Evidence", theme.SearchIcon(), container.NewBorder(c.evTitle, nil, nil, nil, c.evScroll)),
	)
	right := container.NewVSplit(container.NewBorder(c.header, nil, nil, nil, c.table), c.lower)
	right.Offset = 0.45
	split := container.NewHSplit(left, right)
	split.Offset = 0.22
	return split
}

func matchText(m data.EntityMatch) string {
	s := m.Name
	if m.Alias != "" && m.Alias != m.Name {
		s += "  ·  " + m.Alias
	}
	if m.Kind != "" {
		s += "  (" + m.Kind + ")"
	}
	return s
}

func (c *Compare) onFind(q string) {
	c.findGen++
	gen := c.findGen
	q = strings.TrimSpace(q)
	if q == "" {
		c.showQuickPicks()
		return
	}
	async(c.wb, "Could not search the entities", func(ctx context.Context, e Engine) ([]data.EntityMatch, error) {
		return e.FindEntities(ctx, q, 30)
	}, func(ms []data.EntityMatch) {
		if gen != c.findGen {
			return
		}
		c.matches = ms
		c.matchList.Refresh()
	})
}

func (c *Compare) onChoose(i int) {
	if i < 0 || i >= len(c.matches) {
		return
	}
	c.SetFocus(c.matches[i].EntityRow)
}

// SetFocus makes e the focus and recomputes the comparison.
func (c *Compare) SetFocus(e data.EntityRow) {
	c.focus = e
	c.ticked = map[int64]bool{}
	c.focusLbl.SetText(focusText(e))
	c.run()
	c.wb.refresh(c.wb.timeline)
}

func focusText(e data.EntityRow) string {
	s := e.Name
	if e.Kind != "" {
		s += " (" + e.Kind + ")"
	}
	if len(e.Aliases) > 0 {
		al := e.Aliases
		if len(al) > 8 {
			al = append(slices.Clone(al[:8]), "…")
		}
		s += "\nalso: " + strings.Join(al, ", ")
	}
	return s
}

// showQuickPicks lists the entities with the most meetings while the
// picker is empty.
func (c *Compare) showQuickPicks() {
	gen := c.findGen
	async(c.wb, "Could not list the entities", func(ctx context.Context, e Engine) ([]data.EntityRow, error) {
		return e.Entities(ctx, "", 500)
	}, func(es []data.EntityRow) {
		if gen != c.findGen {
			return
		}
		slices.SortStableFunc(es, func(a, b data.EntityRow) int { return cmp.Compare(b.Meetings, a.Meetings) })
		c.matches = c.matches[:0]
		for _, e := range es {
			if e.Meetings == 0 || len(c.matches) == 30 {
				break
			}
			c.matches = append(c.matches, data.EntityMatch{EntityRow: e, Alias: fmt.Sprintf("%d meetings", e.Meetings)})
		}
		c.matchList.Refresh()
	})
}

// pickDefaultFocus chooses the entity with the most meetings when no focus
// is set, so that a new session opens on a filled-in comparison.
func (c *Compare) pickDefaultFocus() {
	if c.focus.ID != 0 {
		return
	}
	async(c.wb, "Could not list the entities", func(ctx context.Context, e Engine) ([]data.EntityRow, error) {
		return e.Entities(ctx, "", 500)
	}, func(es []data.EntityRow) {
		if c.focus.ID != 0 || len(es) == 0 {
			return
		}
		best := es[0]
		for _, e := range es[1:] {
			if e.Meetings > best.Meetings {
				best = e
			}
		}
		if best.Meetings > 0 {
			c.SetFocus(best)
		}
	})
}

// Query is the comparison question built from the focus and the filters.
func (c *Compare) Query() data.CompareQuery {
	q := data.CompareQuery{Focus: c.focus.Name, FocusID: c.focus.ID}
	q.From, _ = parseDate(c.from.Text)
	to, _ := parseDate(c.to.Text)
	q.To = endOfDay(c.to.Text, to)
	q.Outlets = slices.Clone(c.outlets.Selected)
	q.Languages = slices.Clone(c.langs.Selected)
	return q
}

func (c *Compare) reload() {
	if strings.TrimSpace(c.picker.Text) == "" {
		c.showQuickPicks()
	}
	async(c.wb, "Could not list outlets and languages", func(ctx context.Context, e Engine) ([2][]string, error) {
		o, err := e.Outlets(ctx)
		if err != nil {
			return [2][]string{}, err
		}
		g, err := e.Languages(ctx)
		return [2][]string{o, g}, err
	}, func(v [2][]string) {
		c.outlets.Options, c.langs.Options = v[0], v[1]
		c.outlets.Refresh()
		c.langs.Refresh()
	})
	if c.focus.ID != 0 {
		// the focus may have been renamed or merged away
		id := c.focus.ID
		async(c.wb, "Could not read the focus entity", func(ctx context.Context, e Engine) (data.EntityRow, error) {
			return e.Entity(ctx, id)
		}, func(r data.EntityRow) {
			c.focus = r
			c.focusLbl.SetText(focusText(r))
			c.run()
		})
	}
}

// run recomputes the comparison in the background.
func (c *Compare) run() {
	if c.table == nil || c.focus.ID == 0 && c.focus.Name == "" {
		return
	}
	c.gen++
	gen := c.gen
	q := c.Query()
	c.header.SetText("Comparing…")
	async(c.wb, "Could not compare the counterparts", func(ctx context.Context, e Engine) (data.Comparison, error) {
		return e.Compare(ctx, q)
	}, func(comp data.Comparison) {
		if gen != c.gen {
			return
		}
		c.setComparison(comp)
	})
}

func (c *Compare) setComparison(comp data.Comparison) {
	c.comp = comp
	c.rows = slices.Clone(comp.Counterparts)
	c.sortRows()
	c.header.SetText(fmt.Sprintf("%s met %d counterparts. Click a number for its evidence; tick two or more to compare them side by side.",
		comp.Focus.Name, len(c.rows)))
	c.table.Refresh()
	c.refreshChart()
	c.refreshSide()
	for i := range c.rows {
		c.matrix.SetColumnWidth(i, 140)
	}
	c.matrix.Refresh()
}

// Rows returns the counterparts in table order.
func (c *Compare) Rows() []data.Counterpart { return c.rows }

// SortBy sorts the table by a column; sorting again by the same column
// reverses the order.
func (c *Compare) SortBy(col int) {
	if col == ccTick {
		return
	}
	if c.sortCol == col {
		c.sortDesc = !c.sortDesc
	} else {
		c.sortCol = col
		c.sortDesc = col != ccName
	}
	c.sortRows()
	c.table.Refresh()
	c.refreshChart()
	c.refreshSide()
	c.matrix.Refresh()
}

func (c *Compare) sortRows() {
	col, desc := c.sortCol, c.sortDesc
	slices.SortStableFunc(c.rows, func(a, b data.Counterpart) int {
		r := compareBy(col, a, b)
		if desc {
			r = -r
		}
		if r == 0 {
			r = strings.Compare(a.Name, b.Name)
		}
		return r
	})
}

func compareBy(col int, a, b data.Counterpart) int {
	switch col {
	case ccName:
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	case ccFirst:
		return a.First.Compare(b.First)
	case ccLast:
		return a.Last.Compare(b.Last)
	}
	return cmp.Compare(colValue(col, a), colValue(col, b))
}

// colValue is the number a column shows for a counterpart.
func colValue(col int, r data.Counterpart) int {
	switch col {
	case ccReported:
		return r.Reported
	case ccDistinct:
		return r.Distinct
	case ccPlanned:
		return r.Planned
	case ccDenied:
		return r.Denied
	case ccArticles:
		return r.Articles
	case ccMentions:
		return r.Mentions
	case ccOutlets:
		return r.Outlets
	}
	return 0
}

// cellText is what the table shows in a cell.
func cellText(col int, r data.Counterpart) string {
	switch col {
	case ccName:
		return r.Name
	case ccFirst:
		return fmtDate(r.First)
	case ccLast:
		return fmtDate(r.Last)
	case ccTick:
		return ""
	case ccReported:
		if !r.Explicit && r.Reported > 0 {
			return strconv.Itoa(r.Reported) + " ~"
		}
	}
	return strconv.Itoa(colValue(col, r))
}

func (c *Compare) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	ch := widget.NewCheck("", nil)
	return container.NewStack(l, ch)
}

func (c *Compare) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	l, ch := st.Objects[0].(*widget.Label), st.Objects[1].(*widget.Check)
	if id.Row >= len(c.rows) {
		return
	}
	r := c.rows[id.Row]
	if id.Col == ccTick {
		l.Hide()
		ch.Show()
		ch.OnChanged = nil
		ch.SetChecked(c.ticked[r.EntityID])
		ch.OnChanged = func(on bool) { c.Tick(r.EntityID, on) }
		return
	}
	ch.Hide()
	l.Show()
	l.TextStyle.Bold = id.Col == ccReported
	if id.Col >= ccReported && id.Col <= ccOutlets {
		l.Alignment = fyne.TextAlignTrailing
	} else {
		l.Alignment = fyne.TextAlignLeading
	}
	l.SetText(cellText(id.Col, r))
}

func (c *Compare) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	t := compareCols[id.Col].title
	if id.Col == ccTick {
		t = "✓"
	}
	if id.Col == c.sortCol {
		if c.sortDesc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	b.SetText(t)
	col := id.Col
	b.OnTapped = func() { c.SortBy(col) }
}

// Tick marks a counterpart for the side-by-side comparison.
func (c *Compare) Tick(id int64, on bool) {
	if on {
		c.ticked[id] = true
	} else {
		delete(c.ticked, id)
	}
	c.refreshSide()
	c.refreshChart()
	if on && len(c.ticked) >= 2 {
		c.lower.SelectIndex(1)
	}
}

func (c *Compare) onCell(id widget.TableCellID) {
	c.table.UnselectAll()
	if id.Row < 0 || id.Row >= len(c.rows) {
		return
	}
	r := c.rows[id.Row]
	if id.Col == ccTick {
		c.Tick(r.EntityID, !c.ticked[r.EntityID])
		c.table.RefreshItem(id)
		return
	}
	c.showEvidence(r, compareCols[id.Col].evidence, nil)
}

func (c *Compare) chartColumn() string {
	return compareCols[c.chartColIndex()].evidence
}

func (c *Compare) chartColIndex() int {
	for _, col := range chartCols {
		if compareCols[col].title == c.chartCol.Selected {
			return col
		}
	}
	return ccReported
}

// Bars returns the chart's bars for the chosen column, in table order.
func (c *Compare) Bars() (string, []Bar) {
	col := c.chartColIndex()
	bars := make([]Bar, len(c.rows))
	for i, r := range c.rows {
		v := colValue(col, r)
		bars[i] = Bar{Label: r.Name, Value: float64(v), Text: strconv.Itoa(v), Ticked: c.ticked[r.EntityID]}
	}
	title := compareCols[col].title
	if c.comp.Focus.Name != "" {
		title = fmt.Sprintf("%s: %s meetings per counterpart", c.comp.Focus.Name, strings.ToLower(title))
		if col == ccArticles || col == ccMentions || col == ccOutlets {
			title = fmt.Sprintf("%s: %s per counterpart", c.comp.Focus.Name, strings.ToLower(compareCols[col].title))
		}
	}
	return title, bars
}

func (c *Compare) refreshChart() {
	if c.chart == nil {
		return
	}
	c.chart.Set(c.Bars())
}

// refreshSide rebuilds the side-by-side columns of the ticked counterparts.
func (c *Compare) refreshSide() {
	var picked []data.Counterpart
	for _, r := range c.rows {
		if c.ticked[r.EntityID] {
			picked = append(picked, r)
		}
	}
	if len(picked) < 2 {
		c.side.Objects = []fyne.CanvasObject{widget.NewLabel("Tick two or more counterparts in the table to compare them here, column by column.")}
		c.side.Refresh()
		return
	}
	grid := container.NewGridWithColumns(len(picked) + 1)
	grid.Add(widget.NewLabelWithStyle(c.comp.Focus.Name+" with…", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	for _, p := range picked {
		l := widget.NewLabelWithStyle(p.Name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		grid.Add(l)
	}
	for col := ccReported; col < ccCount; col++ {
		grid.Add(widget.NewLabel(compareCols[col].title))
		for _, p := range picked {
			if col == ccFirst || col == ccLast {
				grid.Add(widget.NewLabelWithStyle(cellText(col, p), fyne.TextAlignCenter, fyne.TextStyle{}))
				continue
			}
			p, ev := p, compareCols[col].evidence
			b := widget.NewButton(cellText(col, p), func() { c.showEvidence(p, ev, nil) })
			b.Importance = widget.LowImportance
			grid.Add(b)
		}
	}
	c.side.Objects = []fyne.CanvasObject{grid}
	c.side.Refresh()
}

// ---- by-outlet matrix ----------------------------------------------------

func (c *Compare) matrixSize() (int, int) { return len(c.comp.Outlets), len(c.rows) }

func (c *Compare) outletCell(outlet, name string) (data.OutletCell, bool) {
	for _, oc := range c.comp.ByOutlet {
		if oc.Outlet == outlet && oc.Counterpart == name {
			return oc, true
		}
	}
	return data.OutletCell{}, false
}

func (c *Compare) updateMatrix(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(c.comp.Outlets) || id.Col >= len(c.rows) {
		return
	}
	if oc, ok := c.outletCell(c.comp.Outlets[id.Row], c.rows[id.Col].Name); ok {
		l.SetText(fmt.Sprintf("%d (%d)", oc.Reported, oc.Distinct))
	} else {
		l.SetText("·")
	}
}

func (c *Compare) updateMatrixHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(c.rows):
		l.SetText(c.rows[id.Col].Name)
	case id.Col < 0 && id.Row >= 0 && id.Row < len(c.comp.Outlets):
		l.SetText(c.comp.Outlets[id.Row])
	default:
		l.SetText("")
	}
}

func (c *Compare) onMatrixCell(id widget.TableCellID) {
	c.matrix.UnselectAll()
	if id.Row < 0 || id.Row >= len(c.comp.Outlets) || id.Col < 0 || id.Col >= len(c.rows) {
		return
	}
	c.showEvidence(c.rows[id.Col], "reported", []string{c.comp.Outlets[id.Row]})
}

// ---- evidence --------------------------------------------------------------

// showEvidence lists the sentences behind one number.
func (c *Compare) showEvidence(r data.Counterpart, column string, outlets []string) {
	q := data.EvidenceQuery{Focus: c.comp.Focus.ID, Counterpart: r.EntityID, Column: column, Filter: c.Query()}
	if outlets != nil {
		q.Filter.Outlets = outlets
	}
	what := column
	if what == "" {
		what = "all meeting"
	}
	title := fmt.Sprintf("%s and %s: %s evidence", c.comp.Focus.Name, r.Name, what)
	if outlets != nil {
		title += " in " + strings.Join(outlets, ", ")
	}
	c.evTitle.SetText(title + " (loading…)")
	c.lower.SelectIndex(3)
	async(c.wb, "Could not load the evidence", func(ctx context.Context, e Engine) ([]data.Evidence, error) {
		return e.Evidence(ctx, q)
	}, func(ev []data.Evidence) {
		c.evidence = ev
		c.evTitle.SetText(fmt.Sprintf("%s — %d sentences", title, len(ev)))
		c.evBox.Objects = nil
		for _, e := range ev {
			c.evBox.Add(c.evidenceCard(e))
		}
		c.evBox.Refresh()
		c.evScroll.ScrollToTop()
	})
}

func (c *Compare) evidenceCard(e data.Evidence) fyne.CanvasObject {
	meta := e.Outlet
	if !e.Date.IsZero() {
		meta += ", " + e.Date.Format("2 Jan 2006")
	}
	if e.Status != "" {
		meta += " · " + e.Status
	}
	if e.Times > 1 {
		meta += fmt.Sprintf(" · %d times", e.Times)
	}
	head := widget.NewLabelWithStyle(e.Title+" — "+meta, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	head.Truncation = fyne.TextTruncateEllipsis
	sentence := widget.NewRichText(highlightSegments(e.Sentence, e.Highlights)...)
	sentence.Wrapping = fyne.TextWrapWord
	id, start, end := e.ArticleID, e.Start, e.End
	open := widget.NewButtonWithIcon("Open", theme.DocumentIcon(), func() { c.wb.openArticle(id, start, end) })
	open.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, nil, open, head), sentence, widget.NewSeparator())
}

// Evidence returns the sentences shown in the evidence panel.
func (c *Compare) Evidence() []data.Evidence { return c.evidence }
