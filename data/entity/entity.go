// Package entity finds entity mentions in article text: names from the
// gazetteer in every language and script (with inflected forms, spelling
// variants, CJK title forms, katakana glosses and one-character
// abbreviations), short forms of people mentioned earlier, role references
// resolved by date ("the Russian defence minister" → the holder of the role
// on the article date), and names not in the gazetteer (capitalised
// sequences, CJK title patterns), which are matched to known entities by a
// fuzzy resolver or kept as new entities.
//
// A Recognizer is built once from a gazetteer (Default caches the one built
// from the embedded gazetteer) and is safe for concurrent use.
package entity

// Entity kinds (the same strings as gazetteer kinds).
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
)

// Values of Mention.Via. ViaRole and ViaPronoun mentions are not name
// surface forms; all the others are.
const (
	ViaName    = "name"    // a gazetteer name (any language, inflected or not)
	ViaAbbrev  = "abbrev"  // a one-character abbreviation (尹, 李, 中, 米), resolved by date/antecedent
	ViaTitle   = "title"   // surname + title (김 위원장, 岸田首相, 習氏)
	ViaGloss   = "gloss"   // a katakana reading in brackets after a name: 金正恩（キム・ジョンウン）
	ViaFuzzy   = "fuzzy"   // a discovered name matched to a known entity by the fuzzy resolver
	ViaNew     = "new"     // a discovered name kept as a new entity
	ViaShort   = "short"   // a short form of an entity mentioned before (Kim, Li, Ким)
	ViaRole    = "role"    // a role description resolved by date (the Russian defence minister)
	ViaPronoun = "pronoun" // reserved for pronoun resolution (not produced by this package)
)

// Entity is an entity found in a document. Its fields are those of
// extract.Entity.
type Entity struct {
	// Key identifies the entity across documents and sessions. Gazetteer
	// entities use the gazetteer id; discovered names use "new:" + kind +
	// ":" + normalised Latin form, so the same new name gets the same key.
	Key     string
	Name    string   // canonical display name (English for gazetteer entities)
	Kind    string   // KindPerson, KindCountry, KindOrganization
	Known   bool     // true when it comes from the gazetteer
	Aliases []string // known names in every language and script (gazetteer), or the surface forms seen
}

// Mention is one occurrence of an entity in the text. Its fields are those
// of extract.Mention.
type Mention struct {
	EntityKey  string
	Start, End int    // byte offsets into the text
	Surface    string // the text between Start and End, verbatim
	// Via says how the mention was resolved: one of the Via* constants.
	Via string
}
