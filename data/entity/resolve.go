package entity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"parley/data/textnorm"
)

// FuzzyThreshold is the similarity a fuzzy match must reach to be accepted
// (measured on testdata/variants.tsv and the corpus; see resolve_test.go).
const FuzzyThreshold = 0.90

// ambiguityMargin: when two different entities score within this margin of
// each other the name is ambiguous and not resolved.
const ambiguityMargin = 0.015

type alias struct {
	ent    int32
	latin  string   // Latin transliteration, words separated by single spaces
	tokens []string // words of latin
	joined string   // latin without spaces
}

type resolver struct {
	r     *Recognizer
	exact map[string][]int32 // folded (and stemmed) alias → entities

	// the transliterated index, built on first use (only names that no
	// exact alias matches need it)
	latOnce    sync.Once
	latinExact map[string][]int32 // joined Latin → entities
	aliases    []alias
	joinedList []string // aliases[i].joined, for sahilm/fuzzy
	bigrams    map[string][]int32
}

// entNames lists the names of entity i (the canonical name, then the names
// of every language).
func (r *Recognizer) entNames(i int) []string {
	en := r.ents[i].entry
	names := []string{en.Name}
	for _, lang := range sortedKeys(en.Names) {
		names = append(names, en.Names[lang]...)
	}
	return names
}

func newResolver(r *Recognizer) *resolver {
	rs := &resolver{r: r, exact: make(map[string][]int32, 2*len(r.pats))}
	for i := range r.ents {
		idx := int32(i)
		for _, n := range r.entNames(i) {
			f := textnorm.Fold(n)
			if f == "" {
				continue
			}
			addUnique(rs.exact, f, idx)
			for m := 1; m < nStemModes; m++ {
				addUnique(rs.exact, stemFold(f, stemFuncs[m]), idx)
			}
		}
	}
	return rs
}

// latin builds the transliterated index on first use.
func (rs *resolver) latin() *resolver {
	rs.latOnce.Do(func() {
		rs.latinExact = map[string][]int32{}
		rs.bigrams = map[string][]int32{}
		seen := map[string]bool{}
		for i := range rs.r.ents {
			idx := int32(i)
			for _, n := range rs.r.entNames(i) {
				if textnorm.Fold(n) == "" {
					continue
				}
				lat := phonetic(normSpaces(textnorm.Latin(n)))
				if lat == "" {
					continue
				}
				joined := strings.ReplaceAll(lat, " ", "")
				addUnique(rs.latinExact, joined, idx)
				k := lat + "\x00" + string(rune(idx))
				if seen[k] {
					continue
				}
				seen[k] = true
				ai := int32(len(rs.aliases))
				rs.aliases = append(rs.aliases, alias{ent: idx, latin: lat, tokens: strings.Fields(lat), joined: joined})
				rs.joinedList = append(rs.joinedList, joined)
				for _, bg := range bigramsOf(joined) {
					l := rs.bigrams[bg]
					if len(l) == 0 || l[len(l)-1] != ai {
						rs.bigrams[bg] = append(l, ai)
					}
				}
			}
		}
	})
	return rs
}

func addUnique(m map[string][]int32, k string, v int32) {
	if k == "" {
		return
	}
	if !containsIdx(m[k], v) {
		m[k] = append(m[k], v)
	}
}

// normSpaces keeps only letters and digits, other characters become spaces,
// and collapses spaces.
func normSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
	}), " ")
}

func bigramsOf(s string) []string {
	if len(s) < 2 {
		return []string{s}
	}
	out := make([]string, 0, len(s)-1)
	for i := 0; i+2 <= len(s); i++ {
		out = append(out, s[i:i+2])
	}
	return out
}

// Resolve maps a name typed or written in any language and script to a
// gazetteer entity: first by exact alias (after folding and stemming), then
// by exact Latin transliteration, then by fuzzy similarity of the Latin
// forms. It returns the entity, the similarity (1 for exact matches) and
// whether the name was resolved. Names that match several entities equally
// well are not resolved.
func (r *Recognizer) Resolve(name string) (Entity, float64, bool) {
	idx, score, ok := r.res.resolve(name, nil, true)
	if !ok {
		return Entity{}, score, false
	}
	return r.ents[idx].e, score, true
}

