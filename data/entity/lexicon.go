package entity

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"parley/data/textnorm"
)

//go:embed lexicon/roles.json lexicon/stop.json
var lexFS embed.FS

// roleDef is one role of a language in roles.json.
type roleDef struct {
	Role  string   `json:"role"`
	Words []string `json:"words"`
}

type fixedDef struct {
	Role    string   `json:"role"`
	Country string   `json:"country"`
	Words   []string `json:"words"`
}

type titleDef struct {
	Word  string   `json:"word"`
	Roles []string `json:"roles"`
}

type langRoles struct {
	Patterns     []string   `json:"patterns"`
	Roles        []roleDef  `json:"roles"`
	Fixed        []fixedDef `json:"fixed"`
	Titles       []titleDef `json:"titles"`
	TitleSpace   bool       `json:"title_space"`
	AbbrevFollow []string   `json:"abbrev_follow"`
}

type langStop struct {
	Stop       []string `json:"stop"`
	NonPerson  []string `json:"nonperson"`
	Particles  []string `json:"particles"`
	Cues       []string `json:"cues"`
	Places     []string `json:"places"`
	Byline     []string `json:"byline"`
	PlaceWords []string `json:"placewords"`
	// Korean: surnames, and final syllables that end organisation and
	// group nouns rather than names (국방부, 정부측)
	Surnames     []string `json:"surnames"`
	NonNameFinal []string `json:"nonname_final"`
}

// template is a role phrase with a country slot: prefix + country + suffix,
// in stemmed folded form.
type template struct {
	prefix, suffix string
	role           string
}

// lexicon is the per-language data derived from roles.json and stop.json.
type lexicon struct {
	templates    []template
	tix          *templateIndex // nil: scan all templates
	titleSpace   bool
	abbrevFollow []string        // folded
	stop         map[string]bool // folded
	stopSet      wordSet         // stop, with a filter in front (hot look-ups)
	nonPerson    map[string]bool
	particles    map[string]bool
	cues         map[string]bool
	places       map[string]bool
	byline       map[string]bool
	placeWords   map[string]bool
	surnames     map[rune]bool
	nonNameFinal map[rune]bool
	// filters in front of particles and of cues, places and byline
	particleBloom, leadBloom lenBloom
}

func loadLexicons() (map[string]*lexicon, map[string]langRoles, error) {
	var roles map[string]json.RawMessage
	b, err := lexFS.ReadFile("lexicon/roles.json")
	if err != nil {
		return nil, nil, fmt.Errorf("entity: reading role lexicon: %w", err)
	}
	if err := json.Unmarshal(b, &roles); err != nil {
		return nil, nil, fmt.Errorf("entity: parsing role lexicon: %w", err)
	}
	var stops map[string]json.RawMessage
	b, err = lexFS.ReadFile("lexicon/stop.json")
	if err != nil {
		return nil, nil, fmt.Errorf("entity: reading stop lexicon: %w", err)
	}
	if err := json.Unmarshal(b, &stops); err != nil {
		return nil, nil, fmt.Errorf("entity: parsing stop lexicon: %w", err)
	}
	out := map[string]*lexicon{}
	raw := map[string]langRoles{}
	for lang, msg := range roles {
		if strings.HasPrefix(lang, "_") {
			continue
		}
		var lr langRoles
		if err := json.Unmarshal(msg, &lr); err != nil {
			return nil, nil, fmt.Errorf("entity: role lexicon for %q: %w", lang, err)
		}
		raw[lang] = lr
		lx := newLexicon()
		lx.titleSpace = lr.TitleSpace
		stem := stemmerFor(lang)
		norm := func(s string) string { return stemFold(s, stem) }
		for _, rd := range lr.Roles {
			for _, w := range rd.Words {
				if strings.Contains(w, "{c}") {
					lx.addTemplate(w, rd.Role, norm)
					continue
				}
				for _, p := range lr.Patterns {
					lx.addTemplate(strings.ReplaceAll(p, "{r}", w), rd.Role, norm)
				}
			}
		}
		for _, w := range lr.AbbrevFollow {
			lx.abbrevFollow = append(lx.abbrevFollow, textnorm.Fold(w))
		}
		out[lang] = lx
	}
	for lang, msg := range stops {
		if strings.HasPrefix(lang, "_") {
			continue
		}
		var ls langStop
		if err := json.Unmarshal(msg, &ls); err != nil {
			return nil, nil, fmt.Errorf("entity: stop lexicon for %q: %w", lang, err)
		}
		lx := out[lang]
		if lx == nil {
			lx = newLexicon()
			out[lang] = lx
		}
		for _, w := range ls.Stop {
			lx.stop[textnorm.Fold(w)] = true
			lx.stopSet.add(textnorm.Fold(w))
		}
		for _, w := range ls.NonPerson {
			lx.nonPerson[textnorm.Fold(w)] = true
			if st := stemmerFor(lang); st != nil {
				lx.nonPerson[stemFold(w, st)] = true
			}
		}
		for _, w := range ls.Particles {
			lx.particles[textnorm.Fold(w)] = true
		}
		for _, w := range ls.PlaceWords {
			lx.placeWords[textnorm.Fold(w)] = true
			if st := stemmerFor(lang); st != nil {
				lx.placeWords[stemFold(w, st)] = true
			}
		}
		for _, w := range ls.Surnames {
			lx.surnames[firstRune(w)] = true
		}
		for _, w := range ls.NonNameFinal {
			lx.nonNameFinal[firstRune(w)] = true
		}
		for _, w := range ls.Cues {
			lx.cues[textnorm.Fold(w)] = true
		}
		for _, w := range ls.Places {
			lx.places[textnorm.Fold(w)] = true
		}
		for _, w := range ls.Byline {
			lx.byline[textnorm.Fold(w)] = true
		}
	}
	for _, lx := range out {
		lx.tix = newTemplateIndex(lx.templates)
		for k := range lx.particles {
			lx.particleBloom.add(k)
		}
		for _, m := range []map[string]bool{lx.cues, lx.places, lx.byline} {
			for k := range m {
				lx.leadBloom.add(k)
			}
		}
	}
	return out, raw, nil
}

