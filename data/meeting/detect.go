package meeting

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
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
	Dates        []string // every distinct date the clause states (Date is the first)
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
	ms := apposition(text, mentions)
	sents := split(text, p.abbrev)
	folded := fold(text) // folded once: every cue runs on slices of it
	var out []Event
	var recent []string // person keys, most recent last
	var lastPair, prevPair, prevEvPair, lastAny, lastInvite []string
	pairFreq := map[string]int{}
	var pairOrder [][]string
	var mainCache []string // mainPair(pairFreq, pairOrder), valid while mainOK
	mainOK := false
	lastSubject := ""
	lastSentStart := 0 // index in out of the first event of the previous sentence
	var occBuf []occurrence
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
		sentSubject, prevKind := "", ""
		before := len(out)
		sf := p.scanAll(foldSpan(text, folded, s.Start, s.End), occBuf)
		occBuf = sf.occ // reused by the next sentence: nothing keeps sf
		sfSlice := foldSlice(text, folded, s.Start, s.End)
		for ci, c := range p.clausesF(s, sf) {
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
			// "the two leaders": the pair named in the clause just before,
			// else the pair the article reports most, else the last pair
			ref := prevPair
			if ref == nil && prevEvPair != nil && pairFreq[strings.Join(prevEvPair, "\x00")] > 0 {
				// the clause before returned to a pair the article reports
				// (in background: "their first summit was in 2019")
				ref = prevEvPair
			}
			if ref == nil {
				if !mainOK {
					mainCache, mainOK = mainPair(pairFreq, pairOrder), true
				}
				ref = mainCache
			}
			if ref == nil {
				ref = lastPair
			}
			if ref == nil {
				ref = lastAny
			}
			ct := text[c.a:c.b]
			var cf *ftext
			if sfSlice && foldSlice(text, folded, c.a, c.b) {
				// both are slices of folded: the clause's literals are the
				// sentence's that lie inside it
				cf = p.sub(sf, c.a-s.Start, c.b-s.Start)
			} else {
				cf = p.scan(foldSpan(text, folded, c.a, c.b))
			}
			// clause facts computed once, used here and by clause
			pre := clausePre{accepted: hasF(p.accepted, cf), excluded: p.excludedF(text, cf, c, cm)}
			pre.kind, pre.trig = p.triggerF(ct, cf)
			if ok := pre.accepted; ok && lastInvite != nil && len(personKeys(cm)) < 2 {
				ref = lastInvite // "Y accepted the invitation": the invitation named last
			}
			evs := p.clause(text, cf, s, sf, c, cm, pre, date, recent, ref, lastSubject, cont, prevKind)
			out = append(out, evs...)
			prevKind = pre.kind
			// update discourse state (letter authors and other excluded
			// mentions are not antecedents)
			ex := pre.excluded
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
				lastAny = persons
				if ok := hasF(p.invitation, cf); ok {
					lastInvite = persons[len(persons)-2:]
				}
			}
			prevPair, prevEvPair = nil, nil
			if len(evs) > 0 && len(evs[0].Participants) == 2 {
				prevEvPair = evs[0].Participants
			}
			if len(persons) >= 2 && !(len(evs) > 0 && evs[0].Background) {
				lastPair = persons
				prevPair = persons
			}
			for _, e := range evs {
				if len(e.Participants) >= 2 && !e.Background {
					lastPair = e.Participants
					k := strings.Join(e.Participants, "\x00")
					if pairFreq[k] == 0 {
						pairOrder = append(pairOrder, e.Participants)
					}
					pairFreq[k]++
					mainOK = false
				}
			}
		}
		// "Hal itu disampaikan Kementerian Unifikasi": a sentence that only
		// names the source attributes the meetings of the sentence before
		if len(out) == before {
			// the source is only looked for when an event of the sentence
			// before lacks one
			for i := lastSentStart; i < before; i++ {
				if out[i].Attribution == "" {
					if src := p.attributionF(s.Text, sf); src != "" {
						for j := i; j < before; j++ {
							if out[j].Attribution == "" {
								out[j].Attribution = src
							}
						}
					}
					break
				}
			}
			lastSentStart = before
		} else {
			lastSentStart = before
		}
	}
	return out
}

