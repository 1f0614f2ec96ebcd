package meeting

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parley/assets"
)

// Pack is a language pack: the data that drives sentence splitting and
// meeting detection for one language. The schema is documented in doc.go.
type Pack struct {
	Lang          string   `json:"lang"`
	Script        string   `json:"script"` // "latin" (words separated by spaces; default) or "cjk"
	Abbreviations []string `json:"abbreviations"`
	NullSubject   []string `json:"null_subject"` // comitative words ("con"): in a language that drops subjects, "<trigger> con X" is the previous subject meeting X
	OrdinalDot    bool     `json:"ordinal_dot"`  // "5. März": a period after a one- or two-digit number does not end a sentence

	Triggers map[string][]string `json:"triggers"` // meeting, summit, call
	Multi    []string            `json:"multi"`

	Planned      []string `json:"planned"`
	Accepted     []string `json:"accepted"`
	Invitation   []string `json:"invitation"` // an invitation is mentioned: its last two persons are who an accepted invitation is between // an accepted invitation: planned, even next to an invitation cue
	Denied       []string `json:"denied"`
	Hypothetical []string `json:"hypothetical"`
	Again        []string `json:"again"`
	Background   []string `json:"background"`

	Counts   []string       `json:"counts"`
	Once     []string       `json:"once"`
	NotCount []string       `json:"not_count"`
	Numbers  map[string]int `json:"numbers"`
	Ordinals map[string]int `json:"ordinals"`

	Attribution []string `json:"attribution"`

	SubjectPronouns []string `json:"subject_pronouns"`
	ObjectPronouns  []string `json:"object_pronouns"`
	PairRefs        []string `json:"pair_refs"`

	NonParticipant []string `json:"non_participant"`
	ClauseBreaks   []string `json:"clause_breaks"`

	Weekdays     map[string]int `json:"weekdays"`
	Months       map[string]int `json:"months"`
	RelativeDays map[string]int `json:"relative_days"`
	DatePatterns []string       `json:"date_patterns"`
	Place        []string       `json:"place"`

	abbrev     map[string]bool
	cjk        bool
	triggers   map[string]*cue
	multi      *cue
	planned    *cue
	accepted   *cue
	invitation *cue
	denied     *cue
	hypo       *cue
	again      *cue
	background *cue
	counts     *cue
	once       *cue
	notCount   *cue
	attrib     []*regexp.Regexp
	attribLead []*lead // attrib[i] tried only where it can start (anchor.go); nil: attrib[i] itself
	datesLead  []*lead
	placeLead  []*lead
	attribNeed []string
	datesNeed  []string
	placeNeed  []string
	subjPron   *cue
	objPron    *cue
	pairRefs   *cue
	nonPart    []nonPart
	breaks     *cue
	dates      []*regexp.Regexp
	place      []*regexp.Regexp
	numRe      *regexp.Regexp
	numAlt     string
	numWords   []string // numbers and ordinals, longest first

	// the literals the cues and patterns need, found in one pass (lits.go)
	lits      litSet
	numMask   litMask // ASCII digits and number words (hasNumber)
	digitMask litMask // ASCII digits
	monthMask litMask // the month names, folded
	wdMask    litMask // the weekday names, folded
	attribID  []int32 // attribNeed as literal ids
	datesID   []int32
	placeID   []int32
	relDays   []relDay // RelativeDays, folded
}

// relDay is a relative day word ("yesterday"), folded, with its literal
// id and its offset in days.
type relDay struct {
	fw     string // fold of the key of RelativeDays
	id     int32
	offset int
}

type nonPart struct {
	before *cue // cue that precedes the excluded mention ("letter from")
	after  *cue // cue that follows it ("'s letter")
}

var (
	packMu    sync.Mutex
	packCache = map[string]*Pack{}
)

// ErrNoPack is returned by Get for a language without a pack.
var ErrNoPack = errors.New("no language pack")

// Get returns the embedded pack for lang ("en", "id", ...), loading and
// compiling it once. It is safe for concurrent use.
func Get(lang string) (*Pack, error) {
	packMu.Lock()
	defer packMu.Unlock()
	if p, ok := packCache[lang]; ok {
		if p == nil {
			return nil, fmt.Errorf("language %q: %w", lang, ErrNoPack)
		}
		return p, nil
	}
	b, err := fs.ReadFile(assets.FS, "lang/"+lang+".json")
	if err != nil {
		packCache[lang] = nil
		return nil, fmt.Errorf("language %q: %w", lang, ErrNoPack)
	}
	p, err := ParsePack(b)
	if err != nil {
		return nil, fmt.Errorf("language pack %q: %w", lang, err)
	}
	packCache[lang] = p
	return p, nil
}

