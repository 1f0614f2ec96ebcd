package meeting

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// A pack's cues skip every pattern whose required literal (its `need`) is
// not in the clause. Instead of one strings.Contains per pattern per
// clause, the literals of the whole pack are found together in one pass
// of an Aho-Corasick automaton over the folded clause (litSet.scan); each
// cue then tests one bit per pattern. The bit of literal i is set exactly
// when strings.Contains(f, literal i) is true, so every test reads as the
// strings.Contains it replaces.

// litSet is a pack's dictionary of literals and the automaton finding them.
type litSet struct {
	words []string
	ids   map[string]int32
	ac    *automaton
}

// id returns the id of literal w, adding it. The empty literal has no id
// (-1): it is in every text, so no test is needed.
func (l *litSet) id(w string) int32 {
	if w == "" {
		return -1
	}
	if l.ids == nil {
		l.ids = map[string]int32{}
	}
	if i, ok := l.ids[w]; ok {
		return i
	}
	i := int32(len(l.words))
	l.words = append(l.words, w)
	l.ids[w] = i
	return i
}

// build compiles the automaton once every literal has its id.
func (l *litSet) build() { l.ac = newAutomaton(l.words) }

// bitset is a set of literal ids.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(i int32) bool { return i < 0 || b[i>>6]&(1<<(uint(i)&63)) != 0 }

func (b bitset) set(i int32) { b[i>>6] |= 1 << (uint(i) & 63) }

// any reports whether b and m share an element.
func (b bitset) any(m bitset) bool {
	for i, w := range m {
		if b[i]&w != 0 {
			return true
		}
	}
	return false
}

// litMask is a set of literals, to ask whether a text contains any of
// them (strings.Contains for each).
type litMask struct {
	bits   bitset
	always bool // the empty string is one of them
}

// in reports whether t contains one of the literals of m.
func (m *litMask) in(t *ftext) bool { return m.always || t.has.any(m.bits) }

// ftext is folded text (the output of fold) together with the set of the
// pack's literals it contains.
type ftext struct {
	f    string
	has  bitset       // in buf when it fits
	occ  []occurrence // every occurrence of a literal, when asked for (scanAll)
	attr *string      // attributionF of the sentence, once known
	buf  [8]uint64
}

// newFtext returns f with an empty set for n literals.
func newFtext(f string, n int) *ftext {
	t := &ftext{f: f}
	if w := (n + 63) / 64; w <= len(t.buf) {
		t.has = t.buf[:w]
	} else {
		t.has = newBitset(n)
	}
	return t
}

// occurrence is one occurrence of a literal: f[end-len(literal):end].
type occurrence struct{ end, id int32 }

// scan returns f with the set of the pack's literals it contains.
func (p *Pack) scan(f string) *ftext {
	t := newFtext(f, len(p.lits.words))
	p.lits.ac.find(f, t.has, nil)
	return t
}

// scanAll is scan that also records where each literal occurs, so that
// the literals of a part of f can be told without scanning it (sub). The
// occurrences are appended to buf[:0], which the caller may reuse once it
// is done with the result.
func (p *Pack) scanAll(f string, buf []occurrence) *ftext {
	t := newFtext(f, len(p.lits.words))
	t.occ = buf[:0]
	p.lits.ac.find(f, t.has, &t.occ)
	return t
}

// sub returns t.f[a:b] with its literals: those occurring in t.f between
// a and b, which are exactly those strings.Contains finds in t.f[a:b].
func (p *Pack) sub(t *ftext, a, b int) *ftext {
	if a == 0 && b == len(t.f) {
		return t
	}
	s := newFtext(t.f[a:b], len(p.lits.words))
	for _, o := range t.occ {
		if int(o.end) <= b && int(o.end)-len(p.lits.words[o.id]) >= a {
			s.has.set(o.id)
		}
	}
	return s
}

// contains reports whether the literal with id i (-1: the empty literal)
// is in the text: strings.Contains(t.f, literal i).
func (t *ftext) contains(i int32) bool { return t.has.has(i) }

// automaton is an Aho-Corasick automaton over bytes with a dense
// transition table. Bytes that occur in no literal share one class, so a
// row has one entry per distinct literal byte plus one.
type automaton struct {
	class  [256]uint8
	nclass int
	// delta[s*nclass+c] is the next state t as t*nclass*2 (the start of
	// its row, times two), plus one when t ends a literal (its output list
	// is non-empty): one load per byte tells both.
	delta []uint32
	out   [][]int32 // literals ending at each state, suffixes included
}

