package app

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"parley/data"
)

// fakeEngine is an in-memory Engine for UI tests: a few articles, entities
// and meetings, with edits, undo and re-extraction that keeps the analyst's
// meeting edits (as the real engine does).
type fakeEngine struct {
	mu       sync.Mutex
	path     string
	closed   bool
	articles []data.Article
	ents     map[int64]*data.EntityRow
	base     []data.MeetingRow // as extracted
	edits    map[string]data.MeetingEdit
	dismiss  map[[2]int64]bool
	history  []data.Edit
	undo     []func()
	nextID   int64
	calls    []string

	// import control: when set, Import waits on step before each file
	step    chan struct{}
	stepped chan struct{}
}

func d(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func newFake() *fakeEngine {
	f := &fakeEngine{path: "/tmp/fake.parley", ents: map[int64]*data.EntityRow{}, edits: map[string]data.MeetingEdit{},
		dismiss: map[[2]int64]bool{}, nextID: 100}
	add := func(id int64, name, kind string, aliases ...string) {
		f.ents[id] = &data.EntityRow{ID: id, Key: strings.ToLower(strings.ReplaceAll(name, " ", "-")), Name: name, Kind: kind,
			Aliases: append([]string{name}, aliases...), Known: true}
	}
	add(1, "Kim Jong Un", "person", "Kim Jong-un", "김정은", "Ким Чен Ын", "金正恩")
	add(2, "Sergei Shoigu", "person", "Shoigu", "쇼이구", "Шойгу")
	add(3, "Li Hongzhong", "person", "李鸿忠", "리훙중")
	add(4, "Shoygu", "person") // a duplicate spelling
	add(5, "Vladimir Putin", "person", "Путин", "푸틴")
	text1 := "Kim Jong Un met Sergei Shoigu four times in July. Li Hongzhong also met Kim Jong Un once."
	text2 := "김정은 위원장은 쇼이구 장관을 만났다. Shoygu visited Pyongyang."
	f.articles = []data.Article{
		{ArticleRow: data.ArticleRow{ID: 1, Title: "Kim hosts Shoigu", Outlet: "Seoul Daily", Date: d("2023-07-30"), Language: "en", Path: "/corpus/en-1.txt"},
			Text: text1, Format: "txt", Encoding: "utf-8"},
		{ArticleRow: data.ArticleRow{ID: 2, Title: "김정은, 쇼이구 접견", Outlet: "Hankook Wire", Date: d("2023-07-27"), Language: "ko", Path: "/corpus/ko-1.txt"},
			Text: text2, Format: "txt", Encoding: "utf-8"},
	}
	span := func(text, sub string) (int, int) { i := strings.Index(text, sub); return i, i + len(sub) }
	men := func(a int, ent int64, sub string) {
		s, e := span(f.articles[a].Text, sub)
		f.articles[a].Mentions = append(f.articles[a].Mentions, data.MentionSpan{Start: s, End: e, EntityID: ent})
	}
	men(0, 1, "Kim Jong Un")
	men(0, 2, "Sergei Shoigu")
	men(0, 3, "Li Hongzhong")
	men(1, 1, "김정은")
	men(1, 2, "쇼이구")
	men(1, 4, "Shoygu")
	meet := func(key string, art int, a, b int64, times int, status, sentence string) {
		s, e := span(f.articles[art].Text, sentence)
		f.base = append(f.base, data.MeetingRow{Key: key, ArticleID: int64(art + 1), Participants: []data.EntityRef{{ID: a}, {ID: b}},
			Kind: "meeting", Status: status, Times: times, Evidence: sentence, Start: s, End: e})
	}
	meet("m1", 0, 1, 2, 4, "held", "Kim Jong Un met Sergei Shoigu four times in July.")
	meet("m2", 0, 3, 1, 1, "held", "Li Hongzhong also met Kim Jong Un once.")
	meet("m3", 1, 1, 2, 1, "held", "김정은 위원장은 쇼이구 장관을 만났다.")
	meet("m4", 1, 4, 1, 1, "held", "Shoygu visited Pyongyang.")
	return f
}

func (f *fakeEngine) call(name string) {
	f.calls = append(f.calls, name)
}

func (f *fakeEngine) Path() string { return f.path }
func (f *fakeEngine) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func (f *fakeEngine) Import(ctx context.Context, paths []string, progress func(data.ImportEvent)) (data.ImportReport, error) {
	var rep data.ImportReport
	for i, p := range paths {
		if f.step != nil {
			select {
			case <-ctx.Done():
				rep.Canceled = true
				return rep, nil
			case <-f.step:
			}
		}
		if ctx.Err() != nil {
			rep.Canceled = true
			return rep, nil
		}
		ev := data.ImportEvent{Done: i + 1, Total: len(paths), Path: p, Status: data.Imported}
		if strings.HasSuffix(p, ".bin") {
			ev.Status, ev.Reason = data.Failed, "not a text or HTML file"
			rep.Failed++
		} else {
			f.mu.Lock()
			id := int64(len(f.articles) + 1)
			f.articles = append(f.articles, data.Article{ArticleRow: data.ArticleRow{ID: id, Title: p, Outlet: "Imported", Language: "en", Path: p}, Text: "text of " + p})
			f.mu.Unlock()
			ev.ArticleID = id
			rep.Imported++
		}
		rep.Files = append(rep.Files, ev)
		progress(ev)
		if f.stepped != nil {
			f.stepped <- struct{}{}
		}
	}
	return rep, nil
}

func (f *fakeEngine) Reextract(ctx context.Context, progress func(done, total int)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	// extraction rebuilds the meetings with the same keys; edits are kept apart
	for i := range f.base {
		f.base[i].Times = max(1, f.base[i].Times)
	}
	progress(1, 1)
	return nil
}

func (f *fakeEngine) match(a data.Article, fl data.ArticleFilter) bool {
	if fl.Query == "" && len(fl.Outlets) == 0 && len(fl.Languages) == 0 && fl.From.IsZero() && fl.To.IsZero() {
		return true
	}
	if fl.Query != "" && !strings.Contains(a.Text, fl.Query) && !strings.Contains(a.Title, fl.Query) {
		return false
	}
	if len(fl.Outlets) > 0 && !slices.Contains(fl.Outlets, a.Outlet) {
		return false
	}
	if len(fl.Languages) > 0 && !slices.Contains(fl.Languages, a.Language) {
		return false
	}
	if !fl.From.IsZero() && a.Date.Before(fl.From) || !fl.To.IsZero() && a.Date.After(fl.To) {
		return false
	}
	return true
}

func (f *fakeEngine) Articles(ctx context.Context, fl data.ArticleFilter) ([]data.ArticleRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.call(fmt.Sprintf("Articles %d+%d", fl.Offset, fl.Limit))
	var out []data.ArticleRow
	skip := fl.Offset
	for _, a := range f.articles {
		if fl.Limit > 0 && len(out) == fl.Limit {
			break
		}
		if f.match(a, fl) {
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, a.ArticleRow)
		}
	}
	return out, nil
}

