package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"parley/data/extract"
	"parley/data/ingest"
)

// lightEquivalence runs TestCompareMatchesReference with fewer steps and
// foci (under -short and the race detector).
var lightEquivalence bool

// corpusArticles reads and extracts the gold corpus and the built-in
// sample: real extraction output, every language.
func corpusArticles(t *testing.T) []NewArticle {
	t.Helper()
	ex, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out []NewArticle
	for _, dir := range []string{"../../../shared/corpus/articles", "../../assets/sample/articles"} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			if !ingest.IsArticleFile(f) {
				continue
			}
			doc, err := ingest.Load(ctx, f, ingest.Options{})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			res, err := ex.Extract(ctx, doc)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, NewArticle{Doc: doc, Result: res, Version: "test"})
		}
	}
	if len(out) < 20 {
		t.Skipf("corpus not found (%d articles)", len(out))
	}
	return out
}

const factCols = "entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting"

// checkPairTables compares the maintained pair tables with a recount from
// the base tables.
func checkPairTables(t *testing.T, db *DB, step string) {
	t.Helper()
	for _, q := range []string{
		"SELECT COUNT(*) FROM (SELECT " + factCols + " FROM pair_facts EXCEPT SELECT * FROM pair_fact_rows)",
		"SELECT COUNT(*) FROM (SELECT * FROM pair_fact_rows EXCEPT SELECT " + factCols + " FROM pair_facts)",
		"SELECT COUNT(*) FROM (SELECT * FROM pair_records EXCEPT SELECT * FROM pair_record_rows)",
		"SELECT COUNT(*) FROM (SELECT * FROM pair_record_rows EXCEPT SELECT * FROM pair_records)",
	} {
		var n int
		if err := db.db.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%s: %d rows differ: %s", step, n, q)
		}
	}
}

