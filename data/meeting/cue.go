package meeting

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cue is a compiled list of pack patterns. Each pattern is its own small
// regular expression run on case-folded text (so literal prefixes let the
// regexp package skip ahead quickly); word boundaries of Latin-script
// patterns are checked in code.
type cue struct {
	res     []*regexp.Regexp
	bounded []bool
	need    []string // a literal the pattern cannot match without ("" = none)
	// lits[i] is non-nil when pattern i is plain words only: it is then
	// matched with strings.Index instead of its regexp (same matches)
	lits [][]string
	cjk  bool // words are joined by optional white space, not by separators
	// numNeed[i]: pattern i contains {n}, so it cannot match text without
	// an ASCII digit or one of the pack's number words (numWords, as
	// written in the regexp)
	numNeed  []bool
	numWords []string
	// anch[i] is set when pattern i starts with {n}: the pattern anchored at
	// the start, tried only where a digit or number word starts (first
	// bytes in numStart), instead of scanning every position
	anch     []*regexp.Regexp
	numStart *[256]bool
	// numByFirst[b]: the number words starting with byte b (an empty
	// word, which starts anywhere, is in every list)
	numByFirst *[256][]string
	// lead[i], when set, finds the matches of res[i] trying it only where
	// one can start (anchor.go)
	lead []*lead
	// needID[i] is the id of need[i] in the pack's literal set, or of a
	// literal every match of raw pattern i contains (rawNeed); -1 for none
	needID []int32
	set    *litSet
	// numMask points to the pack's set of the literals hasNumber looks
	// for (the ten ASCII digits and the number words)
	numMask *litMask
	// mayEmpty: some pattern can match the empty string (canBeEmpty)
	mayEmpty bool
}

// scanOf returns the folded text f with the literals of the cue's pack
// that it contains.
func (c *cue) scanOf(f string) *ftext {
	t := newFtext(f, len(c.set.words))
	c.set.ac.find(f, t.has, nil)
	return t
}

// numberIn is hasNumber(t.f): the set of literals holds every ASCII digit
// and every number word, so t contains a number exactly when it contains
// one of the literals in numMask.
func (c *cue) numberIn(t *ftext) bool { return c.numMask.in(t) }

// hasNumber reports whether f contains something {n} can start with: an
// ASCII digit or a number word.
func (c *cue) hasNumber(f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i] >= '0' && f[i] <= '9' {
			return true
		}
	}
	for _, w := range c.numWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// required returns the longest literal piece of a pattern: a match always
// contains it, so text without it can be skipped.
func required(pat string) string {
	if strings.HasPrefix(pat, "re:") {
		return ""
	}
	best := ""
	for _, tok := range strings.Fields(pat) {
		tok = strings.TrimSuffix(tok, "~")
		for tok != "" {
			i := strings.IndexByte(tok, '{')
			lit := tok
			if i >= 0 {
				lit = tok[:i]
				j := strings.IndexByte(tok[i:], '}')
				if j < 0 {
					tok = ""
				} else {
					tok = tok[i+j+1:]
				}
			} else {
				tok = ""
			}
			if lit != "*" && len(lit) > len(best) {
				best = lit
			}
		}
	}
	return best
}

// fold lower-cases s without changing any byte offset: a rune whose lower
// case has a different UTF-8 length is kept as it is.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b = append(b, s[i]) // invalid byte: kept, offsets unchanged
			i++
			continue
		}
		l := toLower(r)
		if l == r || utf8.RuneLen(l) != n {
			b = append(b, s[i:i+n]...)
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += n
	}
	return string(b)
}

// toLower is unicode.ToLower, with shortcuts for the scripts of the packs
// (TestToLower checks every rune).
func toLower(r rune) rune {
	switch {
	case r >= 0x3040 && r < 0xA000, r >= 0xAC00 && r <= 0xD7A3, r >= 0x0430 && r <= 0x045F:
		return r // kana, CJK ideographs, Hangul syllables, lower-case Cyrillic
	case r >= 0x0410 && r <= 0x042F:
		return r + 0x20 // Cyrillic А-Я
	case r >= 0x0400 && r <= 0x040F:
		return r + 0x50 // Cyrillic Ѐ-Џ
	}
	return unicode.ToLower(r)
}

