package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/data/textnorm"
)

// word is a word of the original text.
type word struct {
	s, e int
	sep  string // text between the previous word and this one
}

// discover finds capitalised name sequences (Latin and Cyrillic) that are
// not covered by a gazetteer match, and resolves them with the fuzzy
// resolver or keeps them as new people.
func (d *doc) discover() {
	// spans already used (original offsets)
	var covered [][2]int
	for _, h := range d.sel {
		o0, o1 := d.span(h.s, h.e)
		covered = append(covered, [2]int{o0, o1})
	}
	for _, m := range d.ments {
		covered = append(covered, [2]int{m.Start, m.End})
	}
	isCovered := func(s, e int) bool {
		for _, c := range covered {
			if c[0] < e && s < c[1] {
				return true
			}
		}
		return false
	}
	words := splitWords(d.text)
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
		joined := len(run) > 0 && (w.sep == " " || w.sep == "\u00a0")
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
		if len(run) > 0 && joined && d.lex.particles[textnorm.Fold(txt)] && i+1 < len(words) {
			n := words[i+1]
			nc, _ := utf8.DecodeRuneInString(d.text[n.s:n.e])
			if unicode.IsUpper(nc) && n.sep == " " {
				run = append(run, w)
				continue
			}
		}
		flush()
	}
	flush()
}

// splitWords splits text into words: runs of letters and marks, with
// internal hyphens and apostrophes (Jong-un, O'Brien).
func splitWords(text string) []word {
	var out []word
	prevEnd := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
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
		out = append(out, word{s: i, e: j, sep: text[prevEnd:i]})
		prevEnd = j
		i = j
	}
	return out
}

// discoveryCtx holds text-wide facts used to filter capitalised runs.
type discoveryCtx struct {
	lower     map[string]bool // words that also occur in lower case
	titleLine map[int]bool    // line numbers (by offset of line start) in title case
}

func (d *doc) discoveryContext(words []word) *discoveryCtx {
	ctx := &discoveryCtx{lower: map[string]bool{}, titleLine: map[int]bool{}}
	for _, w := range words {
		txt := d.text[w.s:w.e]
		c, _ := utf8.DecodeRuneInString(txt)
		if unicode.IsLower(c) {
			ctx.lower[d.stemmed(txt)] = true
		}
	}
	// title-case lines (headlines): most longer words capitalised
	lineStart := 0
	capN, allN := 0, 0
	closeLine := func() {
		if allN >= 4 && float64(capN) >= 0.75*float64(allN) {
			ctx.titleLine[lineStart] = true
		}
		capN, allN = 0, 0
	}
	for _, w := range words {
		if nl := strings.LastIndexByte(w.sep, '\n'); nl >= 0 {
			closeLine()
			lineStart = w.s - len(w.sep) + nl + 1
		}
		txt := d.text[w.s:w.e]
		if utf8.RuneCountInString(txt) < 4 || d.lex.stop[textnorm.Fold(txt)] {
			continue
		}
		allN++
		c, _ := utf8.DecodeRuneInString(txt)
		if unicode.IsUpper(c) {
			capN++
		}
	}
	closeLine()
	return ctx
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
	d.r.tokCache.Store(k, resolved{e, s, ok})
	return e, s, ok
}

// nameRun handles one capitalised run (words[at:] starts with run).
func (d *doc) nameRun(run []word, words []word, at int, ctx *discoveryCtx) {
	lx := d.lex
	fold := func(w word) string { return textnorm.Fold(d.text[w.s:w.e]) }
	var lead []string // words before the run and trimmed leading words
	if at > 0 && !strings.ContainsAny(words[at].sep, ".!?;:\n") {
		lead = append(lead, fold(words[at-1]))
	}
	for len(run) > 0 && (lx.stop[fold(run[0])] || lx.particles[fold(run[0])]) {
		lead = append(lead, fold(run[0]))
		run = run[1:]
	}
	if len(run) == 1 {
		if key, ok := d.newLast[d.stemmed(d.text[run[0].s:run[0].e])]; ok {
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
	if !cue && (d.lang == "de" || ctx.titleLine[d.lineStartOf(run0(run))]) {
		return
	}
	for len(run) > 0 && (lx.stop[fold(run[len(run)-1])] || lx.particles[fold(run[len(run)-1])]) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 || len(run) > 4 {
		return
	}
	for _, w := range run {
		f := fold(w)
		if lx.nonPerson[f] || lx.stop[f] {
			return
		}
		if txt := d.text[w.s:w.e]; utf8.RuneCountInString(txt) >= 2 && allUpper(txt) {
			return // acronym
		}
	}
	if !cue {
		for _, w := range run {
			if ctx.lower[d.stemmed(d.text[w.s:w.e])] {
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
	var ent int32 = -1
	if v, ok := d.r.tokCache.Load(f); ok {
		ent = v.(int32)
	} else {
		if e, score, ok := d.r.res.resolve(surface, d.isPerson, false); ok && score >= singleThreshold {
			ent = e
		}
		d.r.tokCache.Store(f, ent)
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
	return stemFold(s, stemmerFor(d.lang))
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
