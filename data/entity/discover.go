package entity

import (
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
	p    int // end of the previous word: text[p:s] separates the two
}

// sep returns the text between the previous word and w.
func (w word) sep(text string) string { return text[w.p:w.s] }

// discover finds capitalised name sequences (Latin and Cyrillic) that are
// not covered by a gazetteer match, and resolves them with the fuzzy
// resolver or keeps them as new people.
func (d *doc) discover() {
	// bytes already used by a hit or a mention (original offsets)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.covered) < len(d.text) {
		sc.covered = make([]bool, len(d.text))
	}
	covered := sc.covered[:len(d.text)]
	clear(covered)
	mark := func(s, e int) {
		for k := s; k < e; k++ {
			covered[k] = true
		}
	}
	for _, h := range d.sel {
		mark(d.span(h.s, h.e))
	}
	for _, m := range d.ments {
		mark(m.Start, m.End)
	}
	isCovered := func(s, e int) bool {
		for k := s; k < e; k++ {
			if covered[k] {
				return true
			}
		}
		return false
	}
	sc.words = splitWordsAppend(sc.words[:0], d.text)
	words := sc.words
	ctx := d.discoveryContext(words)
	var run []word
	runStart := 0
	flush := func() {
		if len(run) > 0 {
			d.nameRun(run, words, runStart, ctx)
		}
		run = run[:0]
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		txt := d.text[w.s:w.e]
		c, _ := utf8.DecodeRuneInString(txt)
		sep := w.sep(d.text)
		joined := len(run) > 0 && (sep == " " || sep == "\u00a0")
		if !joined {
			flush()
		}
		if isCovered(w.s, w.e) {
			flush()
			continue
		}
		if unicode.IsUpper(c) {
			if len(run) == 0 {
				runStart = i
			}
			run = append(run, w)
			continue
		}
		// a lower-case particle inside a name (bin, von, de)
		if len(run) > 0 && joined && d.lex.particles[d.foldTmp(txt)] && i+1 < len(words) {
			n := words[i+1]
			nc, _ := utf8.DecodeRuneInString(d.text[n.s:n.e])
			if unicode.IsUpper(nc) && n.sep(d.text) == " " {
				run = append(run, w)
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
	words   []word
	covered []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// splitWordsAppend appends the words of text to out: runs of letters and
// marks, with internal hyphens and apostrophes (Jong-un, O'Brien).
func splitWordsAppend(out []word, text string) []word {
	prevEnd := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !asciiLetter[c] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && asciiLetter[c] {
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsMark(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				if unicode.IsLetter(r3) {
					j += s2
					continue
				}
			}
			break
		}
		out = append(out, word{s: i, e: j, p: prevEnd})
		prevEnd = j
		i = j
	}
	return out
}

// asciiLetter[c] is unicode.IsLetter(c) for ASCII bytes.
var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = unicode.IsLetter(rune(c))
	}
	return t
}()

// foldTmp returns textnorm.Fold(w) in the doc's scratch buffer, without
// allocating. The result is only valid until the next call of foldTmp or
// stemTmp: use it for look-ups, never store it.
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

// stemTmp is d.stemmed(w) for look-ups, with foldTmp's lifetime rule.
func (d *doc) stemTmp(w string) string {
	f := d.foldTmp(w)
	if st := d.stem; st != nil {
		return textnorm.MapWordsText(f, st)
	}
	return f
}

// discoveryCtx holds text-wide facts used to filter capitalised runs,
// computed on first use (most articles never need them).
type discoveryCtx struct {
	d         *doc
	words     []word
	lower     map[string]bool // stemmed forms of words not in lower case → also seen in lower case
	titleLine map[int]bool    // line start offset → the line is in title case (memo)
}

func (d *doc) discoveryContext(words []word) *discoveryCtx {
	return &discoveryCtx{d: d, words: words}
}

