// Package gazetteer loads Parley's built-in list of known entities
// (countries, organisations, people with dated roles) from the embedded
// assets/gazetteer/*.jsonl files.
package gazetteer

// Kinds of entries.
const (
	Person       = "person"
	Country      = "country"
	Organization = "organization"
)

// Entry is one line of a gazetteer .jsonl file.
//
// Names maps an ISO 639-1 language code (en id ko ru zh ja es fr de, plus
// "zh-Hant" for traditional Chinese forms that differ) to the names the
// entity appears under in that language, full forms first. For people the
// list holds full names and the forms used alone (surname, or the usual
// short name: "Shoigu", "Шойгу", "쇼이구", "习近平"); ambiguous short forms
// such as "Kim" or "Li" are NOT listed here: they go in Short.
type Entry struct {
	ID      string              `json:"id"`   // "person:sergei-shoigu", "country:KP", "org:kcna"
	Kind    string              `json:"kind"` // person, country, organization
	Name    string              `json:"name"` // canonical English name ("Sergei Shoigu")
	Names   map[string][]string `json:"names"`
	Short   map[string][]string `json:"short,omitempty"`   // ambiguous short forms, valid only after the full name in the same article ("Kim", "김", "Ким")
	Country string              `json:"country,omitempty"` // ISO 3166-1 alpha-2 of a person's or organisation's country

	// Countries only.
	Demonyms map[string][]string `json:"demonyms,omitempty"` // adjective forms ("North Korean", "северокорейский", "nord-coréen", "Korea Utara" is a name, not a demonym)
	Capitals map[string][]string `json:"capitals,omitempty"` // capital names used as metonyms for the government ("Pyongyang", "Moskwa")
	Abbrev   map[string][]string `json:"abbrev,omitempty"`   // one-character or compound-part abbreviations ("北", "中", "朝", "米")

	// People only.
	Roles []Role `json:"roles,omitempty"`
}

// Role is an office a person held over a date range.
type Role struct {
	Role    string `json:"role"`         // see Roles below
	Country string `json:"country"`      // ISO 3166-1 alpha-2, or an organisation id for organisation roles
	From    string `json:"from"`         // YYYY-MM-DD (first day in office)
	To      string `json:"to,omitempty"` // YYYY-MM-DD (last day in office); "" while in office
}

// Roles is the closed list of role names used in the gazetteer and the
// language packs.
var Roles = []string{
	"head_of_state",      // president, king, emperor, chairman of the state affairs commission
	"head_of_government", // prime minister, premier, chancellor
	"leader",             // paramount leader, used in "the North Korean leader", "the Chinese leader"
	"vice_president",
	"foreign_minister",
	"defence_minister",
	"chief_of_staff", // chief of the general staff
	"spokesperson",   // government or presidential spokesperson
	"envoy",          // special envoy
	"secretary_general",
	"president_of_commission",
	"aide", // presidential aide / national security adviser
}
