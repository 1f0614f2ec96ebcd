package meeting

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A regular expression without a literal prefix (a date pattern starting
// with a month name or a day number, a word boundary before the pattern)
// is tried by the regexp package at every position of the text. lead
// finds the same matches by trying the pattern anchored only where a match
// can start: where the text continues with one of the strings every match
// of the pattern's body starts with (pres, from the parsed body), or at
// least with a byte one can start with (first).
//
// Why the matches are the same: the regexp package returns the leftmost
// match, and of the matches at that position the one its leftmost-first
// (Perl) preference picks; that is what the anchored pattern finds at that
// position. Trying the positions in text order, stepping by rune as the
// regexp package does, the first position with an anchored match is the
// leftmost. A position where no match can start has no match, so skipping
// it changes nothing. Anchoring on text[x:] hides the text before x, so a
// body that looks behind (^, \b, \B) is left to the regexp package (no
// lead), except a cue pattern that starts with ^ or with \b before word
// characters (newCueLead says why). When the anchored tries keep failing,
// the rest of the text goes to the unanchored pattern, which gives the
// same leftmost match from there.

// lead is a compiled pattern with its anchored forms.
type lead struct {
	re    *regexp.Regexp // the pattern, as the regexp package runs it
	start *regexp.Regexp // re anchored at the start of the text (x == 0)
	at    *regexp.Regexp // re anchored at x > 0, run on text[x:]
	// rest, when set, is re for the matches starting at x > 0 or later,
	// unanchored, run on text[x:]: leftmost falls back to it when the
	// anchored tries keep failing (a prefix common in the text)
	rest *regexp.Regexp
	// skip: a match at x > 0 is one boundary rune then the body (the
	// word-bounded form of wrap), so the byte after that rune is the one
	// to test; otherwise the body starts at x
	skip bool
	// wordStart: the body starts with \b before a word character (see
	// newCueLead), so no match starts right after an ASCII word character
	wordStart bool
	// atStart: the pattern starts with ^, so it matches at the start of
	// the text or not at all
	atStart bool
	first   [256]bool // the bytes a match of the body can start with
	// pres, when not nil, lists strings one of which starts every match of
	// the body (matched without regard to case where the pattern is);
	// byFirst[b] are the indexes of those that can start with byte b
	pres    []prefix
	byFirst [256][]uint16
}

// prefix is a string a match can start with.
type prefix struct {
	s    string
	fold bool // matched under simple case folding, as (?i) does
	// with fold, orbits[k] is the simple case folding orbit of the k-th
	// rune of s: the runes (?i) accepts in its place
	orbits [][]rune
}

// withOrbits fills p.orbits.
func (p prefix) withOrbits() prefix {
	if !p.fold {
		return p
	}
	p.orbits = nil
	for _, r := range p.s {
		o := []rune{r}
		for q := unicode.SimpleFold(r); q != r; q = unicode.SimpleFold(q) {
			o = append(o, q)
		}
		p.orbits = append(p.orbits, o)
	}
	return p
}

// Forms of a pattern body (see wrap).
const (
	boundOpen  = `(?:^|[^\p{L}\p{N}])(`
	boundClose = `)(?:[^\p{L}\p{N}]|$)`
)

// newLead returns the lead of the pattern flags+open+body+close, where
// open and close are either boundOpen and boundClose (bounded) or "(" and
// ")", and re is that pattern compiled; or nil when the body's first bytes
// cannot be told or the body looks behind.
func newLead(re *regexp.Regexp, flags, body string, bounded bool) *lead {
	t, err := syntax.Parse(flags+body, syntax.Perl)
	if err != nil {
		return nil
	}
	l := &lead{re: re, skip: bounded}
	nullable, ok := firstBytes(t, &l.first)
	if !ok || nullable {
		return nil
	}
	if l.setPrefixes(t); !l.selective() {
		return nil
	}
	if bounded {
		// at x > 0 the "^" alternative cannot match: what is left is one
		// boundary rune, then the body
		l.start = regexp.MustCompile(flags + `^` + boundOpen + body + boundClose)
		l.at = regexp.MustCompile(flags + `^[^\p{L}\p{N}](` + body + boundClose)
		l.rest = regexp.MustCompile(flags + `[^\p{L}\p{N}](` + body + boundClose)
	} else {
		l.start = regexp.MustCompile(flags + `^(` + body + `)`)
		l.at = l.start
		l.rest = re // the body does not look behind: text[x:] is as good
	}
	return l
}

// newCueLead is newLead for a pattern of a cue: src is flags + body and
// has no capture group of its own.
func newCueLead(re *regexp.Regexp, flags, body string) *lead {
	if p, _ := re.LiteralPrefix(); p != "" {
		return nil // the regexp package skips to the prefix itself
	}
	t, err := syntax.Parse(flags+body, syntax.Perl)
	if err != nil {
		return nil
	}
	l := &lead{re: re}
	if t.Op == syntax.OpConcat && len(t.Sub) > 1 && t.Sub[0].Op == syntax.OpBeginText {
		// "^(?:Besides|After)\s...": one try, at the start, and only when
		// the text starts with what the rest can start with
		t = &syntax.Regexp{Op: syntax.OpConcat, Flags: t.Flags, Sub: t.Sub[1:]}
		l.atStart = true
	} else if t.Op == syntax.OpConcat && len(t.Sub) > 1 && t.Sub[0].Op == syntax.OpWordBoundary {
		// "\b(?:il|elle)\s+...": \b looks behind, which text[x:] hides.
		// When everything the rest can start with is an ASCII word
		// character (as \b counts them), \b holds at x exactly when the
		// byte before x is not one: there the anchored form, which sees no
		// byte before, agrees; after a word character there is no match.
		t = &syntax.Regexp{Op: syntax.OpConcat, Flags: t.Flags, Sub: t.Sub[1:]}
		l.wordStart = true
	}
	nullable, ok := firstBytes(t, &l.first)
	if !ok || nullable || l.first[' '] && !l.atStart {
		// a pattern that can start with a space would be tried at every
		// word: the regexp package's own scan is faster
		return nil
	}
	if l.wordStart {
		for b, on := range l.first {
			if on && !isWordByte(byte(b)) {
				return nil
			}
		}
	}
	if l.setPrefixes(t); !l.selective() {
		return nil
	}
	l.start = regexp.MustCompile(flags + `^(?:` + body + `)`)
	l.at = l.start
	if !l.wordStart && !l.atStart {
		l.rest = re // the body does not look behind: text[x:] is as good
	}
	return l
}

// setPrefixes fills pres and byFirst from the parsed body t, when it has
// a short list of prefixes.
func (l *lead) setPrefixes(t *syntax.Regexp) {
	ps, ok := prefixes(t)
	if !ok || len(ps) == 0 {
		return
	}
	l.pres = ps
	for k, p := range ps {
		ps[k] = p.withOrbits()
		var b [256]bool
		r, _ := utf8.DecodeRuneInString(p.s)
		addRange(&b, r, r)
		if p.fold {
			for q := unicode.SimpleFold(r); q != r; q = unicode.SimpleFold(q) {
				addRange(&b, q, q)
			}
		}
		for c := range b {
			if b[c] {
				l.byFirst[c] = append(l.byFirst[c], uint16(k))
			}
		}
	}
}

// selective reports whether the lead rules out enough positions to be
// worth its tries: it knows the prefixes, or few bytes can start a match
// (digits, say). "\p{L}+nya" or "[^，、。]{2,8}?で" would be tried almost
// everywhere, and the regexp package's own scan is faster.
func (l *lead) selective() bool {
	if l.pres != nil {
		return true
	}
	n := 0
	for _, on := range l.first {
		if on {
			n++
		}
	}
	return n <= 32
}

// body reports whether a match of the body can start at y: y holds a
// byte a match can start with and, when the prefixes are known, the text
// from y starts with one of them.
func (l *lead) body(s string, y int) bool {
	if y >= len(s) || !l.first[s[y]] {
		return false
	}
	if l.pres == nil {
		return true
	}
	for _, k := range l.byFirst[s[y]] {
		if p := &l.pres[k]; p.match(s[y:]) {
			return true
		}
	}
	return false
}

// can reports whether a match can start at x (x > 0). In the bounded form
// the rune at x must be matched by [^\p{L}\p{N}], which a letter or number
// never is (with (?i) the class also leaves out their other case forms, so
// it may refuse more runes: trying those anyway is only lenient).
func (l *lead) can(s string, x int) bool {
	if !l.skip {
		return !(l.wordStart && isWordByte(s[x-1])) && l.body(s, x)
	}
	c := s[x]
	if c < utf8.RuneSelf {
		return !asciiLN[c] && l.body(s, x+1)
	}
	r, n := utf8.DecodeRuneInString(s[x:])
	return !unicode.IsLetter(r) && !unicode.IsNumber(r) && l.body(s, x+n)
}

// canStart reports whether a match can start at 0: the body at 0 (the ^
// alternative of the bounded form) or, bounded, after a first rune.
func (l *lead) canStart(s string) bool {
	return l.body(s, 0) || l.skip && len(s) > 0 && l.can(s, 0)
}

// isWordByte reports whether b is an ASCII word character, [0-9A-Za-z_],
// the only characters \b counts as word characters.
func isWordByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// asciiLN marks the ASCII letters and digits (\p{L} and \p{N}).
var asciiLN = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsNumber(rune(c))
	}
	return t
}()

