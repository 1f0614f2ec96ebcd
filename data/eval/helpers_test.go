package eval

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/data/extract"
)

// exactRec is a test double for the entity recogniser: an exact-match
// matcher over a fixed name list, so that scorer tests have figures that
// can be worked out by hand.
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
