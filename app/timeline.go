package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

// Timeline shows the focus entity's meetings over time, one lane per
// counterpart (the focus and the filters are Compare's).
type Timeline struct {
	wb *Workbench

	title  *widget.Label
	chart  *timelineChart
	list   *widget.List
	points []data.TimelinePoint
	gen    int
}

func newTimeline(wb *Workbench) *Timeline { return &Timeline{wb: wb} }

func (t *Timeline) buildUI() fyne.CanvasObject {
	t.title = widget.NewLabelWithStyle("Choose a focus entity in Compare to see its meetings over time.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.chart = newTimelineChart()
	t.list = widget.NewList(func() int { return len(t.points) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(pointText(t.points[i])) })
	t.list.OnSelected = func(i widget.ListItemID) {
		t.list.UnselectAll()
		p := t.points[i]
		for _, r := range t.wb.compare.Rows() {
			if r.Name == p.Counterpart {
				t.wb.compare.showEvidence(r, "", nil)
				t.wb.showTab(tabCompare)
				return
			}
		}
	}
	legend := widget.NewRichText(
		&widget.TextSegment{Text: "● held   ", Style: widget.RichTextStyle{Inline: true, ColorName: colorBar}},
		&widget.TextSegment{Text: "○ planned   ", Style: widget.RichTextStyle{Inline: true, ColorName: colorBarTick}},
		&widget.TextSegment{Text: "✕ denied", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError}},
	)
	split := container.NewVSplit(container.NewScroll(t.chart), t.list)
	split.Offset = 0.6
	return container.NewBorder(container.NewVBox(t.title, legend), nil, nil, nil, split)
}

func pointText(p data.TimelinePoint) string {
	s := fmt.Sprintf("%s   %s   %s", fmtDate(p.Date), p.Counterpart, p.Status)
	if p.Kind != "" {
		s += " · " + p.Kind
	}
	if p.Articles == 1 {
		return s + " · 1 article"
	}
	return s + fmt.Sprintf(" · %d articles", p.Articles)
}

func (t *Timeline) reload() {
	c := t.wb.compare
	if t.chart == nil || c == nil || c.focus.ID == 0 {
		return
	}
	t.gen++
	gen := t.gen
	q := c.Query()
	name := c.focus.Name
	async(t.wb, "Could not build the timeline", func(ctx context.Context, e Engine) ([]data.TimelinePoint, error) {
		return e.Timeline(ctx, q)
	}, func(ps []data.TimelinePoint) {
		if gen != t.gen {
			return
		}
		slices.SortStableFunc(ps, func(a, b data.TimelinePoint) int { return a.Date.Compare(b.Date) })
		t.points = ps
		t.title.SetText(fmt.Sprintf("%s: %d meetings over time", name, len(ps)))
		t.chart.set(ps)
		t.list.Refresh()
	})
}

// Points returns the timeline's points in date order.
func (t *Timeline) Points() []data.TimelinePoint { return t.points }

// timelineChart draws one lane per counterpart with a mark per meeting.
type timelineChart struct {
	widget.BaseWidget
	points []data.TimelinePoint
}

func newTimelineChart() *timelineChart {
	c := &timelineChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *timelineChart) set(ps []data.TimelinePoint) {
	c.points = ps
	c.Refresh()
}

func (c *timelineChart) lanes() []string {
	var names []string
	for _, p := range c.points {
		if !slices.Contains(names, p.Counterpart) {
			names = append(names, p.Counterpart)
		}
	}
	return names
}

func (c *timelineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{c: c}
	r.Refresh()
	return r
}

type timelineRenderer struct {
	c    *timelineChart
	objs []fyne.CanvasObject
}

const (
	laneH     = 34
	laneLabel = 220
	axisH     = 30
)

func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(laneLabel+400, float32(len(r.c.lanes()))*laneH+axisH+2*theme.Padding())
}
func (r *timelineRenderer) Layout(fyne.Size) { r.build() }
func (r *timelineRenderer) Refresh()         { r.build(); canvas.Refresh(r.c) }

