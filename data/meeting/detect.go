package meeting

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Entity kinds understood by Detect.
const (
	Person       = "person"
	Country      = "country"
	Organization = "organization"
)

// Statuses and kinds of meetings.
const (
	Held    = "held"
	Planned = "planned"
	Denied  = "denied"

	KindMeeting = "meeting"
	KindSummit  = "summit"
	KindCall    = "call"
)

// Mention is an entity mention given to Detect (byte offsets into the text).
type Mention struct {
	Key        string
	Kind       string // Person, Country, Organization
	Start, End int
	Via        string // how the recogniser resolved it ("name", "role", ...)
}

// Event is one meeting expression found in one clause of one sentence.
type Event struct {
	Participants []string // entity keys, in order of appearance, at least two
	Kind         string   // KindMeeting, KindSummit (the cue says summit) or KindCall
	Status       string   // Held, Planned, Denied
	Times        int      // explicit count (cardinal, "only once" or ordinal total); 0 when none
	CountText    string   // the words that stated the count
	Date         string   // YYYY-MM-DD, YYYY-MM or YYYY when stated; "" otherwise
	Place        string
	Attribution  string
	Again        bool // the text presents it as another meeting ("again", "kembali")
	Background   bool // an earlier meeting mentioned in passing
	Multi        bool // presented as one multi-party meeting
	Resolved     bool // a participant came from a pronoun or pair reference
	Start, End   int  // the sentence, byte offsets
	Evidence     string
	Trigger      string // the cue that fired
}

type span struct{ a, b int }

// Detect finds meeting expressions in text (language lang, published on
// date, zero when unknown) given the entity mentions found in it. Mentions
// may be in any order. It never fails: a language without a pack yields no
// events.
func Detect(text, lang string, date time.Time, mentions []Mention) []Event {
	p, err := Get(lang)
	if err != nil {
		return nil
	}
	return p.Detect(text, date, mentions)
}

// Detect is Detect with this pack.
func (p *Pack) Detect(text string, date time.Time, mentions []Mention) []Event {
	ms := append([]Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	sents := split(text, p.abbrev)
	var out []Event
	var recent []string // person keys, most recent last
	var lastPair []string
	lastSubject := ""
	mi := 0
	for _, s := range sents {
		// mentions inside the sentence
		for mi < len(ms) && ms[mi].Start < s.Start {
			mi++
		}
		var in []Mention
		for k := mi; k < len(ms) && ms[k].Start < s.End; k++ {
			if ms[k].End <= s.End {
				in = append(in, ms[k])
			}
		}
		sentSubject := ""
		for ci, c := range p.clauses(s) {
			var cm []Mention
			for _, m := range in {
				if m.Start >= c.a && m.End <= c.b {
					cm = append(cm, m)
				}
			}
			cont := ""
			if ci > 0 {
				cont = sentSubject
			}
			evs := p.clause(text, s, c, cm, date, recent, lastPair, lastSubject, cont)
			out = append(out, evs...)
			// update discourse state (letter authors and other excluded
			// mentions are not antecedents)
			ex := p.excluded(text, c, cm)
			var kept []Mention
			for _, m := range cm {
				if !ex[m.Start] {
					kept = append(kept, m)
				}
			}
			persons := personKeys(kept)
			if len(persons) > 0 {
				lastSubject = persons[0]
				if sentSubject == "" {
					sentSubject = persons[0]
				}
			}
			for _, k := range persons {
				recent = removeKey(recent, k)
				recent = append(recent, k)
			}
			if len(persons) >= 2 {
				lastPair = persons[len(persons)-2:]
				lastPair = persons
			}
			for _, e := range evs {
				if len(e.Participants) >= 2 {
					lastPair = e.Participants
				}
			}
		}
	}
	return out
}

func removeKey(xs []string, k string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != k {
			out = append(out, x)
		}
	}
	return out
}

func personKeys(ms []Mention) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Kind == Person && !seen[m.Key] {
			seen[m.Key] = true
			out = append(out, m.Key)
		}
	}
	return out
}

// clauses splits a sentence at the pack's clause breaks (", but", "while").
func (p *Pack) clauses(s Sentence) []span {
	if p.breaks == nil {
		return []span{{s.Start, s.End}}
	}
	var out []span
	a := s.Start
	for _, m := range p.breaks.FindAllStringSubmatchIndex(s.Text, -1) {
		a0, _ := first(m)
		cut := s.Start + a0
		if cut-a < 8 {
			continue
		}
		out = append(out, span{a, cut})
		a = cut
	}
	return append(out, span{a, s.End})
}

