package extract

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"parley/data/ingest"
	"parley/data/meeting"
)

// Recognizer finds entity mentions in a text and resolves free-text names.
// *entity.Recognizer implements it.
type Recognizer interface {
	Recognize(text, lang string, date time.Time) ([]Entity, []Mention)
	Resolve(name string) (Entity, float64, bool)
}

// LeaderFunc reports whether the entity with the given key held a
// leader-level office (head of state or government, paramount leader) on
// the given date (zero: any date). Countries count as leaders.
type LeaderFunc func(key string, date time.Time) bool

// Extractor runs the extraction pipeline. It is safe for concurrent use.
type Extractor struct {
	rec    Recognizer
	leader LeaderFunc
}

// New returns an Extractor over the recogniser rec.
func New(rec Recognizer) *Extractor { return &Extractor{rec: rec} }

// WithLeaders returns a copy of x that uses f to tell summits (leader-level
// meetings) from other meetings.
func (x *Extractor) WithLeaders(f LeaderFunc) *Extractor {
	c := *x
	c.leader = f
	return &c
}

// ErrNoRecognizer is returned when the extractor has no entity recogniser.
var ErrNoRecognizer = errors.New("no entity recogniser configured")

// Resolve maps a free-text name to an entity with the recogniser's fuzzy
// resolver.
func (x *Extractor) Resolve(name string) (Entity, bool) {
	if x == nil || x.rec == nil {
		return Entity{}, false
	}
	e, _, ok := x.rec.Resolve(name)
	return e, ok
}

// Extract runs the pipeline over one document.
func (x *Extractor) Extract(ctx context.Context, doc ingest.Document) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("extracting %s: %w", doc.Path, err)
	}
	if x == nil || x.rec == nil {
		return Result{}, ErrNoRecognizer
	}
	ents, mens := x.rec.Recognize(doc.Text, doc.Lang, doc.Date)
	kinds := map[string]string{}
	for _, e := range ents {
		kinds[e.Key] = e.Kind
	}
	mm := meetingMentions(ents, mens, kinds)
	evs := meeting.Detect(doc.Text, doc.Lang, doc.Date, mm)
	res := Result{Entities: ents, Mentions: mens}
	for _, e := range evs {
		res.Meetings = append(res.Meetings, Meeting{
			Participants: e.Participants,
			Kind:         e.Kind,
			Status:       e.Status,
			Times:        e.Times,
			CountText:    e.CountText,
			Date:         e.Date,
			Dates:        e.Dates,
			Place:        e.Place,
			Attribution:  e.Attribution,
			Start:        e.Start,
			End:          e.End,
			Evidence:     e.Evidence,
			Again:        e.Again,
			Background:   e.Background,
			Multi:        e.Multi,
		})
	}
	res.Records = x.records(res.Meetings, kinds, doc.Date)
	return res, nil
}

// meetingMentions selects the mentions given to meeting detection: a name
// the gazetteer does not know takes part in meetings only when the article
// names it at least twice (single capitalised phrases such as "San
// Francisco" or "the Politburo" are too often not people).
func meetingMentions(ents []Entity, mens []Mention, kinds map[string]string) []meeting.Mention {
	count := make(map[string]int, len(ents))
	known := make(map[string]bool, len(ents))
	for _, e := range ents {
		known[e.Key] = e.Known
	}
	for _, m := range mens {
		count[m.EntityKey]++
	}
	mm := make([]meeting.Mention, 0, len(mens))
	for _, m := range mens {
		if !known[m.EntityKey] && count[m.EntityKey] < 2 {
			continue
		}
		mm = append(mm, meeting.Mention{Key: m.EntityKey, Kind: kinds[m.EntityKey], Start: m.Start, End: m.End, Via: m.Via})
	}
	return mm
}

type pairKey struct{ a, b string }

func mkPair(a, b string) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{a, b}
}