// match reports whether s starts with p, rune by rune equal or, with fold,
// in the same simple case folding orbit: the test (?i) makes of a literal
// rune. Invalid bytes of s read as utf8.RuneError, one byte each, as the
// regexp package reads them. (hasPrefixFold in the tests is the plain
// form.)
func (p *prefix) match(s string) bool {
	if !p.fold {
		return len(s) >= len(p.s) && s[:len(p.s)] == p.s
	}
	if len(s) >= len(p.s) {
		// ASCII text against an ASCII prefix: the two cases of a letter
		// (the other members of an ASCII letter's orbit, the Kelvin sign
		// and the long s, are not ASCII: met in s, they take the general
		// path)
		j := 0
		for ; j < len(p.s); j++ {
			a, b := s[j], p.s[j]
			if a >= utf8.RuneSelf || b >= utf8.RuneSelf {
				break
			}
			if a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
				return false
			}
		}
		if j == len(p.s) {
			return true
		}
	}
	i := 0
	for _, o := range p.orbits {
		if i >= len(s) {
			return false
		}
		q, n := utf8.DecodeRuneInString(s[i:])
		if !slices.Contains(o, q) {
			return false
		}
		i += n
	}
	return true
}

// prefixes returns strings one of which starts every match of re, or
// false when it cannot tell (nullable parts, large classes).
func prefixes(re *syntax.Regexp) ([]prefix, bool) {
	ps, _, ok := prefixSet(re)
	return ps, ok
}