func newAutomaton(words []string) *automaton {
	a := &automaton{}
	// byte classes: class 0 for bytes in no literal
	var used [256]bool
	n := 0
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if !used[w[i]] {
				used[w[i]] = true
				n++
			}
		}
	}
	if n == 256 {
		for i := range a.class {
			a.class[i] = uint8(i)
		}
		a.nclass = 256
	} else {
		for b := range used {
			if used[b] {
				a.nclass++
				a.class[b] = uint8(a.nclass)
			}
		}
		a.nclass++
	}
	// trie
	type node struct {
		next map[uint8]int32
		fail int32
		out  []int32
	}
	nodes := []node{{next: map[uint8]int32{}}}
	for id, w := range words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := a.class[w[i]]
			t, ok := nodes[s].next[c]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{next: map[uint8]int32{}})
				nodes[s].next[c] = t
			}
			s = t
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	// breadth-first: failure links and the dense table
	nc := a.nclass
	a.delta = make([]uint32, len(nodes)*nc)
	a.out = make([][]int32, len(nodes))
	queue := []int32{0}
	order := []int32{}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		order = append(order, s)
		for c := 0; c < nc; c++ {
			t, ok := nodes[s].next[uint8(c)]
			if !ok {
				continue
			}
			if s != 0 {
				// the longest proper suffix of t's string that is a trie state
				f := nodes[s].fail
				for {
					if u, ok := nodes[f].next[uint8(c)]; ok {
						nodes[t].fail = u
						break
					}
					if f == 0 {
						nodes[t].fail = 0
						break
					}
					f = nodes[f].fail
				}
			}
			queue = append(queue, t)
		}
	}
	// outputs (a state's own, then its failure state's: computed in BFS
	// order, so the failure state, which is shallower, is done first)
	for _, s := range order {
		o := append([]int32(nil), nodes[s].out...)
		if s != 0 {
			o = append(o, a.out[nodes[s].fail]...)
		}
		a.out[s] = o
	}
	enc := func(t int32) uint32 {
		v := uint32(int(t)*nc) << 1
		if len(a.out[t]) > 0 {
			v |= 1
		}
		return v
	}
	for _, s := range order {
		for c := 0; c < nc; c++ {
			if t, ok := nodes[s].next[uint8(c)]; ok {
				a.delta[int(s)*nc+c] = enc(t)
			} else if s == 0 {
				a.delta[c] = 0
			} else {
				// the failure state's transition, already filled (BFS order)
				a.delta[int(s)*nc+c] = a.delta[int(nodes[s].fail)*nc+c]
			}
		}
	}
	return a
}

// find sets in has the id of every literal that occurs in text and, when
// occ is not nil, appends each occurrence to *occ.
func (a *automaton) find(text string, has bitset, occ *[]occurrence) {
	if a == nil {
		return
	}
	delta, class, nc := a.delta, &a.class, uint32(a.nclass)
	s := uint32(0)
	for i := 0; i < len(text); i++ {
		v := delta[(s>>1)+uint32(class[text[i]])]
		if v&1 != 0 {
			for _, id := range a.out[(v>>1)/nc] {
				has.set(id)
				if occ != nil {
					*occ = append(*occ, occurrence{int32(i + 1), id})
				}
			}
		}
		s = v
	}
}

// rawNeed returns a literal that every match of the raw pattern body (as
// compiled by compileList: "(?i)" + body, run on folded text) contains, or
// "" when it finds none. Case-insensitive literal runes are kept only where
// folded text can hold just one form of them: (?i)s also matches "ſ",
// which fold leaves as it is, so no literal can stand for it.
func rawNeed(body string) string {
	re, err := syntax.Parse("(?i)"+body, syntax.Perl)
	if err != nil {
		return ""
	}
	return needOf(re.Simplify())
}

func needOf(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		best, cur := "", []byte(nil)
		for _, r := range re.Rune {
			x, ok := r, true
			if re.Flags&syntax.FoldCase != 0 {
				x, ok = foldedForm(r)
			}
			if !ok || x == utf8.RuneError {
				cur = cur[:0]
				continue
			}
			cur = utf8.AppendRune(cur, x)
			if len(cur) > len(best) {
				best = string(cur)
			}
		}
		return best
	case syntax.OpCapture:
		return needOf(re.Sub[0])
	case syntax.OpPlus:
		return needOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needOf(re.Sub[0])
		}
	case syntax.OpConcat:
		best := ""
		for _, s := range re.Sub {
			if n := needOf(s); len(n) > len(best) {
				best = n
			}
		}
		return best
	}
	return ""
}

// foldedForm returns the one rune that stands for r, matched without
// regard to case, in text folded by fold, and whether there is just one:
// the runes of r's case orbit as fold writes them must all be the same.
func foldedForm(r rune) (rune, bool) {
	x := foldRune(r)
	for q := unicode.SimpleFold(r); q != r; q = unicode.SimpleFold(q) {
		if foldRune(q) != x {
			return 0, false
		}
	}
	return x, true
}

// foldRune is what fold writes for the rune r.
func foldRune(r rune) rune {
	l := unicode.ToLower(r)
	if utf8.RuneLen(l) != utf8.RuneLen(r) {
		return r
	}
	return l
}