// Languages lists the languages with an embedded pack.
func Languages() []string {
	ents, _ := fs.ReadDir(assets.FS, "lang")
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// ParsePack parses and compiles a pack from its JSON form.
func ParsePack(b []byte) (*Pack, error) {
	p := &Pack{}
	if err := json.Unmarshal(b, p); err != nil {
		return nil, fmt.Errorf("reading pack: %w", err)
	}
	if err := p.compile(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Pack) compile() error {
	p.cjk = p.Script == "cjk"
	p.abbrev = map[string]bool{}
	for _, a := range p.Abbreviations {
		p.abbrev[strings.ToLower(strings.TrimSuffix(a, "."))] = true
	}
	if p.OrdinalDot {
		p.abbrev["#ordinal"] = true
	}
	// number words
	seen := map[string]bool{}
	for w := range p.Numbers {
		if !seen[strings.ToLower(w)] {
			p.numWords = append(p.numWords, strings.ToLower(w))
			seen[strings.ToLower(w)] = true
		}
	}
	for w := range p.Ordinals {
		if !seen[strings.ToLower(w)] {
			p.numWords = append(p.numWords, strings.ToLower(w))
			seen[strings.ToLower(w)] = true
		}
	}
	sort.Slice(p.numWords, func(i, j int) bool {
		if len(p.numWords[i]) != len(p.numWords[j]) {
			return len(p.numWords[i]) > len(p.numWords[j])
		}
		return p.numWords[i] < p.numWords[j]
	})
	var alts []string
	for _, w := range p.numWords {
		alts = append(alts, regexp.QuoteMeta(w))
	}
	alts = append(alts, `\d+(?:st|nd|rd|th|e|er|ème|º|ª|°|\.|-?[а-я]{1,3})?`)
	p.numAlt = "(?:" + strings.Join(alts, "|") + ")"
	var err error
	p.numRe, err = regexp.Compile("(?i)" + p.numAlt)
	if err != nil {
		return fmt.Errorf("numbers: %w", err)
	}
	comp := func(name string, pats []string) (*cue, error) {
		re, err := p.compileList(pats)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return re, nil
	}
	p.triggers = map[string]*cue{}
	for kind, pats := range p.Triggers {
		re, err := comp("triggers."+kind, pats)
		if err != nil {
			return err
		}
		p.triggers[kind] = re
	}
	for _, x := range []struct {
		dst  **cue
		name string
		pats []string
	}{
		{&p.multi, "multi", p.Multi}, {&p.planned, "planned", p.Planned}, {&p.accepted, "accepted", p.Accepted}, {&p.invitation, "invitation", p.Invitation}, {&p.denied, "denied", p.Denied},
		{&p.hypo, "hypothetical", p.Hypothetical}, {&p.again, "again", p.Again}, {&p.background, "background", p.Background},
		{&p.counts, "counts", p.Counts}, {&p.once, "once", p.Once}, {&p.notCount, "not_count", p.NotCount},
		{&p.subjPron, "subject_pronouns", p.SubjectPronouns}, {&p.objPron, "object_pronouns", p.ObjectPronouns},
		{&p.pairRefs, "pair_refs", p.PairRefs}, {&p.breaks, "clause_breaks", p.ClauseBreaks},
	} {
		re, err := comp(x.name, x.pats)
		if err != nil {
			return err
		}
		*x.dst = re
	}
	for _, a := range p.Attribution {
		re, ld, err := p.compileLead(a, true)
		if err != nil {
			return fmt.Errorf("attribution %q: %w", a, err)
		}
		p.attrib = append(p.attrib, re)
		p.attribLead = append(p.attribLead, ld)
		p.attribNeed = append(p.attribNeed, required(fold(a)))
	}
	for _, a := range p.DatePatterns {
		re, ld, err := p.compileLead(a, true)
		if err != nil {
			return fmt.Errorf("date_patterns %q: %w", a, err)
		}
		p.dates = append(p.dates, re)
		p.datesLead = append(p.datesLead, ld)
		p.datesNeed = append(p.datesNeed, required(fold(a)))
	}
	for _, a := range p.Place {
		// place names are told by their capital letter: no case folding
		re, ld, err := p.compileLead(a, false)
		if err != nil {
			return fmt.Errorf("place %q: %w", a, err)
		}
		p.place = append(p.place, re)
		p.placeLead = append(p.placeLead, ld)
		p.placeNeed = append(p.placeNeed, required(fold(a)))
	}
	for _, a := range p.NonParticipant {
		before, after, ok := strings.Cut(a, "{x}")
		if !ok {
			return fmt.Errorf("non_participant %q: no {x}", a)
		}
		var np nonPart
		if s := strings.TrimSpace(before); s != "" {
			if np.before, err = p.compileList([]string{s}); err != nil {
				return fmt.Errorf("non_participant %q: %w", a, err)
			}
		}
		if s := strings.TrimSpace(after); s != "" || strings.HasPrefix(after, "'") {
			if s == "" {
				s = after
			}
			if np.after, err = p.compileList([]string{s}); err != nil {
				return fmt.Errorf("non_participant %q: %w", a, err)
			}
		}
		p.nonPart = append(p.nonPart, np)
	}
	p.compileLits()
	return nil
}

// compileLits registers the literals tested outside cues and builds the
// automaton that finds all of the pack's literals at once.
func (p *Pack) compileLits() {
	var digits, nums, months, wds []int32
	for b := byte('0'); b <= '9'; b++ {
		id := p.lits.id(string(b))
		digits = append(digits, id)
		nums = append(nums, id)
	}
	for _, w := range p.numWords {
		nums = append(nums, p.lits.id(w))
	}
	for w := range p.Months {
		months = append(months, p.lits.id(fold(w)))
	}
	for w := range p.Weekdays {
		wds = append(wds, p.lits.id(fold(w)))
	}
	for _, n := range p.attribNeed {
		p.attribID = append(p.attribID, p.lits.id(n))
	}
	for _, n := range p.datesNeed {
		p.datesID = append(p.datesID, p.lits.id(n))
	}
	for _, n := range p.placeNeed {
		p.placeID = append(p.placeID, p.lits.id(n))
	}
	for w, off := range p.RelativeDays {
		fw := fold(w)
		p.relDays = append(p.relDays, relDay{fw: fw, id: p.lits.id(fw), offset: off})
	}
	p.lits.build()
	mask := func(ids []int32) litMask {
		m := litMask{bits: newBitset(len(p.lits.words))}
		for _, id := range ids {
			if id < 0 {
				m.always = true // the empty word, in every text
			} else {
				m.bits.set(id)
			}
		}
		return m
	}
	p.numMask, p.digitMask, p.monthMask, p.wdMask = mask(nums), mask(digits), mask(months), mask(wds)
}

// first returns the offsets of the first participating capture group of a
// match (the pattern proper, without the boundary characters).
func first(m []int) (int, int) {
	for i := 2; i+1 < len(m); i += 2 {
		if m[i] >= 0 {
			return m[i], m[i+1]
		}
	}
	return m[0], m[1]
}

// compileLead compiles a date, attribution or place pattern (see wrap),
// matched without regard to case when fold is set, with its lead (nil
// when it has none).
func (p *Pack) compileLead(s string, fold bool) (*regexp.Regexp, *lead, error) {
	body, err := p.patternBody(s)
	if err != nil {
		return nil, nil, err
	}
	flags := ""
	if fold {
		flags = "(?i)"
	}
	bounded := p.bounded(body)
	re, err := p.wrap(flags, body)
	if err != nil {
		return nil, nil, err
	}
	return re, newLead(re, flags, body, bounded), nil
}

// bounded reports whether wrap puts word boundaries around body.
func (p *Pack) bounded(body string) bool {
	return !(p.cjk || strings.HasPrefix(body, "(?:") && !isWordStart(body))
}

// wrap adds word boundaries for Latin-script packs. The pattern proper is
// always capture group 1.
func (p *Pack) wrap(flags, body string) (*regexp.Regexp, error) {
	if !p.bounded(body) {
		return regexp.Compile(flags + "(" + body + ")")
	}
	return regexp.Compile(flags + boundOpen + body + boundClose)
}

const (
	latinGap = `[\s\p{P}]+(?:[^\s]+[\s\p{P}]+){0,3}?`
	cjkGap   = `.{0,12}?`
)

// patternBody turns one pack pattern into a regular expression body.
// Syntax: words separated by spaces; "*" is a gap of up to three words
// (up to twelve characters in CJK packs); a word ending in "~" matches any
// word starting with it; {n} a number (word or digits); {src} and {place}
// capture a source or place (up to six words, or twelve CJK characters);
// {wd} a weekday name, {mon} a month name, {d} {m} {y} day, month and year
// digits. A pattern starting with "re:" is a raw regular expression.
func (p *Pack) patternBody(s string) (string, error) {
	if r, ok := strings.CutPrefix(s, "re:"); ok {
		if _, err := regexp.Compile(r); err != nil {
			return "", err
		}
		return "(?:" + r + ")", nil
	}
	toks := strings.Fields(s)
	if p.cjk {
		// in CJK packs spaces only separate tokens; literal spaces are optional
		var b strings.Builder
		for i, t := range toks {
			if i > 0 && t != "*" && toks[i-1] != "*" {
				b.WriteString(`\s*`)
			}
			b.WriteString(p.token(t))
		}
		return b.String(), nil
	}
	var b strings.Builder
	for i, t := range toks {
		if t == "*" {
			if i == 0 || i == len(toks)-1 {
				return "", errors.New(`"*" must be between words`)
			}
			b.WriteString(latinGap)
			continue
		}
		if i > 0 && toks[i-1] != "*" {
			b.WriteString(`[\s\p{Pd}]+`)
		}
		b.WriteString(p.token(t))
	}
	return b.String(), nil
}

func (p *Pack) token(t string) string {
	switch t {
	case "*":
		if p.cjk {
			return cjkGap
		}
		return latinGap
	case "{n}":
		return p.numAlt
	case "{src}":
		if p.cjk {
			return `(?P<src>[^，、。,\s]{2,16}?)`
		}
		return `(?P<src>[\p{L}\p{N}'’-]+(?:[\s-]+[\p{L}\p{N}'’-]+){0,5})`
	case "{place}":
		if p.cjk {
			return `(?P<place>[^，、。,\s]{2,8}?)`
		}
		return `(?P<place>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2})`
	case "{wd}":
		return `(?P<wd>` + alt(keys(p.Weekdays)) + `)`
	case "{mon}":
		return `(?P<mon>` + alt(keys(p.Months)) + `)`
	case "{d}":
		return `(?P<d>[0-3]?\d)`
	case "{m}":
		return `(?P<m>[01]?\d)`
	case "{y}":
		return `(?P<y>(?:19|20)\d\d)`
	}
	stem := false
	if strings.HasSuffix(t, "~") && utf8.RuneCountInString(t) > 1 {
		stem = true
		t = strings.TrimSuffix(t, "~")
	}
	// embedded placeholders inside a CJK token ("第{n}次")
	var b strings.Builder
	for t != "" {
		i := strings.Index(t, "{")
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(t))
			break
		}
		j := strings.Index(t[i:], "}")
		if j < 0 {
			b.WriteString(regexp.QuoteMeta(t))
			break
		}
		b.WriteString(regexp.QuoteMeta(t[:i]))
		b.WriteString(p.token(t[i : i+j+1]))
		t = t[i+j+1:]
	}
	if stem {
		b.WriteString(`[\p{L}\p{M}]*`)
	}
	return b.String()
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

func alt(ws []string) string {
	if len(ws) == 0 {
		return `\x{10FFFF}`
	}
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

// number returns the value of the first number word, ordinal or digit
// string in s, and whether one was found.
func (p *Pack) number(s string) (int, bool) {
	loc := p.numRe.FindStringIndex(s)
	if loc == nil {
		return 0, false
	}
	w := strings.ToLower(s[loc[0]:loc[1]])
	if v, ok := p.Numbers[w]; ok {
		return v, true
	}
	if v, ok := p.Ordinals[w]; ok {
		return v, true
	}
	for k, v := range p.Numbers {
		if strings.ToLower(k) == w {
			return v, true
		}
	}
	for k, v := range p.Ordinals {
		if strings.ToLower(k) == w {
			return v, true
		}
	}
	d := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			break
		}
		d = d*10 + int(r-'0')
	}
	if d > 0 {
		return d, true
	}
	if v, err := strconv.Atoi(w); err == nil {
		return v, true
	}
	return 0, false
}

// isWordStart reports whether a compiled body can start with a letter; raw
// bodies that start with punctuation need no word boundary.
func isWordStart(body string) bool {
	b := strings.TrimPrefix(body, "(?:")
	if b == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b)
	return r == '\\' && len(b) > 1 && (b[1] == 'p' || b[1] == 'w') || unicode.IsLetter(r) || unicode.IsDigit(r)
}