// compareQueries are the filters an analyst applies to a focus.
func compareQueries(ctx context.Context, t *testing.T, db *DB, focus int64, rnd *rand.Rand) []CompareQuery {
	t.Helper()
	outlets, err := db.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	langs, err := db.Languages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	base := CompareQuery{FocusID: focus}
	qs := []CompareQuery{base, {FocusID: focus, Statuses: []string{"held", "planned", "denied"}}, {FocusID: focus, Statuses: []string{"planned"}}}
	all, err := db.compareRef(ctx, CompareQuery{FocusID: focus, Statuses: []string{"held", "planned", "denied"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range all.Counterparts {
		if i < 3 || rnd.IntN(4) == 0 {
			qs = append(qs, CompareQuery{FocusID: focus, WithIDs: []int64{c.EntityID}})
		}
	}
	if len(all.Counterparts) > 1 {
		qs = append(qs, CompareQuery{FocusID: focus, WithIDs: []int64{all.Counterparts[0].EntityID, all.Counterparts[len(all.Counterparts)-1].EntityID}, Statuses: []string{"held", "denied"}})
	}
	pick := func(xs []string, n int) []string {
		var out []string
		for _, i := range rnd.Perm(len(xs)) {
			if len(out) < n {
				out = append(out, xs[i])
			}
		}
		return out
	}
	for range 2 {
		if len(outlets) > 0 {
			qs = append(qs, CompareQuery{FocusID: focus, Outlets: pick(outlets, 1+rnd.IntN(3))})
		}
		if len(langs) > 0 {
			qs = append(qs, CompareQuery{FocusID: focus, Languages: pick(langs, 1+rnd.IntN(2))})
		}
		y := 2015 + rnd.IntN(11)
		qs = append(qs,
			CompareQuery{FocusID: focus, From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y+rnd.IntN(3), 12, 31, 0, 0, 0, 0, time.UTC)},
			CompareQuery{FocusID: focus, From: time.Date(y, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC), Statuses: []string{"held", "planned"}},
			CompareQuery{FocusID: focus, To: time.Date(y, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC)})
	}
	var arts []int64
	rows, err := db.db.Query("SELECT id FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		if rnd.IntN(3) == 0 {
			arts = append(arts, id)
		}
	}
	rows.Close()
	if len(arts) > 0 {
		qs = append(qs, CompareQuery{FocusID: focus, Articles: arts})
	}
	if len(outlets) > 1 && len(langs) > 0 {
		qs = append(qs, CompareQuery{FocusID: focus, Outlets: pick(outlets, 2), Languages: pick(langs, 3), From: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	return qs
}

// checkCompareSame compares Compare with the reference for the entities
// with the most meetings, under many filters.
func checkCompareSame(ctx context.Context, t *testing.T, db *DB, step string, rnd *rand.Rand) int {
	t.Helper()
	checkPairTables(t, db, step)
	foci := 6
	if lightEquivalence || testing.Short() {
		foci = 2
	}
	rows, err := db.db.Query(`SELECT COALESCE(e.canonical_id, e.id), COUNT(DISTINCT p.meeting_id) n FROM meeting_participants p JOIN entities e ON e.id = p.entity_id
		GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?`, foci)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	compared := 0
	for _, f := range ids {
		for _, q := range compareQueries(ctx, t, db, f, rnd) {
			got, err := db.Compare(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.compareRef(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: focus %d, query %+v:\n got %s\nwant %s", step, f, q, describe(got), describe(want))
			}
			compared += len(want.Counterparts)
			if rnd.IntN(8) == 0 {
				checkEvidenceSame(ctx, t, db, step, q, want, rnd)
			}
		}
	}
	return compared
}

// checkEvidenceSame compares Timeline and Evidence with the reference.
func checkEvidenceSame(ctx context.Context, t *testing.T, db *DB, step string, q CompareQuery, cmp Comparison, rnd *rand.Rand) {
	t.Helper()
	got, err := db.Timeline(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := db.timelineRef(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// points of the same day and counterpart come in no set order
	for _, ps := range [][]TimelinePoint{got, want} {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if !a.Date.Equal(b.Date) {
				return a.Date.Before(b.Date)
			}
			if a.Counterpart != b.Counterpart {
				return a.Counterpart < b.Counterpart
			}
			return a.Status < b.Status
		})
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Timeline %+v:\n got %+v\nwant %+v", step, q, got, want)
	}
	if len(cmp.Counterparts) == 0 {
		return
	}
	c := cmp.Counterparts[rnd.IntN(len(cmp.Counterparts))]
	cols := []string{"reported", "distinct", "planned", "denied", "articles", "mentions", ""}
	for _, i := range rnd.Perm(len(cols))[:2] {
		col := cols[i]
		{
			eq := EvidenceQuery{Focus: q.FocusID, Counterpart: c.EntityID, Column: col, Filter: q}
			got, err := db.Evidence(ctx, eq)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.evidenceRef(ctx, eq)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Evidence %+v:\n got %+v\nwant %+v", step, eq, got, want)
			}
		}
	}
}

func describe(c Comparison) string {
	var b strings.Builder
	for _, x := range c.Counterparts {
		fmt.Fprintf(&b, "\n  %+v", x)
	}
	fmt.Fprintf(&b, "\n  outlets %v", c.Outlets)
	for _, x := range c.ByOutlet {
		fmt.Fprintf(&b, "\n  %+v", x)
	}
	return b.String()
}

// TestCompareMatchesReference builds a session from the real corpus (and
// synthetic articles that exercise dates, places and outlets), applies a
// random sequence of the analyst's edits, and checks after each that the
// maintained pair tables equal a recount and that Compare answers exactly
// as the reference computation over the base tables.
func TestCompareMatchesReference(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	arts := corpusArticles(t)
	rnd := rand.New(rand.NewPCG(1, 2))
	// synthetic articles: same pairs on neighbouring days, undated
	// sentences, places, several outlets and languages
	ents := []extract.Entity{shoigu, li, shoygu}
	places := []string{"", "", "Pyongyang", "Moscow", "pyongyang"}
	for i := range 60 {
		var ss []sent
		for j := range 1 + rnd.IntN(4) {
			e := ents[rnd.IntN(len(ents))]
			st := []string{"held", "held", "held", "planned", "denied"}[rnd.IntN(5)]
			date := ""
			if rnd.IntN(3) > 0 {
				date = fmt.Sprintf("2023-07-%02d", 20+rnd.IntN(8))
			}
			times := 0
			if rnd.IntN(4) == 0 {
				times = 2 + rnd.IntN(4)
			}
			ss = append(ss, sent{text: fmt.Sprintf("Kim met %s (%d.%d).", e.Name, i, j), with: e, times: times, date: date, status: st})
		}
		day := ""
		if rnd.IntN(6) > 0 {
			day = fmt.Sprintf("2023-07-%02d", 21+rnd.IntN(10))
		}
		a := article(fmt.Sprintf("Wire %c", 'A'+rnd.IntN(5)), day, ss...)
		for k := range a.Result.Meetings {
			a.Result.Meetings[k].Place = places[rnd.IntN(len(places))]
		}
		a.Doc.Lang = []string{"en", "ko", "ru"}[rnd.IntN(3)]
		arts = append(arts, a)
	}
	rnd.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	half := len(arts) / 2
	if _, err := db.InsertArticles(ctx, arts[:half]); err != nil {
		t.Fatal(err)
	}
	checkCompareSame(ctx, t, db, "import", rnd)
	if _, err := db.InsertArticles(ctx, arts[half:]); err != nil {
		t.Fatal(err)
	}
	total := checkCompareSame(ctx, t, db, "import 2", rnd)

	results := map[int64]extract.Result{}
	var articleIDs []int64
	rows, err := db.db.Query("SELECT id, hash FROM articles ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	byHash := map[string]extract.Result{}
	for _, a := range arts {
		byHash[a.Doc.Hash] = a.Result
	}
	for rows.Next() {
		var id int64
		var h string
		rows.Scan(&id, &h)
		articleIDs = append(articleIDs, id)
		results[id] = byHash[h]
	}
	rows.Close()

	// pick draws one row of a query (ordered) with the test's own randomness
	pick := func(q string, dest ...any) {
		t.Helper()
		var n int
		if err := db.db.QueryRow("SELECT COUNT(*) FROM (" + q + ")").Scan(&n); err != nil || n == 0 {
			t.Fatalf("%s: %d rows, %v", q, n, err)
		}
		if err := db.db.QueryRow(q+" LIMIT 1 OFFSET ?", rnd.IntN(n)).Scan(dest...); err != nil {
			t.Fatal(err)
		}
	}
	randomEntity := func(withMeetings bool) int64 {
		q := "SELECT id FROM entities ORDER BY id"
		if withMeetings {
			q = "SELECT entity_id FROM meeting_participants ORDER BY meeting_id, pos"
		}
		var id int64
		pick(q, &id)
		return id
	}
	randomMeeting := func() string {
		var k string
		pick("SELECT key FROM meetings ORDER BY id", &k)
		return k
	}
	steps := 24
	if lightEquivalence || testing.Short() {
		steps = 8
	}
	applied := map[string]int{}
	for i := range steps {
		var op string
		var err error
		switch rnd.IntN(10) {
		case 0, 1:
			op = "merge"
			a, b := randomEntity(true), randomEntity(true)
			if a == b {
				continue
			}
			err = db.MergeEntities(ctx, a, b)
		case 2:
			op = "split"
			var id int64
			var surface string
			pick(`SELECT DISTINCT m.entity_id, m.surface FROM mentions m JOIN meeting_participants p ON p.entity_id = m.entity_id
				WHERE m.surface != '' ORDER BY 1, 2`, &id, &surface)
			_, err = db.SplitAlias(ctx, id, surface)
		case 3:
			op = "rename"
			err = db.RenameEntity(ctx, randomEntity(true), fmt.Sprintf("Renamed %d", i))
		case 4, 5:
			op = "meeting"
			var e MeetingEdit
			switch rnd.IntN(5) {
			case 0:
				w := rnd.IntN(2) == 0
				e.Wrong = &w
			case 1:
				s := []string{"held", "planned", "denied"}[rnd.IntN(3)]
				e.Status = &s
			case 2:
				n := rnd.IntN(6)
				e.Times = &n
			case 3:
				d := []string{"", "2023-07-26", "2019-02-27", "2024-06-19"}[rnd.IntN(4)]
				e.Date = &d
			case 4:
				p := []string{"", "Pyongyang", "Hanoi"}[rnd.IntN(3)]
				e.Place = &p
			}
			err = db.EditMeeting(ctx, randomMeeting(), e)
		case 6:
			op = "article"
			id := articleIDs[rnd.IntN(len(articleIDs))]
			a, e := db.Article(ctx, id)
			if e != nil {
				t.Fatal(e)
			}
			m := ArticleMeta{Title: a.Title, Outlet: []string{"Wire A", "Wire Z", a.Outlet}[rnd.IntN(3)],
				Language: []string{"en", "ja", a.Language}[rnd.IntN(3)], Date: a.Date}
			if rnd.IntN(2) == 0 {
				m.Date = time.Date(2016+rnd.IntN(9), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC)
			}
			err = db.UpdateArticle(ctx, id, m)
		case 7:
			op = "undo"
			_, err = db.Undo(ctx)
			if err == ErrNothingToUndo {
				err = nil
			}
		case 8:
			op = "re-extract"
			id := articleIDs[rnd.IntN(len(articleIDs))]
			res := results[id]
			if rnd.IntN(2) == 0 && len(res.Meetings) > 0 { // a changed extraction: one meeting fewer
				cut := res
				cut.Meetings = res.Meetings[:len(res.Meetings)-1]
				var recs []extract.Record
				for _, r := range res.Records {
					var ms []int
					for _, m := range r.Meetings {
						if m < len(cut.Meetings) {
							ms = append(ms, m)
						}
					}
					r.Meetings = ms
					recs = append(recs, r)
				}
				cut.Records = recs
				res = cut
			}
			err = db.ReplaceExtraction(ctx, id, res, "test 2")
		case 9:
			op = "alias+dismiss"
			a, b := randomEntity(false), randomEntity(false)
			if err = db.AddAlias(ctx, a, fmt.Sprintf("alias %d", i)); err == nil && a != b {
				err = db.DismissSuggestion(ctx, a, b)
			}
		}
		if err != nil && !strings.Contains(err.Error(), "already the same") {
			t.Fatalf("step %d (%s): %v", i, op, err)
		}
		applied[op]++
		total += checkCompareSame(ctx, t, db, fmt.Sprintf("step %d (%s)", i, op), rnd)
	}
	t.Logf("edits applied %v; %d counterpart rows compared", applied, total)
	if total == 0 {
		t.Fatal("nothing compared")
	}
}

// TestCompareMigrationBackfills opens a session of schema 2 (the pair
// tables missing) and checks that migration fills them exactly.
func TestCompareMigrationBackfills(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.parley")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	july(t, db)
	// back to schema 2: the pair tables, their views and triggers dropped
	var drop []string
	rows, err := db.db.Query("SELECT type, name FROM sqlite_master WHERE name LIKE 'pair!_%' ESCAPE '!' AND type IN ('trigger', 'view', 'table') ORDER BY type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var typ, name string
		rows.Scan(&typ, &name)
		drop = append(drop, "DROP "+strings.ToUpper(typ)+" "+name)
	}
	rows.Close()
	if len(drop) < 10 {
		t.Fatalf("schema 3 objects: %v", drop)
	}
	if _, err := db.db.Exec(strings.Join(drop, "; ") + "; PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.db.QueryRow("SELECT COUNT(*) FROM pair_facts").Scan(&n); err != nil || n != 12 {
		t.Fatalf("pair_facts after migration: %d rows, %v; want 12 (6 meetings, both ways)", n, err)
	}
	checkCompareSame(ctx, t, db, "migrated", rand.New(rand.NewPCG(3, 4)))
	got := compareKim(t, db)
	if got["Sergei Shoigu"].Reported != 4 || got["Li Hongzhong"].Reported != 1 {
		t.Errorf("after migration: %+v", got)
	}
}

// TestDistinctMeetingsMatchesReference checks the clustering against the
// reference on random sentence sets: few days, places written in several
// ways, undated sentences and articles, several sentences per article.
func TestDistinctMeetingsMatchesReference(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	places := []string{"", "", "Pyongyang", "pyongyang", "Moscow", "Vladivostok"}
	day0 := time.Date(2023, 7, 20, 0, 0, 0, 0, time.UTC)
	for trial := range 3000 {
		n := rnd.IntN(30)
		var evs []*pairEvent
		var ref []pairEvent
		for i := range n {
			ev := pairEvent{id: int64(i), article: int64(rnd.IntN(8))}
			if rnd.IntN(3) > 0 {
				ev.date = day0.AddDate(0, 0, rnd.IntN(12))
			}
			ev.place = places[rnd.IntN(len(places))]
			evs = append(evs, &ev)
			ref = append(ref, ev)
		}
		// one article, one date: pub follows the article
		for _, ev := range evs {
			if ev.article != 0 {
				ev.pub = day0.AddDate(0, 0, int(ev.article)*2)
			}
		}
		for i := range ref {
			ref[i].pub = evs[i].pub
		}
		if got, want := distinctMeetings(evs), distinctMeetingsRef(ref); got != want {
			t.Fatalf("trial %d: %d distinct, reference %d, for %+v", trial, got, want, ref)
		}
	}
}
