package data

import "parley/data/store"

// The engine's value types live in data/store; they are re-exported here so
// callers (the CLI, the workbench) only import package data.
type (
	ImportStatus  = store.ImportStatus
	ImportEvent   = store.ImportEvent
	ImportReport  = store.ImportReport
	ArticleFilter = store.ArticleFilter
	ArticleRow    = store.ArticleRow
	Article       = store.Article
	MentionSpan   = store.MentionSpan
	ArticleMeta   = store.ArticleMeta
	EntityRow     = store.EntityRow
	EntityMatch   = store.EntityMatch
	CompareQuery  = store.CompareQuery
	Counterpart   = store.Counterpart
	OutletCell    = store.OutletCell
	Comparison    = store.Comparison
	EvidenceQuery = store.EvidenceQuery
	Evidence      = store.Evidence
	MeetingFilter = store.MeetingFilter
	MeetingRow    = store.MeetingRow
	EntityRef     = store.EntityRef
	MeetingEdit   = store.MeetingEdit
	Suggestion    = store.Suggestion
	Edit          = store.Edit
	TimelinePoint = store.TimelinePoint
	MergeReport   = store.MergeReport
)

// Import outcomes.
const (
	Imported  = store.Imported
	Duplicate = store.Duplicate
	Failed    = store.Failed
)
