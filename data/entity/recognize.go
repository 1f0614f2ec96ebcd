package entity

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/data/gazetteer"
	"parley/data/textnorm"
)

// hit is an accepted pattern occurrence in the scanned (folded, stemmed) text.
type hit struct {
	s, e int
	pat  int32
	refs []ref
	best uint8 // highest-priority ref kind
}

var kindPriority = [...]int{kName: 6, kShort: 5, kAbbrev: 4, kTitle: 3, kFixedRole: 2, kDemonym: 1}

// doc is the per-call state of Recognize.
type doc struct {
	r     *Recognizer
	text  string
	lang  string
	date  time.Time
	ft    *textnorm.Folded // scanned text (folded, stemmed)
	t     string
	lex   *lexicon
	sel   []hit
	ments []Mention
	// last mention position (index in ments) per entity index
	last map[int32]int
	// new entities discovered
	newEnts  map[string]*Entity
	newOrder []string
	newLast  map[string]string // folded last word → new entity key
	buf      []byte            // scratch for foldTmp
	refArena []ref             // filtered ref lists of hits (accept)
	stem     stemmer           // the language's stemmer (nil: none)
}

// Recognize finds all entity mentions in text (an article in language
// lang, an ISO 639-1 code; date is its publication date, zero when
// unknown). It returns the entities in order of first mention and the
// mentions sorted by start offset. Offsets are byte offsets into text.
func (r *Recognizer) Recognize(text, lang string, date time.Time) ([]Entity, []Mention) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if !date.IsZero() {
		date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	}
	// newEnts and newLast are made by newPerson (reading a nil map is fine)
	d := &doc{r: r, text: text, lang: lang, date: date, last: map[int32]int{}}
	d.lex = r.lex[lang]
	if d.lex == nil {
		d.lex = r.lex["en"]
	}
	mode := stemModeFor(lang)
	d.stem = stemFuncs[mode]
	ft := textnorm.FoldMap(text)
	if st := stemFuncs[mode]; st != nil {
		ft = ft.MapWords(st)
	}
	d.ft, d.t = ft, ft.Text
	// the hit lists and the ref arena are only used within this call
	hb := hitPool.Get().(*hitBufs)
	d.refArena = hb.refs[:0]
	hits := hb.hits[:0]
	r.matcherFor(mode).scan(d.t, func(s, e int, id int32) {
		if h, ok := d.accept(s, e, id); ok {
			hits = append(hits, h)
		}
	})
	// order by end, then start, then pattern (decompose prefers the first
	// of equally long inner names); a total order, so any sort will do
	slices.SortFunc(hits, func(a, b hit) int {
		if a.e != b.e {
			return cmp.Compare(a.e, b.e)
		}
		if a.s != b.s {
			return cmp.Compare(a.s, b.s)
		}
		return cmp.Compare(a.pat, b.pat)
	})
	raw := append(hb.raw[:0], hits...)
	d.sel = d.decompose(selectHits(hits), raw, hb.sel[:0])
	d.ments = make([]Mention, 0, len(d.sel)+len(d.sel)/4+8)
	d.resolveHits()
	d.roles()
	if textLang(lang) {
		d.discover()
	}
	if lang == "ja" || lang == "zh" {
		d.glosses()
	}
	ents, ments := d.finish()
	// nothing returned refers to the hits or the refs
	clear(hits)
	clear(raw)
	clear(d.sel)
	clear(d.refArena)
	hb.hits, hb.raw, hb.sel, hb.refs = hits[:0], raw[:0], d.sel[:0], d.refArena[:0]
	hitPool.Put(hb)
	return ents, ments
}

// hitBufs are the per-call hit lists of Recognize, reused through a pool.
type hitBufs struct {
	hits, raw, sel []hit
	refs           []ref
}

var hitPool = sync.Pool{New: func() any { return new(hitBufs) }}

func textLang(lang string) bool {
	switch lang {
	case "ko", "ja", "zh":
		return false
	}
	return true
}

