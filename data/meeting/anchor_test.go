package meeting

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// packLeads lists the leads of a pack: date, attribution and place
// patterns, and cue patterns.
func packLeads(p *Pack) []*lead {
	var out []*lead
	for _, ls := range [][]*lead{p.datesLead, p.attribLead, p.placeLead} {
		for _, l := range ls {
			if l != nil {
				out = append(out, l)
			}
		}
	}
	for _, c := range packCues(p) {
		for _, l := range c.lead {
			if l != nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// checkLead compares a lead with its regexp on s.
func checkLead(t *testing.T, l *lead, s string) {
	t.Helper()
	if got, want := l.FindAllStringSubmatchIndex(s), l.re.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s on %q: FindAll %v, regexp %v", l.re, s, got, want)
	}
	if got, want := l.FindStringSubmatchIndex(s), l.re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s on %q: FindStringSubmatchIndex %v, regexp %v", l.re, s, got, want)
	}
	if got, want := l.FindStringIndex(s), l.re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s on %q: FindStringIndex %v, regexp %v", l.re, s, got, want)
	}
}

// TestLeadMatchesRegexp: trying a pattern only where it can start gives
// the regexp package's matches, on corpus sentences (as written and
// folded), random text and texts made to trip the prefilters.
func TestLeadMatchesRegexp(t *testing.T) {
	texts := corpusTexts()
	r := rand.New(rand.NewPCG(7, 8))
	for _, lang := range Languages() {
		p, err := Get(lang)
		if err != nil {
			t.Fatal(err)
		}
		ls := packLeads(p)
		if len(p.datesLead) > 0 && p.datesLead[0] == nil && lang != "ko" && lang != "ja" && lang != "zh" {
			t.Errorf("%s: the first date pattern has no lead", lang)
		}
		var ss []string
		for _, s := range sentencesOf(p, texts[lang]) {
			ss = append(ss, s, fold(s))
		}
		for range 300 {
			ss = append(ss, randomText(r, p))
		}
		for _, w := range append(keys(p.Months), keys(p.Weekdays)...) {
			// a month written with look-alikes of its letters, at the
			// start, after a dash, glued to a letter
			k := strings.NewReplacer("k", "K", "s", "ſ", "K", "K", "S", "ſ").Replace(w)
			ss = append(ss, w+" 5, 2023", "—"+strings.ToUpper(w)+" 2019", "x"+w+" 3", k+" 12", "in "+k, " 3 "+w, "\xff"+w)
		}
		// word boundaries before a pattern that starts with \b
		ss = append(ss, "xil le", "_elle l'", "9il les ", "é il lui ", "\xffil le ", "Il la", "ELLE LUI ", ",il le", "ſil le")
		for _, l := range ls {
			for _, s := range ss {
				checkLead(t, l, s)
			}
			// more failed tries than maxFails: the rest of the text goes
			// to the unanchored pattern
			if len(l.pres) > 0 {
				lure := strings.Repeat(" "+l.pres[0].s+"\x00", maxFails+2)
				for i, s := range ss {
					if i%7 == 0 {
						checkLead(t, l, lure+s)
						checkLead(t, l, s+lure+s)
					}
				}
			}
		}
	}
}