func (f *fakeEngine) CountArticles(ctx context.Context, fl data.ArticleFilter) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, a := range f.articles {
		if f.match(a, fl) {
			n++
		}
	}
	return n, nil
}

func (f *fakeEngine) Article(ctx context.Context, id int64) (data.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range f.articles {
		if a.ID == id {
			for i := range a.Mentions {
				a.Mentions[i].Entity = f.ents[a.Mentions[i].EntityID].Name
			}
			for _, m := range f.meetingsLocked() {
				if m.ArticleID == id {
					a.Meetings = append(a.Meetings, m)
				}
			}
			return a, nil
		}
	}
	return data.Article{}, errors.New("no such article")
}

func (f *fakeEngine) UpdateArticle(ctx context.Context, id int64, meta data.ArticleMeta) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.articles {
		if f.articles[i].ID == id {
			old := f.articles[i].ArticleRow
			f.articles[i].Title, f.articles[i].Outlet, f.articles[i].Language, f.articles[i].Date = meta.Title, meta.Outlet, meta.Language, meta.Date
			f.record("article", "Edit article", func() { f.articles[i].ArticleRow = old })
			return nil
		}
	}
	return errors.New("no such article")
}

func (f *fakeEngine) Outlets(ctx context.Context) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var o []string
	for _, a := range f.articles {
		if !slices.Contains(o, a.Outlet) {
			o = append(o, a.Outlet)
		}
	}
	slices.Sort(o)
	return o, nil
}

func (f *fakeEngine) Languages(ctx context.Context) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var o []string
	for _, a := range f.articles {
		if !slices.Contains(o, a.Language) {
			o = append(o, a.Language)
		}
	}
	slices.Sort(o)
	return o, nil
}