func find(re *cue, s string) (int, int, bool) {
	if re == nil || !re.MatchString(s) {
		return 0, 0, false
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, 0, false
	}
	a, b := first(m)
	return a, b, true
}

// clause detects meetings in one clause c of sentence s.
func (p *Pack) clause(text string, s Sentence, c span, ms []Mention, date time.Time, recent, lastPair []string, lastSubject, contSubject string) []Event {
	ct := text[c.a:c.b]
	// trigger
	kind, trig := p.trigger(ct)
	if kind == "" {
		return nil
	}
	if _, _, ok := find(p.hypo, ct); ok {
		return nil
	}
	// participants
	excluded := p.excluded(text, c, ms)
	var parts []string
	seen := map[string]bool{}
	var countries []string
	for _, m := range ms {
		if excluded[m.Start] || seen[m.Key] {
			continue
		}
		switch m.Kind {
		case Person:
			seen[m.Key] = true
			parts = append(parts, m.Key)
		case Country:
			seen[m.Key] = true
			countries = append(countries, m.Key)
		}
	}
	_, _, multi := find(p.multi, ct)
	resolved := false
	if len(parts) == 0 && len(countries) >= 2 && multi {
		parts = countries // "the U.S., Japan and South Korea agreed to hold a trilateral summit"
	}
	if len(parts) < 2 {
		_, _, pair := find(p.pairRefs, ct)
		_, _, subj := find(p.subjPron, ct)
		_, _, obj := find(p.objPron, ct)
		switch {
		case pair && len(lastPair) >= 2:
			for _, k := range lastPair {
				if len(parts) >= 2 && len(lastPair) == 2 {
					break // "the two" with one of them named: a pair, not three
				}
				if !seen[k] {
					seen[k] = true
					parts = append(parts, k)
					resolved = true
				}
			}
		case subj || obj:
			need := 2 - len(parts)
			if need == 2 && !(subj && obj) {
				need = 0 // a lone pronoun cannot make a pair
			}
			if subj && lastSubject != "" && !seen[lastSubject] && need > 0 {
				seen[lastSubject] = true
				parts = append(parts, lastSubject)
				resolved = true
				need--
			}
			if need > 0 {
				for i := len(recent) - 1; i >= 0 && need > 0; i-- {
					if !seen[recent[i]] {
						seen[recent[i]] = true
						parts = append(parts, recent[i])
						resolved = true
						need--
					}
				}
			}
		}
	}
	if len(parts) == 1 && !resolved && p.NullSubject && contSubject == "" && lastSubject != "" && !seen[lastSubject] && ms[0].Start-c.a > 0 {
		// languages that drop the subject: "Ese día se reunió con X"
		seen[lastSubject] = true
		parts = append([]string{lastSubject}, parts...)
		resolved = true
	}
	if len(parts) == 1 && !resolved && contSubject != "" && !seen[contSubject] {
		// a coordinated clause whose subject is the sentence's ("X met A
		// four times, but received B only once")
		seen[contSubject] = true
		parts = append([]string{contSubject}, parts...)
		resolved = true
	}
	if len(parts) < 2 {
		return nil
	}
	if len(parts) >= 3 && !multi && !resolved {
		if evs := p.star(text, s, c, ms, excluded, date); len(evs) > 0 {
			return evs
		}
	}
	ev := Event{
		Participants: parts,
		Kind:         kind,
		Status:       Held,
		Multi:        multi || len(parts) > 2,
		Resolved:     resolved,
		Start:        s.Start,
		End:          s.End,
		Evidence:     s.Text,
		Trigger:      trig,
	}
	if _, _, ok := find(p.denied, ct); ok {
		ev.Status = Denied
	} else if _, _, ok := find(p.planned, ct); ok {
		ev.Status = Planned
	}
	_, _, ev.Again = find(p.again, ct)
	_, _, ev.Background = find(p.background, ct)
	ev.Times, ev.CountText = p.count(ct)
	ev.Date = p.date(ct, date, ev.Status == Planned)
	ev.Place = p.placeOf(ct)
	ev.Attribution = p.attribution(s.Text)
	if ev.Status == Planned && ev.Kind == KindCall && (p.triggers[KindMeeting].MatchString(ct) || p.triggers[KindSummit].MatchString(ct)) {
		// "agreed during a phone call to meet in Budapest": the call took
		// place, the meeting is the plan
		call := ev
		call.Status = Held
		call.Date = p.date(ct, date, false)
		ev.Kind = KindMeeting
		if p.triggers[KindSummit].MatchString(ct) {
			ev.Kind = KindSummit
		}
		ev.Date = ""
		return []Event{call, ev}
	}
	return []Event{ev}
}

