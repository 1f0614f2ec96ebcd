package app

import (
	"context"

	"parley/data"
)

// Engine is the part of the session API (package parley/data) that the
// workbench uses. *data.Session satisfies it; tests substitute a fake.
// The workbench never talks to SQLite directly: every read and every edit
// goes through these methods.
type Engine interface {
	Path() string
	Close() error

	Import(ctx context.Context, paths []string, progress func(data.ImportEvent)) (data.ImportReport, error)
	Reextract(ctx context.Context, progress func(done, total int)) error

	Articles(ctx context.Context, f data.ArticleFilter) ([]data.ArticleRow, error)
	CountArticles(ctx context.Context, f data.ArticleFilter) (int, error)
	Article(ctx context.Context, id int64) (data.Article, error)
	UpdateArticle(ctx context.Context, id int64, meta data.ArticleMeta) error
	Outlets(ctx context.Context) ([]string, error)
	Languages(ctx context.Context) ([]string, error)

	Entities(ctx context.Context, query string, limit int) ([]data.EntityRow, error)
	Entity(ctx context.Context, id int64) (data.EntityRow, error)
	FindEntities(ctx context.Context, query string, limit int) ([]data.EntityMatch, error)

	Compare(ctx context.Context, q data.CompareQuery) (data.Comparison, error)
	Evidence(ctx context.Context, q data.EvidenceQuery) ([]data.Evidence, error)
	Timeline(ctx context.Context, q data.CompareQuery) ([]data.TimelinePoint, error)

	Meetings(ctx context.Context, f data.MeetingFilter) ([]data.MeetingRow, error)
	EditMeeting(ctx context.Context, key string, e data.MeetingEdit) error

	MergeEntities(ctx context.Context, from, into int64) error
	SplitAlias(ctx context.Context, entity int64, alias string) (int64, error)
	RenameEntity(ctx context.Context, id int64, name string) error
	AddAlias(ctx context.Context, id int64, alias string) error
	SetEntityKind(ctx context.Context, id int64, kind string) error
	Suggestions(ctx context.Context, limit int) ([]data.Suggestion, error)
	DismissSuggestion(ctx context.Context, a, b int64) error
	History(ctx context.Context) ([]data.Edit, error)
	Undo(ctx context.Context) (data.Edit, error)

	MergeSession(ctx context.Context, otherPath string) (data.MergeReport, error)
	SaveAs(ctx context.Context, path string) error
}

// Opener opens (or creates, when the file does not exist) a session file.
type Opener func(ctx context.Context, path string) (Engine, error)

// SampleBuilder creates the sample session at path (a file that does not
// exist yet) from the embedded sample corpus and returns it open.
type SampleBuilder func(ctx context.Context, path string, progress func(data.ImportEvent)) (Engine, error)
