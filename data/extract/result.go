// Package extract runs the whole extraction pipeline over one decoded
// document: entity mentions (gazetteer, discovered names, roles and
// coreference), meetings per sentence, and the article-level meeting
// records in the shape of the gold corpus (FORMAT.md).
package extract

import "parley/data/entity"

// Entity kinds.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
)

// Meeting statuses and kinds.
const (
	StatusHeld    = "held"
	StatusPlanned = "planned"
	StatusDenied  = "denied"

	MeetingKindMeeting = "meeting"
	MeetingKindCall    = "call"
	MeetingKindSummit  = "summit"
)

// Entity is an entity found in a document (see entity.Entity).
type Entity = entity.Entity

// Mention is one occurrence of an entity in Document.Text (see
// entity.Mention): Via says how it was resolved ("name", "short", "role",
// "pronoun", ...).
type Mention = entity.Mention

// Meeting is one meeting expression found in one sentence: the unit of
// evidence behind every number Parley shows.
type Meeting struct {
	Participants []string // entity keys, at least two, in order of appearance
	Kind         string   // MeetingKind*
	Status       string   // Status*
	Times        int      // explicit count stated for the pair ("four times" → 4, "third meeting" → 3); 0 when none
	CountText    string   // the words that stated the count, verbatim, or ""
	Date         string   // date of the meeting resolved against the article date, YYYY-MM-DD, or ""
	Dates        []string // every date the sentence states for it (background meetings included); Date is the first
	Place        string   // place when stated, or ""
	Attribution  string   // source when stated ("the Unification Ministry"), or ""
	Start, End   int      // byte offsets of the evidence sentence in the document text
	Evidence     string   // the evidence sentence, verbatim
	Again        bool     // presented as another meeting ("again")
	Background   bool     // an earlier meeting mentioned in passing
	Multi        bool     // presented as one multi-party meeting
}

// Record is an article-level meeting record, in the shape of FORMAT.md: one
// per unordered pair (or group) and status in the article.
type Record struct {
	Participants []string // entity keys
	Times        int      // explicit count if any, otherwise the number of distinct meetings described (>= 1)
	Explicit     bool     // Times was stated in the text
	Status       string
	Kind         string // "" when calls and in-person meetings are mixed
	Attribution  string
	Meetings     []int // indices into Result.Meetings that support this record
}

// Result is everything extracted from one document.
type Result struct {
	Entities []Entity
	Mentions []Mention
	Meetings []Meeting
	Records  []Record
}
