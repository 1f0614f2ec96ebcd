package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// pairEvent is one meeting sentence between the focus and a counterpart.
type pairEvent struct {
	id      int64
	article int64
	status  string
	times   int
	place   string
	outlet  string
	edited  bool      // an analyst edit applies
	date    time.Time // meeting date, zero when the text gives none
	pub     time.Time // article date
	// the counterpart's mentions in the article (when compareData.eventMentions)
	mentions int
	row      *MeetingRow // the whole meeting, for Evidence and Timeline (nil for Compare)
}

// pairRecord is an article's own tally for the focus and a counterpart.
type pairRecord struct {
	article  int64
	outlet   string
	status   string
	times    int
	explicit bool
	meetings []int64
}

// compareData is everything a comparison aggregates, read once.
type compareData struct {
	events   map[int64][]*pairEvent  // by counterpart
	records  map[int64][]*pairRecord // by counterpart
	names    map[int64]EntityRef
	kinds    map[int64]string
	mentions map[[2]int64]int       // (entity, article) → mentions
	byDate   map[int64][]*pairEvent // events by counterpart in order of date, then meeting id (when set)
	// eventMentions: each event carries its counterpart's mentions in
	// its article (pairEvent.mentions), mentions is not needed
	eventMentions bool
	outlets       map[int64]string // article → outlet
}

func (q CompareQuery) statuses() map[string]bool {
	st := map[string]bool{}
	for _, s := range q.Statuses {
		st[s] = true
	}
	if len(st) == 0 {
		st["held"] = true
	}
	return st
}

func (q CompareQuery) articleFilter() ArticleFilter {
	return ArticleFilter{Outlets: q.Outlets, Languages: q.Languages, IDs: q.Articles}
}

// compareSelect reads, for Compare, only the meeting columns the counts
// need (no evidence text): the analyst's corrections applied.
const compareSelect = `SELECT g.id, g.article_id, COALESCE(em.kind, g.kind), COALESCE(em.status, g.status), COALESCE(em.times, g.times),
	COALESCE(em.date, g.date), COALESCE(em.place, g.place), a.outlet, a.published, em.key IS NOT NULL
	FROM meetings g JOIN articles a ON a.id = g.article_id LEFT JOIN edit_meetings em ON em.key = g.key`