func TestFirstBytesAndPrefixes(t *testing.T) {
	for _, tc := range []struct {
		re       string
		first    string // bytes that must be marked
		notFirst string // bytes that must not be
		nullable bool
		ok       bool
		pres     []string
	}{
		{re: `abc`, first: "a", notFirst: "bA", ok: true, pres: []string{"abc"}},
		{re: `(?i)abc`, first: "aA", notFirst: "b", ok: true, pres: []string{"ABC"}},
		{re: `(?:x|yz)w`, first: "xy", notFirst: "zw", ok: true, pres: []string{"xw", "yzw"}},
		{re: `a?b`, first: "ab", notFirst: "c", ok: true},
		{re: `a*`, first: "a", nullable: true, ok: true},
		{re: `\bfoo`, ok: false},
		{re: `.x`, ok: false},
		{re: `[0-3]?\d`, first: "0123456789", notFirst: "a", ok: true},
		{re: `\d+th`, first: "09", ok: true},
		{re: `(?i)k`, first: "kK\xe2", ok: true, pres: []string{"K"}}, // the Kelvin sign starts with 0xE2
	} {
		tr, err := syntax.Parse(tc.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var first [256]bool
		nullable, ok := firstBytes(tr, &first)
		if ok != tc.ok || ok && nullable != tc.nullable {
			t.Errorf("%s: nullable %v ok %v", tc.re, nullable, ok)
			continue
		}
		for i := 0; i < len(tc.first); i++ {
			if !first[tc.first[i]] {
				t.Errorf("%s: %q not a first byte", tc.re, tc.first[i])
			}
		}
		for i := 0; i < len(tc.notFirst); i++ {
			if first[tc.notFirst[i]] {
				t.Errorf("%s: %q is a first byte", tc.re, tc.notFirst[i])
			}
		}
		if tc.pres != nil {
			ps, ok := prefixes(tr)
			var got []string
			for _, p := range ps {
				got = append(got, p.s)
			}
			if !ok || strings.Join(got, "|") != strings.Join(tc.pres, "|") {
				t.Errorf("%s: prefixes %q (%v), want %q", tc.re, got, ok, tc.pres)
			}
		}
	}
}

func TestHasPrefixFold(t *testing.T) {
	for _, tc := range []struct {
		s, p string
		fold bool
		want bool
	}{
		{"May 5", "MAY", true, true},
		{"may", "MAY", false, false},
		{"Kilo", "KILO", true, true}, // Kelvin sign
		{"ſept", "SEPT", true, true}, // long s
		{"ма", "МАЙ", true, false},
		{"МАЙ 5", "май", true, true},
		{"ᲀ", "в", true, true},
		{"\xffay", "May", true, false},
		{"M@", "M`", true, false},
		{"", "a", true, false},
	} {
		if got := hasPrefixFold(tc.s, tc.p, tc.fold); got != tc.want {
			t.Errorf("hasPrefixFold(%q, %q, %v) = %v", tc.s, tc.p, tc.fold, got)
		}
		pr := prefix{s: tc.p, fold: tc.fold}.withOrbits()
		if got := pr.match(tc.s); got != tc.want {
			t.Errorf("prefix %q match %q = %v", tc.p, tc.s, got)
		}
		// hasPrefixFold is the reference: (?i) on the literal
		if tc.fold {
			re := regexp.MustCompile(`^(?i:` + regexp.QuoteMeta(tc.p) + `)`)
			if re.MatchString(tc.s) != tc.want {
				t.Errorf("regexp disagrees on %q, %q", tc.s, tc.p)
			}
		}
	}
}

func FuzzLead(f *testing.F) {
	corpusSeeds(f)
	f.Add("On Monday, March 3, 2024, Kim said Putin", "en")
	f.Add("ſeptember 12 — KILO в МАЕ 2023 года", "ru")
	f.Fuzz(func(t *testing.T, text, lang string) {
		p, err := Get(fuzzLang(lang))
		if err != nil {
			return
		}
		if len(text) > 2000 {
			text = text[:2000]
		}
		for _, l := range packLeads(p) {
			checkLead(t, l, text)
		}
	})
}

// BenchmarkDates compares the date patterns run by their leads with the
// same patterns run by the regexp package, over corpus clauses.
func BenchmarkDates(b *testing.B) {
	texts := corpusTexts()
	p, err := Get("en")
	if err != nil {
		b.Fatal(err)
	}
	ss := sentencesOf(p, texts["en"])
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	if n == 0 {
		b.Skip("no corpus")
	}
	b.Run("lead", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range ss {
				for _, l := range p.datesLead {
					l.FindAllStringSubmatchIndex(s)
				}
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range ss {
				for _, re := range p.dates {
					re.FindAllStringSubmatchIndex(s, -1)
				}
			}
		}
	})
}

// hasPrefixFold, the reference for prefix.match, reports whether s starts with p, rune by rune equal or,
// with fold, in the same simple case folding orbit: the test (?i) makes of
// a literal rune. Invalid bytes of s read as utf8.RuneError, one byte
// each, as the regexp package reads them.
func hasPrefixFold(s, p string, fold bool) bool {
	if !fold {
		return len(s) >= len(p) && s[:len(p)] == p
	}
	// ASCII text against an ASCII prefix: the two cases of a letter (the
	// other members of an ASCII letter's orbit, the Kelvin sign and the
	// long s, are not ASCII: met in s, they take the general path)
	if len(s) >= len(p) {
		j := 0
		for ; j < len(p); j++ {
			a, b := s[j], p[j]
			if a >= utf8.RuneSelf || b >= utf8.RuneSelf {
				break
			}
			if a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
				return false
			}
		}
		if j == len(p) {
			return true
		}
	}
	i := 0
	for _, r := range p {
		if i >= len(s) {
			return false
		}
		q, n := utf8.DecodeRuneInString(s[i:])
		if q != r && !sameFold(q, r) {
			return false
		}
		i += n
	}
	return true
}

// sameFold reports whether q is in the simple case folding orbit of r.
func sameFold(q, r rune) bool {
	if q < utf8.RuneSelf && r < utf8.RuneSelf && r != 'k' && r != 'K' && r != 's' && r != 'S' {
		// ASCII orbits are the two cases of a letter, except for k and s,
		// whose orbits also hold the Kelvin sign and the long s
		return q|0x20 == r|0x20 && q|0x20 >= 'a' && q|0x20 <= 'z'
	}
	for x := unicode.SimpleFold(r); x != r; x = unicode.SimpleFold(x) {
		if x == q {
			return true
		}
	}
	return false
}
