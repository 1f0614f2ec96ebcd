package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"parley/data/extract"
	"parley/data/ingest"
)

// Helpers shared by the reliability tests of the session store (opening
// hostile files, concurrent instances, fuzzing). They build their own
// synthetic articles so that they do not depend on the extractor.

var relPeople = []extract.Entity{
	{Key: "person:alpha", Name: "Anna Alpha", Kind: extract.KindPerson, Known: true, Aliases: []string{"Anna Alpha", "Альфа"}},
	{Key: "person:beta", Name: "Boris Beta", Kind: extract.KindPerson, Known: true, Aliases: []string{"Boris Beta", "베타"}},
	{Key: "person:gamma", Name: "Gita Gamma", Kind: extract.KindPerson, Known: true, Aliases: []string{"Gita Gamma"}},
	{Key: "new:person:delta", Name: "Dan Delta", Kind: extract.KindPerson},
}

// relArticle builds article number n: a few sentences, each reporting a
// meeting between two of relPeople, with mentions, meetings and a record,
// all with offsets that point into the text. Different n give different
// content (and hashes).
func relArticle(n int) NewArticle {
	var text strings.Builder
	fmt.Fprintf(&text, "Report %d. ", n)
	res := extract.Result{Entities: relPeople}
	var idx []int
	for i := range 1 + n%3 {
		a, b := relPeople[(n+i)%len(relPeople)], relPeople[(n+i+1)%len(relPeople)]
		start := text.Len()
		fmt.Fprintf(&text, "%s met %s in round %d.", a.Name, b.Name, i+1)
		end := text.Len()
		text.WriteString(" ")
		res.Mentions = append(res.Mentions,
			extract.Mention{EntityKey: a.Key, Start: start, End: start + len(a.Name), Surface: a.Name, Via: "name"},
			extract.Mention{EntityKey: b.Key, Start: start + len(a.Name) + 5, End: start + len(a.Name) + 5 + len(b.Name), Surface: b.Name, Via: "name"})
		res.Meetings = append(res.Meetings, extract.Meeting{Participants: []string{a.Key, b.Key}, Kind: extract.MeetingKindMeeting,
			Status: extract.StatusHeld, Times: i, Date: "2023-07-26", Start: start, End: end, Evidence: text.String()[start:end]})
		idx = append(idx, len(res.Meetings)-1)
	}
	first := res.Meetings[0]
	res.Records = append(res.Records, extract.Record{Participants: first.Participants, Times: 1, Status: extract.StatusHeld,
		Kind: extract.MeetingKindMeeting, Meetings: idx[:1]})
	body := text.String()
	sum := sha256.Sum256([]byte(body))
	return NewArticle{Doc: ingest.Document{Path: fmt.Sprintf("article-%05d.txt", n), Format: "txt", Encoding: "utf-8",
		Hash: hex.EncodeToString(sum[:]), Title: fmt.Sprintf("Report %d", n), Outlet: fmt.Sprintf("Outlet %d", n%4),
		Date: time.Date(2023, 7, 1+n%28, 0, 0, 0, 0, time.UTC), Lang: "en", Text: body, Size: int64(len(body))},
		Result: res, Version: "rel"}
}

// buildSession creates a small, closed session file at path: articles,
// entities, a merge and a meeting edit.
func buildSession(tb testing.TB, path string, articles int) {
	tb.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	var items []NewArticle
	for n := range articles {
		items = append(items, relArticle(n))
	}
	if _, err := db.InsertArticles(ctx, items); err != nil {
		tb.Fatal(err)
	}
	from, err := db.EntityByKey(ctx, "new:person:delta")
	if err != nil {
		tb.Fatal(err)
	}
	into, err := db.EntityByKey(ctx, "person:gamma")
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.MergeEntities(ctx, from.ID, into.ID); err != nil {
		tb.Fatal(err)
	}
	ms, err := db.Meetings(ctx, MeetingFilter{Limit: 1})
	if err != nil || len(ms) == 0 {
		tb.Fatalf("meetings: %d %v", len(ms), err)
	}
	times := 7
	if err := db.EditMeeting(ctx, ms[0].Key, MeetingEdit{Times: &times}); err != nil {
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
}

// sessionBytes is the content of a small closed session file.
func sessionBytes(tb testing.TB) []byte {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "seed.parley")
	buildSession(tb, p, 6)
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// dirState lists a folder's entries with their contents' hashes.
func dirState(tb testing.TB, dir string) string {
	tb.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range es {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		sum := sha256.Sum256(b)
		out = append(out, fmt.Sprintf("%s %d %x", e.Name(), len(b), sum[:6]))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// probe runs every read the workbench makes over an open session, plus a
// consistency check and a small write. Errors are allowed (the file may be
// damaged); panics and hangs are not. It returns the first error.
func probe(ctx context.Context, db *DB) error {
	var first error
	note := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	_, err := db.IntegrityCheck(ctx)
	note(err)
	_, err = db.Check(ctx)
	note(err)
	_, err = db.CountArticles(ctx, ArticleFilter{})
	note(err)
	rows, err := db.Articles(ctx, ArticleFilter{Query: "met", Limit: 20})
	note(err)
	for _, r := range rows {
		_, err := db.Article(ctx, r.ID)
		note(err)
	}
	es, err := db.Entities(ctx, "", 50)
	note(err)
	for _, e := range es {
		_, err := db.Compare(ctx, CompareQuery{FocusID: e.ID})
		note(err)
		_, err = db.Timeline(ctx, CompareQuery{FocusID: e.ID})
		note(err)
	}
	_, err = db.FindEntities(ctx, "alpha", 5)
	note(err)
	_, err = db.Meetings(ctx, MeetingFilter{IncludeWrong: true})
	note(err)
	_, err = db.Suggestions(ctx, 10)
	note(err)
	_, err = db.History(ctx)
	note(err)
	note(db.EachArticle(ctx, func(ArticleText) error { return nil }))
	_, err = db.InsertArticles(ctx, []NewArticle{relArticle(1000)})
	note(err)
	return first
}

// mentionsName reports whether an error message names the file.
func mentionsName(err error, path string) bool {
	return err != nil && strings.Contains(err.Error(), filepath.Base(path))
}

// sameBytes compares a file with what it held before.
func sameBytes(tb testing.TB, path string, before []byte) bool {
	tb.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading %s back: %v", path, err)
	}
	return bytes.Equal(before, after)
}