func (p *Pack) compileList(pats []string) (*cue, error) {
	if len(pats) == 0 {
		return nil, nil
	}
	c := &cue{}
	for _, s := range pats {
		raw := strings.HasPrefix(s, "re:")
		src := s
		if !raw {
			src = fold(s)
		}
		body, err := p.patternBody(src)
		if err != nil {
			return nil, err
		}
		if raw {
			body = "(?i)" + body
		}
		re, err := regexp.Compile(body)
		if err != nil {
			return nil, err
		}
		c.res = append(c.res, re)
		c.bounded = append(c.bounded, !raw && !p.cjk)
		need := ""
		if !raw {
			need = required(src)
		}
		c.need = append(c.need, need)
		if raw {
			c.needID = append(c.needID, p.lits.id(rawNeed(body[len("(?i)"):])))
		} else {
			c.needID = append(c.needID, p.lits.id(need))
		}
		c.lits = append(c.lits, literalWords(s))
		c.numNeed = append(c.numNeed, !raw && strings.Contains(src, "{n}"))
		var anch *regexp.Regexp
		if toks := strings.Fields(src); !raw && len(toks) > 0 && toks[0] == "{n}" {
			if anch, err = regexp.Compile(`^(?:` + body + `)`); err != nil {
				return nil, err
			}
		}
		c.anch = append(c.anch, anch)
		var ld *lead
		if anch == nil && c.lits[len(c.lits)-1] == nil {
			if raw {
				ld = newCueLead(re, "(?i)", body[len("(?i)"):])
			} else {
				ld = newCueLead(re, "", body)
			}
		}
		c.lead = append(c.lead, ld)
		if c.lits[len(c.lits)-1] == nil && canBeEmpty(re) {
			c.mayEmpty = true
		}
	}
	c.cjk = p.cjk
	c.numWords = p.numWords
	c.set = &p.lits
	c.numMask = &p.numMask
	c.numStart = new([256]bool)
	for b := '0'; b <= '9'; b++ {
		c.numStart[b] = true
	}
	for _, w := range p.numWords {
		if w != "" {
			c.numStart[w[0]] = true
		}
	}
	c.numByFirst = new([256][]string)
	for _, w := range p.numWords {
		for b := range c.numByFirst {
			if w == "" || w[0] == byte(b) {
				c.numByFirst[b] = append(c.numByFirst[b], w)
			}
		}
	}
	return c, nil
}

// literalWords returns the folded words of a pattern made of plain words
// only (no "re:", "*", "~" or placeholder), or nil.
func literalWords(pat string) []string {
	if strings.HasPrefix(pat, "re:") {
		return nil
	}
	toks := strings.Fields(fold(pat))
	if len(toks) == 0 {
		return nil
	}
	for _, t := range toks {
		if t == "*" || strings.ContainsAny(t, "{~") || !utf8.ValidString(t) {
			return nil
		}
		if r, _ := utf8.DecodeRuneInString(t); isSep(r) || unicode.IsSpace(r) {
			return nil // a word starting with a separator: leave it to the regexp
		}
	}
	return toks
}

// isSep reports whether r is matched by [\s\p{Pd}], the separator between
// the words of a Latin-script pattern.
func isSep(r rune) bool { return isSpaceRE(r) || unicode.Is(unicode.Pd, r) }

