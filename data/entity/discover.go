package entity

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"parley/data/textnorm"
)

// word is a word of the original text.
type word struct {
	s, e int
	p    int   // end of the previous word: text[p:s] separates the two
	fl   uint8 // wUpper, wLower, wASCIILower
}

// word flags
const (
	wUpper      = 1 << iota // the first rune is upper case (unicode.IsUpper)
	wLower                  // the first rune is lower case (unicode.IsLower)
	wASCIILower             // only ASCII lower-case letters: its own fold (isLowerASCIIWord)
	wASCIIAlpha             // only ASCII letters
	wCovered                // overlaps a hit or a mention (discover)
)

// sep returns the text between the previous word and w.
func (w word) sep(text string) string { return text[w.p:w.s] }

// discover finds capitalised name sequences (Latin and Cyrillic) that are
// not covered by a gazetteer match, and resolves them with the fuzzy
// resolver or keeps them as new people.
func (d *doc) discover() {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	// the spans already used by a hit or a mention (original offsets),
	// merged into disjoint ones in order
	ivs := sc.ivs[:0]
	for _, h := range d.sel {
		if o0, o1 := d.span(h.s, h.e); o0 < o1 {
			ivs = append(ivs, [2]int{o0, o1})
		}
	}
	for _, m := range d.ments {
		if m.Start < m.End {
			ivs = append(ivs, [2]int{m.Start, m.End})
		}
	}
	slices.SortFunc(ivs, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	merged := ivs[:0]
	for _, iv := range ivs {
		if n := len(merged); n > 0 && iv[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], iv[1])
			continue
		}
		merged = append(merged, iv)
	}
	sc.ivs = ivs
	sc.words = splitWordsAppend(sc.words[:0], d.text)
	words := sc.words
	// a word is covered when it overlaps a span (words are in order)
	k := 0
	for i := range words {
		w := &words[i]
		for k < len(merged) && merged[k][1] <= w.s {
			k++
		}
		if k < len(merged) && merged[k][0] < w.e {
			w.fl |= wCovered
		}
	}
	ctx := d.discoveryContext(words, sc)
	// a run is always words[runStart : runStart+runN]: every word either
	// extends the run or ends it
	runN, runStart := 0, 0
	flush := func() {
		if runN > 0 {
			d.nameRun(runStart, runStart+runN, ctx)
		}
		runN = 0
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		sep := w.sep(d.text)
		joined := runN > 0 && (sep == " " || sep == "\u00a0")
		if !joined {
			flush()
		}
		if w.fl&wCovered != 0 {
			flush()
			continue
		}
		if w.fl&wUpper != 0 {
			if runN == 0 {
				runStart = i
			}
			runN++
			continue
		}
		// a lower-case particle inside a name (bin, von, de)
		if runN > 0 && joined && ctx.isParticle(i) && i+1 < len(words) {
			n := words[i+1]
			if n.fl&wUpper != 0 && n.sep(d.text) == " " {
				runN++
				continue
			}
		}
		flush()
	}
	flush()
}