func (s *DB) queryCompareMeetings(ctx context.Context, w *where) ([]meetingRowID, error) {
	rows, err := s.db.QueryContext(ctx, compareSelect+w.sql(), w.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out []meetingRowID
	dates := map[string]time.Time{}
	for rows.Next() {
		var m meetingRowID
		var pub string
		if err := rows.Scan(&m.id, &m.ArticleID, &m.Kind, &m.Status, &m.Times, &m.Date, &m.Place, &m.Outlet, &pub, &m.Edited); err != nil {
			return nil, s.readErr(err)
		}
		t, ok := dates[pub]
		if !ok {
			t = parseDate(pub)
			dates[pub] = t
		}
		m.ArticleDate = t
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.readErr(err)
	}
	return s.withParticipants(ctx, out)
}

// load reads the focus's meetings, records and mentions under the filters.
// full reads the evidence too (Evidence, Timeline); Compare does without.
func (s *DB) load(ctx context.Context, q CompareQuery, full bool) (*compareData, error) {
	d := &compareData{events: map[int64][]*pairEvent{}, records: map[int64][]*pairRecord{}, names: map[int64]EntityRef{},
		kinds: map[int64]string{}, mentions: map[[2]int64]int{}, outlets: map[int64]string{}}
	var w where
	w.add(focusMeetings, q.FocusID)
	w.add("COALESCE(em.wrong, 0) = 0")
	articleWhere(&w, q.articleFilter())
	meetingDates(&w, q.From, q.To)
	var ms []meetingRowID
	var err error
	if full {
		ms, err = s.queryMeetings(ctx, &w, " ORDER BY g.id")
	} else {
		ms, err = s.queryCompareMeetings(ctx, &w)
	}
	if err != nil {
		return nil, err
	}
	with := map[int64]bool{}
	for _, id := range q.WithIDs {
		with[id] = true
	}
	articles := map[int64]bool{}
	for _, m := range ms {
		for _, p := range m.Participants {
			if p.ID == q.FocusID || (len(with) > 0 && !with[p.ID]) {
				continue
			}
			d.names[p.ID] = p
			d.events[p.ID] = append(d.events[p.ID], &pairEvent{id: m.id, article: m.ArticleID, status: m.Status, times: m.Times, place: m.Place,
				outlet: m.Outlet, edited: m.Edited, date: parseDate(m.Date), pub: m.ArticleDate, row: &m.MeetingRow})
		}
		articles[m.ArticleID] = true
		d.outlets[m.ArticleID] = m.Outlet
	}
	if len(articles) == 0 {
		return d, nil
	}
	// records: the article's own tally per pair
	var rw where
	rw.add(`r.id IN (SELECT rp.record_id FROM record_participants rp JOIN entities e ON e.id = rp.entity_id WHERE COALESCE(e.canonical_id, e.id) = ?)`, q.FocusID)
	rw.inIDs("r.article_id", keys(articles))
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.article_id, r.status, r.times, r.explicit, r.meeting_ids, COALESCE(c.id, 0)
		FROM records r JOIN record_participants rp ON rp.record_id = r.id JOIN entities e ON e.id = rp.entity_id
		JOIN entities c ON c.id = COALESCE(e.canonical_id, e.id)`+rw.sql(), rw.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	for rows.Next() {
		var rid, cp int64
		var r pairRecord
		var mids string
		if err := rows.Scan(&rid, &r.article, &r.status, &r.times, &r.explicit, &mids, &cp); err != nil {
			rows.Close()
			return nil, s.readErr(err)
		}
		if cp == q.FocusID || (len(with) > 0 && !with[cp]) {
			continue
		}
		for _, f := range strings.Fields(mids) {
			if id, err := strconv.ParseInt(f, 10, 64); err == nil {
				r.meetings = append(r.meetings, id)
			}
		}
		r.outlet = d.outlets[r.article]
		d.records[cp] = append(d.records[cp], &r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.readErr(err)
	}
	// mentions of each counterpart in the articles that report it: probe
	// the (entity, article) index for the pairs needed, for every entity
	// merged into the counterpart
	if err := s.loadMentions(ctx, d); err != nil {
		return nil, err
	}
	var kw where
	kw.inIDs("id", keys(d.names))
	rows, err = s.db.QueryContext(ctx, "SELECT id, COALESCE(kind_override, kind) FROM entities"+kw.sql(), kw.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind string
		if err := rows.Scan(&id, &kind); err != nil {
			return nil, s.readErr(err)
		}
		d.kinds[id] = kind
	}
	return d, s.readErr(rows.Err())
}

// loadMentions counts the mentions of each counterpart in each article
// that reports one of its meetings with the focus.
func (s *DB) loadMentions(ctx context.Context, d *compareData) error {
	if len(d.names) == 0 {
		return nil
	}
	// the entities merged into each counterpart
	cps := keys(d.names)
	var ew where
	ew.inIDs("id", cps)
	var cw where
	cw.inIDs("canonical_id", cps)
	rows, err := s.db.QueryContext(ctx, "SELECT id, COALESCE(canonical_id, id) FROM entities"+ew.sql()+" UNION SELECT id, canonical_id FROM entities"+cw.sql(), append(ew.args, cw.args...)...)
	if err != nil {
		return s.readErr(err)
	}
	members := map[int64][]int64{}
	for rows.Next() {
		var id, c int64
		if err := rows.Scan(&id, &c); err != nil {
			rows.Close()
			return s.readErr(err)
		}
		members[c] = append(members[c], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.readErr(err)
	}
	var probe [][2]int64
	for cp, evs := range d.events {
		seen := map[int64]bool{}
		for _, ev := range evs {
			if seen[ev.article] {
				continue
			}
			seen[ev.article] = true
			for _, e := range members[cp] {
				probe = append(probe, [2]int64{e, ev.article})
			}
		}
	}
	return s.countMentions(ctx, probe, members, d.mentions)
}

// countMentions adds the mentions of each (entity, article) pair in probe
// to into, keyed by the entity's canonical id (its group in members, or
// itself).
func (s *DB) countMentions(ctx context.Context, probe [][2]int64, members map[int64][]int64, into map[[2]int64]int) error {
	if len(probe) == 0 {
		return nil
	}
	canon := map[int64]int64{}
	for c, ms := range members {
		for _, e := range ms {
			canon[e] = c
		}
	}
	// each pair travels as one number, entity<<32 | article
	pairs := []byte{'['}
	for i, p := range probe {
		if i > 0 {
			pairs = append(pairs, ',')
		}
		pairs = strconv.AppendInt(pairs, p[0]<<32|p[1], 10)
	}
	pairs = append(pairs, ']')
	rows, err := s.db.QueryContext(ctx, `WITH p(e, a) AS (SELECT value >> 32, value & 4294967295 FROM json_each(?))
		SELECT p.e, p.a, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = p.e AND m.article_id = p.a) FROM p`, string(pairs))
	if err != nil {
		return s.readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e, a int64
		var n int
		if err := rows.Scan(&e, &a, &n); err != nil {
			return s.readErr(err)
		}
		c, ok := canon[e]
		if !ok {
			c = e
		}
		into[[2]int64{c, a}] += n
	}
	return s.readErr(rows.Err())
}

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// aggregate computes one counterpart's row from its events and records,
// optionally restricted to one outlet.
func aggregate(q CompareQuery, d *compareData, cp int64, outlet string) (Counterpart, bool) {
	return new(scratch).aggregate(q.statuses(), d, cp, outlet)
}

// scratch holds the buffers of aggregate and distinctMeetings, reused from
// one counterpart to the next.
type scratch struct {
	held, planned, denied []*pairEvent
	arts                  []art
	outlets               []string
	events, undated       []event
	clusters              []cluster
	dated, latest         []int64
}

// art is an article among a counterpart's sentences.
type art struct {
	id       int64
	outlet   string
	mentions int
}

// event is a sentence as distinctMeetings reads it: days as Unix seconds
// (dates are UTC midnights), noDay for none.
type event struct {
	date, pub int64
	article   int64
	place     string
	order     int
}

const noDay = math.MinInt64

// cluster is a distinct meeting: days, place and the articles reporting it.
type cluster struct {
	from, to int64
	place    string
	articles []int64 // a set: few per meeting
}

// aggregate computes one counterpart's row (st: the statuses counted).
func (sc *scratch) aggregate(st map[string]bool, d *compareData, cp int64, outlet string) (Counterpart, bool) {
	c := Counterpart{EntityID: cp, Name: d.names[cp].Name, Kind: d.kinds[cp]}
	// the events under the outlet, in order of meeting id (for the records' look-ups)
	evs := d.events[cp]
	if outlet != "" {
		var keep []*pairEvent
		for _, ev := range evs {
			if ev.outlet == outlet {
				keep = append(keep, ev)
			}
		}
		evs = keep
	}
	if len(evs) == 0 {
		return c, false
	}
	if !slices.IsSortedFunc(evs, func(a, b *pairEvent) int { return cmp.Compare(a.id, b.id) }) {
		evs = slices.Clone(evs)
		slices.SortStableFunc(evs, func(a, b *pairEvent) int { return cmp.Compare(a.id, b.id) })
	}
	// the sentences by status, each in order of date (then meeting id)
	byDate := d.byDate[cp]
	if outlet != "" || len(byDate) != len(evs) {
		byDate = sortByDate(evs)
	}
	held, planned, denied := sc.held[:0], sc.planned[:0], sc.denied[:0]
	defer func() { sc.held, sc.planned, sc.denied = held, planned, denied }()
	for _, ev := range byDate {
		switch ev.status {
		case "held":
			held = append(held, ev)
		case "planned":
			planned = append(planned, ev)
		case "denied":
			denied = append(denied, ev)
		}
	}
	arts := sc.arts[:0]
	defer func() { sc.arts = arts }()
	for _, ev := range evs {
		if st[ev.status] {
			arts = append(arts, art{ev.article, ev.outlet, ev.mentions})
			day := ev.date
			if day.IsZero() {
				day = ev.pub
			}
			if !day.IsZero() {
				if c.First.IsZero() || day.Before(c.First) {
					c.First = day
				}
				if day.After(c.Last) {
					c.Last = day
				}
			}
		}
	}
	// valid: the event of a meeting id, the last of equals as a map would keep
	valid := func(id int64) (*pairEvent, bool) {
		i, ok := slices.BinarySearchFunc(evs, id, func(e *pairEvent, id int64) int { return cmp.Compare(e.id, id) })
		if !ok {
			return nil, false
		}
		for i+1 < len(evs) && evs[i+1].id == id {
			i++
		}
		return evs[i], true
	}
	// Reported: the largest count any article states (or tallies) for the pair.
	for _, r := range d.records[cp] {
		if r.status != "held" || (outlet != "" && r.outlet != outlet) {
			continue
		}
		times, explicit, alive := r.times, r.explicit, len(r.meetings) == 0
		stated, left := 0, 0
		for _, mid := range r.meetings {
			ev, ok := valid(mid)
			if !ok || ev.status != "held" {
				continue // marked wrong, filtered out or re-classified
			}
			alive = true
			left++
			stated = max(stated, ev.times)
			if ev.edited && ev.times > 0 {
				times, explicit = ev.times, true
			}
		}
		if explicit && len(r.meetings) > 0 && stated == 0 {
			// the sentence that stated the count is gone: the article's tally is what is left
			times, explicit = left, false
		}
		if alive && (times > c.Reported || (times == c.Reported && explicit)) {
			c.Reported, c.Explicit = times, explicit
		}
	}
	for _, ev := range held {
		if ev.times > c.Reported {
			c.Reported, c.Explicit = ev.times, true
		}
	}
	c.Distinct = sc.distinct(held)
	if c.Reported == 0 && c.Distinct > 0 { // no article-level record: the sentences are the tally
		c.Reported = c.Distinct
	}
	c.Planned = sc.distinct(planned)
	c.Denied = sc.distinct(denied)
	// distinct articles, their outlets and the counterpart's mentions in them
	slices.SortFunc(arts, func(a, b art) int { return cmp.Compare(a.id, b.id) })
	arts = slices.CompactFunc(arts, func(a, b art) bool { return a.id == b.id })
	c.Articles = len(arts)
	outlets := sc.outlets[:0]
	defer func() { sc.outlets = outlets }()
	for _, a := range arts {
		if a.outlet != "" && !slices.Contains(outlets, a.outlet) {
			outlets = append(outlets, a.outlet)
		}
		if d.eventMentions {
			c.Mentions += a.mentions
		} else {
			c.Mentions += d.mentions[[2]int64{cp, a.id}]
		}
	}
	c.Outlets = len(outlets)
	return c, true
}

// distinctMeetings counts the distinct meetings among the sentences that
// report them: one meeting reported by several articles counts once.
//
//   - Sentences with the same meeting date (and the same place, when both
//     give one) are one meeting.
//   - Meetings a day apart are one meeting reported with a time-zone or
//     dating slip, unless one article reports both days (then the text
//     itself tells them apart); a merged meeting spans at most two days.
//   - A sentence without a date belongs to a dated meeting of its own
//     article when there is one. Otherwise it belongs to a meeting up to a
//     week before the article's date; failing that it is a meeting of its
//     own, dated by the article (an undated article counts once).
func distinctMeetings(evs []*pairEvent) int { return new(scratch).distinct(evs) }

func (sc *scratch) distinct(evs []*pairEvent) int {
	const day = 24 * 60 * 60
	unix := func(t time.Time) int64 {
		if t.IsZero() {
			return noDay
		}
		return t.Unix()
	}
	has := func(set []int64, a int64) bool {
		for _, x := range set {
			if x == a {
				return true
			}
		}
		return false
	}
	sorted := slices.Grow(sc.events[:0], len(evs))[:len(evs)]
	defer func() { sc.events = sorted }()
	for i, ev := range evs {
		sorted[i] = event{date: unix(ev.date), pub: unix(ev.pub), article: ev.article, place: ev.place, order: i}
	}
	// by date, keeping the given order among equals
	if !slices.IsSortedFunc(sorted, func(a, b event) int { return cmp.Compare(a.date, b.date) }) {
		slices.SortFunc(sorted, func(a, b event) int {
			if c := cmp.Compare(a.date, b.date); c != 0 {
				return c
			}
			return cmp.Compare(a.order, b.order)
		})
	}
	clusters := sc.clusters[:0]
	defer func() { sc.clusters = clusters }()
	dayStart := 0 // the clusters of the current day: clusters[dayStart:] (events come by day)
	var folded map[string]string
	compatible := func(a, b string) bool { return a == "" || b == "" || a == b }
	datedArticles := sc.dated[:0]
	defer func() { sc.dated = datedArticles }()
	for _, ev := range sorted {
		if ev.date == noDay {
			continue
		}
		datedArticles = append(datedArticles, ev.article)
		p := ev.place
		if p != "" {
			f, ok := folded[p]
			if !ok {
				if folded == nil {
					folded = map[string]string{}
				}
				f = Fold(p)
				folded[p] = f
			}
			p = f
		}
		if dayStart < len(clusters) && clusters[dayStart].from != ev.date {
			dayStart = len(clusters)
		}
		var home *cluster
		for i := dayStart; i < len(clusters); i++ {
			if compatible(clusters[i].place, p) {
				home = &clusters[i]
				break
			}
		}
		if home == nil {
			clusters = append(clusters, cluster{from: ev.date, to: ev.date, place: p}) // articles: a new set
			home = &clusters[len(clusters)-1]
		}
		if !has(home.articles, ev.article) {
			home.articles = append(home.articles, ev.article)
		}
		if home.place == "" {
			home.place = p
		}
	}
	slices.Sort(datedArticles)
	// merge neighbouring days that no single article tells apart
	merged := clusters[:0] // in place: a cluster is read before its slot is written
	for _, c := range clusters {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			shared := false
			for _, a := range c.articles {
				if has(last.articles, a) {
					shared = true
					break
				}
			}
			if !shared && last.from == last.to && c.from-last.to <= day && compatible(last.place, c.place) {
				last.to = c.to
				for _, a := range c.articles {
					if !has(last.articles, a) {
						last.articles = append(last.articles, a)
					}
				}
				continue
			}
		}
		merged = append(merged, c)
	}
	// the merged meetings are in order of their first day: the latest end
	// among those that begin by a day tells whether any overlaps the week
	// before it
	latest := slices.Grow(sc.latest[:0], len(merged))[:len(merged)]
	defer func() { sc.latest = latest }()
	for i, c := range merged {
		latest[i] = c.to
		if i > 0 && latest[i-1] > c.to {
			latest[i] = latest[i-1]
		}
	}
	// undated articles, by date (then id): one article, one meeting at most
	undated := sc.undated[:0]
	defer func() { sc.undated = undated }()
	for _, ev := range sorted {
		if _, dated := slices.BinarySearch(datedArticles, ev.article); ev.date == noDay && !dated {
			undated = append(undated, ev)
		}
	}
	slices.SortFunc(undated, func(a, b event) int {
		if c := cmp.Compare(a.pub, b.pub); c != 0 {
			return c
		}
		return cmp.Compare(a.article, b.article)
	})
	undated = slices.CompactFunc(undated, func(a, b event) bool { return a.article == b.article })
	n := len(merged)
	proxy := int64(noDay) // the latest proxy so far (undated articles come in order of date)
	for _, ev := range undated {
		if ev.pub == noDay {
			n++
			continue
		}
		k := sort.Search(len(merged), func(i int) bool { return merged[i].from > ev.pub })
		found := k > 0 && latest[k-1] >= ev.pub-7*day
		if proxy != noDay && ev.pub-proxy <= day {
			found = true
		}
		if !found {
			proxy = ev.pub
			n++
		}
	}
	return n
}

// Compare answers the product's question: for a focus entity, every
// counterpart it met, side by side, and the same by outlet.
func (s *DB) Compare(ctx context.Context, q CompareQuery) (Comparison, error) {
	var cmp Comparison
	focus, err := s.Entity(ctx, q.FocusID)
	if err != nil {
		return cmp, err
	}
	q.FocusID = focus.ID
	cmp.Focus = focus
	d, err := s.loadFacts(ctx, q)
	if err != nil {
		return cmp, err
	}
	compareFrom(&cmp, q, d)
	return cmp, nil
}

// compareFrom fills a comparison's rows from the data read for it.
func compareFrom(cmp *Comparison, q CompareQuery, d *compareData) {
	sc, st := new(scratch), q.statuses()
	d.byDate = map[int64][]*pairEvent{}
	for cp, evs := range d.events {
		if slices.IsSortedFunc(evs, func(a, b *pairEvent) int { return compareInt(a.id, b.id) }) {
			d.byDate[cp] = sortByDate(evs)
		}
	}
	outlets := map[string]bool{}
	for cp := range d.names {
		c, ok := sc.aggregate(st, d, cp, "")
		if !ok {
			continue
		}
		cmp.Counterparts = append(cmp.Counterparts, c)
		for _, ev := range d.events[cp] {
			if ev.outlet != "" {
				outlets[ev.outlet] = true
			}
		}
	}
	sort.Slice(cmp.Counterparts, func(i, j int) bool {
		a, b := cmp.Counterparts[i], cmp.Counterparts[j]
		if a.Reported != b.Reported {
			return a.Reported > b.Reported
		}
		if a.Distinct != b.Distinct {
			return a.Distinct > b.Distinct
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.EntityID < b.EntityID
	})
	cmp.Outlets = keys(outlets)
	sort.Strings(cmp.Outlets)
	// each outlet's events and records, sorted out once: aggregating a
	// bucket is aggregating the whole restricted to the outlet
	buckets := map[string]*compareData{}
	bucket := func(o string) *compareData {
		b := buckets[o]
		if b == nil {
			b = &compareData{events: map[int64][]*pairEvent{}, records: map[int64][]*pairRecord{}, names: d.names, kinds: d.kinds, mentions: d.mentions,
				eventMentions: d.eventMentions, outlets: d.outlets, byDate: map[int64][]*pairEvent{}}
			buckets[o] = b
		}
		return b
	}
	for _, c := range cmp.Counterparts {
		for _, ev := range d.events[c.EntityID] {
			if ev.outlet != "" {
				b := bucket(ev.outlet)
				b.events[c.EntityID] = append(b.events[c.EntityID], ev)
			}
		}
		if byDate, ok := d.byDate[c.EntityID]; ok {
			for _, ev := range byDate {
				if ev.outlet != "" {
					b := buckets[ev.outlet]
					b.byDate[c.EntityID] = append(b.byDate[c.EntityID], ev)
				}
			}
		}
		for _, r := range d.records[c.EntityID] {
			if b := buckets[r.outlet]; b != nil && r.outlet != "" {
				b.records[c.EntityID] = append(b.records[c.EntityID], r)
			}
		}
	}
	for _, o := range cmp.Outlets {
		b := buckets[o]
		for _, c := range cmp.Counterparts {
			if oc, ok := sc.aggregate(st, b, c.EntityID, ""); ok && oc.Articles > 0 {
				cmp.ByOutlet = append(cmp.ByOutlet, OutletCell{Outlet: o, Counterpart: c.Name, CounterpartID: c.EntityID, Reported: oc.Reported, Distinct: oc.Distinct, Articles: oc.Articles})
			}
		}
	}
}

// Evidence returns the sentences behind one number of a comparison.
func (s *DB) Evidence(ctx context.Context, q EvidenceQuery) ([]Evidence, error) {
	cq := q.Filter
	cq.FocusID = q.Focus
	cq.WithIDs = []int64{q.Counterpart}
	focus, err := s.Entity(ctx, q.Focus)
	if err != nil {
		return nil, err
	}
	cq.FocusID = focus.ID
	d, err := s.load(ctx, cq, true)
	if err != nil {
		return nil, err
	}
	cp, err := s.Entity(ctx, q.Counterpart)
	if err != nil {
		return nil, err
	}
	evs := d.events[cp.ID]
	st := cq.statuses()
	var pick []*pairEvent
	switch q.Column {
	case "reported":
		// the sentences that state the count; failing that, those the articles' tallies rest on
		c, _ := aggregate(cq, d, cp.ID, "")
		for _, ev := range evs {
			if ev.status == "held" && ev.times == c.Reported {
				pick = append(pick, ev)
			}
		}
		support := map[int64]bool{}
		for _, r := range d.records[cp.ID] {
			if r.status == "held" && r.times == c.Reported {
				for _, m := range r.meetings {
					support[m] = true
				}
			}
		}
		for _, ev := range evs {
			if len(pick) == 0 && ev.status == "held" && support[ev.id] {
				pick = append(pick, ev)
			}
		}
		if len(pick) == 0 {
			for _, ev := range evs {
				if ev.status == "held" {
					pick = append(pick, ev)
				}
			}
		}
	case "distinct":
		for _, ev := range evs {
			if ev.status == "held" {
				pick = append(pick, ev)
			}
		}
	case "planned", "denied":
		for _, ev := range evs {
			if ev.status == q.Column {
				pick = append(pick, ev)
			}
		}
	case "articles", "outlets", "mentions", "first", "last":
		seen := map[int64]bool{}
		for _, ev := range evs {
			if st[ev.status] && !seen[ev.article] {
				seen[ev.article] = true
				pick = append(pick, ev)
			}
		}
	default:
		pick = evs
	}
	out := make([]Evidence, 0, len(pick))
	for _, ev := range pick {
		e := Evidence{ArticleID: ev.article, Title: ev.row.Title, Outlet: ev.outlet, Date: ev.pub, Sentence: ev.row.Evidence,
			Start: ev.row.Start, End: ev.row.End, MeetingKey: ev.row.Key, Times: ev.times, Status: ev.status}
		hl, err := s.highlights(ctx, ev.article, ev.row.Start, ev.row.End, []int64{focus.ID, cp.ID})
		if err != nil {
			return nil, err
		}
		e.Highlights = hl
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].ArticleID < out[j].ArticleID
	})
	return out, nil
}

// highlights are the spans of the given entities' mentions inside a sentence, relative to it.
func (s *DB) highlights(ctx context.Context, article int64, start, end int, ids []int64) ([][2]int, error) {
	var w where
	w.add("m.article_id = ?", article)
	w.add("m.start >= ? AND m.end <= ?", start, end)
	w.inIDs("COALESCE(e.canonical_id, e.id)", ids)
	rows, err := s.db.QueryContext(ctx, "SELECT m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity_id"+w.sql()+" ORDER BY m.start", w.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out [][2]int
	for rows.Next() {
		var a, b int
		if err := rows.Scan(&a, &b); err != nil {
			return nil, s.readErr(err)
		}
		out = append(out, [2]int{a - start, b - start})
	}
	return out, s.readErr(rows.Err())
}

// Timeline lists the focus's meetings over time, one point per distinct
// meeting day and counterpart.
func (s *DB) Timeline(ctx context.Context, q CompareQuery) ([]TimelinePoint, error) {
	focus, err := s.Entity(ctx, q.FocusID)
	if err != nil {
		return nil, err
	}
	q.FocusID = focus.ID
	d, err := s.load(ctx, q, true)
	if err != nil {
		return nil, err
	}
	type k struct {
		cp     int64
		day    string
		status string
	}
	points := map[k]*TimelinePoint{}
	arts := map[k]map[int64]bool{}
	for cp, evs := range d.events {
		for _, ev := range evs {
			day := ev.date
			if day.IsZero() {
				day = ev.pub
			}
			if day.IsZero() {
				continue
			}
			key := k{cp, dateString(day), ev.status}
			p := points[key]
			if p == nil {
				p = &TimelinePoint{Counterpart: d.names[cp].Name, Date: day, Status: ev.status, Kind: ev.row.Kind}
				points[key] = p
				arts[key] = map[int64]bool{}
			}
			p.MeetingKeys = append(p.MeetingKeys, ev.row.Key)
			arts[key][ev.article] = true
			p.Articles = len(arts[key])
		}
	}
	out := make([]TimelinePoint, 0, len(points))
	for _, p := range points {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Counterpart < out[j].Counterpart
	})
	return out, nil
}

// loadFacts reads what Compare aggregates from the maintained pair tables
// (migration 0003): one range scan of the focus's meeting pairs, one of its
// held records, with the counterparts' mentions carried on the pairs. It
// returns the same data as load(q, false).
func (s *DB) loadFacts(ctx context.Context, q CompareQuery) (*compareData, error) {
	d := &compareData{events: map[int64][]*pairEvent{}, records: map[int64][]*pairRecord{}, names: map[int64]EntityRef{},
		kinds: map[int64]string{}, mentions: map[[2]int64]int{}, outlets: map[int64]string{}}
	// merges: every stored entity shown as another, and the focus's own
	canon := map[int64]int64{}
	groups := map[int64][]int64{} // canonical → the stored entities shown as it (itself included)
	rows, err := s.db.QueryContext(ctx, "SELECT id, canonical_id FROM entities WHERE canonical_id IS NOT NULL AND canonical_id != id")
	if err != nil {
		return nil, s.readErr(err)
	}
	for rows.Next() {
		var id, c int64
		if err := rows.Scan(&id, &c); err != nil {
			rows.Close()
			return nil, s.readErr(err)
		}
		canon[id] = c
		if groups[c] == nil {
			groups[c] = []int64{c}
		}
		groups[c] = append(groups[c], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.readErr(err)
	}
	canonOf := func(id int64) int64 {
		if c, ok := canon[id]; ok {
			return c
		}
		return id
	}
	membersOf := func(c int64) []int64 {
		if g := groups[c]; g != nil {
			return g
		}
		if _, merged := canon[c]; merged {
			return nil // shown as another entity: never canonical
		}
		return []int64{c}
	}
	focusMembers := membersOf(q.FocusID)
	with := map[int64]bool{}
	var withMembers []int64
	for _, id := range q.WithIDs {
		if !with[id] {
			with[id] = true
			withMembers = append(withMembers, membersOf(id)...)
		}
	}
	if len(focusMembers) == 0 || (len(with) > 0 && len(withMembers) == 0) {
		return d, nil
	}
	var w where
	factWhere(&w, q, focusMembers)
	w.inIDs("other_id", withMembers)
	// the focus's records, read on another connection meanwhile
	readRecords := s.readRecords(ctx, focusMembers, withMembers)
	// the rows travel as one string (see pair_facts.fact): one value
	// instead of eleven per row
	var all sql.NullString
	if err := s.db.QueryRowContext(ctx, "SELECT group_concat(fact, char(10)) FROM pair_facts"+w.sql(), w.args...).Scan(&all); err != nil {
		return nil, s.readErr(err)
	}
	dates := map[string]time.Time{}
	date := func(s string) time.Time {
		t, ok := dates[s]
		if !ok {
			t = parseDate(s)
			dates[s] = t
		}
		return t
	}
	slab := make([]pairEvent, 0, strings.Count(all.String, "\n")+1)
	d.outlets = make(map[int64]string, cap(slab))
	var cps []int64 // the counterpart of each event in slab
	type pairKey struct{ meeting, cp int64 }
	seen := map[pairKey]bool{}
	known := map[[2]int64]int{} // (stored entity, article) → mentions, for merged counterparts
	for c := (cursor{s: all.String}); !c.done(); {
		other := c.int()
		mid, art, mentions := c.int(), c.int(), int(c.int())
		outlet := c.str()
		times, edited := int(c.int()), c.int() != 0
		status, mdate, place, pub := c.str(), c.str(), c.str(), c.str()
		if c.err {
			return nil, fmt.Errorf("reading the comparison: damaged pair row near byte %d", c.i)
		}
		d.outlets[art] = outlet
		cp := canonOf(other)
		if cp == q.FocusID || (len(with) > 0 && !with[cp]) {
			continue
		}
		if groups[cp] != nil {
			known[[2]int64{other, art}] = mentions
		}
		if len(focusMembers) > 1 || groups[cp] != nil {
			k := pairKey{mid, cp}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		pt := date(pub)
		slab = append(slab, pairEvent{id: mid, article: art, status: status, times: times, place: place, outlet: outlet, edited: edited,
			date: date(mdate), pub: pt, mentions: mentions})
		cps = append(cps, cp)
	}
	for i := range slab {
		cp := cps[i]
		if d.events[cp] == nil {
			d.names[cp] = EntityRef{ID: cp}
		}
		d.events[cp] = append(d.events[cp], &slab[i])
	}
	d.eventMentions = true
	if len(focusMembers) > 1 {
		for _, evs := range d.events {
			sort.SliceStable(evs, func(i, j int) bool { return evs[i].id < evs[j].id })
		}
	}
	if len(d.outlets) == 0 {
		return d, nil
	}
	if err := s.factRecords(ctx, q, d, focusMembers, with, canonOf, readRecords); err != nil {
		return nil, err
	}
	if err := s.factMentions(ctx, d, known, groups); err != nil {
		return nil, err
	}
	for cp, evs := range d.events {
		if groups[cp] != nil {
			for _, ev := range evs {
				ev.mentions = d.mentions[[2]int64{cp, ev.article}]
			}
		}
	}
	// names and kinds of the counterparts
	var kw where
	kw.inIDs("id", keys(d.names))
	rows, err = s.db.QueryContext(ctx, "SELECT id, COALESCE(name_override, name), COALESCE(kind_override, kind) FROM entities"+kw.sql(), kw.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r EntityRef
		var kind string
		if err := rows.Scan(&r.ID, &r.Name, &kind); err != nil {
			return nil, s.readErr(err)
		}
		d.names[r.ID] = r
		d.kinds[r.ID] = kind
	}
	return d, s.readErr(rows.Err())
}

// readRecords starts reading the focus's held records (see
// pair_records.record) and returns the function that waits for them.
func (s *DB) readRecords(ctx context.Context, focusMembers, withMembers []int64) func() (string, error) {
	var w where
	w.inIDs("entity_id", focusMembers)
	w.inIDs("other_id", withMembers)
	type result struct {
		text string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		var all sql.NullString
		err := s.db.QueryRowContext(ctx, "SELECT group_concat(record, char(10)) FROM pair_records"+w.sql(), w.args...).Scan(&all)
		ch <- result{all.String, s.readErr(err)}
	}()
	return func() (string, error) {
		r := <-ch
		return r.text, r.err
	}
}

// factRecords reads the focus's held records in the articles where it has
// a meeting under the filters (w is the meeting filter).
func (s *DB) factRecords(ctx context.Context, q CompareQuery, d *compareData, focusMembers []int64, with map[int64]bool, canonOf func(int64) int64, read func() (string, error)) error {
	text, err := read()
	if err != nil {
		return err
	}
	all := sql.NullString{String: text}
	type recKey struct{ record, other int64 }
	seen := map[recKey]bool{}
	var orphans []pairRecord // records without meetings, in articles not seen yet
	var orphanCPs []int64
	n := strings.Count(all.String, "\n") + 1
	arena := make([]int64, 0, n)     // the records' meeting ids
	slab := make([]pairRecord, 0, n) // the records
	for c := (cursor{s: all.String}); !c.done(); {
		var r pairRecord
		other, rid := c.int(), c.int()
		r.article, r.times, r.explicit = c.int(), int(c.int()), c.int() != 0
		mids := c.str()
		if c.err {
			return fmt.Errorf("reading the comparison: damaged record row near byte %d", c.i)
		}
		cp := canonOf(other)
		if cp == q.FocusID || (len(with) > 0 && !with[cp]) {
			continue
		}
		outlet, ok := d.outlets[r.article]
		if !ok && len(mids) > 0 {
			continue // a record rests on its meetings: none of them is the focus's under the filters
		}
		if len(focusMembers) > 1 {
			k := recKey{rid, other}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		r.status = "held"
		r.outlet = outlet
		start := len(arena)
		for f := range strings.FieldsSeq(mids) {
			if id, err := strconv.ParseInt(f, 10, 64); err == nil {
				arena = append(arena, id)
			}
		}
		if len(arena) > start {
			r.meetings = arena[start:len(arena):len(arena)]
		}
		if !ok {
			orphans = append(orphans, r)
			orphanCPs = append(orphanCPs, cp)
			continue
		}
		slab = append(slab, r)
		d.records[cp] = append(d.records[cp], &slab[len(slab)-1])
	}
	if len(orphans) == 0 {
		return nil
	}
	// a record without meetings counts in any article where the focus has a
	// meeting under the filters, with any counterpart
	arts := map[int64]bool{}
	for _, r := range orphans {
		arts[r.article] = true
	}
	var aw where
	factWhere(&aw, q, focusMembers)
	aw.inIDs("article_id", keys(arts))
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT article_id, outlet FROM pair_facts"+aw.sql(), aw.args...)
	if err != nil {
		return s.readErr(err)
	}
	found := map[int64]string{}
	for rows.Next() {
		var a int64
		var o string
		if err := rows.Scan(&a, &o); err != nil {
			rows.Close()
			return s.readErr(err)
		}
		found[a] = o
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.readErr(err)
	}
	for i, r := range orphans {
		if o, ok := found[r.article]; ok {
			r.outlet = o
			d.records[orphanCPs[i]] = append(d.records[orphanCPs[i]], &r)
		}
	}
	return nil
}

// factMentions sums the mentions of each counterpart that others are merged
// into, in the articles that report one of its meetings with the focus: the
// pairs carry the mentions of their stored entity; the other entities merged
// into it are counted from the mentions index.
func (s *DB) factMentions(ctx context.Context, d *compareData, known map[[2]int64]int, groups map[int64][]int64) error {
	var probe [][2]int64
	for cp, evs := range d.events {
		members := groups[cp]
		if members == nil {
			continue // counted from its pairs already
		}
		done := map[int64]bool{}
		for _, ev := range evs {
			if done[ev.article] {
				continue
			}
			done[ev.article] = true
			for _, e := range members {
				if n, ok := known[[2]int64{e, ev.article}]; ok {
					d.mentions[[2]int64{cp, ev.article}] += n
				} else {
					probe = append(probe, [2]int64{e, ev.article})
				}
			}
		}
	}
	return s.countMentions(ctx, probe, groups, d.mentions)
}

// factWhere restricts pair_facts to the focus's rows (focusMembers: the
// entities merged into it) that are not marked wrong and pass the query's
// outlet, language, article and date filters.
func factWhere(w *where, q CompareQuery, focusMembers []int64) {
	w.inIDs("entity_id", focusMembers)
	w.add("wrong = 0")
	w.in("outlet", q.Outlets)
	w.in("lang", q.Languages)
	w.inIDs("article_id", q.Articles)
	if !q.From.IsZero() {
		w.add("day >= ?", dateString(q.From))
	}
	if !q.To.IsZero() {
		w.add("day <= ?", dateString(q.To))
	}
}

// cursor reads the rows of pair_facts.fact and pair_records.record:
// numbers, and strings written as their length in bytes, ':' and the bytes;
// spaces and newlines between them are skipped.
type cursor struct {
	s   string
	i   int
	err bool
}

func (c *cursor) skip() {
	for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == '\n') {
		c.i++
	}
}

func (c *cursor) done() bool {
	c.skip()
	return c.i >= len(c.s) || c.err
}

func (c *cursor) int() int64 {
	c.skip()
	neg := c.i < len(c.s) && c.s[c.i] == '-'
	if neg {
		c.i++
	}
	start := c.i
	var n int64
	for c.i < len(c.s) && c.s[c.i] >= '0' && c.s[c.i] <= '9' {
		n = n*10 + int64(c.s[c.i]-'0')
		c.i++
	}
	if c.i == start {
		c.err = true
	}
	if neg {
		return -n
	}
	return n
}

func (c *cursor) str() string {
	n := int(c.int())
	if c.err || c.i >= len(c.s) || c.s[c.i] != ':' || n < 0 || c.i+1+n > len(c.s) {
		c.err = true
		return ""
	}
	v := c.s[c.i+1 : c.i+1+n]
	c.i += 1 + n
	return v
}

func compareInt(a, b int64) int { return cmp.Compare(a, b) }

// sortByDate orders events by date (undated first), keeping their order
// among equals.
func sortByDate(evs []*pairEvent) []*pairEvent {
	out := slices.Clone(evs)
	slices.SortStableFunc(out, func(a, b *pairEvent) int { return a.date.Compare(b.date) })
	return out
}
