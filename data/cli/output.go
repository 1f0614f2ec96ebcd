package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// table is rows of cells printed as aligned text, CSV or JSON.
type table struct {
	head     []string
	rows     [][]string
	wrapLast bool // print the last column whole (a sentence), not cut to the column width
}

func (t *table) add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = cell(c)
	}
	t.rows = append(t.rows, row)
}

func cell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format("2006-01-02")
	case bool:
		if x {
			return "yes"
		}
		return ""
	default:
		return fmt.Sprint(x)
	}
}

// displayWidth counts East Asian wide characters as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func (t *table) text(w io.Writer) error {
	widths := make([]int, len(t.head))
	for i, h := range t.head {
		widths[i] = displayWidth(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			if d := displayWidth(c); d > widths[i] {
				widths[i] = min(d, 60)
			}
		}
	}
	line := func(cells []string) error {
		var b strings.Builder
		for i, c := range cells {
			if displayWidth(c) > 60 && !(t.wrapLast && i == len(cells)-1) {
				c = truncate(c, 59) + "…"
			}
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		_, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		return err
	}
	if err := line(t.head); err != nil {
		return err
	}
	for _, r := range t.rows {
		if err := line(r); err != nil {
			return err
		}
	}
	return nil
}

func truncate(s string, cols int) string {
	n := 0
	for i, r := range s {
		n += displayWidth(string(r))
		if n > cols {
			return s[:i]
		}
	}
	return s
}

func (t *table) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.head); err != nil {
		return err
	}
	if err := cw.WriteAll(t.rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// emit prints a table in the chosen format; asJSON is the value printed for --format json.
func emit(w io.Writer, format string, t *table, asJSON any) error {
	switch format {
	case "", "table":
		return t.text(w)
	case "csv":
		return t.csv(w)
	case "json":
		return writeJSON(w, asJSON)
	}
	return fmt.Errorf("%w: unknown format %q (use table, csv or json)", ErrUsage, format)
}

func jsonDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

