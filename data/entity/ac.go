package entity

import "sort"

// matcher is a byte-level Aho-Corasick automaton. States keep their edges
// in one flat array sorted by byte (the root has a dense 256-entry table),
// failure links are precomputed, and each state points to the next state
// on its suffix chain that has outputs, so reporting is proportional to the
// number of matches.
type matcher struct {
	root     [256]int32
	edgeOff  []int32 // edges of state s: edges[edgeOff[s]:edgeOff[s+1]]
	edgeByte []byte
	edgeTo   []int32
	fail     []int32
	outLink  []int32 // next state on the failure chain with outputs, or -1
	outOff   []int32 // outputs of state s: outs[outOff[s]:outOff[s+1]]
	outs     []int32 // pattern ids
	depth    []int32 // pattern length at a state = depth
}

// buildMatcher builds the automaton for pats (empty patterns are ignored).
func buildMatcher(pats []string) *matcher {
	// trie with sorted child lists built incrementally
	type node struct {
		kids  []int32 // child states, kept sorted by byte
		bytes []byte
		out   []int32
		depth int32
	}
	nodes := []node{{}}
	for id, p := range pats {
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := p[i]
			n := &nodes[s]
			k := sort.Search(len(n.bytes), func(j int) bool { return n.bytes[j] >= c })
			if k < len(n.bytes) && n.bytes[k] == c {
				s = n.kids[k]
				continue
			}
			nodes = append(nodes, node{depth: nodes[s].depth + 1})
			t := int32(len(nodes) - 1)
			n = &nodes[s]
			n.bytes = append(n.bytes, 0)
			n.kids = append(n.kids, 0)
			copy(n.bytes[k+1:], n.bytes[k:])
			copy(n.kids[k+1:], n.kids[k:])
			n.bytes[k] = c
			n.kids[k] = t
			s = t
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	m := &matcher{}
	ns := len(nodes)
	m.edgeOff = make([]int32, ns+1)
	total := 0
	for i := range nodes {
		m.edgeOff[i] = int32(total)
		total += len(nodes[i].bytes)
	}
	m.edgeOff[ns] = int32(total)
	m.edgeByte = make([]byte, 0, total)
	m.edgeTo = make([]int32, 0, total)
	m.depth = make([]int32, ns)
	for i := range nodes {
		m.edgeByte = append(m.edgeByte, nodes[i].bytes...)
		m.edgeTo = append(m.edgeTo, nodes[i].kids...)
		m.depth[i] = nodes[i].depth
	}
	for i := range m.root {
		m.root[i] = 0
	}
	for k, c := range nodes[0].bytes {
		m.root[c] = nodes[0].kids[k]
	}
	// BFS for failure links
	m.fail = make([]int32, ns)
	m.outLink = make([]int32, ns)
	queue := make([]int32, 0, ns)
	for _, t := range nodes[0].kids {
		m.fail[t] = 0
		queue = append(queue, t)
	}
	m.outLink[0] = -1
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		f := m.fail[s]
		if len(nodes[f].out) > 0 {
			m.outLink[s] = f
		} else {
			m.outLink[s] = m.outLink[f]
		}
		if s == 0 {
			m.outLink[s] = -1
		}
		for k, c := range nodes[s].bytes {
			t := nodes[s].kids[k]
			// failure of t: follow fail of s until a state has an edge c
			g := m.fail[s]
			for {
				if nx := m.next(g, c); nx >= 0 {
					if nx == t {
						nx = 0
					}
					m.fail[t] = nx
					break
				}
				if g == 0 {
					m.fail[t] = 0
					break
				}
				g = m.fail[g]
			}
			queue = append(queue, t)
		}
	}
	// root children: outLink computed above from fail=0 (root has no outputs)
	m.outOff = make([]int32, ns+1)
	nout := 0
	for i := range nodes {
		m.outOff[i] = int32(nout)
		nout += len(nodes[i].out)
	}
	m.outOff[ns] = int32(nout)
	m.outs = make([]int32, 0, nout)
	for i := range nodes {
		m.outs = append(m.outs, nodes[i].out...)
	}
	return m
}

// next returns the goto transition of s on c, or -1 (root: 0 when absent).
func (m *matcher) next(s int32, c byte) int32 {
	if s == 0 {
		return m.root[c]
	}
	lo, hi := m.edgeOff[s], m.edgeOff[s+1]
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if m.edgeByte[i] == c {
				return m.edgeTo[i]
			}
		}
		return -1
	}
	for lo < hi {
		mid := (lo + hi) / 2
		b := m.edgeByte[mid]
		if b == c {
			return m.edgeTo[mid]
		}
		if b < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return -1
}

// scan calls fn(start, end, patternID) for every occurrence of every
// pattern in text, in order of end offset.
func (m *matcher) scan(text string, fn func(start, end int, id int32)) {
	s := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			nx := m.next(s, c)
			if nx >= 0 {
				s = nx
				break
			}
			s = m.fail[s]
		}
		if s == 0 {
			continue
		}
		for t := s; t > 0; {
			lo, hi := m.outOff[t], m.outOff[t+1]
			if lo < hi {
				d := int(m.depth[t])
				for k := lo; k < hi; k++ {
					fn(i+1-d, i+1, m.outs[k])
				}
			}
			t = m.outLink[t]
			if t < 0 {
				break
			}
		}
	}
}