// scratch holds per-call buffers of discover, reused across calls (the
// Recognizer is used by several goroutines at once, so through a pool).
type scratch struct {
	words []word
	ivs   [][2]int // covered spans
	// per-word memo of discoveryCtx.fold and .stem (state bit 1: fold
	// known, bit 2: stem known); keys point into text, arena or fresh
	// strings and are only used for look-ups within one call
	keys, stems []string
	state       []uint8
	title       []uint8 // isTitleLine verdict per first word of a line: 0 unknown, 1 no, 2 yes
	arena       []byte
	// set of the stems of lower-case words (isLower): open addressing,
	// hash and word index per slot (index -1: empty)
	lowHash  []uint64
	lowIdx   []int32
	lowFound []bool
	kbuf     []byte // cache keys
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// splitWordsAppend appends the words of text to out: runs of letters and
// marks, with internal hyphens and apostrophes (Jong-un, O'Brien).
func splitWordsAppend(out []word, text string) []word {
	prevEnd := 0
	for i := 0; i < len(text); {
		c := text[i]
		var fl uint8
		size := 1
		if c < utf8.RuneSelf {
			if !asciiLetter[c] {
				i++
				continue
			}
			if c >= 'a' {
				fl = wLower | wASCIILower | wASCIIAlpha
			} else {
				fl = wUpper | wASCIIAlpha
			}
		} else {
			r, sz := utf8.DecodeRuneInString(text[i:])
			rc := classOf(r)
			if rc&rcLetter == 0 {
				i += sz
				continue
			}
			size = sz // fl has no wASCII flag
			if rc&rcUpper != 0 {
				fl = wUpper
			} else if rc&rcLower != 0 {
				fl = wLower
			}
		}
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiLetter[c] {
					if c < 'a' {
						fl &^= wASCIILower
					}
					j++
					continue
				}
				if c == '-' || c == '\'' {
					if r3, _ := utf8.DecodeRuneInString(text[j+1:]); classOf(r3)&rcLetter != 0 {
						fl &^= wASCIILower | wASCIIAlpha
						j++
						continue
					}
				}
				break
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if classOf(r2)&(rcLetter|rcMark) != 0 {
				fl &^= wASCIILower | wASCIIAlpha
				j += s2
				continue
			}
			if r2 == '’' {
				if r3, _ := utf8.DecodeRuneInString(text[j+s2:]); classOf(r3)&rcLetter != 0 {
					fl &^= wASCIILower | wASCIIAlpha
					j += s2
					continue
				}
			}
			break
		}
		out = append(out, word{s: i, e: j, p: prevEnd, fl: fl})
		prevEnd = j
		i = j
	}
	return out
}

// rune classes
const (
	rcLetter = 1 << iota // unicode.IsLetter
	rcMark               // unicode.IsMark
	rcUpper              // unicode.IsUpper
	rcLower              // unicode.IsLower
)

// runeClasses[r] is the class of each rune below U+0800 (ASCII, Latin,
// Greek, Cyrillic, Hebrew, Arabic: the two-byte runes).
var runeClasses = func() (t [0x800]uint8) {
	for r := rune(0); r < 0x800; r++ {
		t[r] = classOfSlow(r)
	}
	return t
}()

func classOf(r rune) uint8 {
	if uint32(r) < 0x800 {
		return runeClasses[r]
	}
	return classOfSlow(r)
}

func classOfSlow(r rune) uint8 {
	var c uint8
	if unicode.IsLetter(r) {
		c |= rcLetter
	}
	if unicode.IsMark(r) {
		c |= rcMark
	}
	if unicode.IsUpper(r) {
		c |= rcUpper
	}
	if unicode.IsLower(r) {
		c |= rcLower
	}
	return c
}

// asciiLetter[c] is unicode.IsLetter(c) for ASCII bytes.
var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = unicode.IsLetter(rune(c))
	}
	return t
}()