// records builds the article-level records from the sentence-level meetings.
func (x *Extractor) records(ms []Meeting, kinds map[string]string, date time.Time) []Record {
	type group struct {
		parts  []string
		status string
		idx    []int
	}
	pairIdx := map[string]map[pairKey][]int{} // status → pair → meeting indices
	var pairOrder []struct {
		status string
		p      pairKey
	}
	addPair := func(status string, p pairKey, i int) {
		if pairIdx[status] == nil {
			pairIdx[status] = map[pairKey][]int{}
		}
		if _, ok := pairIdx[status][p]; !ok {
			pairOrder = append(pairOrder, struct {
				status string
				p      pairKey
			}{status, p})
		}
		pairIdx[status][p] = append(pairIdx[status][p], i)
	}
	var groups []*group
	groupBy := map[string]*group{}
	for i, m := range ms {
		if len(m.Participants) == 2 {
			addPair(m.Status, mkPair(m.Participants[0], m.Participants[1]), i)
			continue
		}
		ps := append([]string(nil), m.Participants...)
		sort.Strings(ps)
		k := m.Status + "|" + strings.Join(ps, "|")
		g := groupBy[k]
		if g == nil {
			g = &group{parts: m.Participants, status: m.Status}
			groupBy[k] = g
			groups = append(groups, g)
		}
		g.idx = append(g.idx, i)
	}
	// decompose groups that overlap a pair record of the same status, or
	// another group
	var keep []*group
	for _, g := range groups {
		overlap := false
		for a := 0; a < len(g.parts) && !overlap; a++ {
			for b := a + 1; b < len(g.parts); b++ {
				if _, ok := pairIdx[g.status][mkPair(g.parts[a], g.parts[b])]; ok {
					overlap = true
					break
				}
			}
		}
		if !overlap {
			for _, h := range groups {
				if h != g && h.status == g.status && shared(g.parts, h.parts) >= 2 {
					overlap = true
				}
			}
		}
		if !overlap {
			keep = append(keep, g)
			continue
		}
		for a := 0; a < len(g.parts); a++ {
			for b := a + 1; b < len(g.parts); b++ {
				for _, i := range g.idx {
					addPair(g.status, mkPair(g.parts[a], g.parts[b]), i)
				}
			}
		}
	}
	var out []Record
	for _, po := range pairOrder {
		idx := pairIdx[po.status][po.p]
		sort.Ints(idx)
		out = append(out, x.record([]string{po.p.a, po.p.b}, po.status, idx, ms, kinds, date))
	}
	for _, g := range keep {
		out = append(out, x.record(g.parts, g.status, g.idx, ms, kinds, date))
	}
	// a planned meeting numbered n ("a second summit") implies n-1 held
	// meetings of the same participants
	heldSet := map[string]bool{}
	for _, r := range out {
		if r.Status == StatusHeld {
			heldSet[setKey(r.Participants)] = true
		}
	}
	for _, r := range out {
		if r.Status == StatusPlanned && r.Explicit && r.Times >= 2 && !heldSet[setKey(r.Participants)] {
			h := r
			h.Status, h.Times, h.Kind = StatusHeld, r.Times-1, r.Kind
			out = append(out, h)
			heldSet[setKey(r.Participants)] = true
		}
	}
	// a plan that the article also reports as cancelled or refused is
	// superseded by the denial
	denied := map[string]bool{}
	for _, r := range out {
		if r.Status == StatusDenied {
			denied[setKey(r.Participants)] = true
		}
	}
	final := out[:0]
	for _, r := range out {
		if r.Status == StatusPlanned && denied[setKey(r.Participants)] {
			continue
		}
		final = append(final, r)
	}
	return final
}

func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n
}

func setKey(ps []string) string {
	s := append([]string(nil), ps...)
	sort.Strings(s)
	return strings.Join(s, "|")
}

// record builds one record from the meetings idx (in text order).
func (x *Extractor) record(parts []string, status string, idx []int, ms []Meeting, kinds map[string]string, date time.Time) Record {
	r := Record{Participants: parts, Status: status, Meetings: idx}
	// explicit count: the largest stated
	for _, i := range idx {
		if ms[i].Times > r.Times {
			r.Times = ms[i].Times
			r.Explicit = true
		}
	}
	if !r.Explicit {
		r.Times = distinct(idx, ms)
	}
	calls, inPerson, summitCue := 0, 0, false
	for _, i := range idx {
		if ms[i].Kind == MeetingKindCall {
			calls++
		} else {
			inPerson++
		}
		if ms[i].Kind == MeetingKindSummit {
			summitCue = true
		}
		if r.Attribution == "" {
			r.Attribution = ms[i].Attribution
		}
	}
	switch {
	case calls > 0 && inPerson > 0:
		r.Kind = ""
	case calls > 0:
		r.Kind = MeetingKindCall
	default:
		r.Kind = MeetingKindMeeting
		if x.allLeaders(parts, kinds, date, summitCue) {
			r.Kind = MeetingKindSummit
		}
	}
	return r
}

func (x *Extractor) allLeaders(parts []string, kinds map[string]string, date time.Time, cue bool) bool {
	if x.leader == nil {
		return cue
	}
	for _, p := range parts {
		if kinds[p] == KindCountry {
			continue
		}
		if !x.leader(p, date) {
			return false
		}
	}
	return true
}

// distinct counts the distinct meetings among ms[idx]: meetings on
// different stated dates are distinct, as are undated ones the text
// presents as another or an earlier meeting ("again", "last met"); other
// undated mentions refer to a dated meeting when there is one, else they
// are together one meeting.
func distinct(idx []int, ms []Meeting) int {
	var dates []string
	has := func(d string) bool {
		for _, k := range dates {
			if strings.HasPrefix(k, d) || strings.HasPrefix(d, k) {
				return true
			}
		}
		return false
	}
	n, plain, undatedEarlier := 0, false, 0
	for _, i := range idx {
		m := ms[i]
		switch {
		case len(m.Dates) > 0:
			for _, d := range m.Dates {
				if !has(d) {
					dates = append(dates, d)
					n++
				}
			}
		case m.Again:
			n++
		case m.Background:
			undatedEarlier++
		default:
			plain = true
		}
	}
	if len(dates) <= 1 {
		// an undated earlier meeting is a meeting of its own unless the
		// article dates its earlier meetings elsewhere
		n += undatedEarlier
	}
	if plain && len(dates) == 0 {
		n++
	}
	if n == 0 {
		n = 1
	}
	return n
}
