package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

// Reader shows one article: its text with entity mentions and meeting
// sentences highlighted, its editable metadata and its original path.
type Reader struct {
	wb *Workbench

	article   data.Article
	loaded    bool
	focusSpan [2]int // the sentence the analyst came from (-1 = none)

	heading                   *widget.Label
	title, outlet, date, lang *widget.Entry
	save                      *widget.Button
	path                      *widget.Label
	text                      *widget.RichText
	scroll                    *container.Scroll
	side                      *widget.Label
	body                      *fyne.Container
	placeholder               *widget.Label
}

func newReader(wb *Workbench) *Reader { return &Reader{wb: wb, focusSpan: [2]int{-1, -1}} }

func (r *Reader) buildUI() fyne.CanvasObject {
	r.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.heading.SizeName = theme.SizeNameSubHeadingText
	r.heading.Wrapping = fyne.TextWrapWord
	r.title, r.outlet, r.date, r.lang = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	r.date.SetPlaceHolder("YYYY-MM-DD")
	r.date.Validator = func(s string) error { _, err := parseDate(s); return err }
	r.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), r.onSave)
	r.path = widget.NewLabel("")
	r.path.Truncation = fyne.TextTruncateEllipsis
	copyPath := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		r.wb.app.Clipboard().SetContent(r.article.Path)
	})
	fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	meta := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("Outlet"), fixed(200, r.outlet), widget.NewLabel("Date"), fixed(140, r.date),
			widget.NewLabel("Language"), fixed(70, r.lang), r.save),
		labeled("Title", r.title))
	pathRow := container.NewBorder(nil, nil, widget.NewLabel("Original file:"), copyPath, r.path)
	legend := widget.NewRichText(
		&widget.TextSegment{Text: "Entity mention", Style: widget.RichTextStyle{Inline: true, ColorName: colorMention, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "   ·   ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: "Meeting sentence", Style: widget.RichTextStyle{Inline: true, ColorName: colorMeeting}},
		&widget.TextSegment{Text: "   ·   ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: "The sentence you came from", Style: widget.RichTextStyle{Inline: true, ColorName: colorMeeting, TextStyle: fyne.TextStyle{Bold: true, Italic: true}}},
	)
	r.text = widget.NewRichText()
	r.text.Wrapping = fyne.TextWrapWord
	r.scroll = container.NewVScroll(r.text)
	r.side = widget.NewLabel("")
	r.side.Wrapping = fyne.TextWrapWord
	sideBox := container.NewBorder(widget.NewLabelWithStyle("In this article", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewVScroll(r.side))
	split := container.NewHSplit(r.scroll, sideBox)
	split.Offset = 0.72
	r.body = container.NewBorder(container.NewVBox(r.heading, meta, pathRow, legend, widget.NewSeparator()), nil, nil, nil, split)
	r.body.Hide()
	r.placeholder = widget.NewLabelWithStyle("Open an article from the Library, or from any evidence sentence.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	return container.NewStack(container.NewCenter(r.placeholder), r.body)
}

func labeled(name string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(name), nil, o)
}

// Open loads an article; start and end (byte offsets, -1 for none) mark the
// sentence the analyst came from.
func (r *Reader) Open(id int64, start, end int) {
	r.focusSpan = [2]int{start, end}
	async(r.wb, "Could not open the article", func(ctx context.Context, e Engine) (data.Article, error) {
		return e.Article(ctx, id)
	}, r.show)
}

func (r *Reader) reload() {
	if r.loaded {
		r.Open(r.article.ID, r.focusSpan[0], r.focusSpan[1])
	}
}

func (r *Reader) show(a data.Article) {
	r.article, r.loaded = a, true
	r.placeholder.Hide()
	r.body.Show()
	r.heading.SetText(articleCell(a.ArticleRow, 0))
	r.title.SetText(a.Title)
	r.outlet.SetText(a.Outlet)
	if a.Date.IsZero() {
		r.date.SetText("")
	} else {
		r.date.SetText(a.Date.Format("2006-01-02"))
	}
	r.lang.SetText(a.Language)
	r.path.SetText(a.Path)

	var mentions, meetings [][2]int
	for _, m := range a.Mentions {
		mentions = append(mentions, [2]int{m.Start, m.End})
	}
	for _, m := range a.Meetings {
		meetings = append(meetings, [2]int{m.Start, m.End})
	}
	var focus *[2]int
	if r.focusSpan[0] >= 0 && r.focusSpan[1] > r.focusSpan[0] {
		focus = &r.focusSpan
	}
	r.text.Segments = readerSegments(a.Text, mentions, meetings, focus)
	r.text.Refresh()
	r.side.SetText(articleSummary(a))
	if focus != nil && len(a.Text) > 0 {
		// scroll near the sentence the analyst came from
		h := r.text.MinSize().Height
		r.scroll.Offset = fyne.NewPos(0, max(0, h*float32(focus[0])/float32(len(a.Text))-80))
		r.scroll.Refresh()
	} else {
		r.scroll.ScrollToTop()
	}
}

func articleSummary(a data.Article) string {
	var b strings.Builder
	if len(a.Meetings) > 0 {
		fmt.Fprintf(&b, "Meetings (%d)\n", len(a.Meetings))
		for _, m := range a.Meetings {
			var names []string
			for _, p := range m.Participants {
				names = append(names, p.Name)
			}
			fmt.Fprintf(&b, "• %s — %s", strings.Join(names, " & "), m.Status)
			if m.Times > 1 {
				fmt.Fprintf(&b, ", %d times", m.Times)
			}
			if m.Place != "" {
				fmt.Fprintf(&b, ", in %s", m.Place)
			}
			if m.Date != "" {
				fmt.Fprintf(&b, ", %s", m.Date)
			}
			if m.Wrong {
				b.WriteString(" (marked wrong)")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	counts := map[string]int{}
	for _, m := range a.Mentions {
		counts[m.Entity]++
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	fmt.Fprintf(&b, "Entities (%d)\n", len(names))
	for _, n := range names {
		fmt.Fprintf(&b, "• %s ×%d\n", n, counts[n])
	}
	fmt.Fprintf(&b, "\nFormat: %s, encoding: %s", a.Format, a.Encoding)
	if a.Dateline != "" {
		fmt.Fprintf(&b, "\nDateline: %s", a.Dateline)
	}
	return b.String()
}

func (r *Reader) onSave() {
	if !r.loaded {
		return
	}
	d, err := parseDate(r.date.Text)
	if err != nil {
		r.wb.showError("The date is not valid", err)
		return
	}
	id := r.article.ID
	meta := data.ArticleMeta{Title: strings.TrimSpace(r.title.Text), Outlet: strings.TrimSpace(r.outlet.Text),
		Language: strings.TrimSpace(r.lang.Text), Date: d}
	r.wb.edit("Could not save the article's details", func(ctx context.Context, e Engine) error {
		return e.UpdateArticle(ctx, id, meta)
	}, nil)
}

// ---- highlighting -----------------------------------------------------------

// clampSpan keeps a byte span inside text and on rune boundaries.
func clampSpan(text string, s [2]int) [2]int {
	a, b := max(0, min(s[0], len(text))), max(0, min(s[1], len(text)))
	for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return [2]int{a, max(a, b)}
}

// readerSegments cuts text into RichText segments: mentions in bold accent,
// meeting sentences in the meeting colour, the focus sentence also bold
// italic. Offsets are bytes.
func readerSegments(text string, mentions, meetings [][2]int, focus *[2]int) []widget.RichTextSegment {
	cuts := map[int]bool{0: true, len(text): true}
	clampAll := func(spans [][2]int) [][2]int {
		out := make([][2]int, 0, len(spans))
		for _, s := range spans {
			s = clampSpan(text, s)
			if s[1] > s[0] {
				out = append(out, s)
				cuts[s[0]], cuts[s[1]] = true, true
			}
		}
		return out
	}
	mentions, meetings = clampAll(mentions), clampAll(meetings)
	var fs [2]int
	if focus != nil {
		fs = clampSpan(text, *focus)
		cuts[fs[0]], cuts[fs[1]] = true, true
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	// coverage per piece [points[i], points[i+1]) by a sweep over the cuts
	cover := func(spans [][2]int) []int {
		d := make([]int, len(points)+1)
		for _, s := range spans {
			d[sort.SearchInts(points, s[0])]++
			d[sort.SearchInts(points, s[1])]--
		}
		for i := 1; i < len(d); i++ {
			d[i] += d[i-1]
		}
		return d
	}
	inMention, inMeeting := cover(mentions), cover(meetings)
	var segs []widget.RichTextSegment
	for i := 0; i+1 < len(points); i++ {
		a, b := points[i], points[i+1]
		st := widget.RichTextStyle{Inline: true}
		if inMeeting[i] > 0 {
			st.ColorName = colorMeeting
		}
		if focus != nil && a >= fs[0] && b <= fs[1] {
			st.ColorName = colorMeeting
			st.TextStyle = fyne.TextStyle{Bold: true, Italic: true}
		}
		if inMention[i] > 0 {
			st.ColorName = colorMention
			st.TextStyle.Bold = true
		}
		// merge with the previous segment when the style is the same
		if n := len(segs); n > 0 {
			if prev := segs[n-1].(*widget.TextSegment); prev.Style == st {
				prev.Text += text[a:b]
				continue
			}
		}
		segs = append(segs, &widget.TextSegment{Text: text[a:b], Style: st})
	}
	return segs
}

// highlightSegments highlights name spans (byte offsets) in a sentence.
func highlightSegments(text string, spans [][2]int) []widget.RichTextSegment {
	return readerSegments(text, spans, nil, nil)
}
