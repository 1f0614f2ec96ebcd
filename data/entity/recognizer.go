package entity

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/data/gazetteer"
	"parley/data/textnorm"
)

// ref kinds
const (
	kName uint8 = iota
	kShort
	kAbbrev
	kDemonym
	kFixedRole
	kTitle
)

// ref links a pattern to what it stands for.
type ref struct {
	ent     int32 // entity index (kName..kDemonym), fixed-role index, or title index
	kind    uint8
	lang    string // language the form is listed under ("" = any)
	first   bool   // the first (full) name of the entity in that language
	capMask uint32 // bit i: word i of the form is capitalised, so must be in the text (alphabetic scripts)
	allCap  bool   // acronym (AS, RI, US): text must be in capitals
}

type pattern struct {
	text string // folded, unstemmed
	refs []ref
	// scripts of the first and last rune and rune count (of the folded text)
	first, last textnorm.Script
	runes       int
}

type fixedRole struct {
	role, country, lang string
}

type titleInfo struct {
	lang  string
	roles []string
}

type term struct {
	ent      int32
	from, to time.Time // to is zero while in office
}

// entInfo is one gazetteer entry with what the recognizer needs.
type entInfo struct {
	e     Entity
	entry gazetteer.Entry
}

// Recognizer finds entity mentions. It is immutable after New and safe for
// concurrent use.
type Recognizer struct {
	ents  []entInfo
	byKey map[string]int32

	pats  []pattern
	patID map[string]int32 // folded text → pattern index

	mOnce    [nStemModes]sync.Once
	matchers [nStemModes]*matcher

	lex    map[string]*lexicon
	fixed  []fixedRole
	titles []titleInfo

	holders map[string][]term // role|country → terms

	// prefix[lang][prefix] → person indices whose name in lang starts with
	// prefix (1..3 runes of the first word) — for CJK title forms
	prefix map[string]map[string][]int32
	// abbrevRunes[lang] is the set of one-rune abbreviations of a language
	abbrevRunes map[string]map[rune]bool

	res *resolver

	// discovery cache: folded discovered name → resolver answer; cleared
	// when it reaches maxCache entries so that it cannot grow without
	// bound over hundreds of thousands of articles
	tokCache sync.Map
	tokN     atomic.Int64
}

// maxCache bounds the discovery cache (entries are about 100 bytes).
const maxCache = 1 << 16

func (r *Recognizer) cacheStore(k string, v any) {
	if _, loaded := r.tokCache.LoadOrStore(k, v); loaded {
		return
	}
	if r.tokN.Add(1) > maxCache {
		r.tokCache.Clear()
		r.tokN.Store(0)
	}
}

var (
	defOnce sync.Once
	defRec  *Recognizer
	defErr  error
)

// Default returns the Recognizer built from the embedded gazetteer. It is
// built once, on first use.
func Default() (*Recognizer, error) {
	defOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			defErr = fmt.Errorf("entity: loading gazetteer: %w", err)
			return
		}
		defRec, defErr = New(g)
	})
	return defRec, defErr
}

// New builds a Recognizer from a gazetteer.
func New(g *gazetteer.Gazetteer) (*Recognizer, error) {
	if g == nil {
		return nil, fmt.Errorf("entity: no gazetteer")
	}
	return NewFromEntries(g.Entries())
}