// isLower reports whether the word w (stemmed) also occurs in lower case
// in the text.
func (ctx *discoveryCtx) isLower(w string) bool {
	if c, _ := utf8.DecodeRuneInString(w); unicode.IsLower(c) {
		return true // w itself is such a word
	}
	if ctx.lower == nil {
		// Only the forms of the words not in lower case can be asked for:
		// collect them, then mark those that a lower-case word has (look-ups
		// in this small set are cheaper than a set of every word).
		d := ctx.d
		ctx.lower = map[string]bool{}
		for _, w := range ctx.words {
			txt := d.text[w.s:w.e]
			if c, _ := utf8.DecodeRuneInString(txt); !unicode.IsLower(c) {
				if k := d.stemTmp(txt); !hasKey(ctx.lower, k) {
					ctx.lower[strings.Clone(k)] = false
				}
			}
		}
		var bloom lenBloom
		for k := range ctx.lower {
			bloom.add(k)
		}
		for _, w := range ctx.words {
			txt := d.text[w.s:w.e]
			if c, _ := utf8.DecodeRuneInString(txt); unicode.IsLower(c) {
				k := d.stemTmp(txt)
				if !bloom.may(k) {
					continue
				}
				if found, ok := ctx.lower[k]; ok && !found {
					// assigning stores the key again: never the scratch one
					ctx.lower[strings.Clone(k)] = true
				}
			}
		}
	}
	return ctx.lower[ctx.d.stemTmp(w)] // after building: stemTmp reuses its buffer
}

// lenBloom is a filter of strings by first byte and length (mod 64): may
// is false for a string that was not added, and true for all that were.
type lenBloom [256]uint64

