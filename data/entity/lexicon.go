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
	return out, raw, nil
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
