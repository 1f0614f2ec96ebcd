package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"image/png"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"

	"parley/data"
)

// ExportRow is one counterpart in an exported comparison.
type ExportRow struct {
	Counterpart string `json:"counterpart"`
	Kind        string `json:"kind,omitempty"`
	Reported    int    `json:"reported"`
	Explicit    bool   `json:"reported_is_stated"`
	Distinct    int    `json:"distinct"`
	Planned     int    `json:"planned"`
	Denied      int    `json:"denied"`
	Articles    int    `json:"articles"`
	Mentions    int    `json:"mentions"`
	Outlets     int    `json:"outlets"`
	First       string `json:"first,omitempty"`
	Last        string `json:"last,omitempty"`
}

// ExportReport is the comparison as exported to JSON (and the HTML report).
type ExportReport struct {
	Focus        string            `json:"focus"`
	FocusKind    string            `json:"focus_kind,omitempty"`
	Session      string            `json:"session"`
	Generated    time.Time         `json:"generated"`
	From         string            `json:"from,omitempty"`
	To           string            `json:"to,omitempty"`
	Outlets      []string          `json:"outlets_filter,omitempty"`
	Languages    []string          `json:"languages_filter,omitempty"`
	Counterparts []ExportRow       `json:"counterparts"`
	ByOutlet     []data.OutletCell `json:"by_outlet"`
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Report builds the export of the current comparison (rows in table order).
func (c *Compare) Report() (ExportReport, error) {
	if c.comp.Focus.ID == 0 && c.comp.Focus.Name == "" {
		return ExportReport{}, errors.New("there is no comparison yet: choose a focus entity in Compare first")
	}
	q := c.Query()
	r := ExportReport{Focus: c.comp.Focus.Name, FocusKind: c.comp.Focus.Kind, Generated: time.Now().UTC().Truncate(time.Second),
		From: dateOrEmpty(q.From), To: dateOrEmpty(q.To), Outlets: q.Outlets, Languages: q.Languages,
		ByOutlet: c.comp.ByOutlet, Counterparts: []ExportRow{}}
	if c.wb.eng != nil {
		r.Session = c.wb.eng.Path()
	}
	if r.ByOutlet == nil {
		r.ByOutlet = []data.OutletCell{}
	}
	for _, cp := range c.rows {
		r.Counterparts = append(r.Counterparts, ExportRow{Counterpart: cp.Name, Kind: cp.Kind, Reported: cp.Reported, Explicit: cp.Explicit,
			Distinct: cp.Distinct, Planned: cp.Planned, Denied: cp.Denied, Articles: cp.Articles, Mentions: cp.Mentions,
			Outlets: cp.Outlets, First: dateOrEmpty(cp.First), Last: dateOrEmpty(cp.Last)})
	}
	return r, nil
}

// WriteCSV writes the comparison table as CSV (header row first).
func WriteCSV(w io.Writer, r ExportReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"focus", "counterpart", "kind", "reported", "reported_is_stated", "distinct", "planned", "denied",
		"articles", "mentions", "outlets", "first", "last"})
	for _, row := range r.Counterparts {
		cw.Write([]string{r.Focus, row.Counterpart, row.Kind, strconv.Itoa(row.Reported), strconv.FormatBool(row.Explicit),
			strconv.Itoa(row.Distinct), strconv.Itoa(row.Planned), strconv.Itoa(row.Denied), strconv.Itoa(row.Articles),
			strconv.Itoa(row.Mentions), strconv.Itoa(row.Outlets), row.First, row.Last})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// WriteJSON writes the comparison as indented JSON.
func WriteJSON(w io.Writer, r ExportReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// ChartPNG renders a bar chart to PNG with the software renderer (same
// fonts and colours as the window). Call it on the UI goroutine.
func ChartPNG(title string, bars []Bar, width float32) ([]byte, error) {
	if len(bars) == 0 {
		return nil, errors.New("the chart is empty: choose a focus entity with at least one counterpart")
	}
	ch := NewBarChart(title, bars)
	c := software.NewCanvas()
	c.SetPadded(true)
	c.SetContent(ch)
	c.Resize(fyne.NewSize(width, ch.MinSize().Height+16))
	img := c.Capture()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding the chart as PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// ReportEvidence is one excerpt in the HTML report.
type ReportEvidence struct {
	Counterpart string
	Source      string
	Parts       []HighlightPart
}

// HighlightPart is a piece of a sentence, highlighted or not.
type HighlightPart struct {
	Text string
	Mark bool
}

func splitHighlights(s string, spans [][2]int) []HighlightPart {
	var out []HighlightPart
	for _, seg := range highlightSegments(s, spans) {
		ts := seg.(*widget.TextSegment)
		out = append(out, HighlightPart{Text: ts.Text, Mark: ts.Style.ColorName == colorMention})
	}
	return out
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{{.R.Focus}} — Parley comparison</title>
<style>
body{font-family:system-ui,"Noto Sans","Noto Sans CJK KR","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f3f5f8}mark{background:#fff3b0;font-weight:600}
.ev{margin:.5rem 0 .9rem}.src{color:#666;font-size:.85rem}img{max-width:100%}small{color:#666}
</style></head><body>
<h1>{{.R.Focus}}{{if .R.FocusKind}} <small>({{.R.FocusKind}})</small>{{end}}: counterparts compared</h1>
<p><small>Session {{.R.Session}} · generated {{.R.Generated.Format "2006-01-02 15:04 UTC"}}{{if .R.From}} · from {{.R.From}}{{end}}{{if .R.To}} · to {{.R.To}}{{end}}{{if .R.Outlets}} · outlets: {{range $i, $o := .R.Outlets}}{{if $i}}, {{end}}{{$o}}{{end}}{{end}}{{if .R.Languages}} · languages: {{range $i, $l := .R.Languages}}{{if $i}}, {{end}}{{$l}}{{end}}{{end}}</small></p>
<table><thead><tr><th>Counterpart</th><th>Reported</th><th>Distinct</th><th>Planned</th><th>Denied</th><th>Articles</th><th>Mentions</th><th>Outlets</th><th>First</th><th>Last</th></tr></thead>
<tbody>{{range .R.Counterparts}}<tr><td>{{.Counterpart}}</td><td>{{.Reported}}{{if not .Explicit}}~{{end}}</td><td>{{.Distinct}}</td><td>{{.Planned}}</td><td>{{.Denied}}</td><td>{{.Articles}}</td><td>{{.Mentions}}</td><td>{{.Outlets}}</td><td>{{.First}}</td><td>{{.Last}}</td></tr>
{{end}}</tbody></table>
<p><small>Reported: the largest count stated in any article (~ when no article states a count and the figure is the articles' own tally). Distinct: distinct meetings across articles.</small></p>
{{if .Chart}}<h2>Chart</h2><img alt="Bar chart of the comparison" src="{{.Chart}}">{{end}}
{{if .Evidence}}<h2>Evidence</h2>{{range .Evidence}}<div class="ev"><div>{{range .Parts}}{{if .Mark}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</div><div class="src">{{.Counterpart}} — {{.Source}}</div></div>
{{end}}{{end}}
</body></html>
`))

// WriteHTML writes the one-page report: table, chart (inline PNG) and
// evidence excerpts. Everything is escaped by html/template.
func WriteHTML(w io.Writer, r ExportReport, chartPNG []byte, ev []ReportEvidence) error {
	var chart template.URL
	if len(chartPNG) > 0 {
		chart = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(chartPNG))
	}
	if err := reportTemplate.Execute(w, struct {
		R        ExportReport
		Chart    template.URL
		Evidence []ReportEvidence
	}{r, chart, ev}); err != nil {
		return fmt.Errorf("writing the HTML report: %w", err)
	}
	return nil
}

// reportEvidence fetches up to perRow excerpts for the first maxRows
// counterparts (run off the UI goroutine).
func reportEvidence(ctx context.Context, e Engine, focus int64, q data.CompareQuery, rows []data.Counterpart, maxRows, perRow int) ([]ReportEvidence, error) {
	var out []ReportEvidence
	for i, r := range rows {
		if i >= maxRows {
			break
		}
		ev, err := e.Evidence(ctx, data.EvidenceQuery{Focus: focus, Counterpart: r.EntityID, Filter: q})
		if err != nil {
			return nil, err
		}
		for j, x := range ev {
			if j >= perRow {
				break
			}
			src := x.Outlet
			if !x.Date.IsZero() {
				src += ", " + x.Date.Format("2 January 2006")
			}
			if x.Title != "" {
				src += " — " + x.Title
			}
			out = append(out, ReportEvidence{Counterpart: r.Name, Source: src, Parts: splitHighlights(x.Sentence, x.Highlights)})
		}
	}
	return out, nil
}

// ---- menu actions -------------------------------------------------------------

func (w *Workbench) onExport() {
	if !w.needSession() {
		return
	}
	var d dialog.Dialog
	pick := func(kind string) func() {
		return func() { d.Hide(); w.exportTo(kind) }
	}
	box := container.NewVBox(
		widget.NewButton("Comparison as CSV…", pick("csv")),
		widget.NewButton("Comparison as JSON…", pick("json")),
		widget.NewButton("Chart as PNG…", pick("png")),
		widget.NewButton("One-page HTML report…", pick("html")),
	)
	d = dialog.NewCustom("Export the comparison", "Cancel", box, w.win)
	d.Show()
}

// exportTo asks for a file and writes the chosen export to it.
func (w *Workbench) exportTo(kind string) {
	if !w.needSession() {
		return
	}
	rep, err := w.compare.Report()
	if err != nil {
		w.showError("Nothing to export yet", err)
		return
	}
	name := strings.NewReplacer("/", "-", "\\", "-", ":", "-").Replace(rep.Focus) + " comparison." + kind
	if kind == "png" {
		name = strings.TrimSuffix(name, " comparison.png") + " chart.png"
	}
	d := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError("Could not choose the file", err)
			return
		}
		if wr == nil {
			return
		}
		w.Export(kind, wr, func(err error) {
			if err != nil {
				w.showError("The export failed", fmt.Errorf("%w\n\nChoose another folder or file name and export again", err))
				return
			}
			w.info("Exported", "Written to "+wr.URI().Path())
		})
	}, w.win)
	d.SetFileName(name)
	if l := w.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// Export writes the current comparison as kind ("csv", "json", "png",
// "html") to wc, closes it and calls done on the UI goroutine.
func (w *Workbench) Export(kind string, wc io.WriteCloser, done func(error)) {
	rep, err := w.compare.Report()
	if err != nil {
		wc.Close()
		done(err)
		return
	}
	var chart []byte
	if kind == "png" || kind == "html" {
		title, bars := w.compare.Bars()
		if chart, err = ChartPNG(title, bars, 900); err != nil && kind == "png" {
			wc.Close()
			done(err)
			return
		}
	}
	focus, q, rows := w.compare.comp.Focus.ID, w.compare.Query(), w.compare.rows
	async(w, "The export failed", func(ctx context.Context, e Engine) (error, error) {
		var err error
		switch kind {
		case "csv":
			err = WriteCSV(wc, rep)
		case "json":
			err = WriteJSON(wc, rep)
		case "png":
			_, err = wc.Write(chart)
		case "html":
			var ev []ReportEvidence
			if ev, err = reportEvidence(ctx, e, focus, q, rows, 12, 3); err == nil {
				err = WriteHTML(wc, rep, chart, ev)
			}
		default:
			err = fmt.Errorf("unknown export format %q", kind)
		}
		if cerr := wc.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("closing the file: %w", cerr)
		}
		return err, nil // the outcome goes to done, not to the generic dialog
	}, done)
}