func (f *fakeEngine) counts() {
	for _, e := range f.ents {
		e.Mentions, e.Meetings, e.Articles = 0, 0, 0
	}
	arts := map[int64]map[int64]bool{}
	for _, a := range f.articles {
		for _, m := range a.Mentions {
			if e, ok := f.ents[m.EntityID]; ok {
				e.Mentions++
				if arts[e.ID] == nil {
					arts[e.ID] = map[int64]bool{}
				}
				arts[e.ID][a.ID] = true
			}
		}
	}
	for _, m := range f.meetingsLocked() {
		for _, p := range m.Participants {
			if e, ok := f.ents[p.ID]; ok {
				e.Meetings++
			}
		}
	}
	for id, s := range arts {
		f.ents[id].Articles = len(s)
	}
}

func (f *fakeEngine) Entities(ctx context.Context, q string, limit int) ([]data.EntityRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts()
	var out []data.EntityRow
	for _, id := range slices.Sorted(maps.Keys(f.ents)) {
		e := f.ents[id]
		if q == "" || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.Contains(strings.ToLower(a), strings.ToLower(q)) }) {
			c := *e
			c.Aliases = slices.Clone(e.Aliases)
			out = append(out, c)
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fakeEngine) Entity(ctx context.Context, id int64) (data.EntityRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts()
	e, ok := f.ents[id]
	if !ok {
		return data.EntityRow{}, errors.New("no such entity")
	}
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	return c, nil
}