// accept filters one raw occurrence by boundaries, case and language.
func (d *doc) accept(s, e int, id int32) (hit, bool) {
	p := &d.r.pats[id]
	t := d.t
	prev, _ := utf8.DecodeLastRuneInString(t[:s])
	next, _ := utf8.DecodeRuneInString(t[e:])
	if s == 0 {
		prev = ' '
	}
	if e == len(t) {
		next = ' '
	}
	ps, ns := textnorm.ScriptOf(prev), textnorm.ScriptOf(next)
	if p.first.IsAlnumScript() && ps.IsAlnumScript() {
		return hit{}, false
	}
	if p.last.IsAlnumScript() && ns.IsAlnumScript() {
		return hit{}, false
	}
	if p.first == textnorm.ScriptHangul && ps == textnorm.ScriptHangul {
		return hit{}, false
	}
	if p.first == textnorm.ScriptKatakana && ps == textnorm.ScriptKatakana {
		return hit{}, false
	}
	if p.last == textnorm.ScriptKatakana && ns == textnorm.ScriptKatakana {
		return hit{}, false
	}
	single := p.runes == 1 && (p.first == textnorm.ScriptHan || p.first == textnorm.ScriptHangul || p.first == textnorm.ScriptKatakana)
	if single && !d.abbrevContext(prev, next, s, e) && !d.titleContext(p, prev, next) {
		return hit{}, false
	}
	if p.last == textnorm.ScriptHangul && p.runes <= 1 && ns == textnorm.ScriptHangul {
		return hit{}, false
	}
	// refs is p.refs itself when every ref passes (no allocation), else a
	// copy of the passing ones carved from the doc's ref arena
	n := len(p.refs)
	var okSmall uint64 // bit k: p.refs[k] passes (n <= 64)
	var okBig []bool   // the same for longer lists
	if n > 64 {
		okBig = make([]bool, n)
	}
	nOK := 0
	var best uint8
	bestP := -1
	surf := ""
	// capitalisation verdict of the last (capMask, allCap) seen: the refs
	// of a form mostly share them (Li: dozens of people)
	lastMask, lastAll, lastOK, haveLast := uint32(0), false, false, false
	for k, rf := range p.refs {
		ok := true
		switch rf.kind {
		case kAbbrev, kTitle, kFixedRole:
			ok = rf.lang == d.lang
		}
		if ok && single && rf.kind != kAbbrev && rf.kind != kTitle && rf.lang != d.lang {
			ok = false
		}
		if ok && (rf.capMask != 0 || rf.allCap) {
			if surf == "" {
				o0, o1 := d.ft.Span(s, e)
				surf = d.text[o0:o1]
			}
			if !haveLast || rf.capMask != lastMask || rf.allCap != lastAll {
				lastMask, lastAll, haveLast = rf.capMask, rf.allCap, true
				lastOK = capOK(rf.capMask, surf) && (!rf.allCap || allUpper(surf))
			}
			ok = lastOK
		}
		if !ok {
			continue
		}
		nOK++
		if okBig != nil {
			okBig[k] = true
		} else {
			okSmall |= 1 << k
		}
		if kindPriority[rf.kind] > bestP {
			bestP, best = kindPriority[rf.kind], rf.kind
		}
	}
	if nOK == 0 {
		return hit{}, false
	}
	refs := p.refs
	if nOK < n {
		if len(d.refArena)+nOK > cap(d.refArena) {
			// a new chunk: earlier hits keep theirs
			d.refArena = make([]ref, 0, max(2*cap(d.refArena), 32, nOK))
		}
		at := len(d.refArena)
		for k := range p.refs {
			if okBig != nil && okBig[k] || okBig == nil && okSmall&(1<<k) != 0 {
				d.refArena = append(d.refArena, p.refs[k])
			}
		}
		refs = d.refArena[at:len(d.refArena):len(d.refArena)]
	}
	return hit{s: s, e: e, pat: id, refs: refs, best: best}, true
}

