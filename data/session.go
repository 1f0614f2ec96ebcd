// Package data is Parley's engine: a session (one SQLite file) into which
// articles are imported and extracted, and the queries the command line and
// the workbench show. It never imports Fyne.
//
// Every method takes a context first and returns errors whose messages are
// safe to show a user.
package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"parley/data/extract"
	"parley/data/ingest"
	"parley/data/store"
)

// Errors a caller may test for with errors.Is.
var (
	ErrNotSession   = store.ErrNotSession
	ErrNewerSchema  = store.ErrNewerSchema
	ErrCorrupt      = store.ErrCorrupt
	ErrReadOnly     = store.ErrReadOnly
	ErrNotFound     = store.ErrNotFound
	ErrNothingToUndo = store.ErrNothingToUndo
	ErrUnknownEntity = errors.New("no such entity")
)

// SessionExt is the extension of session files.
const SessionExt = store.Ext

// Session is an open session: the store plus the extraction engine.
type Session struct {
	*store.DB
}

var (
	engineOnce sync.Once
	engine     *extract.Extractor
	engineErr  error
)

// Engine returns the shared extraction engine (built once, safe for
// concurrent use).
func Engine() (*extract.Extractor, error) {
	engineOnce.Do(func() {
		engine, engineErr = extract.Default()
		if engineErr != nil {
			engineErr = fmt.Errorf("loading the built-in gazetteer and language packs: %w", engineErr)
		}
	})
	return engine, engineErr
}

// Open opens the session file at path, creating it when it does not exist.
func Open(ctx context.Context, path string) (*Session, error) {
	db, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return &Session{DB: db}, nil
}

// WithUpgradeNotice returns a context under which Open calls fn once before
// it brings a session written by an earlier Parley up to date (a one-off
// step that takes a minute or two on very large sessions).
func WithUpgradeNotice(ctx context.Context, fn func(from, to int)) context.Context {
	return store.WithUpgradeNotice(ctx, fn)
}

// DefaultSessionPath is the session used when none is named: default.parley
// in the user's data folder.
func DefaultSessionPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "default"+SessionExt), nil
}

// DataDir is Parley's folder for user data ($XDG_DATA_HOME/parley or
// ~/.local/share/parley on Linux, %LocalAppData%\Parley on Windows,
// ~/Library/Application Support/Parley on macOS).
func DataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "Parley"), nil
		}
	case "darwin":
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, "Library", "Application Support", "Parley"), nil
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "parley"), nil
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share", "parley"), nil
		}
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for Parley's data: %w", err)
	}
	return filepath.Join(d, "Parley"), nil
}

// ResolveEntity finds the entity a name means, as the analyst types it:
// an exact alias in the session first, then the fuzzy resolver over the
// gazetteer ("shoigu", "Kim Jong-un", "Ким Чен Ын"), then fuzzy matching
// over every alias in the session.
func (s *Session) ResolveEntity(ctx context.Context, name string) (EntityRow, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return EntityRow{}, fmt.Errorf("no entity named: %w", ErrUnknownEntity)
	}
	if e, err := s.EntityByKey(ctx, name); err == nil { // "person:kim-jong-un"
		return e, nil
	}
	if e, ok, err := s.EntityByAlias(ctx, name); err != nil || ok {
		return e, err
	}
	if ex, err := Engine(); err == nil {
		if ent, ok := ex.Resolve(name); ok {
			if e, err := s.EntityByKey(ctx, ent.Key); err == nil {
				return e, nil
			}
		}
	}
	ms, err := s.FindEntities(ctx, name, 1)
	if err != nil {
		return EntityRow{}, err
	}
	if len(ms) == 0 || ms[0].Score < 0 {
		return EntityRow{}, fmt.Errorf("%q does not match any entity in this session: %w", name, ErrUnknownEntity)
	}
	return ms[0].EntityRow, nil
}

// Compare resolves the query's names and compares the focus's counterparts.
func (s *Session) Compare(ctx context.Context, q CompareQuery) (Comparison, error) {
	if err := s.resolveQuery(ctx, &q); err != nil {
		return Comparison{}, err
	}
	return s.DB.Compare(ctx, q)
}

// Timeline resolves the query's names and lists the focus's meetings over time.
func (s *Session) Timeline(ctx context.Context, q CompareQuery) ([]TimelinePoint, error) {
	if err := s.resolveQuery(ctx, &q); err != nil {
		return nil, err
	}
	return s.DB.Timeline(ctx, q)
}

func (s *Session) resolveQuery(ctx context.Context, q *CompareQuery) error {
	if q.FocusID == 0 {
		e, err := s.ResolveEntity(ctx, q.Focus)
		if err != nil {
			return err
		}
		q.FocusID = e.ID
	}
	if len(q.WithIDs) == 0 {
		for _, w := range q.With {
			e, err := s.ResolveEntity(ctx, w)
			if err != nil {
				return err
			}
			q.WithIDs = append(q.WithIDs, e.ID)
		}
	}
	return nil
}

// loadDoc reads one file into a document.
func loadDoc(ctx context.Context, path string) (ingest.Document, error) {
	return ingest.Load(ctx, path, ingest.Options{})
}