// maxPrefixes bounds the prefix lists prefixSet builds.
const maxPrefixes = 512

// prefixSet returns strings one of which starts every match of re (ok),
// and whether every match is exactly one of them (exact). A string's fold
// is set when it is to be compared without regard to case: that is never
// stricter than the regexp, which is what matters (a prefix only rules
// positions out). Classes holding utf8.RuneError, which the regexp
// package also matches with an invalid byte, are not listed.
func prefixSet(re *syntax.Regexp) (ps []prefix, exact, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false, false
		}
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				return nil, false, false
			}
		}
		return []prefix{{s: string(re.Rune), fold: re.Flags&syntax.FoldCase != 0}}, true, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			n += int(hi-lo) + 1
			if n > 64 || lo <= utf8.RuneError && utf8.RuneError <= hi {
				return nil, false, false
			}
		}
		var rs []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				rs = append(rs, r)
			}
		}
		if isOrbit(rs) {
			// the case forms of one letter ((?i)в is [Ввᲀ]): one string
			// compared without regard to case says the same
			return []prefix{{s: string(rs[0]), fold: true}}, true, true
		}
		out := make([]prefix, len(rs))
		for i, r := range rs {
			out[i] = prefix{s: string(r)}
		}
		return out, true, true
	case syntax.OpCapture:
		return prefixSet(re.Sub[0])
	case syntax.OpPlus:
		ps, _, ok := prefixSet(re.Sub[0])
		return ps, false, ok
	case syntax.OpRepeat:
		if re.Min >= 1 {
			ps, _, ok := prefixSet(re.Sub[0])
			return ps, false, ok
		}
	case syntax.OpConcat:
		// the product of the leading children's lists, as long as each
		// child is exactly one of its strings
		if len(re.Sub) == 0 {
			return nil, false, false
		}
		ps, exact, ok := prefixSet(re.Sub[0])
		if !ok {
			return nil, false, false
		}
		for _, sub := range re.Sub[1:] {
			if !exact {
				break
			}
			next, ex, ok := prefixSet(sub)
			if !ok || len(ps)*len(next) > maxPrefixes {
				return ps, false, true
			}
			var prod []prefix
			for _, a := range ps {
				for _, b := range next {
					prod = append(prod, prefix{s: a.s + b.s, fold: a.fold || b.fold})
				}
			}
			ps, exact = prod, ex
		}
		return ps, exact, true
	case syntax.OpAlternate:
		var out []prefix
		exact := true
		for _, s := range re.Sub {
			ps, ex, ok := prefixSet(s)
			if !ok || len(out)+len(ps) > maxPrefixes {
				return nil, false, false
			}
			out = append(out, ps...)
			exact = exact && ex
		}
		return out, exact, true
	}
	return nil, false, false
}