// star handles a clause with one subject and several counterparts that
// carries several counts ("X met A four times and B only once"): it yields
// one event per (subject, counterpart) pair, each with the count written
// after that counterpart. It returns nil when the clause has fewer than two
// count expressions.
func (p *Pack) star(text string, s Sentence, c span, ms []Mention, excluded map[int]bool, date time.Time) []Event {
	ct := text[c.a:c.b]
	cs := ct
	if p.notCount != nil {
		cs = blank(cs, p.notCount)
	}
	type cnt struct {
		pos, v int
		text   string
	}
	var counts []cnt
	for _, re := range []*cue{p.once, p.counts} {
		if re == nil {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(cs, -1) {
			a, b := first(m)
			v := 1
			if re == p.counts {
				var ok bool
				if v, ok = p.number(cs[a:b]); !ok {
					continue
				}
			}
			dup := false
			for _, x := range counts {
				if x.pos <= c.a+a && c.a+a < x.pos+len(x.text) || c.a+a <= x.pos && x.pos < c.a+b {
					dup = true
				}
			}
			if !dup {
				counts = append(counts, cnt{c.a + a, v, ct[a:b]})
				cs = cs[:a] + strings.Repeat(" ", b-a) + cs[b:]
			}
		}
	}
	if len(counts) < 2 {
		return nil
	}
	var persons []Mention
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Kind == Person && !excluded[m.Start] && !seen[m.Key] {
			seen[m.Key] = true
			persons = append(persons, m)
		}
	}
	subj := persons[0]
	base := p.clause1(text, s, c, ct, date)
	var out []Event
	for i, o := range persons[1:] {
		end := c.b
		if i+2 < len(persons) {
			end = persons[i+2].Start
		}
		ev := base
		ev.Participants = []string{subj.Key, o.Key}
		ev.Times, ev.CountText = 0, ""
		for _, x := range counts {
			if x.pos >= o.End && x.pos < end {
				ev.Times, ev.CountText = x.v, x.text
				break
			}
		}
		out = append(out, ev)
	}
	return out
}

// clause1 fills the fields of an event that depend only on the clause text.
func (p *Pack) clause1(text string, s Sentence, c span, ct string, date time.Time) Event {
	ev := Event{Status: Held, Start: s.Start, End: s.End, Evidence: s.Text}
	ev.Kind, ev.Trigger = p.trigger(ct)
	if _, _, ok := find(p.denied, ct); ok {
		ev.Status = Denied
	} else if _, _, ok := find(p.planned, ct); ok {
		ev.Status = Planned
	}
	_, _, ev.Again = find(p.again, ct)
	_, _, ev.Background = find(p.background, ct)
	ev.Date = p.date(ct, date, ev.Status == Planned)
	ev.Place = p.placeOf(ct)
	ev.Attribution = p.attribution(s.Text)
	return ev
}

// trigger returns the kind and text of the first trigger in the clause; a
// summit cue anywhere makes an in-person meeting a summit.
func (p *Pack) trigger(ct string) (kind, text string) {
	at := -1
	for _, k := range []string{KindCall, KindSummit, KindMeeting} {
		a, b, ok := find(p.triggers[k], ct)
		if !ok {
			continue
		}
		if at < 0 || a < at {
			at, kind, text = a, k, ct[a:b]
		}
	}
	if kind == KindMeeting && p.triggers[KindSummit].MatchString(ct) {
		kind = KindSummit
	}
	return kind, text
}

// excluded marks mentions (by start offset) that the pack's non-participant
// cues rule out: the author of a letter, a companion, ...
func (p *Pack) excluded(text string, c span, ms []Mention) map[int]bool {
	out := map[int]bool{}
	ct := text[c.a:c.b]
	window := 48
	if p.cjk {
		window = 24
	}
	for _, np := range p.nonPart {
		if np.before != nil {
			for _, m := range np.before.FindAllStringSubmatchIndex(ct, -1) {
				_, b := first(m)
				end := c.a + b
				for _, x := range ms {
					if x.Kind != Person || x.Start < end {
						continue
					}
					if x.Start-end <= window && !strings.ContainsAny(text[end:x.Start], ",;，；、") {
						out[x.Start] = true
					}
					break
				}
			}
		}
		if np.after != nil {
			for _, m := range np.after.FindAllStringSubmatchIndex(ct, -1) {
				a, _ := first(m)
				start := c.a + a
				for i := len(ms) - 1; i >= 0; i-- {
					x := ms[i]
					if x.Kind != Person || x.End > start {
						continue
					}
					if start-x.End <= 12 {
						out[x.Start] = true
					}
					break
				}
			}
		}
	}
	return out
}