// NewFromEntries builds a Recognizer from gazetteer entries (for tests and
// custom gazetteers).
func NewFromEntries(entries []gazetteer.Entry) (*Recognizer, error) {
	lex, raw, err := loadLexicons()
	if err != nil {
		return nil, err
	}
	r := &Recognizer{
		byKey:       map[string]int32{},
		patID:       make(map[string]int32, 16*len(entries)),
		lex:         lex,
		holders:     map[string][]term{},
		prefix:      map[string]map[string][]int32{},
		abbrevRunes: map[string]map[rune]bool{},
	}
	for _, en := range entries {
		idx := int32(len(r.ents))
		if _, dup := r.byKey[en.ID]; dup {
			return nil, fmt.Errorf("entity: duplicate gazetteer id %q", en.ID)
		}
		r.byKey[en.ID] = idx
		r.ents = append(r.ents, entInfo{
			e:     Entity{Key: en.ID, Name: en.Name, Kind: en.Kind, Known: true, Aliases: aliasesOf(en)},
			entry: en,
		})
		for _, lang := range sortedKeys(en.Names) {
			for i, n := range en.Names[lang] {
				r.addPattern(n, ref{ent: idx, kind: kName, lang: lang, first: i == 0})
			}
		}
		for _, lang := range sortedKeys(en.Short) {
			for _, n := range en.Short[lang] {
				r.addPattern(n, ref{ent: idx, kind: kShort, lang: lang})
			}
		}
		for _, lang := range sortedKeys(en.Abbrev) {
			for _, n := range en.Abbrev[lang] {
				r.addPattern(n, ref{ent: idx, kind: kAbbrev, lang: lang})
				if utf8.RuneCountInString(n) == 1 {
					rr, _ := utf8.DecodeRuneInString(n)
					if r.abbrevRunes[lang] == nil {
						r.abbrevRunes[lang] = map[rune]bool{}
					}
					r.abbrevRunes[lang][rr] = true
				}
			}
		}
		for _, lang := range sortedKeys(en.Demonyms) {
			for _, n := range en.Demonyms[lang] {
				r.addPattern(n, ref{ent: idx, kind: kDemonym, lang: lang})
			}
		}
		for _, ro := range en.Roles {
			from, err1 := parseDay(ro.From)
			to, err2 := parseDay(ro.To)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("entity: %s: bad role dates %q..%q", en.ID, ro.From, ro.To)
			}
			k := ro.Role + "|" + ro.Country
			r.holders[k] = append(r.holders[k], term{ent: idx, from: from, to: to})
		}
		if en.Kind == gazetteer.Person {
			for _, lang := range []string{"ko", "ja", "zh", "zh-Hant"} {
				for _, n := range en.Names[lang] {
					r.addPrefixes(lang, n, idx)
				}
			}
		}
	}
	for lang, lr := range raw {
		for _, fx := range lr.Fixed {
			for _, w := range fx.Words {
				id := int32(len(r.fixed))
				r.fixed = append(r.fixed, fixedRole{role: fx.Role, country: fx.Country, lang: lang})
				r.addPattern(w, ref{ent: id, kind: kFixedRole, lang: lang})
			}
		}
		for _, t := range lr.Titles {
			id := int32(len(r.titles))
			r.titles = append(r.titles, titleInfo{lang: lang, roles: t.Roles})
			r.addPattern(t.Word, ref{ent: id, kind: kTitle, lang: lang})
		}
	}
	r.res = newResolver(r)
	r.matcherFor(stemNone)
	return r, nil
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func aliasesOf(en gazetteer.Entry) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(en.Name)
	for _, lang := range sortedKeys(en.Names) {
		for _, n := range en.Names[lang] {
			add(n)
		}
	}
	return out
}

func (r *Recognizer) addPattern(form string, rf ref) {
	f := textnorm.Fold(form)
	if f == "" {
		return
	}
	words := strings.Count(f, " ") + 1
	fr, _ := utf8.DecodeRuneInString(f)
	if textnorm.ScriptOf(fr).IsAlnumScript() {
		orig := strings.TrimSpace(form)
		rf.capMask = capMask(orig, words)
	}
	if words == 1 && textnorm.ScriptOf(fr).IsAlnumScript() {
		orig := strings.TrimSpace(form)
		letters, upper := 0, 0
		for _, c := range orig {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					upper++
				}
			}
		}
		rf.allCap = letters >= 2 && upper == letters && letters <= 5
	}
	id, ok := r.patID[f]
	if !ok {
		id = int32(len(r.pats))
		r.patID[f] = id
		lr, _ := utf8.DecodeLastRuneInString(f)
		r.pats = append(r.pats, pattern{text: f, first: textnorm.ScriptOf(fr), last: textnorm.ScriptOf(lr), runes: utf8.RuneCountInString(f)})
	}
	p := &r.pats[id]
	for _, x := range p.refs {
		if x == rf {
			return
		}
	}
	p.refs = append(p.refs, rf)
}

