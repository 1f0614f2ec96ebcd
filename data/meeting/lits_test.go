package meeting

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusTexts returns the corpus articles by language (file name prefix),
// and the sample articles; none when the folders are missing.
func corpusTexts() map[string][]string {
	out := map[string][]string{}
	for _, glob := range []string{"/work/shared/corpus/articles/*", "../../assets/sample/articles/*"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				l, _, _ := strings.Cut(filepath.Base(p), "-")
				out[l] = append(out[l], string(b))
			}
		}
	}
	return out
}

// sentencesOf splits the corpus texts of lang into sentences.
func sentencesOf(p *Pack, texts []string) []string {
	var out []string
	for _, text := range texts {
		for _, s := range split(text, p.abbrev) {
			out = append(out, s.Text)
		}
	}
	return out
}

// randomText mixes the pack's literals with noise: letters of either
// case, invalid bytes, the Kelvin sign and the long s (which (?i) takes
// for k and s), separators.
func randomText(r *rand.Rand, p *Pack) string {
	noise := []string{" ", "  ", ", ", ". ", "-", "\u00a0", "\xff", "\xe2\x82", "K", "ſ", "ẞ", "İ", "A", "Zz", "7", "12", "2023", "é", "Ü", "ᲀ", "В", "年", "월", "\t", "\n"}
	var b strings.Builder
	n := r.IntN(30)
	for range n {
		if len(p.lits.words) > 0 && r.IntN(2) == 0 {
			w := p.lits.words[r.IntN(len(p.lits.words))]
			if r.IntN(4) == 0 {
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
		} else {
			b.WriteString(noise[r.IntN(len(noise))])
		}
	}
	return b.String()
}

// checkScan compares the literal set of f, and of random parts of f found
// through sub, with strings.Contains.
func checkScan(t *testing.T, p *Pack, f string, r *rand.Rand) {
	t.Helper()
	all := p.scanAll(f, nil)
	one := p.scan(f)
	for id, w := range p.lits.words {
		want := strings.Contains(f, w)
		if all.contains(int32(id)) != want || one.contains(int32(id)) != want {
			t.Fatalf("%s: literal %q in %q: scan says %v, strings.Contains %v", p.Lang, w, f, one.contains(int32(id)), want)
		}
	}
	for range 3 {
		a := r.IntN(len(f) + 1)
		b := a + r.IntN(len(f)-a+1)
		s := p.sub(all, a, b)
		if s.f != f[a:b] {
			t.Fatalf("sub text %q, want %q", s.f, f[a:b])
		}
		for id, w := range p.lits.words {
			if want := strings.Contains(f[a:b], w); s.contains(int32(id)) != want {
				t.Fatalf("%s: literal %q in %q[%d:%d]: sub says %v", p.Lang, w, f, a, b, !want)
			}
		}
	}
	// the number test the {n} patterns use
	if cs := packCues(p); len(cs) > 0 && cs[0].numberIn(one) != cs[0].hasNumber(f) {
		t.Fatalf("%s: numberIn(%q) = %v", p.Lang, f, !cs[0].hasNumber(f))
	}
}

// TestScanMatchesContains: the automaton finds exactly the literals
// strings.Contains finds, on corpus sentences and random text.
func TestScanMatchesContains(t *testing.T) {
	texts := corpusTexts()
	r := rand.New(rand.NewPCG(1, 2))
	for _, lang := range Languages() {
		p, err := Get(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sentencesOf(p, texts[lang]) {
			checkScan(t, p, fold(s), r)
		}
		for range 500 {
			s := randomText(r, p)
			checkScan(t, p, fold(s), r)
			checkScan(t, p, s, r) // unfolded text: any bytes
		}
	}
}

func TestAutomaton(t *testing.T) {
	for _, tc := range []struct {
		words []string
		text  string
		want  []string
	}{
		{[]string{"he", "she", "his", "hers"}, "ushers", []string{"he", "she", "hers"}},
		{[]string{"a", "ab", "bab", "bc", "bca", "c", "caa"}, "abccab", []string{"a", "ab", "bc", "c"}},
		{[]string{"встреча", "треч", "ча"}, "Встреча встреча", []string{"встреча", "треч", "ча"}},
		{[]string{"会谈", "举行会谈"}, "举行会", nil},
		{[]string{"x"}, "", nil},
		{nil, "anything", nil},
		{[]string{"\xff", "a\xffb"}, "a\xffb", []string{"\xff", "a\xffb"}},
	} {
		a := newAutomaton(tc.words)
		has := newBitset(len(tc.words))
		var occ []occurrence
		a.find(tc.text, has, &occ)
		var got []string
		for id, w := range tc.words {
			if has.has(int32(id)) {
				got = append(got, w)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q in %q: found %q, want %q", tc.words, tc.text, got, tc.want)
		}
		for _, o := range occ {
			w := tc.words[o.id]
			if int(o.end) < len(w) || tc.text[int(o.end)-len(w):o.end] != w {
				t.Errorf("%q: occurrence %q ending at %d is not there", tc.text, w, o.end)
			}
		}
	}
}

func TestRawNeed(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`,\s+but\s`, "but"},
		{`;\s`, ";"},
		{`\s+ahead\s+of\s+(?:a|an|the)\s`, "ahead"},
		{`^(?:Besides|Apart from)\s[^,]{1,80},`, ","},
		{`\p{L}+nya`, "nya"},
		{`[ 　]`, ""},
		{`(?:il|elle)`, ""},
		{`first\b.{0,80}?\bsince`, "ince"}, // "s" may be the long s
		{`(?P<d>[0-3]?\d)日`, "日"},
		// (?i)k also matches the Kelvin sign and (?i)s the long s, which
		// fold leaves as they are: neither can be part of the literal
		{`keks`, "e"},
		{`sit`, "it"},
		// (?i)в also matches ᲀ, which fold leaves as it is
		{`перв\p{L}*`, "пер"},
		{`приглашени\p{L}*\s+принял`, "приглашени"},
		{`(?:a+)b`, "a"},
		{`x{2,3}`, "x"},
		{`y*`, ""},
		{`(`, ""},
	} {
		if got := rawNeed(tc.body); got != tc.want {
			t.Errorf("rawNeed(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

// TestRawNeedSound: a raw pattern never matches folded text that lacks
// its literal.
func TestRawNeedSound(t *testing.T) {
	texts := corpusTexts()
	r := rand.New(rand.NewPCG(3, 4))
	for _, lang := range Languages() {
		p, _ := Get(lang)
		var fs []string
		for _, s := range sentencesOf(p, texts[lang]) {
			fs = append(fs, fold(s))
		}
		for range 300 {
			fs = append(fs, fold(randomText(r, p)))
		}
		n := 0
		for _, c := range packCues(p) {
			for i, re := range c.res {
				if !strings.HasPrefix(re.String(), "(?i)") || c.needID[i] < 0 {
					continue
				}
				n++
				need := p.lits.words[c.needID[i]]
				for _, f := range append(fs, strings.ReplaceAll(need, "s", "ſ"), strings.ReplaceAll(need, "k", "K")) {
					if re.MatchString(f) && !strings.Contains(f, need) {
						t.Fatalf("%s: %s matches %q, which lacks %q", lang, re, f, need)
					}
				}
			}
		}
		if n == 0 && lang != "ja" {
			t.Errorf("%s: no raw pattern with a literal", lang)
		}
	}
}

// TestFindSinglePass: for a cue none of whose patterns can match the
// empty string, all finds a match exactly when matchF says there is one
// (findF relies on it).
func TestFindSinglePass(t *testing.T) {
	texts := corpusTexts()
	r := rand.New(rand.NewPCG(5, 6))
	for _, lang := range Languages() {
		p, _ := Get(lang)
		var fs []*ftext
		for _, s := range sentencesOf(p, texts[lang]) {
			fs = append(fs, p.scan(fold(s)))
		}
		for range 300 {
			fs = append(fs, p.scan(fold(randomText(r, p))))
		}
		for _, c := range packCues(p) {
			if c.mayEmpty {
				continue
			}
			for _, f := range fs {
				if c.matchF(f) != (len(c.all(f, true)) > 0) {
					t.Fatalf("%s: matchF and all disagree on %q", lang, f.f)
				}
			}
		}
	}
}

func TestCanBeEmpty(t *testing.T) {
	for _, tc := range []struct {
		re   string
		want bool
	}{
		{`abc`, false}, {`a*`, true}, {`a+`, false}, {`\b`, true}, {`(?:a|)`, true},
		{`a?b`, false}, {`(?:a?)(?:b*)`, true}, {`x{0,2}`, true}, {`x{1,2}`, false}, {`[ab]`, false},
	} {
		if got := canBeEmpty(regexp.MustCompile(tc.re)); got != tc.want {
			t.Errorf("canBeEmpty(%q) = %v", tc.re, got)
		}
	}
}

// BenchmarkScan measures the literal automaton over corpus sentences.
func BenchmarkScan(b *testing.B) {
	texts := corpusTexts()
	for _, lang := range []string{"en", "ru", "zh"} {
		p, err := Get(lang)
		if err != nil {
			b.Fatal(err)
		}
		var fs []string
		n := 0
		for _, s := range sentencesOf(p, texts[lang]) {
			fs = append(fs, fold(s))
			n += len(s)
		}
		if n == 0 {
			b.Skip("no corpus")
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(n))
			var buf []occurrence
			for b.Loop() {
				for _, f := range fs {
					buf = p.scanAll(f, buf).occ
				}
			}
		})
	}
}
