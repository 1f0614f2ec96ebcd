// Package store is the session database: one SQLite file per session, with
// embedded numbered migrations, the articles and their extraction, the
// analyst's edits, and the queries behind every screen.
//
// Errors returned by this package carry messages safe to show a user.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver ("sqlite")
)

// ApplicationID marks a SQLite file as a Parley session ("PRLY").
const ApplicationID = 0x50524C59

// Ext is the default extension of session files.
const Ext = ".parley"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Errors a caller may test for with errors.Is.
var (
	ErrNotSession    = errors.New("not a Parley session")
	ErrNewerSchema   = errors.New("session made by a newer Parley")
	ErrCorrupt       = errors.New("session file is damaged")
	ErrReadOnly      = errors.New("session file is read-only")
	ErrNotFound      = errors.New("not found")
	ErrNothingToUndo = errors.New("nothing to undo")
)

// DB is an open session.
type DB struct {
	db   *sql.DB
	path string
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		n, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(n)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q: bad name", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// header is what the first 100 bytes of a SQLite file say.
type header struct {
	pageSize    int64
	pages       int64
	pagesValid  bool
	userVersion uint32
	appID       uint32
}

// checkFile inspects an existing file without modifying it: it must be a
// SQLite database that is a Parley session (or an empty database) of a
// schema this build understands. It returns exists=false for a missing or
// zero-length file.
func checkFile(path string) (exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot open %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("cannot read %s: %w", filepath.Base(path), err)
	}
	if st.IsDir() {
		return false, fmt.Errorf("%s is a folder, not a session file: %w", filepath.Base(path), ErrNotSession)
	}
	if st.Size() == 0 {
		return false, nil
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil {
		return true, fmt.Errorf("%s is too short to be a session file: %w", filepath.Base(path), ErrNotSession)
	}
	if string(buf[:16]) != "SQLite format 3\x00" {
		return true, fmt.Errorf("%s is not a Parley session (it is not a SQLite database): %w", filepath.Base(path), ErrNotSession)
	}
	h := header{
		pageSize:    int64(binary.BigEndian.Uint16(buf[16:18])),
		pages:       int64(binary.BigEndian.Uint32(buf[28:32])),
		pagesValid:  binary.BigEndian.Uint32(buf[24:28]) == binary.BigEndian.Uint32(buf[92:96]),
		userVersion: binary.BigEndian.Uint32(buf[60:64]),
		appID:       binary.BigEndian.Uint32(buf[68:72]),
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return true, fmt.Errorf("%s has a damaged header: %w", filepath.Base(path), ErrCorrupt)
	}
	// After a crash the pages missing from the main file may still be in the
	// write-ahead log, which SQLite replays: only judge truncation without one.
	walPending := false
	if wst, err := os.Stat(path + "-wal"); err == nil && wst.Size() > 0 {
		walPending = true
	}
	if !walPending && h.pagesValid && h.pages > 0 && st.Size() < h.pages*h.pageSize {
		return true, fmt.Errorf("%s is truncated (%d of %d bytes): %w", filepath.Base(path), st.Size(), h.pages*h.pageSize, ErrCorrupt)
	}
	switch {
	case h.appID == ApplicationID:
		if int(h.userVersion) > SchemaVersion() {
			return true, fmt.Errorf("%s was made by a newer version of Parley (schema %d; this version reads up to %d): update Parley to open it: %w",
				filepath.Base(path), h.userVersion, SchemaVersion(), ErrNewerSchema)
		}
	case h.appID != 0:
		return true, fmt.Errorf("%s belongs to another program (application id %#x): %w", filepath.Base(path), h.appID, ErrNotSession)
	case h.userVersion != 0 || h.pages > 1:
		return true, fmt.Errorf("%s is a SQLite database of another program, not a Parley session: %w", filepath.Base(path), ErrNotSession)
	}
	return true, nil
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-32768)", "wal_autocheckpoint(8192)"} {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Set("mode", "ro")
		// with no journal to replay, read the file as it is and write
		// nothing beside it (no -wal or -shm in someone else's folder)
		if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens the session at path, creating it when missing. A file that is
// not a session, a damaged file, or one made by a newer Parley is refused
// and left untouched.
func Open(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if exists {
		if err := writable(path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder for %s: %w", filepath.Base(path), err)
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", filepath.Base(path), err)
	}
	s := &DB{db: db, path: path}
	// Two instances creating the same session at once can meet SQLite's
	// switch to WAL mode, which answers "busy" without waiting: try again.
	for attempt := 0; ; attempt++ {
		err = s.migrate(ctx)
		if err == nil || attempt == 20 || !isBusy(err) {
			break
		}
		select {
		case <-ctx.Done():
			db.Close()
			return nil, ctx.Err()
		case <-time.After(time.Duration(10*(attempt+1)) * time.Millisecond):
		}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "locked") || strings.Contains(msg, "busy") || strings.Contains(msg, "BUSY")
}

// writable refuses read-only session files and folders before SQLite
// touches them (WAL mode needs to create files beside the session).
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%s is read-only: copy it somewhere writable, or change its permissions: %w", filepath.Base(path), ErrReadOnly)
		}
		return fmt.Errorf("cannot open %s: %w", filepath.Base(path), err)
	}
	f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), ".parley-probe-*")
	if err != nil {
		return fmt.Errorf("the folder of %s is read-only (Parley needs to write its journal beside the file): %w", filepath.Base(path), ErrReadOnly)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func (s *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("reading the schema: %w", err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.openErr(err)
	}
	defer conn.Close()
	var appID, version int
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return s.openErr(err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.openErr(err)
	}
	if version > SchemaVersion() {
		return fmt.Errorf("%s was made by a newer version of Parley: %w", filepath.Base(s.path), ErrNewerSchema)
	}
	if version > 0 && version < SchemaVersion() {
		if fn, ok := ctx.Value(upgradeKey{}).(func(from, to int)); ok && fn != nil {
			fn(version, SchemaVersion())
		}
	}
	for _, m := range ms {
		if m.version <= version {
			continue
		}
		tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
		if err != nil {
			return s.openErr(err)
		}
		// another instance may have migrated the file since we looked
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			tx.Rollback()
			return s.openErr(err)
		}
		if m.version <= version {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("updating %s to schema %d: %w", filepath.Base(s.path), m.version, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)); err != nil {
			tx.Rollback()
			return s.openErr(err)
		}
		if m.version == 1 {
			if _, err := tx.ExecContext(ctx, "INSERT INTO meta(key, value) VALUES ('created', ?)", time.Now().UTC().Format(time.RFC3339)); err != nil {
				tx.Rollback()
				return s.openErr(err)
			}
		}
		if err := tx.Commit(); err != nil {
			return s.openErr(err)
		}
	}
	return nil
}

