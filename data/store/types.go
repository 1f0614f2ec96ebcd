package store

import "time"

// ImportStatus is the outcome of importing one file.
type ImportStatus string

const (
	Imported  ImportStatus = "imported"
	Duplicate ImportStatus = "duplicate" // identical content is already in the session
	Failed    ImportStatus = "failed"
)

// ImportEvent reports progress: one event per file, in completion order.
type ImportEvent struct {
	Done, Total int // files finished so far, files found so far
	Path        string
	Status      ImportStatus
	Reason      string // for Failed: why, in words safe to show a user
	ArticleID   int64  // for Imported and Duplicate
}

// ImportReport sums up an import.
type ImportReport struct {
	Imported, Duplicates, Failed int
	Files                        []ImportEvent
	Canceled                     bool
}

// ArticleFilter narrows article listings. Zero values mean "no filter".
type ArticleFilter struct {
	Query     string   // full-text search (FTS5 syntax is escaped: plain words)
	Outlets   []string // any of
	Languages []string // any of
	From, To  time.Time
	IDs       []int64
	Limit     int // 0 = no limit
	Offset    int
}

// ArticleRow is an article as listed in the Library.
type ArticleRow struct {
	ID       int64
	Title    string
	Outlet   string
	Date     time.Time // zero when unknown
	Language string
	Path     string
	Entities int // distinct entities mentioned
	Mentions int
	Meetings int // meeting sentences
	Imported time.Time
}

// Article is one article with everything needed to read it.
type Article struct {
	ArticleRow
	Format, Encoding, Hash, Dateline string
	Text                             string
	Mentions                         []MentionSpan
	Meetings                         []MeetingRow
}

// MentionSpan is an entity mention inside an article's text.
type MentionSpan struct {
	Start, End int // byte offsets into Article.Text
	EntityID   int64
	Entity     string // current display name (after the analyst's edits)
	Kind       string
	Via        string
}

// ArticleMeta is what the analyst may correct on an article.
type ArticleMeta struct {
	Title, Outlet, Language string
	Date                    time.Time // zero clears it
}

// EntityRow is an entity with its counts.
type EntityRow struct {
	ID       int64
	Key      string
	Name     string
	Kind     string
	Known    bool // from the gazetteer
	Aliases  []string
	Articles int
	Mentions int
	Meetings int
}

// EntityMatch is a result of the fuzzy entity finder.
type EntityMatch struct {
	EntityRow
	Alias string // the alias that matched
	Score int    // higher is better
}

// CompareQuery is the question Compare answers.
type CompareQuery struct {
	Focus     string   // entity name, alias or key; resolved fuzzily by the Session
	With      []string // restrict to these counterparts (names resolved fuzzily); empty = all
	FocusID   int64    // resolved focus (set by the Session, or directly)
	WithIDs   []int64  // resolved counterparts
	Outlets   []string
	Languages []string
	Articles  []int64
	From, To  time.Time
	Statuses  []string // default: held only
}

// Counterpart is one row of the side-by-side table.
type Counterpart struct {
	EntityID    int64
	Name        string
	Kind        string
	Reported    int  // the largest count stated in any article (explicit or, failing that, the article's own tally)
	Explicit    bool // Reported comes from a stated count
	Distinct    int  // distinct meetings across articles (same pair, within a day, same place when known)
	Planned     int  // planned meetings (distinct)
	Denied      int  // denied meetings (distinct)
	Articles    int
	Mentions    int // mentions of the counterpart in the articles that report a meeting with the focus
	Outlets     int
	First, Last time.Time
}

// OutletCell is one cell of the by-outlet breakdown.
type OutletCell struct {
	Outlet        string
	Counterpart   string
	CounterpartID int64
	Reported      int
	Distinct      int
	Articles      int
}

// Comparison is the answer to a CompareQuery.
type Comparison struct {
	Focus        EntityRow
	Counterparts []Counterpart // sorted by Reported desc, then Distinct desc, then name
	ByOutlet     []OutletCell
	Outlets      []string // outlets present, sorted
}

// EvidenceQuery asks for the sentences behind one number.
type EvidenceQuery struct {
	Focus, Counterpart int64        // entity ids
	Column             string       // "reported", "distinct", "articles", "mentions", "planned", "denied" ("" = all meeting evidence)
	Filter             CompareQuery // same filters as the comparison
}

// Evidence is one supporting sentence.
type Evidence struct {
	ArticleID  int64
	Title      string
	Outlet     string
	Date       time.Time
	Sentence   string
	Start, End int      // offsets of the sentence in the article text
	Highlights [][2]int // name spans relative to Sentence
	MeetingKey string   // "" for mention evidence
	Times      int
	Status     string
}

// MeetingFilter narrows the Meetings screen.
type MeetingFilter struct {
	Entity        int64 // 0 = any
	Statuses      []string
	Kinds         []string
	From, To      time.Time
	Query         string // words in the evidence
	Articles      []int64
	IncludeWrong  bool
	Limit, Offset int
}

// MeetingRow is one extracted meeting (one sentence), with the analyst's edits applied.
type MeetingRow struct {
	Key          string // stable across re-extraction
	ArticleID    int64
	Participants []EntityRef
	Kind, Status string
	Times        int
	Date         string
	Place        string
	Attribution  string
	Evidence     string
	Start, End   int
	Outlet       string
	ArticleDate  time.Time
	Title        string
	Wrong        bool // marked wrong by the analyst
	Edited       bool // an analyst edit applies
}

// EntityRef names an entity.
type EntityRef struct {
	ID   int64
	Name string
}

// MeetingEdit changes a meeting's fields; nil fields are left as they are.
type MeetingEdit struct {
	Kind, Status, Date, Place, Attribution *string
	Times                                  *int
	Wrong                                  *bool
}

// Suggestion is a likely duplicate pair of entities.
type Suggestion struct {
	A, B  EntityRow
	Score float64 // 0..1
	Why   string
}

// Edit is one entry of the analyst's history.
type Edit struct {
	ID      int64
	Kind    string // merge, split, rename, alias, kind, meeting, article, dismiss
	Summary string // one line for the Undo menu ("Merge “Shoygu” into “Sergei Shoigu”")
	At      time.Time
}

// TimelinePoint is one meeting of the focus on the timeline.
type TimelinePoint struct {
	Counterpart string
	Date        time.Time
	Status      string
	Kind        string
	Articles    int
	MeetingKeys []string
}

// MergeReport sums up merging another session file into this one.
type MergeReport struct {
	Articles, Duplicates, Edits int
}
