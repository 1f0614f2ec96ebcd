package store

import (
	"context"
	"testing"

	"parley/data/extract"
)

// checkCounts compares the maintained entity_counts with a recount from
// the mentions and participants themselves.
func checkCounts(t *testing.T, db *DB, step string) {
	t.Helper()
	rows, err := db.db.Query(`SELECT e.id, COALESCE(k.mentions, 0), COALESCE(k.articles, 0), COALESCE(k.meetings, 0),
		(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
		(SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id),
		(SELECT COUNT(DISTINCT p.meeting_id) FROM meeting_participants p WHERE p.entity_id = e.id)
		FROM entities e LEFT JOIN entity_counts k ON k.entity_id = e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var got, want [3]int
		if err := rows.Scan(&id, &got[0], &got[1], &got[2], &want[0], &want[1], &want[2]); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: entity %d: counts (mentions, articles, meetings) %v, recount %v", step, id, got, want)
		}
		n++
	}
	if n == 0 {
		t.Fatalf("%s: no entities", step)
	}
	var bad int
	if err := db.db.QueryRow(`SELECT
		(SELECT COUNT(*) FROM (SELECT entity_id, surface, n FROM entity_surfaces EXCEPT
			SELECT entity_id, surface, COUNT(*) FROM mentions WHERE via NOT IN ('role', 'pronoun') GROUP BY 1, 2)) +
		(SELECT COUNT(*) FROM (SELECT entity_id, surface, COUNT(*) FROM mentions WHERE via NOT IN ('role', 'pronoun') GROUP BY 1, 2 EXCEPT
			SELECT entity_id, surface, n FROM entity_surfaces))`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%s: entity_surfaces differs from the mentions in %d rows", step, bad)
	}
}

func TestEntityCountsMaintained(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	july(t, db)
	checkCounts(t, db, "import")

	kimRow, ok, err := db.EntityByAlias(ctx, "kim jong-un")
	if err != nil || !ok {
		t.Fatalf("EntityByAlias: %v %v", ok, err)
	}
	into, err := db.EntityByKey(ctx, shoigu.Key)
	if err != nil {
		t.Fatal(err)
	}
	from, err := db.EntityByKey(ctx, li.Key)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.MergeEntities(ctx, from.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "merge")
	rows, err := db.Entities(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.ID == kimRow.ID && (r.Mentions == 0 || r.Articles != 2 || r.Meetings != 6) {
			t.Errorf("Kim listed with %+v", r)
		}
		if r.ID == into.ID && (r.Articles != 2 || r.Meetings != 6) {
			t.Errorf("Shoigu with Li merged in listed with %+v", r)
		}
		if r.ID == from.ID {
			t.Errorf("merged entity still listed: %+v", r)
		}
	}
	if _, err := db.SplitAlias(ctx, kimRow.ID, "Kim"); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "split")
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "undo split")

	// re-extraction deletes and rewrites an article's extraction
	var id int64
	if err := db.db.QueryRow("SELECT MIN(id) FROM articles").Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceExtraction(ctx, id, extract.Result{Entities: []extract.Entity{kim}, Mentions: []extract.Mention{{EntityKey: kim.Key, Start: 0, End: 3, Surface: "Kim", Via: "gazetteer"}}}, "2"); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "re-extraction")
	if _, err := db.db.Exec("DELETE FROM articles WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "delete (cascade)")
}
