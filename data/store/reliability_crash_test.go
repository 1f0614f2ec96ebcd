package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// A process killed while SQLite checkpoints its WAL leaves a main file whose
// header already counts pages that are still only in the -wal file: SQLite
// copies frames in page order, so page 1 (with the new page count) lands
// before the file is extended. On the next open SQLite replays the WAL and
// nothing is lost; Open must not refuse such a file as "truncated".
// TestCrashSafety (package data) kills real imports; this test builds that
// state directly, so it is deterministic.

// crashImage returns the files a crash mid-checkpoint leaves: a session
// whose WAL holds many committed transactions, and whose main file has had
// only its first page checkpointed.
func crashImage(t *testing.T, dir string) (path string, articles int) {
	t.Helper()
	ctx := context.Background()
	live := filepath.Join(dir, "live.parley")
	buildSession(t, live, 6)
	db, err := Open(ctx, live)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.db.SetMaxOpenConns(1)
	if _, err := db.db.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	for n := 100; n < 400; n += 20 {
		var items []NewArticle
		for k := n; k < n+20; k++ {
			items = append(items, relArticle(k))
		}
		if _, err := db.InsertArticles(ctx, items); err != nil {
			t.Fatal(err)
		}
	}
	articles = 6 + 300
	// the files as a crash would leave them (the process is still alive
	// but idle: nothing is half-written)
	path = filepath.Join(dir, "crashed.parley")
	main, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(live + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	// the last committed frame of page 1 holds the newest header
	var page1 []byte
	var dbPages uint32
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		pg := binary.BigEndian.Uint32(wal[off : off+4])
		commit := binary.BigEndian.Uint32(wal[off+4 : off+8])
		if pg == 1 {
			page1 = wal[off+24 : off+24+pageSize]
		}
		if commit > 0 {
			dbPages = commit
		}
	}
	if page1 == nil || int(dbPages)*pageSize <= len(main) {
		t.Fatalf("the WAL does not grow the file (page 1 found: %v, %d pages, main %d bytes)", page1 != nil, dbPages, len(main))
	}
	copy(main, page1) // the checkpoint wrote page 1, then was killed
	if err := os.WriteFile(path, main, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-wal", wal, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, articles
}

func TestReliabilityKilledDuringCheckpoint(t *testing.T) {
	ctx := context.Background()
	path, articles := crashImage(t, t.TempDir())
	// SQLite itself recovers a copy of it, with every article
	cp := filepath.Join(t.TempDir(), "copy.parley")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cp+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := sql.Open("sqlite", cp)
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	var n int
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("SQLite's own integrity check of the crash image: %q %v", ok, err)
	}
	if err := raw.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != articles {
		t.Fatalf("SQLite reads %d articles from the crash image (%v), want %d", n, err, articles)
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("a session killed during a checkpoint is refused: %v", err)
	}
	defer db.Close()
	rep, err := db.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", rep.Problems, err)
	}
	if len(rep.Articles) != articles {
		t.Errorf("%d articles after recovery, want %d", len(rep.Articles), articles)
	}
}
