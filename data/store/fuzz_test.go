package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Fuzzing the session opener: whatever bytes a file holds, Open must not
// panic or hang; it either refuses the file with a message that names it and
// leaves the folder exactly as it was, or it returns a session over which
// every query returns (an error at worst, never a panic).

// openHostile writes b as a session file in a fresh folder, opens it and
// checks the contract above.
func openHostile(t *testing.T, b []byte) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.parley")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := Open(ctx, path)
	if err != nil {
		if !mentionsName(err, path) {
			t.Errorf("refusal does not name the file: %v", err)
		}
		if after := dirState(t, dir); after != before {
			t.Fatalf("refused file (%v) but the folder changed:\nbefore:\n%s\nafter:\n%s", err, before, after)
		}
		// a read-only open (merging) must refuse it too, or read it safely,
		// and never change the file (SQLite may leave its -shm/-wal index
		// beside a WAL-mode file: see TestOpenReadOnlyLeavesFolderAlone)
		if ro, err := OpenReadOnly(ctx, path); err == nil {
			_ = probe(ctx, ro)
			ro.Close()
		}
		if !sameBytes(t, path, b) {
			t.Fatalf("OpenReadOnly changed a refused file")
		}
		return
	}
	_ = probe(ctx, db)
	if err := db.Close(); err != nil {
		t.Logf("close: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatalf("opening and reading took longer than 30 s")
	}
}

// fuzzSeeds are the hand-made starting points shared by the targets: a
// real small session and its header variants, other SQLite files, text.
func fuzzSeeds(f *testing.F) (session []byte, seeds [][]byte) {
	session = sessionBytes(f)
	patch := func(off int, v []byte) []byte {
		b := bytes.Clone(session)
		copy(b[off:], v)
		return b
	}
	be32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rnd.UintN(256))
	}
	seeds = [][]byte{
		session,
		session[:100],
		session[:len(session)/2],
		session[:len(session)-1],
		patch(60, be32(999)),          // newer schema
		patch(60, be32(0)),            // version 0 with our application id
		patch(68, be32(0x0f055112)),   // another program's application id
		patch(68, be32(0)),            // no application id
		patch(16, []byte{0x00, 0x03}), // bad page size
		patch(18, []byte{1, 1}),       // rollback journal instead of WAL
		patch(28, be32(1<<30)),        // page count far beyond the file
		patch(4096+200, bytes.Repeat([]byte{0xff}, 64)),
		patch(len(session)/2, bytes.Repeat([]byte{0}, 4096)),
		[]byte("SQLite format 3\x00"),
		append([]byte("SQLite format 3\x00"), make([]byte, 84)...),
		[]byte("hello, this is not a database\n"),
		[]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
		random,
		{},
	}
	return session, seeds
}

func FuzzOpen(f *testing.F) {
	_, seeds := fuzzSeeds(f)
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		openHostile(t, b)
	})
}

// FuzzOpenPatch mutates a real session in place: patch is written at off
// (modulo the file size). This reaches the b-tree pages of a valid file,
// which whole-file mutation rarely keeps intact enough to reach.
func FuzzOpenPatch(f *testing.F) {
	session, _ := fuzzSeeds(f)
	f.Add(uint32(0), []byte{})
	f.Add(uint32(18), []byte{1, 1})
	f.Add(uint32(60), []byte{0, 0, 3, 0xe7})
	f.Add(uint32(4096+8), []byte{0xff, 0xff, 0xff, 0xff})
	f.Add(uint32(2*4096+100), bytes.Repeat([]byte{0x41}, 32))
	f.Add(uint32(len(session)/2), []byte{0x0d, 0, 0, 0, 9})
	f.Add(uint32(len(session)-50), []byte{0x7f})
	f.Fuzz(func(t *testing.T, off uint32, p []byte) {
		b := bytes.Clone(session)
		o := int(off % uint32(len(b)))
		copy(b[o:], p)
		openHostile(t, b)
	})
}
