package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one row of a BarChart.
type Bar struct {
	Label  string
	Value  float64
	Text   string // shown after the bar; defaults to the value
	Ticked bool   // drawn in the accent colour
}

// BarChart is a horizontal bar chart drawn with canvas rectangles and
// texts: "Shoigu ████ 4 / Li █ 1". It renders the same in the window and
// in a software canvas (PNG export).
type BarChart struct {
	widget.BaseWidget
	Title string
	Bars  []Bar
	// OnTapped is called with the index of a bar the analyst clicks.
	OnTapped func(i int)
}

// NewBarChart returns a chart with the given title and bars.
func NewBarChart(title string, bars []Bar) *BarChart {
	c := &BarChart{Title: title, Bars: bars}
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces the title and bars.
func (c *BarChart) Set(title string, bars []Bar) {
	c.Title, c.Bars = title, bars
	c.Refresh()
}

const (
	barRowHeight = 26
	barLabelMax  = 240
	barValueW    = 64
)

// Tapped finds the bar under the pointer.
func (c *BarChart) Tapped(e *fyne.PointEvent) {
	if c.OnTapped == nil {
		return
	}
	i := int((e.Position.Y - barRowHeight - theme.Padding()) / barRowHeight)
	if i >= 0 && i < len(c.Bars) {
		c.OnTapped(i)
	}
}

func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c, title: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	r.title.TextStyle.Bold = true
	r.Refresh()
	return r
}

type barRenderer struct {
	c      *BarChart
	title  *canvas.Text
	labels []*canvas.Text
	bars   []*canvas.Rectangle
	values []*canvas.Text
	empty  *canvas.Text
}

func (r *barRenderer) Destroy() {}

func (r *barRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.title}
	for i := range r.bars {
		objs = append(objs, r.labels[i], r.bars[i], r.values[i])
	}
	if r.empty != nil {
		objs = append(objs, r.empty)
	}
	return objs
}

func (r *barRenderer) labelWidth() float32 {
	w := float32(60)
	for _, l := range r.labels {
		w = max(w, l.MinSize().Width)
	}
	return min(w, barLabelMax)
}

func (r *barRenderer) MinSize() fyne.Size {
	h := float32(barRowHeight)*float32(len(r.c.Bars)+1) + 2*theme.Padding()
	if len(r.c.Bars) == 0 {
		h += barRowHeight
	}
	return fyne.NewSize(r.labelWidth()+barValueW+160, h)
}

func (r *barRenderer) Layout(s fyne.Size) {
	p := theme.Padding()
	r.title.Move(fyne.NewPos(p, p))
	if r.empty != nil {
		r.empty.Move(fyne.NewPos(p, p+barRowHeight))
	}
	lw := r.labelWidth()
	maxV := 0.0
	for _, b := range r.c.Bars {
		maxV = max(maxV, b.Value)
	}
	span := max(0, s.Width-lw-barValueW-4*p) // never negative: the software painter rejects negative sizes
	for i, b := range r.c.Bars {
		y := p + float32(i+1)*barRowHeight
		th := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(p, y+(barRowHeight-th)/2))
		r.labels[i].Resize(fyne.NewSize(lw, th))
		w := float32(0)
		if maxV > 0 {
			w = span * float32(b.Value/maxV)
		}
		if b.Value > 0 && w < 2 {
			w = 2
		}
		r.bars[i].Move(fyne.NewPos(lw+2*p, y+4))
		r.bars[i].Resize(fyne.NewSize(w, barRowHeight-8))
		r.values[i].Move(fyne.NewPos(lw+3*p+w, y+(barRowHeight-th)/2))
	}
}

func (r *barRenderer) Refresh() {
	fg := theme.Color(theme.ColorNameForeground)
	r.title.Text = r.c.Title
	r.title.Color = fg
	n := len(r.c.Bars)
	for len(r.bars) < n {
		r.labels = append(r.labels, canvas.NewText("", fg))
		r.bars = append(r.bars, canvas.NewRectangle(color.Transparent))
		r.values = append(r.values, canvas.NewText("", fg))
	}
	r.labels, r.bars, r.values = r.labels[:n], r.bars[:n], r.values[:n]
	for i, b := range r.c.Bars {
		r.labels[i].Text = b.Label
		r.labels[i].Color = fg
		r.labels[i].Alignment = fyne.TextAlignTrailing
		r.bars[i].FillColor = theme.Color(colorBar)
		if b.Ticked {
			r.bars[i].FillColor = theme.Color(colorBarTick)
		}
		r.bars[i].CornerRadius = 2
		txt := b.Text
		if txt == "" {
			txt = fmt.Sprint(b.Value)
		}
		r.values[i].Text = txt
		r.values[i].Color = fg
		r.values[i].TextStyle.Bold = true
	}
	r.empty = nil
	if n == 0 {
		r.empty = canvas.NewText("Nothing to chart yet: choose a focus entity.", theme.Color(theme.ColorNamePlaceHolder))
	}
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}