func allUpper(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) && !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// abbrevContext decides whether a one-character CJK form (尹, 中, 米, 북)
// stands alone as an abbreviation here.
func (d *doc) abbrevContext(prev, next rune, s, e int) bool {
	ab := d.r.abbrevRunes[d.lang]
	cjk := func(c rune) bool { return textnorm.IsHan(c) || textnorm.IsHangul(c) || textnorm.IsKana(c) }
	switch d.lang {
	case "ko":
		self, _ := utf8.DecodeRuneInString(d.t[s:])
		if textnorm.IsHangul(self) {
			return d.hangulAbbrevRun(s, e)
		}
		// a hanja in Hangul text is an abbreviation (尹, 李대통령, 中); it may
		// be followed by Hangul (a title or a particle) but not by more hanja
		return (!cjk(prev) || ab[prev]) && (!textnorm.IsHan(next) || ab[next]) && !textnorm.ScriptOf(prev).IsAlnumScript()
	case "ja":
		if textnorm.IsHan(prev) && !ab[prev] || textnorm.ScriptOf(prev).IsAlnumScript() {
			return false
		}
		if ab[next] || textnorm.IsKatakana(next) {
			return true
		}
		for _, w := range d.lex.abbrevFollow {
			if strings.HasPrefix(d.t[e:], w) {
				return true
			}
		}
		return !cjk(next) && next != ' '
	}
	return false
}

// titleContext accepts a one-character title of the document's language
// written straight after a Han surname and ending the word (金氏は, 習氏、),
// so titleForm can resolve the surname; inside a word (氏名) it is not one.
func (d *doc) titleContext(p *pattern, prev, next rune) bool {
	if !textnorm.IsHan(prev) || textnorm.IsHan(next) {
		return false
	}
	for _, rf := range p.refs {
		if rf.kind == kTitle && rf.lang == d.lang {
			return true
		}
	}
	return false
}

// hangulAbbrevRun accepts a one-syllable Hangul abbreviation (북, 러, 미)
// only inside a run of such abbreviations, written together or joined by
// middle dots (한미일, 북·러): alone, these syllables are ordinary words
// (한 차례, 27일).
func (d *doc) hangulAbbrevRun(s, e int) bool {
	ab := d.r.abbrevRunes["ko"]
	o0, o1 := d.span(s, e)
	txt := d.text
	n := 1
	isJoin := func(c rune) bool { return c == '·' || c == '・' || c == '･' || c == 'ㆍ' }
	// backwards
	for i := o0; i > 0; {
		c, size := utf8.DecodeLastRuneInString(txt[:i])
		if isJoin(c) {
			i -= size
			c, size = utf8.DecodeLastRuneInString(txt[:i])
			if !ab[c] {
				return false
			}
		}
		if !textnorm.IsHangul(c) && !textnorm.IsHan(c) {
			break
		}
		if !ab[c] {
			return false
		}
		n++
		i -= size
	}
	for i := o1; i < len(txt); {
		c, size := utf8.DecodeRuneInString(txt[i:])
		if isJoin(c) {
			i += size
			c, size = utf8.DecodeRuneInString(txt[i:])
			if !ab[c] {
				return false
			}
		}
		if !textnorm.IsHangul(c) && !textnorm.IsHan(c) {
			break
		}
		if !ab[c] {
			return false
		}
		n++
		i += size
	}
	return n >= 2
}

// selectHits keeps the leftmost-longest non-overlapping hits.
func selectHits(h []hit) []hit {
	sort.Slice(h, func(i, j int) bool {
		if h[i].s != h[j].s {
			return h[i].s < h[j].s
		}
		if h[i].e != h[j].e {
			return h[i].e > h[j].e
		}
		return kindPriority[h[i].best] > kindPriority[h[j].best]
	})
	out := h[:0]
	end := -1
	for _, x := range h {
		if x.s >= end {
			out = append(out, x)
			end = x.e
		}
	}
	return out
}