func (b *lenBloom) add(k string) {
	if k != "" {
		b[k[0]] |= 1 << (len(k) & 63)
	}
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

func hasKey(m map[string]bool, k string) bool {
	_, ok := m[k]
	return ok
}

// isTitleLine reports whether the line starting at offset start (as
// lineStartOf gives it; -1 for none) is in title case (a headline: most
// longer words capitalised). Lines are measured when first asked about.
func (ctx *discoveryCtx) isTitleLine(start int) bool {
	if start < 0 {
		return false
	}
	if v, ok := ctx.titleLine[start]; ok {
		return v
	}
	d, words := ctx.d, ctx.words
	// the line's words: from the first word after start up to the next
	// word whose separator holds a line break
	k := sort.Search(len(words), func(i int) bool { return words[i].s >= start })
	capN, allN := 0, 0
	for j := k; j < len(words); j++ {
		w := words[j]
		if j > k && strings.IndexByte(w.sep(d.text), '\n') >= 0 {
			break
		}
		txt := d.text[w.s:w.e]
		if utf8.RuneCountInString(txt) < 4 || d.lex.stopSet.has(d.foldTmp(txt)) {
			continue
		}
		allN++
		c, _ := utf8.DecodeRuneInString(txt)
		if unicode.IsUpper(c) {
			capN++
		}
	}
	v := allN >= 4 && float64(capN) >= 0.75*float64(allN)
	if ctx.titleLine == nil {
		ctx.titleLine = map[int]bool{}
	}
	ctx.titleLine[start] = v
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
func (d *doc) cachedResolve(surface string) (int32, float64, bool) {
	k := "\x00" + textnorm.Fold(surface)
	if v, ok := d.r.tokCache.Load(k); ok {
		x := v.(resolved)
		return x.ent, x.score, x.ok
	}
	e, s, ok := d.r.res.resolve(surface, nil, false)
	d.r.cacheStore(k, resolved{e, s, ok})
	return e, s, ok
}

// nameRun handles one capitalised run (words[at:] starts with run).
func (d *doc) nameRun(run []word, words []word, at int, ctx *discoveryCtx) {
	lx := d.lex
	fold := func(w word) string { return textnorm.Fold(d.text[w.s:w.e]) }
	// inSet looks a word up in a folded word set without allocating
	inSet := func(m map[string]bool, w word) bool { return m[d.foldTmp(d.text[w.s:w.e])] }
	var lead []string // words before the run and trimmed leading words
	if at > 0 && !strings.ContainsAny(words[at].sep(d.text), ".!?;:\n") {
		lead = append(lead, fold(words[at-1]))
	}
	for len(run) > 0 && (inSet(lx.stop, run[0]) || inSet(lx.particles, run[0])) {
		lead = append(lead, fold(run[0]))
		run = run[1:]
	}
	if len(run) == 1 {
		if key, ok := d.newLast[d.stemTmp(d.text[run[0].s:run[0].e])]; ok {
			surface := d.text[run[0].s:run[0].e]
			d.emitOrig(key, run[0].s, run[0].e, ViaShort)
			d.newEnts[key].Aliases = appendNew(d.newEnts[key].Aliases, surface)
			return
		}
	}
	cue, place, byline := false, false, false
	for i, w := range lead {
		last := i == len(lead)-1
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
	if byline || place && !cue {
		return
	}
	if !cue && d.lang == "de" {
		return
	}
	// The checks below only decide whether to stop here, so the cheap ones
	// come first; the text-wide ones (title-case line, lower-case use) last.
	for len(run) > 0 && (inSet(lx.stop, run[len(run)-1]) || inSet(lx.particles, run[len(run)-1])) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 || len(run) > 4 {
		return
	}
	for _, w := range run {
		f := d.foldTmp(d.text[w.s:w.e])
		if lx.nonPerson[f] || lx.stop[f] {
			return
		}
		if txt := d.text[w.s:w.e]; utf8.RuneCountInString(txt) >= 2 && allUpper(txt) {
			return // acronym
		}
	}
	if !cue && ctx.isTitleLine(d.lineStartOf(run0(run))) {
		return
	}
	if !cue {
		for _, w := range run {
			if ctx.isLower(d.text[w.s:w.e]) {
				return
			}
		}
	}
	o0, o1 := run[0].s, run[len(run)-1].e
	surface := d.text[o0:o1]
	if len(run) == 1 {
		d.singleName(surface, o0, o1)
		return
	}
	if ent, score, ok := d.cachedResolve(surface); ok {
		via := ViaFuzzy
		_ = score
		d.emitOrigEnt(ent, o0, o1, via)
		return
	}
	d.newPerson(surface, surface, o0, o1)
}

func run0(run []word) int {
	if len(run) == 0 {
		return 0
	}
	return run[0].s
}

func (d *doc) emitOrigEnt(ent int32, o0, o1 int, via string) {
	d.emitOrig(d.r.ents[ent].e.Key, o0, o1, via)
	d.last[ent] = len(d.ments) - 1
}

// singleName handles a lone capitalised word: the surname of a new person
// seen before, or a spelling variant of a known person's name.
func (d *doc) singleName(surface string, o0, o1 int) {
	f := d.stemmed(surface)
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
	k := "\x01" + textnorm.Fold(surface)
	if v, ok := d.r.tokCache.Load(k); ok {
		ent = v.(int32)
	} else {
		if e, score, ok := d.r.res.resolve(surface, d.isPerson, false); ok && score >= singleThreshold {
			ent = e
		}
		d.r.cacheStore(k, ent)
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
	lat := normSpaces(textnorm.Latin(d.stemmed(form)))
	if lat == "" {
		return
	}
	key := "new:" + KindPerson + ":" + strings.ReplaceAll(lat, " ", "-")
	e := d.newEnts[key]
	if e == nil {
		e = &Entity{Key: key, Name: surface, Kind: KindPerson}
		d.newEnts[key] = e
		d.newOrder = append(d.newOrder, key)
	}
	e.Aliases = appendNew(e.Aliases, surface)
	d.emitOrig(key, o0, o1, ViaNew)
	if ws := strings.Fields(d.stemmed(form)); len(ws) >= 2 {
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