type upgradeKey struct{}

// WithUpgradeNotice returns a context under which Open calls fn once before
// bringing a session written by an earlier Parley up to date (schema from
// → to). The update is one-off and can take a minute or two on a session
// of a hundred thousand articles, so front ends say so while it runs.
func WithUpgradeNotice(ctx context.Context, fn func(from, to int)) context.Context {
	return context.WithValue(ctx, upgradeKey{}, fn)
}

func (s *DB) openErr(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "corrupt"):
		return fmt.Errorf("%s is damaged and cannot be opened: %w", filepath.Base(s.path), ErrCorrupt)
	case strings.Contains(msg, "not a database"):
		return fmt.Errorf("%s is not a Parley session: %w", filepath.Base(s.path), ErrNotSession)
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"):
		return fmt.Errorf("%s is read-only: %w", filepath.Base(s.path), ErrReadOnly)
	case strings.Contains(msg, "locked"), strings.Contains(msg, "busy"):
		return fmt.Errorf("%s is in use by another program and stayed locked: try again: %w", filepath.Base(s.path), err)
	}
	return fmt.Errorf("cannot open %s: %w", filepath.Base(s.path), err)
}

// Path is the session file's absolute path.
func (s *DB) Path() string { return s.path }

// Close closes the session; everything is already saved.
func (s *DB) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
}

// SaveAs writes a consistent copy of the session to path (which must not exist).
func (s *DB) SaveAs(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists: choose another name", filepath.Base(path))
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("saving a copy as %s: %w", filepath.Base(path), err)
	}
	return nil
}

// Meta reads a value from the session's meta table ("" when absent).
func (s *DB) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading the session: %w", err)
	}
	return v, nil
}

// SetMeta writes a value in the session's meta table.
func (s *DB) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
	if err != nil {
		return fmt.Errorf("writing the session: %w", err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check and returns its complaints.
func (s *DB) IntegrityCheck(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("checking the session: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			out = append(out, line)
		}
	}
	return out, rows.Err()
}