// decompose splits an organisation name that contains a country name
// ("South Korea's Unification Ministry", "Kementerian Unifikasi Korea
// Selatan") into the shorter name of the same organisation and the
// country, when both are names on their own.
func (d *doc) decompose(sel, raw, out []hit) []hit {
	for _, h := range sel {
		org := int32(-1)
		for _, rf := range h.refs {
			if rf.kind == kName && d.r.ents[rf.ent].e.Kind == KindOrganization {
				org = rf.ent
			}
		}
		if org < 0 {
			out = append(out, h)
			continue
		}
		var o, c *hit
		for k := range raw {
			x := &raw[k]
			if x.s < h.s || x.e > h.e || x.e-x.s == h.e-h.s {
				continue
			}
			for _, rf := range x.refs {
				if rf.kind != kName {
					continue
				}
				if rf.ent == org && (o == nil || x.e-x.s > o.e-o.s) {
					o = x
				}
				if d.r.ents[rf.ent].e.Kind == KindCountry && (c == nil || x.e-x.s > c.e-c.s) {
					c = x
				}
			}
		}
		if o != nil && c == nil && d.descriptive(h, o) {
			out = append(out, *o) // "agence officielle KCNA" → KCNA
			continue
		}
		if o == nil || c == nil || o.s < c.e && c.s < o.e {
			out = append(out, h)
			continue
		}
		if c.s < o.s {
			out = append(out, *c, *o)
		} else {
			out = append(out, *o, *c)
		}
	}
	return out
}

// descriptive reports whether the part of h outside its inner name o is
// only lower-case words (a description such as "agence officielle").
func (d *doc) descriptive(h hit, o *hit) bool {
	h0, h1 := d.span(h.s, h.e)
	o0, o1 := d.span(o.s, o.e)
	rest := d.text[h0:o0] + d.text[o1:h1]
	letters := 0
	for _, c := range rest {
		if unicode.IsLetter(c) {
			letters++
			if !unicode.IsLower(c) {
				return false
			}
		}
	}
	return letters > 0
}

func (d *doc) span(s, e int) (int, int) { return d.ft.Span(s, e) }

func (d *doc) emit(ent int32, s, e int, via string) {
	o0, o1 := d.span(s, e)
	d.emitOrig(d.r.ents[ent].e.Key, o0, o1, via)
	d.last[ent] = len(d.ments) - 1
}

func (d *doc) emitOrig(key string, o0, o1 int, via string) {
	d.ments = append(d.ments, Mention{EntityKey: key, Start: o0, End: o1, Surface: d.text[o0:o1], Via: via})
}

// recent returns, among cands, the entity mentioned most recently, or -1.
func (d *doc) recent(cands []int32) int32 {
	best, bestPos := int32(-1), -1
	for _, c := range cands {
		if p, ok := d.last[c]; ok && p > bestPos {
			best, bestPos = c, p
		}
	}
	return best
}

func (d *doc) isPerson(i int32) bool { return d.r.ents[i].e.Kind == gazetteer.Person }

func (d *doc) resolveHits() {
	// candidate lists, reused from hit to hit (choose and recent keep none)
	var names, shorts, abbrevs []int32
	for i := 0; i < len(d.sel); i++ {
		h := d.sel[i]
		names, shorts, abbrevs = names[:0], shorts[:0], abbrevs[:0]
		var nameFirst bool
		var title, fixed = -1, -1
		for _, rf := range h.refs {
			switch rf.kind {
			case kName:
				if !containsIdx(names, rf.ent) {
					names = append(names, rf.ent)
				}
				if rf.first {
					nameFirst = true
				}
			case kShort:
				shorts = append(shorts, rf.ent)
			case kAbbrev:
				abbrevs = append(abbrevs, rf.ent)
			case kTitle:
				title = int(rf.ent)
			case kFixedRole:
				fixed = int(rf.ent)
			}
		}
		switch {
		case len(names) > 0:
			ent := d.choose(names, nil)
			if d.isPerson(ent) && d.placeName(h) {
				continue
			}
			e := h.e
			via := ViaName
			// surname + title written together (岸田首相, 習主席)
			if (d.lang == "ja" || d.lang == "zh") && !nameFirst && d.isPerson(ent) && i+1 < len(d.sel) &&
				d.sel[i+1].s == h.e && d.sel[i+1].best == kTitle && d.r.pats[h.pat].first == textnorm.ScriptHan {
				e = d.sel[i+1].e
				via = ViaTitle
				i++
			}
			d.emit(ent, h.s, e, via)
		case len(shorts) > 0:
			ent := d.recent(shorts)
			if ent < 0 && d.lang == "ko" && d.r.pats[h.pat].runes == 1 && d.r.pats[h.pat].first == textnorm.ScriptHan && !d.date.IsZero() {
				// a hanja surname in a Korean headline (李) with no antecedent:
				// the office holder with that surname on the article date
				if c := d.choose(shorts, nil); c >= 0 && d.r.holdsRole(c, rolesOrAll(nil, d.r.ents[c].entry.Roles), "", d.date) {
					ent = c
				}
			}
			if ent >= 0 {
				d.emit(ent, h.s, h.e, ViaShort)
			}
		case len(abbrevs) > 0:
			if ent := d.choose(abbrevs, nil); ent >= 0 {
				d.emit(ent, h.s, h.e, ViaAbbrev)
			}
		case title >= 0:
			d.titleForm(i, d.r.titles[title])
		case fixed >= 0:
			fr := d.r.fixed[fixed]
			if d.nameFollows(h.e) {
				continue
			}
			if ent := d.r.holderOf(fr.role, fr.country, d.date); ent >= 0 {
				d.emit(ent, h.s, h.e, ViaRole)
			} else if ent := d.recentHolder(fr.role, fr.country); ent >= 0 {
				d.emit(ent, h.s, h.e, ViaRole)
			}
		}
	}
}