// isSpaceRE reports whether r is matched by the regexp class \s.
func isSpaceRE(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

// index returns the leftmost match of pattern i in f as [a, b], or nil:
// regexp.FindStringIndex, or for a plain-word pattern the same match found
// with strings.Index.
func (c *cue) index(i int, f string) []int {
	if a := c.anch[i]; a != nil {
		return c.indexNum(a, f)
	}
	toks := c.lits[i]
	if toks == nil {
		if l := c.lead[i]; l != nil {
			return l.FindStringIndex(f)
		}
		return c.res[i].FindStringIndex(f)
	}
	for from := 0; from < len(f); {
		j := strings.Index(f[from:], toks[0])
		if j < 0 {
			return nil
		}
		a := from + j
		if e, ok := c.rest(toks[1:], f, a+len(toks[0])); ok {
			return []int{a, e}
		}
		from = a + 1
	}
	return nil
}

// indexNum finds the leftmost match of a pattern that starts with {n}: it
// can only start at an ASCII digit or a number word, so the anchored
// pattern a is tried at those positions only, in text order.
func (c *cue) indexNum(a *regexp.Regexp, f string) []int {
	for x := 0; x < len(f); x++ {
		if !c.numStart[f[x]] {
			continue
		}
		if f[x] < '0' || f[x] > '9' {
			// a word of numWords that f[x:] starts with starts with f[x]
			ok := false
			for _, w := range c.numByFirst[f[x]] {
				if strings.HasPrefix(f[x:], w) {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		if m := a.FindStringIndex(f[x:]); m != nil {
			return []int{x, x + m[1]}
		}
	}
	return nil
}

// rest matches the words toks from f[pos:], each after its separator
// (one or more of [\s\p{Pd}]; in CJK packs zero or more of \s), and
// returns the end of the match.
func (c *cue) rest(toks []string, f string, pos int) (int, bool) {
	for _, t := range toks {
		n := 0
		for pos < len(f) {
			r, w := utf8.DecodeRuneInString(f[pos:])
			if c.cjk && !isSpaceRE(r) || !c.cjk && !isSep(r) {
				break
			}
			if r == utf8.RuneError && w <= 1 {
				break
			}
			pos += w
			n++
		}
		if n == 0 && !c.cjk || !strings.HasPrefix(f[pos:], t) {
			return 0, false
		}
		pos += len(t)
	}
	return pos, true
}

func wordBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// all returns every match of every pattern in the folded text t.f.
// A pattern whose required literal t does not contain cannot match and is
// not tried.
func (c *cue) all(t *ftext, firstOnly bool) [][2]int {
	var out [][2]int
	f := t.f
	for i := range c.res {
		if !t.contains(c.needID[i]) {
			continue
		}
		if c.numNeed[i] && !c.numberIn(t) {
			continue
		}
		for off := 0; off <= len(f); {
			m := c.index(i, f[off:])
			if m == nil {
				break
			}
			a, b := off+m[0], off+m[1]
			if b == a {
				off = a + 1
				continue
			}
			if c.bounded[i] && (wordBefore(f, a) || wordAfter(f, b)) {
				_, n := utf8.DecodeRuneInString(f[a:])
				off = a + n
				continue
			}
			out = append(out, [2]int{a, b})
			if firstOnly {
				break
			}
			off = b
		}
	}
	// by start, longest first (matches equal in both are the same match,
	// so any order among them gives the same result)
	if len(out) > 1 {
		slices.SortFunc(out, func(x, y [2]int) int {
			if x[0] != y[0] {
				return x[0] - y[0]
			}
			return y[1] - x[1]
		})
	}
	// drop matches overlapping an earlier (or longer) one
	kept := out[:0]
	end := -1
	for _, m := range out {
		if m[0] >= end {
			kept = append(kept, m)
			end = m[1]
		}
	}
	return kept
}

// MatchString reports whether any pattern matches s (stopping at the
// first pattern that does).
func (c *cue) MatchString(s string) bool {
	if c == nil {
		return false
	}
	return c.matchF(c.scanOf(fold(s)))
}

// matchF is MatchString on text already folded with fold and scanned.
func (c *cue) matchF(t *ftext) bool {
	if c == nil {
		return false
	}
	f := t.f
	for i := range c.res {
		if !t.contains(c.needID[i]) {
			continue
		}
		if c.numNeed[i] && !c.numberIn(t) {
			continue
		}
		for off := 0; off < len(f); {
			m := c.index(i, f[off:])
			if m == nil {
				break
			}
			a, b := off+m[0], off+m[1]
			if b > a && !(c.bounded[i] && (wordBefore(f, a) || wordAfter(f, b))) {
				return true
			}
			_, n := utf8.DecodeRuneInString(f[a:])
			if n == 0 {
				break
			}
			off = a + n
		}
	}
	return false
}

func (c *cue) find(s string) (int, int, bool) {
	if c == nil {
		return 0, 0, false
	}
	return c.findF(c.scanOf(fold(s)))
}

// findF is find on folded, scanned text.
func (c *cue) findF(t *ftext) (int, int, bool) {
	if c == nil {
		return 0, 0, false
	}
	ms := c.all(t, true)
	if len(ms) == 0 {
		return 0, 0, false
	}
	return ms[0][0], ms[0][1], true
}

// FindStringSubmatchIndex returns the leftmost (then longest) match as
// [a, b, a, b], or nil.
func (c *cue) FindStringSubmatchIndex(s string) []int {
	a, b, ok := c.find(s)
	if !ok {
		return nil
	}
	return []int{a, b, a, b}
}

// FindAllStringSubmatchIndex returns the non-overlapping matches of all
// patterns in text order, each as [a, b, a, b].
func (c *cue) FindAllStringSubmatchIndex(s string, _ int) [][]int {
	if c == nil {
		return nil
	}
	var out [][]int
	for _, m := range c.all(c.scanOf(fold(s)), false) {
		out = append(out, []int{m[0], m[1], m[0], m[1]})
	}
	return out
}

// allF returns the non-overlapping matches of all patterns in the folded
// text t, in text order.
func (c *cue) allF(t *ftext) [][2]int {
	if c == nil {
		return nil
	}
	return c.all(t, false)
}

// foldSlice reports whether foldSpan(text, f, a, b) is the slice f[a:b].
func foldSlice(text, f string, a, b int) bool {
	return len(f) == len(text) && (a == 0 || a >= len(text) || !isCont(text[a])) && (b >= len(text) || !isCont(text[b]))
}

// foldSpan returns fold(text[a:b]) given f == fold(text): the slice f[a:b]
// when both ends fall on the start of a UTF-8 sequence (then decoding, and
// so folding, inside the span is the same as in the whole text), else a
// fresh fold of the span.
func foldSpan(text, f string, a, b int) string {
	if foldSlice(text, f, a, b) {
		return f[a:b]
	}
	return fold(text[a:b])
}

func isCont(c byte) bool { return c&0xC0 == 0x80 }