// splitNameWords splits a name into words at spaces, hyphens and dashes
// (as Fold does).
func splitNameWords(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || c == '-' || c >= 0x2010 && c <= 0x2015 || c == 0x2212
	})
}

// capMask returns the capitalised words of form; when the word count does
// not agree with the folded form only the first word counts.
func capMask(form string, foldedWords int) uint32 {
	ws := splitNameWords(form)
	var m uint32
	for i, w := range ws {
		if i >= 32 {
			break
		}
		c, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(c) {
			m |= 1 << i
		}
	}
	if len(ws) != foldedWords {
		m &= 1
	}
	return m
}

// capOK checks the capitalised words of a form against the surface text.
func capOK(mask uint32, surface string) bool {
	if mask == 0 {
		return true
	}
	// the words of splitNameWords, without building them
	i := 0
	inWord := false
	for k := 0; k < len(surface); {
		c := rune(surface[k])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(surface[k:])
		}
		k += size
		if unicode.IsSpace(c) || c == '-' || c >= 0x2010 && c <= 0x2015 || c == 0x2212 {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		if i >= 32 {
			break
		}
		if mask&(1<<i) != 0 && !unicode.IsUpper(c) {
			return false
		}
		i++
	}
	return true
}

func (r *Recognizer) addPrefixes(lang, name string, idx int32) {
	f := textnorm.Fold(name)
	if i := strings.IndexByte(f, ' '); i >= 0 {
		f = f[:i]
	}
	m := r.prefix[lang]
	if m == nil {
		m = map[string][]int32{}
		r.prefix[lang] = m
	}
	n := 0
	for i := range f {
		if n >= 1 {
			p := f[:i]
			if !containsIdx(m[p], idx) {
				m[p] = append(m[p], idx)
			}
		}
		n++
		if n > 3 {
			break
		}
	}
	if n <= 3 && !containsIdx(m[f], idx) {
		m[f] = append(m[f], idx)
	}
}

func containsIdx(s []int32, x int32) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// matcherFor returns the automaton for a stem mode, building it on first use.
func (r *Recognizer) matcherFor(mode int) *matcher {
	r.mOnce[mode].Do(func() {
		st := stemFuncs[mode]
		texts := make([]string, len(r.pats))
		for i, p := range r.pats {
			if st == nil {
				texts[i] = p.text
			} else {
				texts[i] = stemFold(p.text, st)
			}
		}
		r.matchers[mode] = buildMatcher(texts)
	})
	return r.matchers[mode]
}

// holdsRole reports whether person idx held one of roles (any country when
// country is "") on date.
func (r *Recognizer) holdsRole(idx int32, roles []string, country string, date time.Time) bool {
	for _, ro := range r.ents[idx].entry.Roles {
		if country != "" && ro.Country != country {
			continue
		}
		ok := false
		for _, x := range roles {
			if x == ro.Role {
				ok = true
			}
		}
		if !ok {
			continue
		}
		if date.IsZero() {
			return true
		}
		from, _ := parseDay(ro.From)
		to, _ := parseDay(ro.To)
		if !date.Before(from) && (to.IsZero() || !date.After(to)) {
			return true
		}
	}
	return false
}

// holderOf returns the person holding role for country on date (the
// incoming holder on a hand-over day), or -1.
func (r *Recognizer) holderOf(role, country string, date time.Time) int32 {
	if date.IsZero() {
		return -1
	}
	d := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	best := int32(-1)
	var bestFrom time.Time
	for _, t := range r.holders[role+"|"+country] {
		if !d.Before(t.from) && (t.to.IsZero() || !d.After(t.to)) {
			if best < 0 || t.from.After(bestFrom) {
				best, bestFrom = t.ent, t.from
			}
		}
	}
	return best
}

// Entity returns the gazetteer entity with the given key.
func (r *Recognizer) Entity(key string) (Entity, bool) {
	i, ok := r.byKey[key]
	if !ok {
		return Entity{}, false
	}
	return r.ents[i].e, true
}
