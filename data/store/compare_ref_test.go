package store

// The comparison as it was computed before the maintained pair tables
// (migration 0003): every meeting of the focus read through the meetings,
// articles and participants, records and mentions probed per article. Kept
// as the reference the fast path must match exactly. Two changes, both in
// the fast path too: undated articles are taken in order of date (the
// original ranged over a map, so the count could vary from run to run), and
// counterparts of the same name and figures are ordered by id. Evidence and
// Timeline as they were, over the same reading of the base tables.

import (
	"context"
	"sort"
	"time"
)

func (s *DB) compareRef(ctx context.Context, q CompareQuery) (Comparison, error) {
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
		c, ok := aggregateRef(q, d, cp, "")
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
	for _, o := range cmp.Outlets {
		for _, c := range cmp.Counterparts {
			if oc, ok := aggregateRef(q, d, c.EntityID, o); ok && oc.Articles > 0 {
				cmp.ByOutlet = append(cmp.ByOutlet, OutletCell{Outlet: o, Counterpart: c.Name, CounterpartID: c.EntityID, Reported: oc.Reported, Distinct: oc.Distinct, Articles: oc.Articles})
			}
		}
	}
	return cmp, nil
}

func aggregateRef(q CompareQuery, d *compareData, cp int64, outlet string) (Counterpart, bool) {
	st := q.statuses()
	c := Counterpart{EntityID: cp, Name: d.names[cp].Name, Kind: d.kinds[cp]}
	byStatus := map[string][]pairEvent{}
	valid := map[int64]pairEvent{}
	articles := map[int64]bool{}
	outlets := map[string]bool{}
	for _, evp := range d.events[cp] {
		ev := *evp
		if outlet != "" && ev.outlet != outlet {
			continue
		}
		byStatus[ev.status] = append(byStatus[ev.status], ev)
		valid[ev.id] = ev
		if st[ev.status] {
			articles[ev.article] = true
			if ev.outlet != "" {
				outlets[ev.outlet] = true
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
	for _, rp := range d.records[cp] {
		r := *rp
		if r.status != "held" || (outlet != "" && r.outlet != outlet) {
			continue
		}
		times, explicit, alive := r.times, r.explicit, len(r.meetings) == 0
		stated, left := 0, 0
		for _, mid := range r.meetings {
			ev, ok := valid[mid]
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
	c.Distinct = distinctMeetingsRef(held)
	if c.Reported == 0 && c.Distinct > 0 { // no article-level record: the sentences are the tally
		c.Reported = c.Distinct
	}
	c.Planned = distinctMeetingsRef(byStatus["planned"])
	c.Denied = distinctMeetingsRef(byStatus["denied"])
	c.Articles = len(articles)
	c.Outlets = len(outlets)
	for a := range articles {
		c.Mentions += d.mentions[[2]int64{cp, a}]
	}
	return c, true
}

func distinctMeetingsRef(evs []pairEvent) int {
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
		p := Fold(ev.place)
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
	order := keys(undated)
	sort.Slice(order, func(i, j int) bool {
		a, b := undated[order[i]], undated[order[j]]
		if !a.pub.Equal(b.pub) {
			return a.pub.Before(b.pub)
		}
		return a.article < b.article
	})
	for _, art := range order {
		ev := undated[art]
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

func (s *DB) evidenceRef(ctx context.Context, q EvidenceQuery) ([]Evidence, error) {
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
		c, _ := aggregateRef(cq, d, cp.ID, "")
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

func (s *DB) timelineRef(ctx context.Context, q CompareQuery) ([]TimelinePoint, error) {
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