// templateIndex narrows the templates to try around a country name by
// the text next to it: the last kp bytes before the name must end some
// template's prefix and the first ks bytes after it begin its suffix (kp
// and ks are the shortest non-empty prefix and suffix, at most 8 bytes).
// Candidate sets are bit sets over the template list (at most 256), so
// they keep template order.
type templateIndex struct {
	kp, ks       int
	pSlot, sSlot map[string]int // key → slot; slot 0: no such key
	pMask, sMask [][4]uint64    // per slot: templates that may match
}

func newTemplateIndex(tps []template) *templateIndex {
	if len(tps) > 256 {
		return nil // roles scans every template
	}
	ix := &templateIndex{kp: 8, ks: 8, pSlot: map[string]int{}, sSlot: map[string]int{}}
	for _, tp := range tps {
		if tp.prefix != "" {
			ix.kp = min(ix.kp, len(tp.prefix))
		}
		if tp.suffix != "" {
			ix.ks = min(ix.ks, len(tp.suffix))
		}
	}
	ix.pMask, ix.sMask = make([][4]uint64, 1), make([][4]uint64, 1)
	for k, tp := range tps {
		if tp.prefix != "" {
			key := tp.prefix[len(tp.prefix)-ix.kp:]
			if ix.pSlot[key] == 0 {
				ix.pSlot[key] = len(ix.pMask)
				ix.pMask = append(ix.pMask, [4]uint64{})
			}
		}
		if tp.suffix != "" {
			key := tp.suffix[:ix.ks]
			if ix.sSlot[key] == 0 {
				ix.sSlot[key] = len(ix.sMask)
				ix.sMask = append(ix.sMask, [4]uint64{})
			}
		}
		_ = k
	}
	for k, tp := range tps {
		bit, w := uint64(1)<<(k%64), k/64
		if tp.prefix == "" {
			for slot := range ix.pMask {
				ix.pMask[slot][w] |= bit
			}
		} else {
			ix.pMask[ix.pSlot[tp.prefix[len(tp.prefix)-ix.kp:]]][w] |= bit
		}
		if tp.suffix == "" {
			for slot := range ix.sMask {
				ix.sMask[slot][w] |= bit
			}
		} else {
			ix.sMask[ix.sSlot[tp.suffix[:ix.ks]]][w] |= bit
		}
	}
	return ix
}

// candidates returns the set of templates that may match around a country
// name at t[s:e] (bit k: template k).
func (ix *templateIndex) candidates(t string, s, e int) [4]uint64 {
	ps, ss := 0, 0
	if s >= ix.kp {
		ps = ix.pSlot[t[s-ix.kp:s]]
	}
	if e+ix.ks <= len(t) {
		ss = ix.sSlot[t[e:e+ix.ks]]
	}
	p, x := &ix.pMask[ps], &ix.sMask[ss]
	return [4]uint64{p[0] & x[0], p[1] & x[1], p[2] & x[2], p[3] & x[3]}
}

func newLexicon() *lexicon {
	return &lexicon{stop: map[string]bool{}, stopSet: wordSet{m: map[string]bool{}}, nonPerson: map[string]bool{}, particles: map[string]bool{},
		cues: map[string]bool{}, places: map[string]bool{}, byline: map[string]bool{}, placeWords: map[string]bool{},
		surnames: map[rune]bool{}, nonNameFinal: map[rune]bool{}}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// addTemplate splits a phrase with one {c} slot into its literal parts. The
// parts keep the spaces next to the slot ("defence minister of " + c).
func (lx *lexicon) addTemplate(phrase, role string, norm func(string) string) {
	i := strings.Index(phrase, "{c}")
	if i < 0 {
		return
	}
	pre, suf := phrase[:i], phrase[i+3:]
	fp := norm(pre)
	fs := norm(suf)
	// keep a single space at the slot side when the raw text had one
	if strings.HasSuffix(pre, " ") && fp != "" {
		fp += " "
	}
	if strings.HasPrefix(suf, " ") && fs != "" {
		fs = " " + fs
	}
	lx.templates = append(lx.templates, template{prefix: fp, suffix: fs, role: role})
}
