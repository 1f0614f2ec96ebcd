package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/data/extract"
	"parley/data/ingest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.parley"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	kim    = extract.Entity{Key: "person:kim-jong-un", Name: "Kim Jong Un", Kind: "person", Known: true, Aliases: []string{"Kim Jong Un", "김정은", "Ким Чен Ын"}}
	shoigu = extract.Entity{Key: "person:sergei-shoigu", Name: "Sergei Shoigu", Kind: "person", Known: true, Aliases: []string{"Sergei Shoigu", "Шойгу"}}
	li     = extract.Entity{Key: "person:li-hongzhong", Name: "Li Hongzhong", Kind: "person", Known: true, Aliases: []string{"Li Hongzhong", "李鸿忠"}}
	shoygu = extract.Entity{Key: "new:person:shoygu", Name: "Shoygu", Kind: "person"}
)

// article builds a document whose sentences each report one meeting.
type sent struct {
	text   string
	with   extract.Entity
	times  int
	date   string
	status string
}

func article(outlet, day string, sents ...sent) NewArticle {
	var text strings.Builder
	res := extract.Result{Entities: []extract.Entity{kim, shoigu, li, shoygu}}
	var held = map[string][]int{}
	for _, s := range sents {
		start := text.Len()
		text.WriteString(s.text + " ")
		end := start + len(s.text)
		if i := strings.Index(s.text, "Kim"); i >= 0 {
			res.Mentions = append(res.Mentions, extract.Mention{EntityKey: kim.Key, Start: start + i, End: start + i + 3, Surface: "Kim", Via: "name"})
		}
		sur := s.with.Name
		if i := strings.Index(s.text, sur); i >= 0 {
			res.Mentions = append(res.Mentions, extract.Mention{EntityKey: s.with.Key, Start: start + i, End: start + i + len(sur), Surface: sur, Via: "name"})
		}
		st := s.status
		if st == "" {
			st = "held"
		}
		res.Meetings = append(res.Meetings, extract.Meeting{Participants: []string{kim.Key, s.with.Key}, Kind: "meeting", Status: st, Times: s.times,
			Date: s.date, Start: start, End: end, Evidence: s.text})
		if st == "held" {
			held[s.with.Key] = append(held[s.with.Key], len(res.Meetings)-1)
		}
	}
	for k, idx := range held {
		times, explicit := len(idx), false
		for _, i := range idx {
			if res.Meetings[i].Times > 0 {
				times, explicit = res.Meetings[i].Times, true
			}
		}
		res.Records = append(res.Records, extract.Record{Participants: []string{kim.Key, k}, Times: times, Explicit: explicit, Status: "held", Kind: "meeting", Meetings: idx})
	}
	sum := sha256.Sum256([]byte(text.String()))
	d, _ := time.Parse("2006-01-02", day)
	return NewArticle{Doc: ingest.Document{Path: outlet + ".txt", Format: "txt", Encoding: "utf-8", Hash: hex.EncodeToString(sum[:]),
		Title: "t " + outlet, Outlet: outlet, Date: d, Lang: "en", Text: text.String()}, Result: res, Version: "test"}
}

func july(t *testing.T, db *DB) {
	t.Helper()
	_, err := db.InsertArticles(context.Background(), []NewArticle{
		article("Wire A", "2023-07-31",
			sent{text: "Kim met Sergei Shoigu four times.", with: shoigu, times: 4},
			sent{text: "Kim received Li Hongzhong only once.", with: li, times: 1},
			sent{text: "Kim met Sergei Shoigu on Wednesday.", with: shoigu, date: "2023-07-26"}),
		article("Wire B", "2023-07-28",
			sent{text: "Kim welcomed Sergei Shoigu in Pyongyang.", with: shoigu, date: "2023-07-26"},
			sent{text: "Kim and Sergei Shoigu watched the parade together.", with: shoigu, date: "2023-07-27"},
			sent{text: "Kim met Li Hongzhong.", with: li, date: "2023-07-27"}),
	})
	if err != nil {
		t.Fatal(err)
	}
}

