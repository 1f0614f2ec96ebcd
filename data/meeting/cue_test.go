package meeting

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// packCues lists every cue of a pack.
func packCues(p *Pack) []*cue {
	cs := []*cue{p.multi, p.planned, p.accepted, p.invitation, p.denied, p.hypo, p.again, p.background,
		p.counts, p.once, p.notCount, p.subjPron, p.objPron, p.pairRefs, p.breaks}
	for _, k := range []string{KindMeeting, KindSummit, KindCall} {
		cs = append(cs, p.triggers[k])
	}
	for _, np := range p.nonPart {
		cs = append(cs, np.before, np.after)
	}
	var out []*cue
	for _, c := range cs {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// checkIndex compares the plain-word, {n} and lead matchers with the
// pattern's regexp on the folded text f, and checks that the number prefilter never skips a
// pattern that matches.
func checkIndex(t *testing.T, lang string, c *cue, f string) {
	t.Helper()
	for i, re := range c.res {
		if c.numNeed[i] && !c.hasNumber(f) && re.MatchString(f) {
			t.Fatalf("%s pattern %q matches %q, which has no number", lang, re.String(), f)
		}
		if c.lits[i] == nil && c.anch[i] == nil && c.lead[i] == nil {
			continue
		}
		// from the start and from just after each match
		for off := 0; off <= len(f); {
			want := re.FindStringIndex(f[off:])
			got := c.index(i, f[off:])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s pattern %q on %q: index %v, regexp %v", lang, re.String(), f[off:], got, want)
			}
			if want == nil {
				break
			}
			off += want[0] + 1
		}
	}
}

// variants writes a pattern's words in ways the separators allow or do
// not allow, with invalid bytes and neighbouring letters.
func variants(words []string) []string {
	var out []string
	for _, sep := range []string{" ", "  ", "\t", "-", "—", " – ", "\u00a0", "", "\v", ", ", "\xff"} {
		s := strings.Join(words, sep)
		out = append(out, s, "x"+s+"y", "\xe2"+s+"\x82", "a "+s+" b "+s, strings.ToUpper(s))
	}
	return out
}

func TestCueIndexMatchesRegexp(t *testing.T) {
	texts := map[string][]string{} // corpus articles by language (file name prefix)
	files, _ := filepath.Glob("/work/shared/corpus/articles/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			l, _, _ := strings.Cut(filepath.Base(p), "-")
			texts[l] = append(texts[l], string(b))
		}
	}
	for _, lang := range Languages() {
		p, err := Get(lang)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range packCues(p) {
			for i := range c.res {
				if c.lits[i] == nil {
					continue
				}
				n++
				for _, v := range variants(c.lits[i]) {
					checkIndex(t, lang, c, fold(v))
				}
			}
			for _, w := range []string{"four times", "the 3rd meeting", "第三次会晤", "세 번째 회담", "trois fois", "viermal", "empat kali", "четыре раза", "dos veces", "3回目"} {
				checkIndex(t, lang, c, fold(w))
			}
			for _, s := range texts[lang] {
				checkIndex(t, lang, c, fold(s))
			}
		}
		if n == 0 {
			t.Errorf("%s: no plain-word pattern", lang)
		}
	}
}

func FuzzCueIndex(f *testing.F) {
	corpusSeeds(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		p, err := Get(fuzzLang(lang))
		if err != nil {
			return
		}
		if len(text) > 4000 {
			text = text[:4000]
		}
		for _, c := range packCues(p) {
			checkIndex(t, lang, c, fold(text))
		}
	})
}

// TestToLower checks the shortcuts of toLower against unicode.ToLower on
// every rune.
func TestToLower(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Fatalf("toLower(%U) = %U, unicode.ToLower gives %U", r, got, want)
		}
	}
}

// foldRef is fold as first written: rune by rune with unicode.ToLower.
func foldRef(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b = append(b, s[i])
			i++
			continue
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != n {
			b = append(b, s[i:i+n]...)
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += n
	}
	return string(b)
}

func TestFoldMatchesReference(t *testing.T) {
	for _, s := range []string{"", "ABC", "Встреча ПУТИНА", "Ѐ Џ ѐ", "김정은 ＫＩＭ", "İstanbul ẞ K ſ", "\xff\xe2\x82A", "Straße ÀÉÎ"} {
		if got, want := fold(s), foldRef(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}