func (f *fakeEngine) FindEntities(ctx context.Context, q string, limit int) ([]data.EntityMatch, error) {
	es, _ := f.Entities(ctx, "", 0)
	var out []data.EntityMatch
	for _, e := range es {
		for _, a := range e.Aliases {
			if strings.HasPrefix(strings.ToLower(a), strings.ToLower(q)) || strings.Contains(strings.ToLower(a), strings.ToLower(q)) {
				out = append(out, data.EntityMatch{EntityRow: e, Alias: a, Score: len(q) * 10 / len(a)})
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b data.EntityMatch) int { return b.Score - a.Score })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// meetingsLocked applies the analyst's edits to the extracted meetings.
func (f *fakeEngine) meetingsLocked() []data.MeetingRow {
	var out []data.MeetingRow
	for _, m := range f.base {
		m.Participants = slices.Clone(m.Participants)
		for i, p := range m.Participants {
			m.Participants[i].Name = f.ents[p.ID].Name
		}
		a := f.articles[m.ArticleID-1]
		m.Outlet, m.ArticleDate, m.Title = a.Outlet, a.Date, a.Title
		if ed, ok := f.edits[m.Key]; ok {
			m.Edited = true
			if ed.Kind != nil {
				m.Kind = *ed.Kind
			}
			if ed.Status != nil {
				m.Status = *ed.Status
			}
			if ed.Date != nil {
				m.Date = *ed.Date
			}
			if ed.Place != nil {
				m.Place = *ed.Place
			}
			if ed.Attribution != nil {
				m.Attribution = *ed.Attribution
			}
			if ed.Times != nil {
				m.Times = *ed.Times
			}
			if ed.Wrong != nil {
				m.Wrong = *ed.Wrong
			}
		}
		out = append(out, m)
	}
	return out
}

func (f *fakeEngine) Compare(ctx context.Context, q data.CompareQuery) (data.Comparison, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts()
	var focus *data.EntityRow
	for _, e := range f.ents {
		if e.ID == q.FocusID || q.FocusID == 0 && e.Name == q.Focus {
			focus = e
		}
	}
	if focus == nil {
		return data.Comparison{}, fmt.Errorf("no entity named %q", q.Focus)
	}
	comp := data.Comparison{Focus: *focus}
	byID := map[int64]*data.Counterpart{}
	outlets := map[[2]string]*data.OutletCell{}
	for _, m := range f.meetingsLocked() {
		if m.Wrong || m.Status != "held" || !slices.ContainsFunc(m.Participants, func(p data.EntityRef) bool { return p.ID == focus.ID }) {
			continue
		}
		a := f.articles[m.ArticleID-1]
		if len(q.Outlets) > 0 && !slices.Contains(q.Outlets, a.Outlet) {
			continue
		}
		for _, p := range m.Participants {
			if p.ID == focus.ID {
				continue
			}
			c := byID[p.ID]
			if c == nil {
				c = &data.Counterpart{EntityID: p.ID, Name: p.Name, Kind: f.ents[p.ID].Kind, First: a.Date, Last: a.Date}
				byID[p.ID] = c
			}
			c.Reported = max(c.Reported, m.Times)
			c.Explicit = true
			c.Distinct++
			c.Articles++
			c.Mentions += 2
			c.Outlets++
			if a.Date.Before(c.First) {
				c.First = a.Date
			}
			if a.Date.After(c.Last) {
				c.Last = a.Date
			}
			k := [2]string{a.Outlet, p.Name}
			if outlets[k] == nil {
				outlets[k] = &data.OutletCell{Outlet: a.Outlet, Counterpart: p.Name}
			}
			outlets[k].Reported = max(outlets[k].Reported, m.Times)
			outlets[k].Distinct++
			outlets[k].Articles++
			if !slices.Contains(comp.Outlets, a.Outlet) {
				comp.Outlets = append(comp.Outlets, a.Outlet)
			}
		}
	}
	for _, c := range byID {
		comp.Counterparts = append(comp.Counterparts, *c)
	}
	slices.SortFunc(comp.Counterparts, func(a, b data.Counterpart) int { return b.Reported - a.Reported })
	for _, oc := range outlets {
		comp.ByOutlet = append(comp.ByOutlet, *oc)
	}
	slices.Sort(comp.Outlets)
	return comp, nil
}

func (f *fakeEngine) Evidence(ctx context.Context, q data.EvidenceQuery) ([]data.Evidence, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []data.Evidence
	for _, m := range f.meetingsLocked() {
		has := func(id int64) bool {
			return slices.ContainsFunc(m.Participants, func(p data.EntityRef) bool { return p.ID == id })
		}
		if !has(q.Focus) || !has(q.Counterpart) {
			continue
		}
		a := f.articles[m.ArticleID-1]
		ev := data.Evidence{ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet, Date: a.Date, Sentence: m.Evidence, Start: m.Start, End: m.End,
			MeetingKey: m.Key, Times: m.Times, Status: m.Status}
		for _, mn := range a.Mentions {
			if mn.Start >= m.Start && mn.End <= m.End {
				ev.Highlights = append(ev.Highlights, [2]int{mn.Start - m.Start, mn.End - m.Start})
			}
		}
		out = append(out, ev)
	}
	return out, nil
}

func (f *fakeEngine) Timeline(ctx context.Context, q data.CompareQuery) ([]data.TimelinePoint, error) {
	comp, err := f.Compare(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []data.TimelinePoint
	for _, c := range comp.Counterparts {
		out = append(out, data.TimelinePoint{Counterpart: c.Name, Date: c.First, Status: "held", Articles: c.Articles})
	}
	return out, nil
}

func (f *fakeEngine) Meetings(ctx context.Context, fl data.MeetingFilter) ([]data.MeetingRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []data.MeetingRow
	for _, m := range f.meetingsLocked() {
		if m.Wrong && !fl.IncludeWrong {
			continue
		}
		if fl.Entity != 0 && !slices.ContainsFunc(m.Participants, func(p data.EntityRef) bool { return p.ID == fl.Entity }) {
			continue
		}
		if len(fl.Statuses) > 0 && !slices.Contains(fl.Statuses, m.Status) {
			continue
		}
		if fl.Query != "" && !strings.Contains(m.Evidence, fl.Query) {
			continue
		}
		out = append(out, m)
	}
	out = out[min(fl.Offset, len(out)):]
	if fl.Limit > 0 && len(out) > fl.Limit {
		out = out[:fl.Limit]
	}
	return out, nil
}

func (f *fakeEngine) record(kind, summary string, undo func()) {
	f.nextID++
	f.history = append(f.history, data.Edit{ID: f.nextID, Kind: kind, Summary: summary, At: time.Now()})
	f.undo = append(f.undo, undo)
}

func (f *fakeEngine) EditMeeting(ctx context.Context, key string, e data.MeetingEdit) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	old, had := f.edits[key]
	merged := old
	if e.Kind != nil {
		merged.Kind = e.Kind
	}
	if e.Status != nil {
		merged.Status = e.Status
	}
	if e.Date != nil {
		merged.Date = e.Date
	}
	if e.Place != nil {
		merged.Place = e.Place
	}
	if e.Attribution != nil {
		merged.Attribution = e.Attribution
	}
	if e.Times != nil {
		merged.Times = e.Times
	}
	if e.Wrong != nil {
		merged.Wrong = e.Wrong
	}
	f.edits[key] = merged
	f.record("meeting", "Edit meeting "+key, func() {
		if had {
			f.edits[key] = old
		} else {
			delete(f.edits, key)
		}
	})
	return nil
}

func (f *fakeEngine) snapshot() func() {
	ents := map[int64]*data.EntityRow{}
	for id, e := range f.ents {
		c := *e
		c.Aliases = slices.Clone(e.Aliases)
		ents[id] = &c
	}
	base := slices.Clone(f.base)
	for i := range base {
		base[i].Participants = slices.Clone(base[i].Participants)
	}
	arts := slices.Clone(f.articles)
	for i := range arts {
		arts[i].Mentions = slices.Clone(arts[i].Mentions)
	}
	return func() { f.ents, f.base, f.articles = ents, base, arts }
}

func (f *fakeEngine) MergeEntities(ctx context.Context, from, into int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, b := f.ents[from], f.ents[into]
	if a == nil || b == nil {
		return errors.New("no such entity")
	}
	restore := f.snapshot()
	b.Aliases = append(b.Aliases, a.Aliases...)
	delete(f.ents, from)
	for i := range f.base {
		for j := range f.base[i].Participants {
			if f.base[i].Participants[j].ID == from {
				f.base[i].Participants[j].ID = into
			}
		}
	}
	for i := range f.articles {
		for j := range f.articles[i].Mentions {
			if f.articles[i].Mentions[j].EntityID == from {
				f.articles[i].Mentions[j].EntityID = into
			}
		}
	}
	f.record("merge", fmt.Sprintf("Merge “%s” into “%s”", a.Name, b.Name), restore)
	return nil
}

func (f *fakeEngine) SplitAlias(ctx context.Context, entity int64, alias string) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.ents[entity]
	if e == nil || !slices.Contains(e.Aliases, alias) {
		return 0, errors.New("no such alias")
	}
	restore := f.snapshot()
	e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == alias })
	f.nextID++
	id := f.nextID
	f.ents[id] = &data.EntityRow{ID: id, Key: alias, Name: alias, Kind: e.Kind, Aliases: []string{alias}}
	f.record("split", "Split “"+alias+"”", restore)
	return id, nil
}