// foldTmp returns textnorm.Fold(w) in the doc's scratch buffer, without
// allocating. The result is only valid until the next call of foldTmp:
// use it for look-ups, or copy it (discoveryCtx.keep).
func (d *doc) foldTmp(w string) string {
	if isLowerASCIIWord(w) {
		return w // already folded
	}
	if n := len(w); n <= 64 {
		// ASCII letters: folding is lower-casing
		d.buf = append(d.buf[:0], w...)
		ok := true
		for i, c := range d.buf {
			switch {
			case 'A' <= c && c <= 'Z':
				d.buf[i] = c + 'a' - 'A'
			case 'a' <= c && c <= 'z':
			default:
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok {
			return unsafe.String(&d.buf[0], n)
		}
	}
	d.buf = textnorm.AppendFold(d.buf[:0], w)
	b := d.buf
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func isLowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// discoveryCtx holds text-wide facts used to filter capitalised runs,
// computed on first use (most articles never need them), and the folded
// and stemmed form of each word, computed at most once per call.
type discoveryCtx struct {
	d         *doc
	words     []word
	sc        *scratch
	lowerDone bool // sc.lowHash/lowIdx hold the lower-case stems
}

func (d *doc) discoveryContext(words []word, sc *scratch) *discoveryCtx {
	n := len(words)
	if cap(sc.state) < n {
		sc.state = make([]uint8, n)
		sc.title = make([]uint8, n)
		sc.keys = make([]string, n)
		sc.stems = make([]string, n)
	}
	sc.state, sc.title = sc.state[:n], sc.title[:n]
	clear(sc.state)
	clear(sc.title)
	sc.keys, sc.stems = sc.keys[:n], sc.stems[:n]
	sc.arena = sc.arena[:0]
	return &discoveryCtx{d: d, words: words, sc: sc}
}

// fold returns foldTmp of word i, memoised. Keys live in the text or in
// the scratch arena: use them for look-ups within this call only.
func (ctx *discoveryCtx) fold(i int) string {
	sc := ctx.sc
	if sc.state[i]&1 != 0 {
		return sc.keys[i]
	}
	w := ctx.words[i]
	txt := ctx.d.text[w.s:w.e]
	f := txt
	switch {
	case w.fl&wASCIILower != 0:
	case w.fl&wASCIIAlpha != 0 && len(txt) <= 64:
		// foldTmp lower-cases ASCII letters: do it in the arena
		f = ctx.keep(txt)
		b := unsafe.Slice(unsafe.StringData(f), len(f))
		for k, c := range b {
			b[k] = c | 0x20
		}
	default:
		f = ctx.keep(ctx.d.foldTmp(txt))
	}
	sc.keys[i] = f
	sc.state[i] |= 1
	return f
}

// keep copies a scratch string into the arena. A full arena is replaced,
// never grown in place, so earlier keys stay valid.
func (ctx *discoveryCtx) keep(f string) string {
	if f == "" {
		return ""
	}
	sc := ctx.sc
	a := sc.arena
	if len(a)+len(f) > cap(a) {
		a = make([]byte, 0, max(2*cap(a), len(f), 1024))
	}
	at := len(a)
	a = append(a, f...)
	sc.arena = a
	return unsafe.String(&a[at], len(f))
}

// stem returns stemTmp of word i, memoised (same lifetime as fold).
func (ctx *discoveryCtx) stem(i int) string {
	st := ctx.d.stem
	if st == nil {
		return ctx.fold(i)
	}
	sc := ctx.sc
	if sc.state[i]&2 != 0 {
		return sc.stems[i]
	}
	// the result is the key itself, a prefix of it or a new string
	s := textnorm.MapWordsText(ctx.fold(i), st)
	sc.stems[i] = s
	sc.state[i] |= 2
	return s
}

// mayBe reports whether word i (folded) may be in a set with filter b,
// testing the filter before folding an ASCII word. Fold (foldFull) trims
// spaces that foldTmp keeps: for other words the filter is not used.
func (ctx *discoveryCtx) mayBe(b *lenBloom, i int) bool {
	w := ctx.words[i]
	if n := w.e - w.s; w.fl&wASCIIAlpha != 0 && n <= 64 {
		return b.mayByteLen(ctx.d.text[w.s]|0x20, n)
	}
	return true
}

// isParticle reports whether word i is a name particle (lx.particles).
func (ctx *discoveryCtx) isParticle(i int) bool {
	lx := ctx.d.lex
	return ctx.mayBe(&lx.particleBloom, i) && lx.particles[ctx.fold(i)]
}

// inStop reports whether word i is a stop word (lx.stop), testing the
// filter before folding an ASCII word.
func (ctx *discoveryCtx) inStop(i int) bool {
	w := ctx.words[i]
	set := &ctx.d.lex.stopSet
	if n := w.e - w.s; w.fl&wASCIIAlpha != 0 && n <= 64 {
		// its fold is the word in lower case: same first byte and length
		if !set.bloom.mayByteLen(ctx.d.text[w.s]|0x20, n) {
			return false
		}
	}
	return set.has(ctx.fold(i))
}

// foldFull returns textnorm.Fold of word i (fold trims only spaces).
func (ctx *discoveryCtx) foldFull(i int) string { return strings.TrimSpace(ctx.fold(i)) }

// text returns word i of the text.
func (ctx *discoveryCtx) text(i int) string {
	w := ctx.words[i]
	return ctx.d.text[w.s:w.e]
}

// isLower reports whether word i (stemmed) also occurs in lower case in
// the text.
func (ctx *discoveryCtx) isLower(i int) bool {
	if ctx.words[i].fl&wLower != 0 {
		return true // the word itself is such a word
	}
	sc := ctx.sc
	if !ctx.lowerDone {
		// Only the forms of the words not in lower case can be asked for:
		// collect them (a hash set of word indices), then mark those that
		// a lower-case word has (look-ups in this small set are cheaper
		// than a set of every word).
		ctx.lowerDone = true
		n := 0
		for j := range ctx.words {
			if ctx.words[j].fl&(wLower|wCovered) == 0 {
				n++
			}
		}
		size := 16
		for size < 4*n {
			size <<= 1
		}
		if cap(sc.lowIdx) < size {
			sc.lowIdx = make([]int32, size)
			sc.lowHash = make([]uint64, size)
			sc.lowFound = make([]bool, size)
		}
		sc.lowIdx, sc.lowHash, sc.lowFound = sc.lowIdx[:size], sc.lowHash[:size], sc.lowFound[:size]
		for k := range sc.lowIdx {
			sc.lowIdx[k] = -1
		}
		clear(sc.lowFound)
		var bloom keyFilter
		for j := range ctx.words {
			// covered words are never asked about: runs leave them out
			if ctx.words[j].fl&(wLower|wCovered) != 0 {
				continue
			}
			k := ctx.stem(j)
			bloom.add(k)
			if slot, found := ctx.lowSlot(k); !found {
				sc.lowIdx[slot], sc.lowHash[slot] = int32(j), maphash.String(lowSeed, k)
			}
		}
		plain := ctx.d.stem == nil
		for j, w := range ctx.words {
			if w.fl&wLower == 0 {
				continue
			}
			var k string
			if plain && w.fl&wASCIILower != 0 {
				k = ctx.d.text[w.s:w.e] // its own fold and stem
			} else {
				k = ctx.stem(j)
			}
			if !bloom.may(k) {
				continue
			}
			if slot, found := ctx.lowSlot(k); found {
				sc.lowFound[slot] = true
			}
		}
	}
	slot, found := ctx.lowSlot(ctx.stem(i))
	return found && sc.lowFound[slot]
}

// lowSlot finds k in the set of isLower: its slot, or the empty slot
// where it belongs.
func (ctx *discoveryCtx) lowSlot(k string) (uint64, bool) {
	sc := ctx.sc
	h := maphash.String(lowSeed, k)
	mask := uint64(len(sc.lowIdx) - 1)
	for slot := h & mask; ; slot = (slot + 1) & mask {
		x := sc.lowIdx[slot]
		if x < 0 {
			return slot, false
		}
		if sc.lowHash[slot] == h && ctx.stem(int(x)) == k {
			return slot, true
		}
	}
}

var lowSeed = maphash.MakeSeed()

// keyFilter is a one-hash Bloom filter of 4096 bits over the first and
// last byte and the length of a string: may is false for a string that
// was not added, and true for all that were.
type keyFilter [64]uint64

func keyBit(k string) uint32 {
	x := uint32(k[0]) | uint32(k[len(k)-1])<<8 | uint32(len(k))<<16
	return (x * 0x9E3779B1) >> 20
}

func (f *keyFilter) add(k string) {
	if k != "" {
		b := keyBit(k)
		f[b>>6] |= 1 << (b & 63)
	}
}

func (f *keyFilter) may(k string) bool {
	if k == "" {
		return false
	}
	b := keyBit(k)
	return f[b>>6]&(1<<(b&63)) != 0
}

// lenBloom is a filter of strings by first byte and length (mod 64): may
// is false for a string that was not added, and true for all that were.
type lenBloom [256]uint64

func (b *lenBloom) add(k string) {
	if k != "" {
		b[k[0]] |= 1 << (len(k) & 63)
	}
}

// mayByteLen is may for a string of n bytes starting with c.
func (b *lenBloom) mayByteLen(c byte, n int) bool {
	return n > 0 && b[c]&(1<<(n&63)) != 0
}

func (b *lenBloom) may(k string) bool {
	return k != "" && b[k[0]]&(1<<(len(k)&63)) != 0
}

// wordSet is a set of folded words with a lenBloom in front of the map.
type wordSet struct {
	m     map[string]bool
	bloom lenBloom
}

func (s *wordSet) add(k string) {
	s.m[k] = true
	s.bloom.add(k)
}

func (s *wordSet) has(k string) bool { return s.bloom.may(k) && s.m[k] }

// isTitleLine reports whether the line starting at offset start (as
// lineStartOf gives it; -1 for none) is in title case (a headline: most
// longer words capitalised). Lines are measured when first asked about.
func (ctx *discoveryCtx) isTitleLine(start int) bool {
	if start < 0 {
		return false
	}
	d, words := ctx.d, ctx.words
	// the line's words: from the first word after start up to the next
	// word whose separator holds a line break (the verdict depends on k
	// only, so it is kept per k)
	k := sort.Search(len(words), func(i int) bool { return words[i].s >= start })
	if k < len(words) {
		if v := ctx.sc.title[k]; v != 0 {
			return v == 2
		}
	}
	capN, allN := 0, 0
	for j := k; j < len(words); j++ {
		w := words[j]
		if j > k && strings.IndexByte(w.sep(d.text), '\n') >= 0 {
			break
		}
		txt := d.text[w.s:w.e]
		if len(txt) < 4 || len(txt) < 16 && utf8.RuneCountInString(txt) < 4 || ctx.inStop(j) {
			continue
		}
		allN++
		if w.fl&wUpper != 0 {
			capN++
		}
	}
	v := allN >= 4 && float64(capN) >= 0.75*float64(allN)
	if k < len(words) {
		ctx.sc.title[k] = 1
		if v {
			ctx.sc.title[k] = 2
		}
	}
	return v
}

func (d *doc) lineStartOf(off int) int {
	// lines are short; look back at most to the previous newline
	i := strings.LastIndexByte(d.text[max(0, off-4096):off], '\n')
	if i < 0 {
		if off <= 4096 {
			return 0
		}
		return -1
	}
	return max(0, off-4096) + i + 1
}

type resolved struct {
	ent   int32
	score float64
	ok    bool
}

// cachedResolve resolves a discovered multi-word name, caching the result
// in the Recognizer.
func (d *doc) cachedResolve(surface string, sc *scratch) (int32, float64, bool) {
	// the key is "\x00" + textnorm.Fold(surface), built without allocating
	b := textnorm.AppendFold(sc.kbuf[:0], surface)
	n := len(b)
	f := strings.TrimSpace(unsafe.String(unsafe.SliceData(b), n))
	at := n
	if f != "" {
		at = int(uintptr(unsafe.Pointer(unsafe.StringData(f))) - uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	}
	b = append(b, 0)
	b = append(b, b[at:at+len(f)]...)
	sc.kbuf = b
	k := unsafe.String(&b[n], len(b)-n)
	if v, ok := d.r.tokCache.Load(k); ok {
		x := v.(resolved)
		return x.ent, x.score, x.ok
	}
	e, s, ok := d.r.res.resolve(surface, nil, false)
	d.r.cacheStore(strings.Clone(k), resolved{e, s, ok})
	return e, s, ok
}

// nameRun handles one capitalised run, words[lo:hi].
func (d *doc) nameRun(lo, hi int, ctx *discoveryCtx) {
	lx := d.lex
	words := ctx.words
	at := lo
	isStop := ctx.inStop // lx.stop
	// the lead words are the word before the run (in the same clause) and
	// the trimmed leading words: words[lead0] (when lead0 >= 0), then
	// words[at:lo]
	lead0 := -1
	if at > 0 && !strings.ContainsAny(words[at].sep(d.text), ".!?;:\n") {
		lead0 = at - 1
	}
	for lo < hi && (isStop(lo) || ctx.isParticle(lo)) {
		lo++
	}
	if hi-lo == 1 {
		if key, ok := d.newLast[ctx.stem(lo)]; ok {
			surface := ctx.text(lo)
			d.emitOrig(key, words[lo].s, words[lo].e, ViaShort)
			d.newEnts[key].Aliases = appendNew(d.newEnts[key].Aliases, surface)
			return
		}
	}
	cue, place, byline := false, false, false
	leadWord := func(i int, last bool) {
		if !ctx.mayBe(&lx.leadBloom, i) {
			return // in none of the three sets
		}
		w := ctx.foldFull(i)
		if lx.cues[w] {
			cue = true
		}
		if last && lx.places[w] {
			place = true
		}
		if lx.byline[w] {
			byline = true
		}
	}
	if lead0 >= 0 {
		leadWord(lead0, at == lo)
	}
	for i := at; i < lo; i++ {
		leadWord(i, i == lo-1)
	}
	if byline || place && !cue {
		return
	}
	if !cue && d.lang == "de" {
		return
	}
	// The checks below only decide whether to stop here, so the cheap ones
	// come first; the text-wide ones (title-case line, lower-case use) last.
	for hi > lo && (isStop(hi-1) || ctx.isParticle(hi-1)) {
		hi--
	}
	if hi == lo || hi-lo > 4 {
		return
	}
	for i := lo; i < hi; i++ {
		f := ctx.fold(i)
		if lx.nonPerson[f] || lx.stopSet.has(f) {
			return
		}
		if txt := ctx.text(i); len(txt) >= 2 && utf8.RuneCountInString(txt) >= 2 && allUpper(txt) {
			return // acronym
		}
	}
	// (both tests only read the text: their order does not matter)
	if !cue {
		for i := lo; i < hi; i++ {
			if ctx.isLower(i) {
				return
			}
		}
		if ctx.isTitleLine(d.lineStartOf(words[lo].s)) {
			return
		}
	}
	o0, o1 := words[lo].s, words[hi-1].e
	surface := d.text[o0:o1]
	if hi-lo == 1 {
		d.singleName(ctx, lo)
		return
	}
	if ent, _, ok := d.cachedResolve(surface, ctx.sc); ok {
		d.emitOrigEnt(ent, o0, o1, ViaFuzzy)
		return
	}
	d.newPerson(surface, surface, o0, o1)
}

func (d *doc) emitOrigEnt(ent int32, o0, o1 int, via string) {
	d.emitOrig(d.r.ents[ent].e.Key, o0, o1, via)
	d.last[ent] = len(d.ments) - 1
}

// singleName handles a lone capitalised word (word i): the surname of a
// new person seen before, or a spelling variant of a known person's name.
func (d *doc) singleName(ctx *discoveryCtx, i int) {
	o0, o1 := ctx.words[i].s, ctx.words[i].e
	surface := d.text[o0:o1]
	ff := ctx.foldFull(i) // textnorm.Fold(surface)
	var f string          // d.stemmed(surface)
	if len(ff) == len(ctx.fold(i)) {
		f = ctx.stem(i)
	} else {
		f = d.stemmed(surface)
	}
	if key, ok := d.newLast[f]; ok {
		d.emitOrig(key, o0, o1, ViaShort)
		d.newEnts[key].Aliases = appendNew(d.newEnts[key].Aliases, surface)
		return
	}
	if utf8.RuneCountInString(surface) < 4 {
		return
	}
	// the resolver's answer depends on the folded surface only, so that is
	// the cache key (the stem would merge forms it tells apart)
	var ent int32 = -1
	sc := ctx.sc
	sc.kbuf = append(append(sc.kbuf[:0], 1), ff...)
	k := unsafe.String(&sc.kbuf[0], len(sc.kbuf))
	if v, ok := d.r.tokCache.Load(k); ok {
		ent = v.(int32)
	} else {
		if e, score, ok := d.r.res.resolve(surface, d.isPerson, false); ok && score >= singleThreshold {
			ent = e
		}
		d.r.cacheStore(strings.Clone(k), ent)
	}
	if ent >= 0 {
		d.emitOrigEnt(ent, o0, o1, ViaFuzzy)
	}
}

// singleThreshold is the similarity a lone capitalised word needs to be
// taken as a spelling variant of a known person's name.
const singleThreshold = 0.92

// stemmed folds and stems s for the article language.
func (d *doc) stemmed(s string) string {
	return stemFold(s, d.stem)
}

// newPerson records a discovered person not in the gazetteer.
func (d *doc) newPerson(surface, form string, o0, o1 int) {
	stemmed := d.stemmed(form)
	lat := normSpaces(textnorm.Latin(stemmed))
	if lat == "" {
		return
	}
	key := "new:" + KindPerson + ":" + strings.ReplaceAll(lat, " ", "-")
	if d.newEnts == nil {
		d.newEnts, d.newLast = map[string]*Entity{}, map[string]string{}
	}
	e := d.newEnts[key]
	if e == nil {
		e = &Entity{Key: key, Name: surface, Kind: KindPerson}
		d.newEnts[key] = e
		d.newOrder = append(d.newOrder, key)
	}
	e.Aliases = appendNew(e.Aliases, surface)
	d.emitOrig(key, o0, o1, ViaNew)
	if ws := strings.Fields(stemmed); len(ws) >= 2 {
		d.newLast[ws[len(ws)-1]] = key
	}
}

func appendNew(s []string, x string) []string {
	for _, v := range s {
		if v == x {
			return s
		}
	}
	return append(s, x)
}
