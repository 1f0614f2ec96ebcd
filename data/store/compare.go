package store

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"
)

// pairEvent is one meeting sentence between the focus and a counterpart.
type pairEvent struct {
	MeetingRow
	id      int64
	article int64
	date    time.Time // meeting date, zero when the text gives none
	pub     time.Time // article date
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
	events   map[int64][]pairEvent  // by counterpart
	records  map[int64][]pairRecord // by counterpart
	names    map[int64]EntityRef
	kinds    map[int64]string
	mentions map[[2]int64]int // (entity, article) → mentions
	outlets  map[int64]string // article → outlet
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
	d := &compareData{events: map[int64][]pairEvent{}, records: map[int64][]pairRecord{}, names: map[int64]EntityRef{},
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
			d.events[p.ID] = append(d.events[p.ID], pairEvent{MeetingRow: m.MeetingRow, id: m.id, article: m.ArticleID, date: parseDate(m.Date), pub: m.ArticleDate})
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
		d.records[cp] = append(d.records[cp], r)
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
	var pairs []byte
	pairs = append(pairs, '[')
	for cp, evs := range d.events {
		seen := map[int64]bool{}
		for _, ev := range evs {
			if seen[ev.article] {
				continue
			}
			seen[ev.article] = true
			for _, e := range members[cp] {
				if len(pairs) > 1 {
					pairs = append(pairs, ',')
				}
				pairs = strconv.AppendInt(pairs, e<<32|ev.article, 10)
			}
		}
	}
	pairs = append(pairs, ']')
	canon := map[int64]int64{}
	for c, ms := range members {
		for _, e := range ms {
			canon[e] = c
		}
	}
	// each pair travels as one number, entity<<32 | article
	rows, err = s.db.QueryContext(ctx, `WITH p(e, a) AS (SELECT value >> 32, value & 4294967295 FROM json_each(?))
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
		d.mentions[[2]int64{canon[e], a}] += n
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
	st := q.statuses()
	c := Counterpart{EntityID: cp, Name: d.names[cp].Name, Kind: d.kinds[cp]}
	byStatus := map[string][]pairEvent{}
	valid := map[int64]pairEvent{}
	articles := map[int64]bool{}
	outlets := map[string]bool{}
	for _, ev := range d.events[cp] {
		if outlet != "" && ev.Outlet != outlet {
			continue
		}
		byStatus[ev.Status] = append(byStatus[ev.Status], ev)
		valid[ev.id] = ev
		if st[ev.Status] {
			articles[ev.article] = true
			if ev.Outlet != "" {
				outlets[ev.Outlet] = true
			}
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
	if len(valid) == 0 {
		return c, false
	}
	held := byStatus["held"]
	// Reported: the largest count any article states (or tallies) for the pair.
	for _, r := range d.records[cp] {
		if r.status != "held" || (outlet != "" && r.outlet != outlet) {
			continue
		}
		times, explicit, alive := r.times, r.explicit, len(r.meetings) == 0
		stated, left := 0, 0
		for _, mid := range r.meetings {
			ev, ok := valid[mid]
			if !ok || ev.Status != "held" {
				continue // marked wrong, filtered out or re-classified
			}
			alive = true
			left++
			stated = max(stated, ev.Times)
			if ev.Edited && ev.Times > 0 {
				times, explicit = ev.Times, true
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
		if ev.Times > c.Reported {
			c.Reported, c.Explicit = ev.Times, true
		}
	}
	c.Distinct = distinctMeetings(held)
	if c.Reported == 0 && c.Distinct > 0 { // no article-level record: the sentences are the tally
		c.Reported = c.Distinct
	}
	c.Planned = distinctMeetings(byStatus["planned"])
	c.Denied = distinctMeetings(byStatus["denied"])
	c.Articles = len(articles)
	c.Outlets = len(outlets)
	for a := range articles {
		c.Mentions += d.mentions[[2]int64{cp, a}]
	}
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
func distinctMeetings(evs []pairEvent) int {
	type cluster struct {
		from, to time.Time
		place    string
		articles map[int64]bool
	}
	var clusters []*cluster
	compatible := func(a, b string) bool { return a == "" || b == "" || a == b }
	sorted := append([]pairEvent(nil), evs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].date.Before(sorted[j].date) })
	datedArticles := map[int64]bool{}
	for _, ev := range sorted {
		if ev.date.IsZero() {
			continue
		}
		datedArticles[ev.article] = true
		p := Fold(ev.Place)
		var home *cluster
		for _, c := range clusters {
			if c.from.Equal(ev.date) && c.to.Equal(ev.date) && compatible(c.place, p) {
				home = c
				break
			}
		}
		if home == nil {
			home = &cluster{from: ev.date, to: ev.date, place: p, articles: map[int64]bool{}}
			clusters = append(clusters, home)
		}
		home.articles[ev.article] = true
		if home.place == "" {
			home.place = p
		}
	}
	// merge neighbouring days that no single article tells apart
	var merged []*cluster
	for _, c := range clusters {
		if n := len(merged); n > 0 {
			last := merged[n-1]
			shared := false
			for a := range c.articles {
				shared = shared || last.articles[a]
			}
			if !shared && last.from.Equal(last.to) && c.from.Sub(last.to) <= 24*time.Hour && compatible(last.place, c.place) {
				last.to = c.to
				for a := range c.articles {
					last.articles[a] = true
				}
				continue
			}
		}
		merged = append(merged, c)
	}
	undated := map[int64]pairEvent{}
	for _, ev := range sorted {
		if ev.date.IsZero() && !datedArticles[ev.article] {
			undated[ev.article] = ev
		}
	}
	n := len(merged)
	var proxies []time.Time
	for _, ev := range undated {
		if ev.pub.IsZero() {
			n++
			continue
		}
		found := false
		for _, c := range merged {
			if !c.to.Before(ev.pub.AddDate(0, 0, -7)) && !c.from.After(ev.pub) {
				found = true
				break
			}
		}
		for _, p := range proxies {
			if d := ev.pub.Sub(p); d >= -24*time.Hour && d <= 24*time.Hour {
				found = true
			}
		}
		if !found {
			proxies = append(proxies, ev.pub)
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
	d, err := s.load(ctx, q, false)
	if err != nil {
		return cmp, err
	}
	outlets := map[string]bool{}
	for cp := range d.names {
		c, ok := aggregate(q, d, cp, "")
		if !ok {
			continue
		}
		cmp.Counterparts = append(cmp.Counterparts, c)
		for _, ev := range d.events[cp] {
			if ev.Outlet != "" {
				outlets[ev.Outlet] = true
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
		return a.Name < b.Name
	})
	cmp.Outlets = keys(outlets)
	sort.Strings(cmp.Outlets)
	for _, o := range cmp.Outlets {
		for _, c := range cmp.Counterparts {
			if oc, ok := aggregate(q, d, c.EntityID, o); ok && oc.Articles > 0 {
				cmp.ByOutlet = append(cmp.ByOutlet, OutletCell{Outlet: o, Counterpart: c.Name, CounterpartID: c.EntityID, Reported: oc.Reported, Distinct: oc.Distinct, Articles: oc.Articles})
			}
		}
	}
	return cmp, nil
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
	var pick []pairEvent
	switch q.Column {
	case "reported":
		// the sentences that state the count; failing that, those the articles' tallies rest on
		c, _ := aggregate(cq, d, cp.ID, "")
		for _, ev := range evs {
			if ev.Status == "held" && ev.Times == c.Reported {
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
			if len(pick) == 0 && ev.Status == "held" && support[ev.id] {
				pick = append(pick, ev)
			}
		}
		if len(pick) == 0 {
			for _, ev := range evs {
				if ev.Status == "held" {
					pick = append(pick, ev)
				}
			}
		}
	case "distinct":
		for _, ev := range evs {
			if ev.Status == "held" {
				pick = append(pick, ev)
			}
		}
	case "planned", "denied":
		for _, ev := range evs {
			if ev.Status == q.Column {
				pick = append(pick, ev)
			}
		}
	case "articles", "outlets", "mentions", "first", "last":
		seen := map[int64]bool{}
		for _, ev := range evs {
			if st[ev.Status] && !seen[ev.article] {
				seen[ev.article] = true
				pick = append(pick, ev)
			}
		}
	default:
		pick = evs
	}
	out := make([]Evidence, 0, len(pick))
	for _, ev := range pick {
		e := Evidence{ArticleID: ev.article, Title: ev.Title, Outlet: ev.Outlet, Date: ev.pub, Sentence: ev.Evidence,
			Start: ev.Start, End: ev.End, MeetingKey: ev.Key, Times: ev.Times, Status: ev.Status}
		hl, err := s.highlights(ctx, ev.article, ev.Start, ev.End, []int64{focus.ID, cp.ID})
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
			key := k{cp, dateString(day), ev.Status}
			p := points[key]
			if p == nil {
				p = &TimelinePoint{Counterpart: d.names[cp].Name, Date: day, Status: ev.Status, Kind: ev.Kind}
				points[key] = p
				arts[key] = map[int64]bool{}
			}
			p.MeetingKeys = append(p.MeetingKeys, ev.Key)
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