func (f *fakeEngine) RenameEntity(ctx context.Context, id int64, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	restore := f.snapshot()
	f.ents[id].Name = name
	f.record("rename", "Rename to “"+name+"”", restore)
	return nil
}

func (f *fakeEngine) AddAlias(ctx context.Context, id int64, alias string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	restore := f.snapshot()
	f.ents[id].Aliases = append(f.ents[id].Aliases, alias)
	f.record("alias", "Add alias “"+alias+"”", restore)
	return nil
}

func (f *fakeEngine) SetEntityKind(ctx context.Context, id int64, kind string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	restore := f.snapshot()
	f.ents[id].Kind = kind
	f.record("kind", "Kind "+kind, restore)
	return nil
}

func (f *fakeEngine) Suggestions(ctx context.Context, limit int) ([]data.Suggestion, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, b := f.ents[2], f.ents[4]
	if a == nil || b == nil || f.dismiss[[2]int64{2, 4}] {
		return nil, nil
	}
	return []data.Suggestion{{A: *a, B: *b, Score: 0.9, Why: "same name, other spelling"}}, nil
}

func (f *fakeEngine) DismissSuggestion(ctx context.Context, a, b int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dismiss[[2]int64{a, b}] = true
	f.record("dismiss", "Dismiss", func() { delete(f.dismiss, [2]int64{a, b}) })
	return nil
}

func (f *fakeEngine) History(ctx context.Context) ([]data.Edit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.history), nil
}

func (f *fakeEngine) Undo(ctx context.Context) (data.Edit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.history) == 0 {
		return data.Edit{}, errors.New("nothing to undo")
	}
	n := len(f.history) - 1
	e := f.history[n]
	f.undo[n]()
	f.history, f.undo = f.history[:n], f.undo[:n]
	return e, nil
}

func (f *fakeEngine) MergeSession(ctx context.Context, other string) (data.MergeReport, error) {
	return data.MergeReport{}, fmt.Errorf("%s: %w", other, errors.New("not a Parley session"))
}

func (f *fakeEngine) SaveAs(ctx context.Context, path string) error { return nil }
