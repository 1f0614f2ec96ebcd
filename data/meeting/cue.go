package meeting

import (
	"regexp"
	"sort"
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
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b = append(b, s[i]) // invalid byte: kept, offsets unchanged
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
	}
	return c, nil
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

// all returns every match of every pattern in the folded text f.
func (c *cue) all(f string, firstOnly bool) [][2]int {
	var out [][2]int
	for i, re := range c.res {
		if c.need[i] != "" && !strings.Contains(f, c.need[i]) {
			continue
		}
		for off := 0; off <= len(f); {
			m := re.FindStringIndex(f[off:])
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
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] > out[j][1]
	})
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
	f := fold(s)
	for i, re := range c.res {
		if c.need[i] != "" && !strings.Contains(f, c.need[i]) {
			continue
		}
		for off := 0; off < len(f); {
			m := re.FindStringIndex(f[off:])
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
	ms := c.all(fold(s), true)
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
	for _, m := range c.all(fold(s), false) {
		out = append(out, []int{m[0], m[1], m[0], m[1]})
	}
	return out
}
