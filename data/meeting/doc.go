// Package meeting finds meetings between entities in news text, sentence by
// sentence: who met whom (held), who will meet (planned), whose meeting was
// refused or called off (denied), how many times ("four times", "third
// meeting", "only once"), when ("on Thursday", "Rabu (26/7)"), where, and
// according to whom.
//
// The code is one general engine; everything language-specific is data: a
// language pack, assets/lang/<lang>.json, embedded through assets.FS. Adding
// a language means writing a pack and tests, never code.
//
// # Engine
//
// Split cuts the text into sentences (Latin stops with abbreviations,
// initials and decimals; CJK 。！？; closing quotes and brackets stay with
// their sentence; blank lines and headline lines end a sentence). Each
// sentence is cut into clauses at the pack's clause_breaks (", but",
// "tetapi", "지만"). A clause yields an Event when it contains a trigger and
// at least two participants:
//
//   - participants are the person mentions of the clause, minus those a
//     non_participant cue rules out (the author of a letter an envoy
//     delivers, a wife or daughter accompanying a leader). Countries are
//     participants only when the clause names no person and carries a multi
//     cue ("the trilateral summit").
//   - a role description in apposition to a name ("the head of the Chinese
//     delegation, Li Hongzhong") is dropped: the name says who it is.
//   - with fewer than two persons, a pair_refs cue ("the two leaders",
//     "keduanya", "두 정상") brings in the last pair of persons, and
//     subject/object pronouns ("he met him", "menerimanya", "l'a retrouvé")
//     bring in the previous subject and the most recent other person. The
//     pair is the one named in the clause just before, else the pair the
//     article reports most (the lead story), else the last one. A clause
//     naming one person and a pair cue takes the previous subject as the
//     other. A multi cue with nobody named ("no three-way talks") takes the
//     three persons named last; with one or two named, the last group.
//   - a coordinated clause naming one person ("..., but received Li only
//     once") takes the sentence's subject; an elliptical one with a count
//     and no trigger takes the trigger of the clause before.
//   - a clause with one subject, several counterparts and several counts
//     ("met A four times and B only once") is split into one event per
//     (subject, counterpart) with the count written after that counterpart.
//   - status: denied when a denied cue is present, else planned when a
//     planned or accepted cue is, else held. A planned clause that also
//     reports a call ("agreed during a phone call to meet") yields a held
//     call and a planned meeting. A clause with a hypothetical cue (hopes,
//     speculation, an invitation not accepted) yields nothing.
//   - count: once cues give 1; otherwise the largest number above one in a
//     counts pattern ("first" is no count), after blanking not_count matches
//     (vague quantities such as "dozens of times", rounds of talks inside
//     one summit, "first ... since", years and hours).
//   - dates: every date expression of the clause, resolved against the
//     publication date (a weekday is the last such day, or the next one for
//     plans; a day of the month alone is this month's or last month's).
//     Only a background clause keeps more than one date.
//   - again / background cues mark a meeting as distinct from the main one
//     (extract uses them to count distinct meetings when no count is stated).
//
// # Speed
//
// The output is defined by the patterns as regular expressions; the
// matching takes shortcuts that give the same matches (each is checked
// against the plain regexp by a property test and a fuzz target):
//
//   - every literal a pattern cannot match without (the longest plain piece
//     of a pack pattern, or one read from a "re:" pattern's syntax tree) and
//     every number, month and weekday word goes into one Aho-Corasick
//     automaton per pack (lits.go). One pass over each sentence tells which
//     literals it holds and where; a clause's set is read from the
//     sentence's. A cue then skips each pattern whose literal is absent
//     with one bit test instead of a strings.Contains.
//   - a pattern without a literal prefix (a date starting with a month
//     name, "{n}次", "\b(?:il|elle)...") is tried anchored only where a
//     match can start: where the text begins with one of the strings its
//     matches begin with (anchor.go). After a number of failed tries the
//     rest of the text goes to the unanchored regexp.
//   - plain-word patterns use strings.Index; patterns starting with {n}
//     are tried at digits and number words only.
//   - Detect works out the source of a sentence only when it is used, and
//     excluded mentions only for clauses that name a person.
//
// # Pack schema (assets/lang/<lang>.json)
//
//	lang             ISO 639-1 code
//	script           "latin" (default: cues match whole words, case-insensitively)
//	                 or "cjk" (cues match anywhere; spaces in a cue are optional)
//	abbreviations    words whose final period does not end a sentence ("Mr", "Jan")
//	ordinal_dot      true when "5." is an ordinal day ("am 5. März"), not a sentence end
//	null_subject     comitative words of a language that drops subjects ("con"):
//	                 "<trigger> con X" makes X meet the previous subject
//	triggers         {"meeting": [...], "summit": [...], "call": [...]}: cues that a
//	                 meeting is reported; the kind of the first kind that matches
//	                 (call, then summit, then meeting)
//	multi            cues of one multi-party meeting ("trilateral", "3자")
//	planned          cues of a future meeting ("will", "akan", "예정")
//	accepted         an accepted invitation: planned even next to an invitation or
//	                 hypothetical cue, between the parties of the invitation named
//	                 last when the clause names fewer than two persons
//	invitation       cues of an invitation (remembered for accepted)
//	denied           cues of a meeting that did not or will not happen
//	hypothetical     cues that cancel the clause (hope, speculation, an offer, an invitation)
//	again            cues of another, separate meeting ("again", "kembali")
//	background       cues of an earlier meeting mentioned in passing ("last met", "sebelumnya")
//	counts           count patterns with {n} ("{n} times", "第{n}次", "{n}回目")
//	once             cues that state a single meeting ("only once", "hanya sekali")
//	not_count        patterns blanked before counting (vague counts, rounds, durations)
//	numbers          number words → value ("four": 4, "empat": 4, "네": 4)
//	ordinals         ordinal words → value ("third": 3, "ketiga": 3)
//	attribution      patterns with {src} ("according to {src}", "menurut {src}")
//	subject_pronouns pronouns standing for the previous subject ("he", "ia")
//	object_pronouns  pronouns and descriptions standing for the most recent
//	                 other person ("him", "-nya", "his guest")
//	pair_refs        references to the last pair ("the two leaders", "keduanya")
//	non_participant  patterns with {x} marking a person mention that is not a
//	                 participant ("letter from {x}", "{x}의 친서")
//	clause_breaks    where a sentence splits into clauses
//	weekdays         weekday name → 0 (Sunday) … 6
//	months           month name → 1 … 12
//	relative_days    expression → days from the publication date ("yesterday": -1)
//	date_patterns    patterns with {d} {m} {y} {mon} {wd} ("{mon} {d}, {y}", "({d}/{m})")
//	place            patterns with {place} ("in {place}", "di {place}")
//
// Pattern syntax: words separated by spaces match with any run of spaces or
// dashes between them; "*" stands for up to three words (twelve characters
// in CJK packs); a word ending in "~" matches any word starting with it
// ("встрет~"); {n} is a number word, ordinal or digits; a pattern starting
// with "re:" is a Go regular expression used as is (no word boundaries).
package meeting