// leftmost returns re.FindStringSubmatchIndex on s (FindStringIndex
// without sub), for matches that start at pos or later (pos at a rune
// start as the regexp package steps): what the regexp package computes to
// continue FindAll from pos.
func (l *lead) leftmost(s string, pos int, sub bool) []int {
	find := func(re *regexp.Regexp, t string) []int {
		if sub {
			return re.FindStringSubmatchIndex(t)
		}
		return re.FindStringIndex(t)
	}
	if l.atStart {
		if pos == 0 && l.body(s, 0) {
			return find(l.re, s)
		}
		return nil
	}
	fails := 0
	for x := pos; x < len(s); {
		var m []int
		if x == 0 {
			if l.canStart(s) {
				m = find(l.start, s)
			}
		} else if l.can(s, x) {
			re := l.at
			if fails >= maxFails && l.rest != nil {
				// no match starts in pos..x-1: the leftmost from x is the
				// leftmost from pos
				re = l.rest
			}
			if m = find(re, s[x:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += x
					}
				}
			} else if re == l.rest {
				return nil
			}
			fails++
		}
		if m != nil {
			return m
		}
		if s[x] < utf8.RuneSelf {
			x++
		} else {
			_, n := utf8.DecodeRuneInString(s[x:])
			x += n
		}
	}
	// at len(s) the body, which is not empty, cannot match
	return nil
}

// maxFails is how many anchored tries leftmost makes before it hands the
// rest of the text to the unanchored pattern.
const maxFails = 32

// FindStringSubmatchIndex is regexp's, for the pattern of l.
func (l *lead) FindStringSubmatchIndex(s string) []int { return l.leftmost(s, 0, true) }

// FindStringIndex is regexp's, for the pattern of l.
func (l *lead) FindStringIndex(s string) []int { return l.leftmost(s, 0, false) }

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex(s, -1)
// for the pattern of l. regexp continues after each match from its end;
// its rule for empty matches does not apply, a match holding at least the
// non-empty body.
func (l *lead) FindAllStringSubmatchIndex(s string) [][]int {
	var out [][]int
	for pos := 0; pos <= len(s); {
		m := l.leftmost(s, pos, true)
		if m == nil {
			break
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// firstBytes adds to first the bytes a match of re can start with and
// reports whether re matches the empty string. ok is false when re holds
// something it does not follow: any character, or an assertion (^, $,
// \b, \B) before the first character, whose meaning depends on text
// outside the match.
func firstBytes(re *syntax.Regexp, first *[256]bool) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpEmptyMatch:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		r := re.Rune[0]
		addRange(first, r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for q := unicode.SimpleFold(r); q != r; q = unicode.SimpleFold(q) {
				addRange(first, q, q)
			}
		}
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			addRange(first, re.Rune[i], re.Rune[i+1])
		}
		return false, true
	case syntax.OpCapture:
		return firstBytes(re.Sub[0], first)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := firstBytes(re.Sub[0], first)
		return true, ok
	case syntax.OpPlus:
		return firstBytes(re.Sub[0], first)
	case syntax.OpRepeat:
		n, ok := firstBytes(re.Sub[0], first)
		return n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range re.Sub {
			n, ok := firstBytes(s, first)
			if !ok {
				return false, false
			}
			if !n {
				return false, true
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, s := range re.Sub {
			n, ok := firstBytes(s, first)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false
}

// addRange marks the first bytes of the UTF-8 forms of the runes lo..hi.
// UTF-8 keeps the order of runes, so those are the bytes from lo's first
// byte to hi's. A range holding utf8.RuneError also matches invalid bytes,
// which the regexp package reads as that rune: every byte from 0x80 up.
func addRange(first *[256]bool, lo, hi rune) {
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := 0x80; b < 0x100; b++ {
			first[b] = true
		}
	}
	if hi > unicode.MaxRune {
		hi = unicode.MaxRune
	}
	if lo > hi {
		return
	}
	for b := leadByte(lo); b <= leadByte(hi); b++ {
		first[b] = true
	}
}

// leadByte is the first byte of the UTF-8 form of r (surrogates too, as
// if they could be encoded: the order is what matters).
func leadByte(r rune) int {
	switch {
	case r < 0x80:
		return int(r)
	case r < 0x800:
		return 0xC0 | int(r>>6)
	case r < 0x10000:
		return 0xE0 | int(r>>12)
	}
	return 0xF0 | int(r>>18)
}

// isOrbit reports whether the runes rs are exactly one simple case
// folding orbit.
func isOrbit(rs []rune) bool {
	if len(rs) < 2 {
		return false
	}
	n := 1
	for q := unicode.SimpleFold(rs[0]); q != rs[0]; q = unicode.SimpleFold(q) {
		if !slices.Contains(rs, q) {
			return false
		}
		n++
	}
	return n == len(rs)
}

// canBeEmpty reports whether re can match the empty string somewhere: it
// counts every assertion as matching.
func canBeEmpty(re *regexp.Regexp) bool {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	return err != nil || emptyOK(t)
}

func emptyOK(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return emptyOK(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || emptyOK(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !emptyOK(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if emptyOK(s) {
				return true
			}
		}
		return false
	}
	return true // empty match, star, quest, assertions
}