// placeName reports whether a person's name is part of a place name
// (Kim Il Sung Square, площадь Ким Ир Сена, 김일성광장).
func (d *doc) placeName(h hit) bool {
	lx := d.lex
	if !textLang(d.lang) {
		rest := d.t[h.e:]
		for w := range lx.placeWords {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
		return false
	}
	next := strings.TrimLeft(d.t[h.e:], " ")
	if i := strings.IndexAny(next, " .,;:!?)\"»“”"); i >= 0 {
		next = next[:i]
	}
	if lx.placeWords[next] && next != "" && strings.HasPrefix(d.t[h.e:], " ") {
		return true
	}
	prev := strings.TrimRight(d.t[:h.s], " ")
	if i := strings.LastIndexAny(prev, " .,;:!?(\"«“”"); i >= 0 {
		prev = prev[i+1:]
	}
	return prev != "" && lx.placeWords[prev] && strings.HasSuffix(d.t[:h.s], " ")
}

// choose picks one entity among candidates for the same form: the most
// recently mentioned, else a person holding a role on the article date,
// else the first listed (countries and organisations before people only
// when they come first).
func (d *doc) choose(cands []int32, roles []string) int32 {
	if len(cands) == 1 {
		return cands[0]
	}
	if c := d.recent(cands); c >= 0 {
		return c
	}
	if !d.date.IsZero() {
		best, bestScore := int32(-1), 0
		for _, c := range cands {
			if !d.isPerson(c) {
				continue
			}
			sc := 0
			for _, ro := range d.r.ents[c].entry.Roles {
				if len(roles) > 0 && !containsStr(roles, ro.Role) || !d.r.holdsRole(c, []string{ro.Role}, ro.Country, d.date) {
					continue
				}
				v := 1
				switch ro.Role {
				case "head_of_state", "leader":
					v = 3
				case "head_of_government":
					v = 2
				}
				if ro.Country == homeCountry[d.lang] {
					v += 3
				}
				sc = max(sc, v)
			}
			if sc > bestScore {
				best, bestScore = c, sc
			}
		}
		if best >= 0 {
			return best
		}
	}
	for _, c := range cands {
		if !d.isPerson(c) {
			return c
		}
	}
	if d.date.IsZero() {
		return cands[0]
	}
	return -1
}

// homeCountry is the country whose office holders a bare one-character
// abbreviation most likely means in a language's press (李 in a Korean
// headline is the South Korean president).
var homeCountry = map[string]string{"ko": "KR", "ja": "JP", "zh": "CN", "ru": "RU", "de": "DE", "fr": "FR", "es": "ES", "id": "ID"}

func containsStr(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func rolesOrAll(roles []string, held []gazetteer.Role) []string {
	if len(roles) > 0 {
		return roles
	}
	out := make([]string, 0, len(held))
	for _, h := range held {
		out = append(out, h.Role)
	}
	return out
}

// recentHolder returns the most recently mentioned person who ever held
// role for country, or -1.
func (d *doc) recentHolder(role, country string) int32 {
	var cands []int32
	for _, t := range d.r.holders[role+"|"+country] {
		cands = append(cands, t.ent)
	}
	return d.recent(cands)
}

// nameFollows reports whether a person name hit starts right after scanned
// offset e (apposition: "Russian Defence Minister Sergei Shoigu").
func (d *doc) nameFollows(e int) bool {
	// d.sel is sorted by start: the first hit starting at or after e
	if k := sort.Search(len(d.sel), func(k int) bool { return d.sel[k].s >= e }); k < len(d.sel) {
		h := d.sel[k]
		if h.s-e > 1 || strings.TrimSpace(d.t[e:h.s]) != "" {
			return false
		}
		for _, rf := range h.refs {
			if (rf.kind == kName || rf.kind == kShort) && d.isPerson(rf.ent) {
				return true
			}
		}
		return false
	}
	return false
}

// titleForm resolves a surname + title form (김 위원장, 習氏, 岸田首相)
// around the title hit sel[i].
func (d *doc) titleForm(i int, ti titleInfo) {
	h := d.sel[i]
	prevEnd := 0
	if i > 0 {
		prevEnd = d.sel[i-1].e
	}
	t := d.t
	switch d.lang {
	case "ko":
		j := h.s
		if j > 0 && t[j-1] == ' ' {
			j--
		}
		k := j
		for k > prevEnd {
			c, size := utf8.DecodeLastRuneInString(t[:k])
			if !textnorm.IsHangul(c) {
				break
			}
			k -= size
		}
		if k == j || k < prevEnd {
			return
		}
		x := t[k:j]
		if c, _ := utf8.DecodeLastRuneInString(t[:k]); k > 0 && (textnorm.IsHan(c) || textnorm.IsHangul(c)) {
			return
		}
		if ent := d.surname(x, []string{"ko"}, ti); ent >= 0 {
			d.emit(ent, k, h.e, ViaTitle)
			return
		}
		if utf8.RuneCountInString(x) >= 2 {
			if ent, _, ok := d.r.res.resolve(x, d.isPerson, false); ok {
				d.emit(ent, k, h.e, ViaFuzzy)
				return
			}
		}
		if d.koNewName(x) {
			// a person the gazetteer lacks, named before a title
			o0, o1 := d.span(k, j)
			d.newPerson(d.text[o0:o1], x, o0, o1)
		}
	case "ja", "zh":
		langs := []string{d.lang}
		// Han run before the title
		k := h.s
		n := 0
		for k > prevEnd && n < 4 {
			c, size := utf8.DecodeLastRuneInString(t[:k])
			if !textnorm.IsHan(c) {
				break
			}
			k -= size
			n++
		}
		for start := k; start < h.s; {
			x := t[start:h.s]
			first, _ := utf8.DecodeRuneInString(x)
			if n := utf8.RuneCountInString(x); n <= 3 && !(n == 1 && d.r.abbrevRunes[d.lang][first]) {
				if ent := d.surname(x, langs, ti); ent >= 0 {
					d.emit(ent, start, h.e, ViaTitle)
					return
				}
			}
			_, size := utf8.DecodeRuneInString(t[start:])
			start += size
		}
		if d.lang != "ja" {
			return
		}
		// katakana name before a title or honorific (ボルアルテ大統領)
		k = h.s
		for k > prevEnd {
			c, size := utf8.DecodeLastRuneInString(t[:k])
			if !textnorm.IsKatakana(c) {
				break
			}
			k -= size
		}
		if x := t[k:h.s]; utf8.RuneCountInString(x) >= 3 {
			if ent, _, ok := d.r.res.resolve(x, d.isPerson, false); ok {
				d.emit(ent, k, h.s, ViaFuzzy)
			} else {
				o0, o1 := d.span(k, h.s)
				d.newPerson(d.text[o0:o1], x, o0, o1)
			}
		}
	}
}

// koNewName reports whether a Hangul word written before a title looks
// like a Korean full name: three syllables starting with a common surname
// and not ending like an organisation or group noun (국방부 장관, 정부측).
func (d *doc) koNewName(x string) bool {
	if utf8.RuneCountInString(x) != 3 {
		return false
	}
	var rs [3]rune
	i := 0
	for _, c := range x {
		if c < 0xAC00 || c > 0xD7A3 {
			return false
		}
		rs[i] = c
		i++
	}
	return d.lex.surnames[rs[0]] && !d.lex.nonNameFinal[rs[2]]
}

// surname resolves a surname written before a title: the most recently
// mentioned person whose name starts with it, else the person with that
// surname holding the title's role on the article date.
func (d *doc) surname(x string, langs []string, ti titleInfo) int32 {
	var cands []int32
	for _, l := range langs {
		for _, c := range d.r.prefix[l][x] {
			if !containsIdx(cands, c) {
				cands = append(cands, c)
			}
		}
	}
	if len(cands) == 0 {
		return -1
	}
	if c := d.recent(cands); c >= 0 {
		return c
	}
	if len(ti.roles) == 0 || d.date.IsZero() {
		return -1
	}
	for _, c := range cands {
		if d.r.holdsRole(c, ti.roles, "", d.date) {
			return c
		}
	}
	return -1
}

// roles finds role phrases around country names and demonyms.
func (d *doc) roles() {
	if len(d.lex.templates) == 0 {
		return
	}
	t := d.t
	var extra []Mention
	for i, h := range d.sel {
		country := ""
		for _, rf := range h.refs {
			if (rf.kind == kName || rf.kind == kDemonym || rf.kind == kAbbrev) && d.r.ents[rf.ent].e.Kind == gazetteer.Country {
				country = d.r.ents[rf.ent].entry.Country
				if country == "" {
					country = strings.TrimPrefix(d.r.ents[rf.ent].e.Key, "country:")
				}
				break
			}
		}
		if country == "" {
			continue
		}
		bs, be := -1, -1
		role := ""
		// the templates to try, in order: those the index leaves (bit k of
		// cands[k/64]), or all
		var cands [4]uint64
		ix := d.lex.tix
		if ix != nil {
			cands = ix.candidates(t, h.s, h.e)
		}
		for k := 0; k < len(d.lex.templates); k++ {
			if ix != nil {
				w := k / 64
				for w < len(cands) && cands[w]>>(k%64) == 0 {
					w++
					k = w * 64
				}
				if w >= len(cands) {
					break
				}
				k += bits.TrailingZeros64(cands[w] >> (k % 64))
				if k >= len(d.lex.templates) {
					break
				}
			}
			tp := &d.lex.templates[k]
			// cheap byte tests before the string comparisons
			if lp := len(tp.prefix); lp > 0 && (lp > h.s || t[h.s-1] != tp.prefix[lp-1]) ||
				len(tp.suffix) > 0 && (h.e+len(tp.suffix) > len(t) || t[h.e] != tp.suffix[0]) {
				continue
			}
			if !strings.HasSuffix(t[:h.s], tp.prefix) || !strings.HasPrefix(t[h.e:], tp.suffix) {
				continue
			}
			s0, e0 := h.s-len(tp.prefix), h.e+len(tp.suffix)
			if !boundaryBefore(t, s0) || !boundaryAfter(t, e0) {
				continue
			}
			if e0-s0 > be-bs {
				bs, be, role = s0, e0, tp.role
			}
		}
		if role == "" {
			continue
		}
		if d.nameFollows(be) || d.namePrecedes(i, bs) {
			continue
		}
		ent := d.r.holderOf(role, country, d.date)
		if ent < 0 && role == "leader" {
			for _, alt := range []string{"head_of_state", "head_of_government"} {
				if ent = d.r.holderOf(alt, country, d.date); ent >= 0 {
					break
				}
			}
		}
		if ent < 0 {
			ent = d.recentHolder(role, country)
		}
		if ent < 0 {
			continue
		}
		o0, o1 := d.span(bs, be)
		extra = append(extra, Mention{EntityKey: d.r.ents[ent].e.Key, Start: o0, End: o1, Surface: d.text[o0:o1], Via: ViaRole})
	}
	d.ments = append(d.ments, extra...)
}

// namePrecedes reports whether a person name hit ends right before scanned
// offset s (CJK apposition: 김정은 북한 국무위원장).
func (d *doc) namePrecedes(i, s int) bool {
	if d.lang != "ko" && d.lang != "ja" && d.lang != "zh" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		h := d.sel[j]
		if h.e > s {
			continue
		}
		if s-h.e > 1 || strings.TrimSpace(d.t[h.e:s]) != "" {
			return false
		}
		for _, rf := range h.refs {
			if rf.kind == kName && d.isPerson(rf.ent) {
				return true
			}
		}
		return false
	}
	return false
}

func boundaryBefore(t string, s int) bool {
	if s <= 0 {
		return true
	}
	a, _ := utf8.DecodeRuneInString(t[s:])
	if !textnorm.ScriptOf(a).IsAlnumScript() {
		return true
	}
	b, _ := utf8.DecodeLastRuneInString(t[:s])
	return !textnorm.ScriptOf(b).IsAlnumScript()
}

func boundaryAfter(t string, e int) bool {
	if e >= len(t) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(t[:e])
	if !textnorm.ScriptOf(a).IsAlnumScript() {
		return true
	}
	b, _ := utf8.DecodeRuneInString(t[e:])
	return !textnorm.ScriptOf(b).IsAlnumScript()
}

// glosses adds katakana readings in brackets after a person name:
// 金正恩（キム・ジョンウン）.
func (d *doc) glosses() {
	n := len(d.ments)
	for i := 0; i < n; i++ {
		m := d.ments[i]
		if m.Via == ViaRole {
			continue
		}
		ent, ok := d.r.byKey[m.EntityKey]
		if ok && !d.isPerson(ent) {
			continue
		}
		rest := d.text[m.End:]
		var open int
		switch {
		case strings.HasPrefix(rest, "（"):
			open = len("（")
		case strings.HasPrefix(rest, "("):
			open = 1
		default:
			continue
		}
		j := open
		for j < len(rest) {
			c, size := utf8.DecodeRuneInString(rest[j:])
			if !(textnorm.IsKatakana(c) || c == '・' || c == '･' || c == '·' || c == '゠' || c == '=') {
				break
			}
			j += size
		}
		if j == open || !(strings.HasPrefix(rest[j:], "）") || strings.HasPrefix(rest[j:], ")")) {
			continue
		}
		s0, e0 := m.End+open, m.End+j
		covered := false
		for _, o := range d.ments {
			if o.Start < e0 && s0 < o.End {
				covered = true
				break
			}
		}
		if !covered {
			d.emitOrig(m.EntityKey, s0, e0, ViaGloss)
		}
	}
}

// finish orders mentions and builds the entity list.
func (d *doc) finish() ([]Entity, []Mention) {
	slices.SortStableFunc(d.ments, func(a, b Mention) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	// the entities in order of first mention: gazetteer index, or -1 and
	// the new entity
	type first struct {
		i int32
		e *Entity
	}
	order := make([]first, 0, 16)
	// keys seen: the first few in a list, then in a map
	var seenBuf [17]string
	seenList := seenBuf[:0]
	var seen map[string]bool
	for _, m := range d.ments {
		if seen != nil {
			if seen[m.EntityKey] {
				continue
			}
			seen[m.EntityKey] = true
		} else {
			if slices.Contains(seenList, m.EntityKey) {
				continue
			}
			seenList = append(seenList, m.EntityKey)
			if len(seenList) > 16 {
				seen = make(map[string]bool, 2*len(seenList))
				for _, k := range seenList {
					seen[k] = true
				}
			}
		}
		if i, ok := d.r.byKey[m.EntityKey]; ok {
			order = append(order, first{i: i})
		} else if e := d.newEnts[m.EntityKey]; e != nil {
			order = append(order, first{i: -1, e: e})
		}
	}
	var ents []Entity
	if len(order) > 0 {
		ents = make([]Entity, len(order))
		for k, f := range order {
			if f.i >= 0 {
				ents[k] = d.r.ents[f.i].e
			} else {
				ents[k] = *f.e
			}
		}
	}
	if len(d.ments) == 0 {
		return ents, nil // as before the mentions were given room up front
	}
	return ents, d.ments
}
