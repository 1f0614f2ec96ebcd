package app

import (
	"context"
	"errors"

	"parley/data"
)

// The real engine satisfies Engine.
var _ Engine = (*data.Session)(nil)

// openDataSession opens or creates a session file with the real engine.
func openDataSession(ctx context.Context, path string) (Engine, error) {
	s, err := data.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// buildSample builds the sample session from the embedded sample corpus.
func buildSample(ctx context.Context, path string, progress func(data.ImportEvent)) (Engine, error) {
	s, _, err := data.BuildSample(ctx, path, progress)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// DefaultOptions are the options Run uses: the real engine and the
// embedded sample corpus.
func DefaultOptions() Options {
	return Options{Open: openDataSession, Sample: buildSample, Hint: engineHint, LazyScreens: true}
}

// engineHint says what to do about the engine's typed errors.
func engineHint(err error) string {
	switch {
	case errors.Is(err, data.ErrNotSession):
		return "Choose a Parley session file (" + data.SessionExt + "), or start one with File › New Session and import the articles."
	case errors.Is(err, data.ErrNewerSchema):
		return "This session was written by a newer version of Parley: update Parley to open it."
	case errors.Is(err, data.ErrCorrupt):
		return "The file is damaged. Open a copy saved earlier, or import the articles again into a new session."
	case errors.Is(err, data.ErrReadOnly):
		return "Parley cannot write to this file. Copy it to a folder you own and open the copy."
	case errors.Is(err, data.ErrNothingToUndo):
		return "Every change has been undone already."
	case errors.Is(err, data.ErrNotFound), errors.Is(err, data.ErrUnknownEntity):
		return "It may have been merged or removed meanwhile: choose it again from the list."
	}
	return ""
}