// resolve returns the entity index. filter, when set, restricts
// candidates; subseq adds sahilm/fuzzy subsequence candidates (typed
// names; skipped inside Recognize, where it would dominate the run time).
func (rs *resolver) resolve(name string, filter func(int32) bool, subseq bool) (int32, float64, bool) {
	f := textnorm.Fold(name)
	if f == "" {
		return -1, 0, false
	}
	pick := func(c []int32) (int32, bool, bool) { // idx, found, unique
		var got []int32
		for _, x := range c {
			if filter == nil || filter(x) {
				got = append(got, x)
			}
		}
		if len(got) == 0 {
			return -1, false, false
		}
		return got[0], true, len(got) == 1
	}
	if c, ok := rs.exact[f]; ok {
		if i, found, uniq := pick(c); found {
			return i, 1, uniq
		}
	}
	for m := 1; m < nStemModes; m++ {
		if c, ok := rs.exact[stemFold(f, stemFuncs[m])]; ok {
			if i, found, uniq := pick(c); found {
				return i, 1, uniq
			}
		}
	}
	if utf8.RuneCountInString(f) <= 2 {
		return -1, 0, false // one- or two-character forms (中, 李, 김) only match exactly
	}
	cjk := false
	for _, c := range f {
		if textnorm.IsHan(c) || textnorm.IsHangul(c) || textnorm.IsKana(c) {
			cjk = true
			break
		}
	}
	lat := phonetic(normSpaces(textnorm.Latin(name)))
	if lat == "" {
		return -1, 0, false
	}
	joined := strings.ReplaceAll(lat, " ", "")
	if len(joined) < 4 {
		return -1, 0, false // too short to compare by sound (Kim, Li, 中)
	}
	rs.latin()
	if c, ok := rs.latinExact[joined]; ok {
		if i, found, uniq := pick(c); found {
			return i, 1, uniq
		}
	}
	if cjk {
		// Han, Hangul and kana names differing by one syllable are
		// different people (金正恩 / 金正男): exact forms only.
		return -1, 0, false
	}
	// fuzzy candidates: aliases sharing bigrams, plus sahilm/fuzzy matches
	qt := strings.Fields(lat)
	cand := map[int32]bool{}
	counts := map[int32]int{}
	bgs := bigramsOf(joined)
	for _, bg := range bgs {
		for _, ai := range rs.bigrams[bg] {
			counts[ai]++
		}
	}
	for ai, n := range counts {
		if float64(n) >= 0.4*float64(len(bgs)) {
			cand[ai] = true
		}
	}
	if subseq && len(joined) >= 3 {
		ms := fuzzy.Find(joined, rs.joinedList)
		for i, m := range ms {
			if i >= 20 {
				break
			}
			cand[int32(m.Index)] = true
		}
	}
	best, second := -1.0, -1.0
	bestEnt := int32(-1)
	for ai := range cand {
		a := &rs.aliases[ai]
		if filter != nil && !filter(a.ent) {
			continue
		}
		s := nameSimilarity(qt, joined, a.tokens, a.joined)
		if s > best || s == best && a.ent < bestEnt {
			if bestEnt != a.ent && best > second {
				second = best
			}
			best, bestEnt = s, a.ent
		} else if a.ent != bestEnt && s > second {
			second = s
		}
	}
	if bestEnt < 0 {
		return -1, 0, false
	}
	if best < FuzzyThreshold || best-second < ambiguityMargin {
		return bestEnt, best, false
	}
	return bestEnt, best, true
}

// NameSimilarity compares two names in any scripts through their Latin
// transliterations: word by word (the weakest word decides, so Kim Jong Un
// and Kim Jong Il stay apart) when they have the same number of words,
// otherwise on the names written without spaces, with a small penalty.
// The result is in [0, 1].
func NameSimilarity(a, b string) float64 {
	la := phonetic(normSpaces(textnorm.Latin(a)))
	lb := phonetic(normSpaces(textnorm.Latin(b)))
	return nameSimilarity(strings.Fields(la), strings.ReplaceAll(la, " ", ""), strings.Fields(lb), strings.ReplaceAll(lb, " ", ""))
}

func nameSimilarity(qt []string, qj string, at []string, aj string) float64 {
	if qj == "" || aj == "" {
		return 0
	}
	if qj == aj {
		if len(qt) == len(at) {
			return 1
		}
		return 0.98
	}
	if len(qt) == len(at) {
		m := 1.0
		for i := range qt {
			s := tokenSim(qt[i], at[i])
			if s < m {
				m = s
			}
		}
		return m
	}
	// different word counts: only nearly identical spellings pass
	return tokenSim(qj, aj) - 0.12
}

// tokenSim is Jaro-Winkler with a penalty for very different lengths (Jaro
// alone rates a word inside a longer one highly: qiang / keqiang).
func tokenSim(a, b string) float64 {
	s := jaroWinkler(a, b)
	la, lb := len(a), len(b)
	if la > lb {
		la, lb = lb, la
	}
	if float64(la) < 0.75*float64(lb) {
		s -= 0.15
	}
	return s
}

var phoneticRepl = strings.NewReplacer(
	"tsch", "ch", "sch", "sh", "dzh", "j", "zh", "j", "kh", "h", "ck", "k", "ph", "f",
	"w", "v", "y", "i", "ou", "u", "ie", "i", "ks", "x", "z", "s",
)

// phonetic maps a Latin transliteration to a rough phonetic key that
// merges spelling conventions of the nine languages (Schoigu/Shoigu,
// Lawrow/Lavrov, Choïgou/Shoygu) and collapses doubled letters.
func phonetic(s string) string {
	s = phoneticRepl.Replace(s)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && s[i] != ' ' {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// jaroWinkler is the Jaro-Winkler similarity of two strings (bytes).
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	md := max(la, lb)/2 - 1
	if md < 0 {
		md = 0
	}
	var ma, mb [64]bool
	if la > 64 || lb > 64 {
		a, b = a[:min(la, 64)], b[:min(lb, 64)]
		la, lb = len(a), len(b)
	}
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-md), min(lb, i+md+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if ma[i] {
			for !mb[k] {
				k++
			}
			if a[i] != b[k] {
				t++
			}
			k++
		}
	}
	fm := float64(m)
	j := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	p := 0
	for p < min(4, min(la, lb)) && a[p] == b[p] {
		p++
	}
	return j + float64(p)*0.1*(1-j)
}