// build recreates the drawing for the current size (a few hundred objects
// at most: one per meeting).
func (r *timelineRenderer) build() {
	s := r.c.Size()
	fg := theme.Color(theme.ColorNameForeground)
	r.objs = nil
	lanes := r.c.lanes()
	if len(lanes) == 0 {
		t := canvas.NewText("No meetings to show.", theme.Color(theme.ColorNamePlaceHolder))
		t.Move(fyne.NewPos(theme.Padding(), theme.Padding()))
		r.objs = append(r.objs, t)
		return
	}
	var lo, hi time.Time
	for _, p := range r.c.points {
		if p.Date.IsZero() {
			continue
		}
		if lo.IsZero() || p.Date.Before(lo) {
			lo = p.Date
		}
		if hi.IsZero() || p.Date.After(hi) {
			hi = p.Date
		}
	}
	lo, hi = lo.AddDate(0, 0, -15), hi.AddDate(0, 0, 15)
	x0, x1 := float32(laneLabel), max(s.Width-2*theme.Padding(), laneLabel+100)
	xOf := func(t time.Time) float32 {
		span := hi.Sub(lo)
		if span <= 0 {
			return (x0 + x1) / 2
		}
		return x0 + (x1-x0)*float32(t.Sub(lo))/float32(span)
	}
	sep := theme.Color(theme.ColorNameSeparator)
	for i, name := range lanes {
		y := theme.Padding() + float32(i)*laneH
		t := canvas.NewText(truncRunes(name, 28), fg)
		t.Move(fyne.NewPos(theme.Padding(), y+(laneH-t.MinSize().Height)/2))
		line := canvas.NewLine(sep)
		line.Position1, line.Position2 = fyne.NewPos(x0, y+laneH/2), fyne.NewPos(x1, y+laneH/2)
		r.objs = append(r.objs, t, line)
	}
	// axis: month ticks (or years over long spans)
	yAxis := theme.Padding() + float32(len(lanes))*laneH
	step := 1
	if months := int(hi.Sub(lo).Hours() / 24 / 30); months > 24 {
		step = 12
	} else if months > 8 {
		step = 3
	}
	for m := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC); m.Before(hi); m = m.AddDate(0, step, 0) {
		if m.Before(lo) {
			continue
		}
		x := xOf(m)
		tick := canvas.NewLine(sep)
		tick.Position1, tick.Position2 = fyne.NewPos(x, theme.Padding()), fyne.NewPos(x, yAxis)
		lbl := canvas.NewText(m.Format("Jan 2006"), theme.Color(theme.ColorNamePlaceHolder))
		lbl.TextSize = theme.CaptionTextSize()
		lbl.Move(fyne.NewPos(x-lbl.MinSize().Width/2, yAxis+4))
		r.objs = append(r.objs, tick, lbl)
	}
	for _, p := range r.c.points {
		if p.Date.IsZero() {
			continue
		}
		lane := slices.Index(lanes, p.Counterpart)
		cx, cy := xOf(p.Date), theme.Padding()+float32(lane)*laneH+laneH/2
		rad := float32(6 + min(p.Articles, 6))
		var mark fyne.CanvasObject
		switch p.Status {
		case "planned":
			c := canvas.NewCircle(color.Transparent)
			c.StrokeColor, c.StrokeWidth = theme.Color(colorBarTick), 2
			mark = c
		case "denied":
			t := canvas.NewText("✕", theme.Color(theme.ColorNameError))
			t.TextStyle.Bold = true
			t.Move(fyne.NewPos(cx-t.MinSize().Width/2, cy-t.MinSize().Height/2))
			r.objs = append(r.objs, t)
			continue
		default:
			mark = canvas.NewCircle(theme.Color(colorBar))
		}
		mark.Move(fyne.NewPos(cx-rad, cy-rad))
		mark.Resize(fyne.NewSize(2*rad, 2*rad))
		r.objs = append(r.objs, mark)
	}
}

// truncRunes shortens s to n runes with an ellipsis.
func truncRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