// apposition sorts the mentions and drops a role description that stands
// in apposition to a name ("the head of the Chinese delegation, Li
// Hongzhong", "Sergei Lavrov, the Russian foreign minister"): the name
// says who it is, and a role resolved by date may point elsewhere.
func apposition(text string, mentions []Mention) []Mention {
	ms := append([]Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	near := func(a, b int) bool {
		if a > b || b-a > 32 {
			return false
		}
		// nothing but spaces, commas and at most two lower-case words
		// ("the head of the Chinese delegation Li", "главой китайской делегации Ли")
		words := strings.FieldsFunc(text[a:b], func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' })
		if len(words) > 2 {
			return false
		}
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(r) {
				return false
			}
		}
		return true
	}
	out := ms[:0:0]
	for i, m := range ms {
		if m.Via == "role" && m.Kind == Person {
			if i+1 < len(ms) && ms[i+1].Kind == Person && ms[i+1].Via != "role" && near(m.End, ms[i+1].Start) {
				continue
			}
			if i > 0 && ms[i-1].Kind == Person && ms[i-1].Via != "role" && near(ms[i-1].End, m.Start) && strings.Contains(text[ms[i-1].End:m.Start], ",") {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// mainPair returns the participant list reported most often so far (the
// first reported on ties: the lead story), or nil.
func mainPair(freq map[string]int, order [][]string) []string {
	var best []string
	n := 0
	for _, ps := range order {
		if f := freq[strings.Join(ps, "\x00")]; f > n {
			best, n = ps, f
		}
	}
	return best
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

// clausesF splits a sentence at the pack's clause breaks (", but",
// "while"), given sf.f == fold(s.Text).
func (p *Pack) clausesF(s Sentence, sf *ftext) []span {
	if p.breaks == nil {
		return []span{{s.Start, s.End}}
	}
	var out []span
	a := s.Start
	for _, m := range p.breaks.allF(sf) {
		a0, b0 := m[0], m[1]
		cut := s.Start + a0
		if a0 == 0 {
			// a fronted phrase ("Besides meeting Kim, ..."): cut after it
			cut = s.Start + b0
		}
		if cut-a < 8 {
			continue
		}
		out = append(out, span{a, cut})
		a = cut
	}
	return append(out, span{a, s.End})
}

// hasF reports whether any pattern of re matches the folded text f.
func hasF(re *cue, f *ftext) bool { return re.matchF(f) }

// findF is find on the folded text f.
func findF(re *cue, f *ftext) (int, int, bool) {
	if re == nil {
		return 0, 0, false
	}
	if !re.mayEmpty {
		// no pattern matches the empty string: matchF and all then step
		// through the same matches, so all finds one exactly when matchF
		// does, and the test is not needed
		return re.findF(f)
	}
	if !re.matchF(f) {
		return 0, 0, false
	}
	return re.findF(f)
}

// clause detects meetings in one clause c of sentence s.
// clausePre holds the facts about a clause that both Detect and clause need.
type clausePre struct {
	kind, trig string       // p.triggerF of the clause
	accepted   bool         // the accepted cue matches
	excluded   map[int]bool // p.excludedF of the clause and its mentions
}

// cf is fold(text[c.a:c.b]) and sf fold(s.Text); pre holds the clause's
// trigger, accepted cue and excluded mentions.
func (p *Pack) clause(text string, cf *ftext, s Sentence, sf *ftext, c span, ms []Mention, pre clausePre, date time.Time, recent, lastPair []string, lastSubject, contSubject, prevKind string) []Event {
	ct := text[c.a:c.b]
	// trigger
	kind, trig := pre.kind, pre.trig
	if kind == "" && contSubject != "" && prevKind != "" {
		// an elliptical coordinated clause: "..., and Li only once"
		if ok := hasF(p.once, cf); ok {
			kind = prevKind
		} else if n, _ := p.countF(ct, cf); n > 0 {
			kind = prevKind
		}
	}
	accepted := pre.accepted
	if kind == "" && accepted {
		kind = KindMeeting // an accepted invitation is a planned visit
	}
	if kind == "" {
		return nil
	}
	if ok := hasF(p.hypo, cf); ok && !accepted {
		return nil
	}
	// participants
	excluded := pre.excluded
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
	multi := hasF(p.multi, cf)
	resolved := false
	if len(parts) == 0 && len(countries) >= 2 && multi {
		parts = countries // "the U.S., Japan and South Korea agreed to hold a trilateral summit"
	}
	if len(parts) < 2 {
		pair := hasF(p.pairRefs, cf)
		if accepted {
			pair = true // the invitation's two parties
		}
		subj := hasF(p.subjPron, cf)
		obj := hasF(p.objPron, cf)
		switch {
		case accepted && len(lastPair) >= 2:
			// "the president will accept the invitation": the parties of the
			// invitation, whoever reports it
			parts, resolved = append([]string(nil), lastPair...), true
		case pair && !obj && len(parts) == 1 && lastSubject != "" && !seen[lastSubject] && !multi:
			// "X ... met Y, where both ...": Y and the subject talked about
			seen[lastSubject] = true
			parts = append([]string{lastSubject}, parts...)
			resolved = true
		case pair && len(lastPair) >= 2:
			ref := lastPair
			if len(ref) > 2 && !multi {
				// "both", "the two": the two persons mentioned last
				ref = nil
				for i := len(recent) - 1; i >= 0 && len(ref) < 2; i-- {
					ref = append([]string{recent[i]}, ref...)
				}
			}
			for _, k := range ref {
				if len(parts) >= 2 && len(ref) == 2 && !multi {
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
	if multi && len(parts) >= 1 && len(parts) < 3 && len(lastPair) >= 3 && !resolved {
		// "the three leaders", one or two of them named: the group named last
		inGroup := true
		for _, k := range parts {
			inGroup = inGroup && contains(lastPair, k)
		}
		if inGroup {
			for _, k := range lastPair {
				if !seen[k] {
					seen[k] = true
					parts = append(parts, k)
				}
			}
			resolved = true
		}
	}
	if len(parts) == 0 && multi && !resolved && len(recent) >= 3 {
		// "no three-way talks took place": the three persons named last
		parts = append(parts, recent[len(recent)-3:]...)
		resolved = true
	}
	if len(parts) == 1 && !resolved && contSubject == "" && lastSubject != "" && !seen[lastSubject] && p.nullSubject(text, c, trig, ms, excluded) {
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
		if evs := p.star(text, cf, s, sf, c, ms, excluded, date); len(evs) > 0 {
			return evs
		}
	}
	ev := Event{
		Participants: parts,
		Kind:         kind,
		Status:       Held,
		Multi:        multi,
		Resolved:     resolved,
		Start:        s.Start,
		End:          s.End,
		Evidence:     s.Text,
		Trigger:      trig,
	}
	if ok := hasF(p.denied, cf); ok {
		ev.Status = Denied
	} else if ok := hasF(p.planned, cf); ok || accepted {
		ev.Status = Planned
	}
	ev.Again = hasF(p.again, cf)
	ev.Background = hasF(p.background, cf)
	ev.Times, ev.CountText = p.countF(ct, cf)
	ev.Dates = p.datesInF(ct, cf, date, ev.Status == Planned)
	if len(ev.Dates) > 0 {
		ev.Date = ev.Dates[0]
	}
	if len(ev.Dates) > 1 && !ev.Background {
		// several dates count as several meetings only in a sentence that
		// recalls earlier meetings ("had met in Bali in 2022 and in
		// Woodside a year ago"); elsewhere the others date other things
		ev.Dates = ev.Dates[:1]
	}
	ev.Place = p.placeOfF(ct, cf)
	ev.Attribution = p.attributionF(s.Text, sf)
	if ev.Status == Planned && ev.Kind == KindCall && (p.triggers[KindMeeting].matchF(cf) || p.triggers[KindSummit].matchF(cf)) {
		// "agreed during a phone call to meet in Budapest": the call took
		// place, the meeting is the plan
		call := ev
		call.Status = Held
		call.Dates = p.datesInF(ct, cf, date, false)
		call.Date = ""
		if len(call.Dates) > 0 {
			call.Date = call.Dates[0]
		}
		ev.Kind = KindMeeting
		if p.triggers[KindSummit].matchF(cf) {
			ev.Kind = KindSummit
		}
		ev.Date, ev.Dates = "", nil
		return []Event{call, ev}
	}
	return []Event{ev}
}

// star handles a clause with one subject and several counterparts that
// carries several counts ("X met A four times and B only once"): it yields
// one event per (subject, counterpart) pair, each with the count written
// after that counterpart. It returns nil when the clause has fewer than two
// count expressions.
func (p *Pack) star(text string, cf *ftext, s Sentence, sf *ftext, c span, ms []Mention, excluded map[int]bool, date time.Time) []Event {
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
	var persons []Mention
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Kind == Person && !excluded[m.Start] && !seen[m.Key] {
			seen[m.Key] = true
			persons = append(persons, m)
		}
	}
	if len(persons) < 3 {
		return nil
	}
	subj := persons[0]
	base := p.clause1(s, sf, ct, cf, date)
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
			if x.pos >= o.End && x.pos < end || i == 0 && x.pos < o.Start && x.pos > subj.End {
				ev.Times, ev.CountText = x.v, x.text // "met four times Shoigu"
				break
			}
		}
		out = append(out, ev)
	}
	return out
}

// clause1 fills the fields of an event that depend only on the clause text.
func (p *Pack) clause1(s Sentence, sf *ftext, ct string, cf *ftext, date time.Time) Event {
	ev := Event{Status: Held, Start: s.Start, End: s.End, Evidence: s.Text}
	ev.Kind, ev.Trigger = p.triggerF(ct, cf)
	if ok := hasF(p.denied, cf); ok {
		ev.Status = Denied
	} else if ok := hasF(p.planned, cf); ok {
		ev.Status = Planned
	}
	ev.Again = hasF(p.again, cf)
	ev.Background = hasF(p.background, cf)
	ev.Dates = p.datesInF(ct, cf, date, ev.Status == Planned)
	if len(ev.Dates) > 0 {
		ev.Date = ev.Dates[0]
	}
	ev.Place = p.placeOfF(ct, cf)
	ev.Attribution = p.attributionF(s.Text, sf)
	return ev
}

// nullSubject reports whether the clause's only person is the companion
// of a subject-less verb: the trigger directly followed by a comitative
// word of the pack ("se reunió con la presidenta de Perú, Dina Boluarte").
func (p *Pack) nullSubject(text string, c span, trig string, ms []Mention, excluded map[int]bool) bool {
	if len(p.NullSubject) == 0 {
		return false
	}
	ct := text[c.a:c.b]
	i := strings.Index(ct, trig)
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(fold(ct[i+len(trig):]), " ")
	for _, w := range p.NullSubject {
		if strings.HasPrefix(rest, w+" ") {
			for _, m := range ms {
				if m.Kind == Person && !excluded[m.Start] {
					return m.Start >= c.a+i+len(trig)
				}
			}
		}
	}
	return false
}

// triggerKinds is the order in which trigger kinds are tried.
var triggerKinds = [...]string{KindCall, KindSummit, KindMeeting}

// triggerF returns the kind and text of the clause ct's trigger (cf ==
// fold(ct)): a call cue wins (a call is the more specific report), and a
// summit cue makes an in-person meeting a summit.
func (p *Pack) triggerF(ct string, cf *ftext) (kind, text string) {
	for _, k := range triggerKinds {
		if a, b, ok := findF(p.triggers[k], cf); ok {
			kind, text = k, ct[a:b]
			break
		}
	}
	if kind == KindMeeting && p.triggers[KindSummit].matchF(cf) {
		kind = KindSummit
	}
	return kind, text
}

// excluded marks mentions (by start offset) that the pack's non-participant
// cues rule out: the author of a letter, a companion, ...
// (excludedF: cf == fold(text[c.a:c.b]).)
func (p *Pack) excludedF(text string, cf *ftext, c span, ms []Mention) map[int]bool {
	// only persons are ever marked: a clause without one has nothing to
	// mark (and a nil map reads as an empty one)
	if !hasPerson(ms) {
		return nil
	}
	var out map[int]bool
	mark := func(k int) {
		if out == nil {
			out = map[int]bool{}
		}
		out[k] = true
	}
	window := 48
	if p.cjk {
		window = 24
	}
	for _, np := range p.nonPart {
		var byBefore, byAfter []int // mention starts each side's cue marks
		if np.before != nil {
			for _, m := range np.before.allF(cf) {
				b := m[1]
				end := c.a + b
				for _, x := range ms {
					if x.Kind != Person || x.Start < end {
						continue
					}
					gap := text[end:x.Start]
					if x.Start-end <= window && len(strings.Fields(gap)) <= 3 && !strings.ContainsAny(gap, ";；") && (!strings.ContainsAny(gap, ",，、") || len(strings.TrimSpace(gap)) <= 2) {
						byBefore = append(byBefore, x.Start)
					}
					break
				}
			}
		}
		if np.after != nil {
			for _, m := range np.after.allF(cf) {
				a := m[0]
				start := c.a + a
				for i := len(ms) - 1; i >= 0; i-- {
					x := ms[i]
					if x.Kind != Person || x.End > start {
						continue
					}
					if start-x.End <= 12 {
						byAfter = append(byAfter, x.Start)
					}
					break
				}
			}
		}
		switch {
		case np.before != nil && np.after != nil:
			// a pattern with cues on both sides ("after {x} left") needs both
			for _, k := range byBefore {
				if slices.Contains(byAfter, k) {
					mark(k)
				}
			}
		case np.before != nil:
			for _, k := range byBefore {
				mark(k)
			}
		default:
			for _, k := range byAfter {
				mark(k)
			}
		}
	}
	return out
}

// hasPerson reports whether one of ms is a person.
func hasPerson(ms []Mention) bool {
	for _, m := range ms {
		if m.Kind == Person {
			return true
		}
	}
	return false
}

// count returns the explicit count stated in the clause.
// (countF: cf == fold(ct).)
func (p *Pack) countF(ct string, cf *ftext) (int, string) {
	s, f := ct, cf
	if p.notCount != nil && p.notCount.matchF(cf) {
		// rare: blank the non-counts ("several times") and fold again
		s = blankAt(ct, p.notCount.allF(cf))
		f = p.scan(fold(s))
	}
	if ok := hasF(p.once, f); ok {
		a, b, _ := p.once.findF(f)
		return 1, ct[a:b]
	}
	if p.counts == nil {
		return 0, ""
	}
	best, text := 0, ""
	for _, m := range p.counts.allF(f) {
		a, b := m[0], m[1]
		if v, ok := p.number(s[a:b]); ok && v > 1 && v > best && v < 100 { // 1 ("first") is no count: only once cues state a single meeting
			best, text = v, ct[a:b]
		}
	}
	return best, text
}

// blankAt replaces the ranges ms of s with spaces of the same byte length.
func blankAt(s string, ms [][2]int) string {
	if len(ms) == 0 {
		return s
	}
	buf := []byte(s)
	for _, m := range ms {
		for i := m[0]; i < m[1]; i++ {
			buf[i] = ' '
		}
	}
	return string(buf)
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

// (attributionF: f.f == fold(st).) The result is kept in f: Detect asks
// once per sentence and once per event of the sentence.
func (p *Pack) attributionF(st string, f *ftext) string {
	if f.attr == nil {
		a := p.attribution(st, f)
		f.attr = &a
	}
	return *f.attr
}

func (p *Pack) attribution(st string, f *ftext) string {
	for i, re := range p.attrib {
		if !f.contains(p.attribID[i]) { // strings.Contains(f, p.attribNeed[i])
			continue
		}
		var m []int
		if l := p.attribLead[i]; l != nil {
			m = l.FindStringSubmatchIndex(st)
		} else {
			m = re.FindStringSubmatchIndex(st)
		}
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

// (placeOfF: f.f == fold(ct).)
func (p *Pack) placeOfF(ct string, f *ftext) string {
	for i, re := range p.place {
		if !f.contains(p.placeID[i]) { // strings.Contains(f, p.placeNeed[i])
			continue
		}
		var m []int
		if l := p.placeLead[i]; l != nil {
			m = l.FindStringSubmatchIndex(ct)
		} else {
			m = re.FindStringSubmatchIndex(ct)
		}
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

// dates resolves the date expressions of the clause against the article
// date, in text order, dropping one that refines or repeats an earlier one.
// (datesInF: f.f == fold(ct).)
func (p *Pack) datesInF(ct string, f *ftext, article time.Time, future bool) []string {
	type found struct {
		at int
		d  string
	}
	var fs []found
	taken := make([]bool, len(ct)+1)
	// fold leaves ASCII digits as they are and makes no other rune one
	hasDigit := p.digitMask.in(f) // strings.ContainsAny(ct, "0123456789")
	for i, re := range p.dates {
		if !f.contains(p.datesID[i]) { // strings.Contains(f, p.datesNeed[i])
			continue
		}
		pat := p.DatePatterns[i]
		if !hasDigit && (strings.Contains(pat, "{d}") || strings.Contains(pat, "{m}") || strings.Contains(pat, "{y}")) {
			continue
		}
		// containsAny(f, p.Months), containsAny(f, p.Weekdays)
		if strings.Contains(pat, "{mon}") && !p.monthMask.in(f) || strings.Contains(pat, "{wd}") && !p.wdMask.in(f) {
			continue
		}
		var ms [][]int
		if l := p.datesLead[i]; l != nil {
			ms = l.FindAllStringSubmatchIndex(ct)
		} else {
			ms = re.FindAllStringSubmatchIndex(ct, -1)
		}
		for _, m := range ms {
			a, b := first(m)
			busy := false
			for k := a; k < b; k++ {
				busy = busy || taken[k]
			}
			if busy {
				continue
			}
			g := map[string]string{}
			for gi, n := range re.SubexpNames() {
				if n != "" && m[2*gi] >= 0 {
					g[n] = strings.ToLower(ct[m[2*gi]:m[2*gi+1]])
				}
			}
			if d := p.resolve(g, article, future); d != "" {
				for k := a; k < b; k++ {
					taken[k] = true
				}
				fs = append(fs, found{a, d})
			}
		}
	}
	if !article.IsZero() {
		for _, rd := range p.relDays {
			if !f.contains(rd.id) {
				continue
			}
			if idx := strings.Index(f.f, rd.fw); idx >= 0 && wordAt(f.f, idx, len(rd.fw), p.cjk) && !taken[idx] {
				fs = append(fs, found{idx, article.AddDate(0, 0, rd.offset).Format("2006-01-02")})
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].at < fs[j].at })
	var out []string
	for _, x := range fs {
		dup := false
		for _, y := range out {
			if strings.HasPrefix(x.d, y) || strings.HasPrefix(y, x.d) {
				dup = true
			}
		}
		if !dup {
			out = append(out, x.d)
		}
	}
	return out
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

func contains(xs []string, k string) bool {
	for _, x := range xs {
		if x == k {
			return true
		}
	}
	return false
}
