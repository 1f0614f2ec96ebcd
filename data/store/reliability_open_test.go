package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Session files that are not sessions, belong to another program, come
// from a newer Parley, or are truncated or damaged: each gets a clear
// message naming the file, and a refused file and its folder are left
// exactly as they were.

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// otherSQLite creates a SQLite file the way another program would.
func otherSQLite(t *testing.T, path, script string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReliabilityOpenRefusesHostileFiles(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	session := sessionBytes(t)
	patched := func(off int, v []byte) []byte {
		b := bytes.Clone(session)
		copy(b[off:], v)
		return b
	}
	u32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	pageSize := int(binary.BigEndian.Uint16(session[16:18]))
	tests := []struct {
		name string
		make func(path string) // writes the file at path
		want error
		text string // the message must contain this
	}{
		{"plain text", func(p string) {
			writeFile(t, p, []byte(strings.Repeat("Kim met Shoigu in Pyongyang. Not a database.\n", 4)))
		}, ErrNotSession, "not a SQLite database"},
		{"PDF", func(p string) { writeFile(t, p, append([]byte("%PDF-1.7\n"), make([]byte, 5000)...)) }, ErrNotSession, "not a SQLite database"},
		{"PNG", func(p string) { writeFile(t, p, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 200)...)) }, ErrNotSession, "not a SQLite database"},
		{"ZIP", func(p string) { writeFile(t, p, append([]byte("PK\x03\x04"), make([]byte, 200)...)) }, ErrNotSession, "not a SQLite database"},
		{"shorter than a header", func(p string) { writeFile(t, p, []byte("SQLite format 3\x00\x10\x00")) }, ErrNotSession, "too short"},
		{"another program's database", func(p string) {
			otherSQLite(t, p, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x')")
		}, ErrNotSession, "another program"},
		{"another program's database with its own version", func(p string) {
			otherSQLite(t, p, "CREATE TABLE t(x); PRAGMA user_version = 3")
		}, ErrNotSession, "another program"},
		{"another program's application id", func(p string) {
			otherSQLite(t, p, "PRAGMA application_id = 1196444487; CREATE TABLE gpkg(x)") // GeoPackage
		}, ErrNotSession, "another program"},
		{"another program's WAL database", func(p string) {
			otherSQLite(t, p, "PRAGMA journal_mode = WAL; CREATE TABLE moz_places(url TEXT); INSERT INTO moz_places VALUES ('https://example.org')")
		}, ErrNotSession, "another program"},
		{"newer schema", func(p string) { writeFile(t, p, patched(60, u32(uint32(SchemaVersion()+1)))) }, ErrNewerSchema, "newer version"},
		{"much newer schema", func(p string) { writeFile(t, p, patched(60, u32(1<<31))) }, ErrNewerSchema, "newer version"},
		{"truncated to the header", func(p string) { writeFile(t, p, session[:100]) }, ErrCorrupt, "truncated"},
		{"truncated to one page", func(p string) { writeFile(t, p, session[:pageSize]) }, ErrCorrupt, "truncated"},
		{"truncated in half", func(p string) { writeFile(t, p, session[:len(session)/2]) }, ErrCorrupt, "truncated"},
		{"one byte short", func(p string) { writeFile(t, p, session[:len(session)-1]) }, ErrCorrupt, "truncated"},
		{"damaged page size", func(p string) { writeFile(t, p, patched(16, []byte{0, 3})) }, ErrCorrupt, "damaged"},
		{"a folder", func(p string) {
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}, ErrNotSession, "folder"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(src, fmt.Sprint(i))
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "case.parley")
			tt.make(path)
			before := dirState(t, dir)
			db, err := Open(ctx, path)
			if err == nil {
				db.Close()
				t.Fatalf("Open accepted it")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) || !mentionsName(err, path) {
				t.Errorf("message %q should name the file and say %q", err, tt.text)
			}
			if after := dirState(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if ro, err := OpenReadOnly(ctx, path); err == nil {
				ro.Close()
				t.Errorf("OpenReadOnly accepted it")
			}
		})
	}
}

// TestReliabilityDamagedPages overwrites each page past the header, in turn,
// with garbage. Open may accept the file (the header is intact); then every
// query must return or fail cleanly, and the damage must show up in
// IntegrityCheck or Check. Pages SQLite does not use (free pages) cannot be
// detected and are counted separately.
func TestReliabilityDamagedPages(t *testing.T) {
	ctx := context.Background()
	session := sessionBytes(t)
	pageSize := int(binary.BigEndian.Uint16(session[16:18]))
	pages := len(session) / pageSize
	free := int(binary.BigEndian.Uint32(session[36:40]))
	var refused, detected, missed int
	for pg := 1; pg < pages; pg++ { // page 1 (index 0) holds the header: see the fuzz targets
		b := bytes.Clone(session)
		for i := pg * pageSize; i < (pg+1)*pageSize; i++ {
			b[i] ^= byte(0xA5 + i*7)
		}
		path := filepath.Join(t.TempDir(), "damaged.parley")
		writeFile(t, path, b)
		db, err := Open(ctx, path)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotSession) {
				t.Errorf("page %d: refused with %v", pg+1, err)
			}
			if !sameBytes(t, path, b) {
				t.Errorf("page %d: refused file was modified", pg+1)
			}
			refused++
			continue
		}
		bad, ierr := db.IntegrityCheck(ctx)
		rep, cerr := db.Check(ctx)
		perr := probe(ctx, db)
		db.Close()
		if len(bad) > 0 || ierr != nil || !rep.OK() || cerr != nil || perr != nil {
			detected++
			if ierr != nil && !errors.Is(ierr, ErrCorrupt) && !strings.Contains(ierr.Error(), "damaged") && !strings.Contains(ierr.Error(), "malformed") {
				t.Logf("page %d: integrity check error %v", pg+1, ierr)
			}
			continue
		}
		missed++
		t.Logf("page %d: damage not detected", pg+1)
	}
	t.Logf("%d pages damaged one at a time: %d refused at open, %d detected after open, %d not detected (file has %d free pages)",
		pages-1, refused, detected, missed, free)
	if missed > free {
		t.Errorf("%d damaged pages went unnoticed, more than the %d free pages", missed, free)
	}
}

// TestReliabilityDamagedHeader flips single header bytes that SQLite relies
// on: whatever happens, no panic, and a refused file is left alone.
func TestReliabilityDamagedHeader(t *testing.T) {
	session := sessionBytes(t)
	flips := []byte{0x01, 0x80, 0xff}
	if testing.Short() {
		flips = flips[2:]
	}
	for off := 16; off < 100; off++ {
		for _, x := range flips {
			b := bytes.Clone(session)
			b[off] ^= x
			t.Run(fmt.Sprintf("byte%d^%#x", off, x), func(t *testing.T) { openHostile(t, b) })
		}
	}
}

// TestOpenReadOnlyLeavesFolderAlone: merging reads another session with
// OpenReadOnly, which must not write beside it either (the file may sit on
// a read-only medium or belong to a colleague).
func TestOpenReadOnlyLeavesFolderAlone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "colleague.parley")
	buildSession(t, path, 3)
	before := dirState(t, dir)
	db, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.CountArticles(ctx, ArticleFilter{}); err != nil || n != 3 {
		t.Fatalf("CountArticles = %d, %v", n, err)
	}
	db.Close()
	if after := dirState(t, dir); after != before {
		t.Errorf("OpenReadOnly left files beside the session:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