func compareKim(t *testing.T, db *DB) map[string]Counterpart {
	t.Helper()
	ctx := context.Background()
	e, ok, err := db.EntityByAlias(ctx, "kim jong-un")
	if err != nil || !ok {
		t.Fatalf("EntityByAlias: %v %v", ok, err)
	}
	cmp, err := db.Compare(ctx, CompareQuery{FocusID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Counterpart{}
	for _, c := range cmp.Counterparts {
		out[c.Name] = c
	}
	return out
}

func TestCompareCountsAndDistinct(t *testing.T) {
	db := openTemp(t)
	july(t, db)
	got := compareKim(t, db)
	tests := []struct {
		name                         string
		reported, distinct, articles int
		explicit                     bool
	}{
		{"Sergei Shoigu", 4, 2, 2, true},
		{"Li Hongzhong", 1, 1, 2, true},
	}
	for _, tt := range tests {
		c := got[tt.name]
		if c.Reported != tt.reported || c.Distinct != tt.distinct || c.Articles != tt.articles || c.Explicit != tt.explicit {
			t.Errorf("%s: reported %d distinct %d articles %d explicit %v; want %d %d %d %v", tt.name, c.Reported, c.Distinct, c.Articles, c.Explicit,
				tt.reported, tt.distinct, tt.articles, tt.explicit)
		}
		if c.Outlets != 2 {
			t.Errorf("%s: outlets %d, want 2", tt.name, c.Outlets)
		}
	}
}

func TestDuplicateContentStoredOnce(t *testing.T) {
	db := openTemp(t)
	a := article("Wire A", "2023-07-31", sent{text: "Kim met Sergei Shoigu.", with: shoigu})
	ins, err := db.InsertArticles(context.Background(), []NewArticle{a, a})
	if err != nil {
		t.Fatal(err)
	}
	if ins[0].Duplicate || !ins[1].Duplicate || ins[0].ID != ins[1].ID {
		t.Fatalf("got %+v", ins)
	}
	ins, err = db.InsertArticles(context.Background(), []NewArticle{a})
	if err != nil || !ins[0].Duplicate {
		t.Fatalf("second import: %+v %v", ins, err)
	}
	if n, _ := db.CountArticles(context.Background(), ArticleFilter{}); n != 1 {
		t.Fatalf("%d articles", n)
	}
}

func TestMergeUndo(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	july(t, db)
	_, err := db.InsertArticles(ctx, []NewArticle{article("Wire C", "2023-07-29", sent{text: "Kim met Shoygu again.", with: shoygu, date: "2023-07-20"})})
	if err != nil {
		t.Fatal(err)
	}
	if c := compareKim(t, db)["Shoygu"]; c.Distinct != 1 {
		t.Fatalf("before merge: Shoygu %+v", c)
	}
	from, _ := db.EntityByKey(ctx, shoygu.Key)
	into, _ := db.EntityByKey(ctx, shoigu.Key)
	if err := db.MergeEntities(ctx, from.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	got := compareKim(t, db)
	if _, ok := got["Shoygu"]; ok || got["Sergei Shoigu"].Distinct != 3 {
		t.Fatalf("after merge: %+v", got)
	}
	// a re-import of the merged spelling follows the merge
	_, err = db.InsertArticles(ctx, []NewArticle{article("Wire D", "2023-08-02", sent{text: "Kim met Shoygu in August.", with: shoygu, date: "2023-08-01"})})
	if err != nil {
		t.Fatal(err)
	}
	if got := compareKim(t, db); got["Sergei Shoigu"].Distinct != 4 {
		t.Fatalf("new article after merge: %+v", got["Sergei Shoigu"])
	}
	e, err := db.Undo(ctx)
	if err != nil || e.Kind != "merge" {
		t.Fatalf("undo: %+v %v", e, err)
	}
	got = compareKim(t, db)
	if got["Shoygu"].Distinct != 2 || got["Sergei Shoigu"].Distinct != 2 {
		t.Fatalf("after undo: %+v", got)
	}
	if _, err := db.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("second undo: %v", err)
	}
}

func TestMeetingEditSurvivesReextraction(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	july(t, db)
	ms, err := db.Meetings(ctx, MeetingFilter{Query: "four times"})
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings: %v %v", ms, err)
	}
	five := 5
	if err := db.EditMeeting(ctx, ms[0].Key, MeetingEdit{Times: &five}); err != nil {
		t.Fatal(err)
	}
	if c := compareKim(t, db)["Sergei Shoigu"]; c.Reported != 5 {
		t.Fatalf("after edit: %+v", c)
	}
	// re-extract the article: same sentence, same participants, new rows
	a := article("Wire A", "2023-07-31",
		sent{text: "Kim met Sergei Shoigu four times.", with: shoigu, times: 4},
		sent{text: "Kim received Li Hongzhong only once.", with: li, times: 1},
		sent{text: "Kim met Sergei Shoigu on Wednesday.", with: shoigu, date: "2023-07-26"})
	if err := db.ReplaceExtraction(ctx, ms[0].ArticleID, a.Result, "v2"); err != nil {
		t.Fatal(err)
	}
	if c := compareKim(t, db)["Sergei Shoigu"]; c.Reported != 5 {
		t.Fatalf("after re-extraction: %+v", c)
	}
	wrong := true
	if err := db.EditMeeting(ctx, ms[0].Key, MeetingEdit{Wrong: &wrong}); err != nil {
		t.Fatal(err)
	}
	if c := compareKim(t, db)["Sergei Shoigu"]; c.Reported != 2 || c.Explicit { // Wire B tells of two meetings
		t.Fatalf("marked wrong: %+v", c)
	}
	for range 2 {
		if _, err := db.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if c := compareKim(t, db)["Sergei Shoigu"]; c.Reported != 4 {
		t.Fatalf("after undoing both: %+v", c)
	}
}

func TestEvidenceAndFilters(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	july(t, db)
	k, _ := db.EntityByKey(ctx, kim.Key)
	s, _ := db.EntityByKey(ctx, shoigu.Key)
	ev, err := db.Evidence(ctx, EvidenceQuery{Focus: k.ID, Counterpart: s.ID, Column: "reported"})
	if err != nil || len(ev) != 1 || ev[0].Sentence != "Kim met Sergei Shoigu four times." {
		t.Fatalf("reported evidence: %+v %v", ev, err)
	}
	if len(ev[0].Highlights) != 2 || ev[0].Sentence[ev[0].Highlights[1][0]:ev[0].Highlights[1][1]] != "Sergei Shoigu" {
		t.Fatalf("highlights %v", ev[0].Highlights)
	}
	cmp, err := db.Compare(ctx, CompareQuery{FocusID: k.ID, Outlets: []string{"Wire B"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cmp.Counterparts {
		if c.Name == "Sergei Shoigu" && (c.Reported != 2 || c.Articles != 1) {
			t.Fatalf("outlet filter: %+v", c)
		}
	}
	full, _ := db.Compare(ctx, CompareQuery{FocusID: k.ID})
	if len(full.ByOutlet) != 4 || len(full.Outlets) != 2 {
		t.Fatalf("by outlet: %+v", full.ByOutlet)
	}
	tl, err := db.Timeline(ctx, CompareQuery{FocusID: k.ID})
	if err != nil || len(tl) < 3 {
		t.Fatalf("timeline %+v %v", tl, err)
	}
}

func TestFindEntitiesAcrossScripts(t *testing.T) {
	db := openTemp(t)
	july(t, db)
	for _, q := range []string{"shoi", "Шой", "김정", "Ким", "kim jong-un", "李"} {
		ms, err := db.FindEntities(context.Background(), q, 3)
		if err != nil || len(ms) == 0 {
			t.Errorf("FindEntities(%q) = %v, %v", q, ms, err)
		}
	}
	ms, _ := db.FindEntities(context.Background(), "shoi", 1)
	if ms[0].Name != "Sergei Shoigu" {
		t.Errorf("shoi → %s", ms[0].Name)
	}
}

func TestOpenRefusesAndLeavesFilesAlone(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	odb, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec("CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	odb.Close()
	newer := filepath.Join(dir, "newer.parley")
	ndb, _ := Open(ctx, newer)
	ndb.db.Exec("PRAGMA user_version = 999")
	ndb.Close()
	good := filepath.Join(dir, "good.parley")
	gdb, _ := Open(ctx, good)
	july(t, gdb)
	gdb.Close()
	full, _ := os.ReadFile(good)
	tests := []struct {
		name string
		path string
		want error
	}{
		{"text file", write("notes.parley", []byte("hello, this is not a database at all, just some text\n")), ErrNotSession},
		{"another program's database", other, ErrNotSession},
		{"newer schema", newer, ErrNewerSchema},
		{"truncated", write("cut.parley", full[:len(full)/2]), ErrCorrupt},
		{"short", write("short.parley", []byte("SQLite format 3")), ErrNotSession},
	}
	for _, tt := range tests {
		before, _ := os.ReadFile(tt.path)
		_, err := Open(ctx, tt.path)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
		after, _ := os.ReadFile(tt.path)
		if string(before) != string(after) {
			t.Errorf("%s: the file was modified", tt.name)
		}
		if _, err := os.Stat(tt.path + "-wal"); err == nil {
			t.Errorf("%s: a journal was created", tt.name)
		}
	}
}

func TestSaveAsAndMergeSessions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, _ := Open(ctx, filepath.Join(dir, "a.parley"))
	defer a.Close()
	july(t, a)
	from, _ := a.EntityByKey(ctx, li.Key)
	if err := a.RenameEntity(ctx, from.ID, "Li Hongzhong (NPC)"); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.parley")
	if err := a.SaveAs(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	c, err := OpenReadOnly(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.CountArticles(ctx, ArticleFilter{}); n != 2 {
		t.Fatalf("copy has %d articles", n)
	}
	b, _ := Open(ctx, filepath.Join(dir, "b.parley"))
	defer b.Close()
	n, err := b.CopyEditsFrom(ctx, c)
	if err != nil || n != 1 {
		t.Fatalf("CopyEditsFrom: %d %v", n, err)
	}
	july(t, b)
	if got := compareKim(t, b); got["Li Hongzhong (NPC)"].Reported != 1 {
		t.Fatalf("rename not carried: %+v", got)
	}
}

func TestArticlesSearch(t *testing.T) {
	db := openTemp(t)
	july(t, db)
	ctx := context.Background()
	tests := []struct {
		f    ArticleFilter
		want int
	}{
		{ArticleFilter{}, 2},
		{ArticleFilter{Query: "parade"}, 1},
		{ArticleFilter{Query: "Shoigu"}, 2},
		{ArticleFilter{Query: "nothing-like-this"}, 0},
		{ArticleFilter{Outlets: []string{"Wire A"}}, 1},
		{ArticleFilter{From: time.Date(2023, 7, 30, 0, 0, 0, 0, time.UTC)}, 1},
		{ArticleFilter{Languages: []string{"ko"}}, 0},
		{ArticleFilter{Limit: 1, Offset: 1}, 1},
	}
	for _, tt := range tests {
		rows, err := db.Articles(ctx, tt.f)
		if err != nil || len(rows) != tt.want {
			t.Errorf("%+v: %d rows, %v; want %d", tt.f, len(rows), err, tt.want)
		}
	}
	rows, _ := db.Articles(ctx, ArticleFilter{Query: "parade"})
	a, err := db.Article(ctx, rows[0].ID)
	if err != nil || len(a.Meetings) != 3 || len(a.Mentions) != 6 {
		t.Fatalf("article: %d meetings %d mentions %v", len(a.Meetings), len(a.Mentions), err)
	}
}
