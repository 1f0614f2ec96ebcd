package eval

// Temporary test-only stand-ins for the entity recogniser and the ingest
// loader, used until data/entity and data/ingest are ready. The recogniser
// is an exact-match matcher over a name list; the loader decodes the two
// legacy encodings and strips HTML crudely.

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"

	"parley/data/extract"
	"parley/data/ingest"
)

type exactRec struct {
	forms  []string // longest first
	ents   map[string]extract.Entity
	byForm map[string]string
}

func newExactRec(names map[string][]string, kinds map[string]string) *exactRec {
	r := &exactRec{ents: map[string]extract.Entity{}, byForm: map[string]string{}}
	for name, forms := range names {
		key := "t:" + name
		r.ents[key] = extract.Entity{Key: key, Name: name, Kind: kinds[name], Known: true, Aliases: forms}
		for _, f := range append([]string{name}, forms...) {
			if _, ok := r.byForm[f]; !ok {
				r.byForm[f] = key
				r.forms = append(r.forms, f)
			}
		}
	}
	sort.Slice(r.forms, func(i, j int) bool { return len(r.forms[i]) > len(r.forms[j]) })
	return r
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (r *exactRec) Recognize(text, lang string, date time.Time) ([]extract.Entity, []extract.Mention) {
	taken := make([]bool, len(text))
	var ms []extract.Mention
	cjk := lang == "zh" || lang == "ja" || lang == "ko"
	for _, f := range r.forms {
		for off := 0; ; {
			i := strings.Index(text[off:], f)
			if i < 0 {
				break
			}
			a := off + i
			b := a + len(f)
			off = a + 1
			ok := true
			for k := a; k < b; k++ {
				if taken[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if !cjk || lang == "ko" {
				if a > 0 {
					c, _ := utf8.DecodeLastRuneInString(text[:a])
					if isWord(c) {
						continue
					}
				}
				if b < len(text) && lang != "ko" {
					c, _ := utf8.DecodeRuneInString(text[b:])
					if isWord(c) {
						continue
					}
				}
			}
			for k := a; k < b; k++ {
				taken[k] = true
			}
			ms = append(ms, extract.Mention{EntityKey: r.byForm[f], Start: a, End: b, Surface: f, Via: "name"})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	seen := map[string]bool{}
	var ents []extract.Entity
	for _, m := range ms {
		if !seen[m.EntityKey] {
			seen[m.EntityKey] = true
			ents = append(ents, r.ents[m.EntityKey])
		}
	}
	return ents, ms
}

func (r *exactRec) Resolve(name string) (extract.Entity, float64, bool) {
	if k, ok := r.byForm[name]; ok {
		return r.ents[k], 1, true
	}
	return extract.Entity{}, 0, false
}

// goldRec builds the stand-in recogniser from the gold file's in_text forms.
func goldRec(golds []Gold) *exactRec {
	names := map[string][]string{}
	kinds := map[string]string{}
	for _, g := range golds {
		for _, e := range g.Entities {
			names[e.Name] = append(names[e.Name], e.InText...)
			kinds[e.Name] = e.Kind
		}
	}
	return newExactRec(names, kinds)
}

var (
	tagRe     = regexp.MustCompile(`(?s)<[^>]*>`)
	articleRe = regexp.MustCompile(`(?s)<article[^>]*>(.*)</article>`)
	titleRe   = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	pRe       = regexp.MustCompile(`(?s)<p[^>]*>(.*?)</p>`)
)

// simpleLoader decodes a corpus file; lang and date come from the gold
// line (the real loader detects them).
func simpleLoader(golds []Gold, dir string) func(ctx context.Context, path string) (ingest.Document, error) {
	byFile := map[string]Gold{}
	for _, g := range golds {
		byFile[filepath.Join(dir, filepath.FromSlash(g.File))] = g
	}
	return func(ctx context.Context, path string) (ingest.Document, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return ingest.Document{}, err
		}
		if !utf8.Valid(b) {
			cyr := 0
			d1, _ := charmap.Windows1251.NewDecoder().Bytes(b)
			for _, r := range string(d1) {
				if r >= 0x400 && r <= 0x4FF {
					cyr++
				}
			}
			if d, err := korean.EUCKR.NewDecoder().Bytes(b); err == nil && !strings.ContainsRune(string(d), utf8.RuneError) {
				b = d
			} else if cyr > len(d1)/4 {
				b = d1
			}
		}
		text := strings.ReplaceAll(string(b), "\r\n", "\n")
		if strings.HasSuffix(path, ".html") {
			var parts []string
			if m := titleRe.FindStringSubmatch(text); m != nil {
				parts = append(parts, strings.TrimSpace(tagRe.ReplaceAllString(m[1], "")))
			}
			body := text
			if m := articleRe.FindStringSubmatch(text); m != nil {
				body = m[1]
			}
			for _, m := range pRe.FindAllStringSubmatch(body, -1) {
				parts = append(parts, strings.TrimSpace(tagRe.ReplaceAllString(m[1], "")))
			}
			text = strings.Join(parts, "\n\n")
		}
		g := byFile[path]
		doc := ingest.Document{Path: path, Text: text, Lang: g.Lang}
		if g.Date != nil {
			doc.Date, _ = time.Parse("2006-01-02", *g.Date)
		}
		return doc, nil
	}
}