// count returns the explicit count stated in the clause.
func (p *Pack) count(ct string) (int, string) {
	s := ct
	if p.notCount != nil {
		s = blank(s, p.notCount)
	}
	if _, _, ok := find(p.once, s); ok {
		a, b, _ := find(p.once, s)
		return 1, ct[a:b]
	}
	if p.counts == nil {
		return 0, ""
	}
	best, text := 0, ""
	for _, m := range p.counts.FindAllStringSubmatchIndex(s, -1) {
		a, b := first(m)
		if v, ok := p.number(s[a:b]); ok && v > best && v < 100 {
			best, text = v, ct[a:b]
		}
	}
	return best, text
}

// blank replaces the matches of re in s with spaces of the same byte length.
func blank(s string, re *cue) string {
	if !re.MatchString(s) {
		return s
	}
	ms := re.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return s
	}
	buf := []byte(s)
	for _, m := range ms {
		a, b := first(m)
		for i := a; i < b; i++ {
			buf[i] = ' '
		}
	}
	return string(buf)
}

func (p *Pack) attribution(st string) string {
	f := fold(st)
	for i, re := range p.attrib {
		if n := p.attribNeed[i]; n != "" && !strings.Contains(f, n) {
			continue
		}
		m := re.FindStringSubmatchIndex(st)
		if m == nil {
			continue
		}
		for i, n := range re.SubexpNames() {
			if n == "src" && m[2*i] >= 0 {
				return strings.TrimSpace(st[m[2*i]:m[2*i+1]])
			}
		}
		a, b := first(m)
		return strings.TrimSpace(st[a:b])
	}
	return ""
}

func (p *Pack) placeOf(ct string) string {
	f := fold(ct)
	for i, re := range p.place {
		if n := p.placeNeed[i]; n != "" && !strings.Contains(f, n) {
			continue
		}
		m := re.FindStringSubmatchIndex(ct)
		if m == nil {
			continue
		}
		for i, n := range re.SubexpNames() {
			if n == "place" && m[2*i] >= 0 {
				return strings.TrimSpace(ct[m[2*i]:m[2*i+1]])
			}
		}
	}
	return ""
}

// date resolves the first date expression of the clause against the
// article date.
func (p *Pack) date(ct string, article time.Time, future bool) string {
	f := fold(ct)
	hasDigit := strings.ContainsAny(ct, "0123456789")
	for i, re := range p.dates {
		if n := p.datesNeed[i]; n != "" && !strings.Contains(f, n) {
			continue
		}
		pat := p.DatePatterns[i]
		if !hasDigit && (strings.Contains(pat, "{d}") || strings.Contains(pat, "{m}") || strings.Contains(pat, "{y}")) {
			continue
		}
		if strings.Contains(pat, "{mon}") && !containsAny(f, p.Months) || strings.Contains(pat, "{wd}") && !containsAny(f, p.Weekdays) {
			continue
		}
		m := re.FindStringSubmatchIndex(ct)
		if m == nil {
			continue
		}
		g := map[string]string{}
		for i, n := range re.SubexpNames() {
			if n != "" && m[2*i] >= 0 {
				g[n] = strings.ToLower(ct[m[2*i]:m[2*i+1]])
			}
		}
		if d := p.resolve(g, article, future); d != "" {
			return d
		}
	}
	if article.IsZero() {
		return ""
	}
	lc := strings.ToLower(ct)
	for w, off := range p.RelativeDays {
		if idx := strings.Index(lc, strings.ToLower(w)); idx >= 0 && wordAt(lc, idx, len(w), p.cjk) {
			return article.AddDate(0, 0, off).Format("2006-01-02")
		}
	}
	return ""
}

func wordAt(s string, i, n int, cjk bool) bool {
	if cjk {
		return true
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if isWordRune(r) {
			return false
		}
	}
	if i+n < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i+n:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

// containsAny reports whether the folded text f contains one of the keys.
func containsAny(f string, words map[string]int) bool {
	for w := range words {
		if strings.Contains(f, fold(w)) {
			return true
		}
	}
	return false
}
