package entity

import (
	"sort"
	"unicode/utf8"

	"parley/data/textnorm"
)

// matcher is a byte-level trie of the patterns, walked from every position
// where a pattern may start. Names in alphabetic scripts must start at a
// word boundary and Hangul and katakana names at a run boundary (the same
// start rules accept applies), so in running text most positions are
// skipped and each walk dies after a few bytes (0.65 trie steps per byte
// of English text). An Aho-Corasick automaton costs a transition on every
// byte and reports occurrences inside words only for accept to discard
// them.
//
// States are numbered in depth-first order, so that the states of one
// pattern's tail lie next to each other in memory; each state is one
// 16-byte record, and its edges are packed (child<<8 | byte) in one array.
// The root has a dense table.
type matcher struct {
	root [256]int32 // child of the root per byte (0 = none)
	// dense edges of the root's children (the widest states, walked from
	// every word start): d1[c][b] is the child on b of root[c], -1 = none
	d1    [256]*[256]int32
	nodes []acNode
	edges []uint32 // child<<8 | byte, sorted by byte within a state
	outs  []int32  // pattern ids
}

type acNode struct {
	edge, nEdge int32 // edges[edge : edge+nEdge]
	out, nOut   int32 // patterns ending here: outs[out : out+nOut]
}

// buildMatcher builds the trie for pats (empty patterns are ignored).
func buildMatcher(pats []string) *matcher {
	ids := make([]int32, 0, len(pats))
	for i, p := range pats {
		if p != "" {
			ids = append(ids, int32(i))
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := pats[ids[i]], pats[ids[j]]
		if a != b {
			return a < b
		}
		return ids[i] < ids[j]
	})
	m := &matcher{}
	// build(lo, hi, d) creates the state for ids[lo:hi], which share their
	// first d bytes, and its subtree; it returns the state number.
	var build func(lo, hi, d int) int32
	build = func(lo, hi, d int) int32 {
		s := int32(len(m.nodes))
		m.nodes = append(m.nodes, acNode{})
		n := acNode{out: int32(len(m.outs))}
		// patterns that end here sort first in the range
		for lo < hi && len(pats[ids[lo]]) == d {
			m.outs = append(m.outs, ids[lo])
			lo++
		}
		n.nOut = int32(len(m.outs)) - n.out
		// reserve this state's edges, then build the children
		var groups [][3]int
		for lo < hi {
			c := pats[ids[lo]][d]
			end := lo + 1
			for end < hi && pats[ids[end]][d] == c {
				end++
			}
			groups = append(groups, [3]int{int(c), lo, end})
			lo = end
		}
		n.edge, n.nEdge = int32(len(m.edges)), int32(len(groups))
		for range groups {
			m.edges = append(m.edges, 0)
		}
		for k, g := range groups {
			child := build(g[1], g[2], d+1)
			m.edges[int(n.edge)+k] = uint32(child)<<8 | uint32(g[0])
			if s == 0 {
				m.root[g[0]] = child
			}
		}
		m.nodes[s] = n
		return s
	}
	build(0, len(ids), 0)
	for c, s1 := range m.root {
		if s1 == 0 {
			continue
		}
		t := new([256]int32)
		for b := range t {
			t[b] = -1
		}
		n := m.nodes[s1]
		for _, e := range m.edges[n.edge : n.edge+n.nEdge] {
			t[byte(e)] = int32(e >> 8)
		}
		m.d1[c] = t
	}
	return m
}

// states returns the number of trie states.
func (m *matcher) states() int { return len(m.nodes) }

// walk calls fn(start, end, id) for every pattern that occurs at start.
func (m *matcher) walk(text string, start int, fn func(start, end int, id int32)) {
	c0 := text[start]
	s := m.root[c0]
	if s == 0 {
		return
	}
	// the first step, through the dense table of the root's child
	if n := &m.nodes[s]; n.nOut > 0 {
		for _, id := range m.outs[n.out : n.out+n.nOut] {
			fn(start, start+1, id)
		}
	}
	if start+1 >= len(text) {
		return
	}
	s = m.d1[c0][text[start+1]]
	if s < 0 {
		return
	}
	for i := start + 2; ; i++ {
		n := &m.nodes[s]
		if n.nOut > 0 {
			for _, id := range m.outs[n.out : n.out+n.nOut] {
				fn(start, i, id)
			}
		}
		if i >= len(text) {
			return
		}
		// next(s, text[i]) with the node at hand
		c := text[i]
		es := m.edges[n.edge : n.edge+n.nEdge]
		s = -1
		if len(es) <= 8 {
			for _, e := range es {
				if byte(e) == c {
					s = int32(e >> 8)
					break
				}
			}
		} else {
			lo, hi := 0, len(es)
			for lo < hi {
				mid := int(uint(lo+hi) >> 1)
				b := byte(es[mid])
				if b == c {
					s = int32(es[mid] >> 8)
					break
				}
				if b < c {
					lo = mid + 1
				} else {
					hi = mid
				}
			}
		}
		if s < 0 {
			return
		}
	}
}

// scanAll calls fn for every occurrence of every pattern at every rune
// start of text.
func (m *matcher) scanAll(text string, fn func(start, end int, id int32)) {
	for i := 0; i < len(text); i++ {
		if utf8.RuneStart(text[i]) && m.root[text[i]] != 0 {
			m.walk(text, i, fn)
		}
	}
}

// asciiAlnum[c] is true for ASCII letters and digits (ScriptLatin).
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = textnorm.ScriptOf(rune(c)) == textnorm.ScriptLatin
	}
	return t
}()

// scan calls fn(start, end, patternID) for every occurrence of a pattern
// that starts where a name may start (the start rules of accept): not
// inside a word of an alphabetic script (a letter or digit of Latin,
// Cyrillic or another alphabet right before an alphabetic first rune), not
// inside a Hangul or a katakana run. Occurrences are reported in order of
// start, then end.
func (m *matcher) scan(text string, fn func(start, end int, id int32)) {
	prev := textnorm.ScriptOther
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiAlnum[c] {
				if !prev.IsAlnumScript() && m.root[c] != 0 {
					m.walk(text, i, fn)
				}
				prev = textnorm.ScriptLatin
			} else {
				if m.root[c] != 0 {
					m.walk(text, i, fn)
				}
				prev = textnorm.ScriptOther
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		cur := textnorm.ScriptOf(r)
		if m.root[c] != 0 {
			skip := false
			switch cur {
			case textnorm.ScriptLatin, textnorm.ScriptCyrillic, textnorm.ScriptLetter:
				skip = prev.IsAlnumScript()
			case textnorm.ScriptHangul, textnorm.ScriptKatakana:
				skip = prev == cur
			}
			if !skip {
				m.walk(text, i, fn)
			}
		}
		prev = cur
		i += size
	}
}
