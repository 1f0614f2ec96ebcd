package meeting

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text, with byte offsets into that text.
type Sentence struct {
	Start, End int    // byte offsets; Text == text[Start:End]
	Text       string // verbatim, trimmed of surrounding white space
}

// maxSentence is the longest sentence Split returns, in bytes.
const maxSentence = 2000

// defaultAbbrev holds abbreviations common to Latin-script languages; a
// language pack adds its own.
var defaultAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "vs": true,
	"etc": true, "no": true, "jr": true, "sr": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "gov": true, "sen": true, "rep": true, "pres": true,
}

// Split splits text into sentences using the abbreviations of the language
// pack for lang (or the built-in defaults when there is no pack). It never
// fails: text that is not a language it knows is split with the generic
// rules.
func Split(text, lang string) []Sentence {
	if p, err := Get(lang); err == nil {
		return split(text, p.abbrev)
	}
	return split(text, nil)
}

func isCJKStop(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '｡' }

func isLatinStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '」', '』', '）', '】', '〕', '》', '〉':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '「', '『', '（', '【', '《', '〈', '—', '-':
		return true
	}
	return false
}

func split(text string, abbrev map[string]bool) []Sentence {
	var out []Sentence
	emit := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		// a "sentence" longer than any real one (a file without stops, a
		// 10 MB line) is cut at spaces, so detection stays linear in the text
		for b-a > maxSentence {
			cut := a + maxSentence
			for cut > a && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == a {
				// no rune starts within reach (a run of stray continuation
				// bytes): cut among them, or the loop would never end
				cut = a + maxSentence
			}
			if sp := strings.LastIndexAny(text[a:cut], " \t\n"); sp > maxSentence/2 {
				cut = a + sp
			}
			out = append(out, Sentence{Start: a, End: cut, Text: text[a:cut]})
			a = cut
			for a < b {
				r, n := utf8.DecodeRuneInString(text[a:])
				if !unicode.IsSpace(r) {
					break
				}
				a += n
			}
		}
		if b > a {
			out = append(out, Sentence{Start: a, End: b, Text: text[a:b]})
		}
	}
	start := 0
	i := 0
	for i < len(text) {
		// only '\n', the Latin stops . ! ? … (… is E2 80 A6) and the CJK
		// stops 。！？｡ (E3 80 82, EF BC 81, EF BC 9F, EF BD A1) do
		// anything: other runes are stepped over as the loop below would
		if c := text[i]; c < utf8.RuneSelf {
			if c != '\n' && c != '.' && c != '!' && c != '?' {
				i++
				continue
			}
		} else if c != 0xE2 && c != 0xE3 && c != 0xEF {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if lineBreakEnds(text, start, i) {
				emit(start, i)
				start = i + n
			}
			i += n
			continue
		case isCJKStop(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isCloser(r2) && !isCJKStop(r2) {
					break
				}
				j += n2
			}
			emit(start, j)
			start, i = j, j
			continue
		case isLatinStop(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isCloser(r2) && !isLatinStop(r2) {
					break
				}
				j += n2
			}
			if latinBoundary(text, i, j, r, abbrev) {
				emit(start, j)
				start = j
			}
			i = j
			continue
		}
		i += n
	}
	emit(start, len(text))
	return out
}

// lineBreakEnds reports whether the newline at i ends the current sentence:
// always at a blank line, and at a single newline when the line before ends
// a sentence or is a short headline-like line.
func lineBreakEnds(text string, start, i int) bool {
	// blank line ahead or behind
	rest := text[i+1:]
	k := 0
	for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t' || rest[k] == '\r') {
		k++
	}
	if k >= len(rest) || rest[k] == '\n' {
		return true
	}
	// the line just ended (not the whole pending sentence: keeps this linear)
	ls := start
	if k := strings.LastIndexByte(text[start:i], '\n'); k >= 0 {
		ls = start + k + 1
	}
	line := strings.TrimSpace(text[ls:i])
	if line == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if isLatinStop(last) || isCJKStop(last) || isCloser(last) || last == ':' {
		return true
	}
	// soft-wrapped prose: a long line that stops mid-sentence continues
	return utf8.RuneCountInString(line) < 90
}

// latinBoundary decides whether the stop at text[i] (closing run ending at
// j) ends a sentence.
func latinBoundary(text string, i, j int, stop rune, abbrev map[string]bool) bool {
	// what follows: spaces then the next visible rune
	k := j
	sawSpace := false
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if r == '\n' || !unicode.IsSpace(r) {
			break
		}
		sawSpace = true
		k += n
	}
	if k >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if next == '\n' {
		return true
	}
	if !sawSpace {
		return false // "3.5", "U.S.-Japan", "example.com"
	}
	if unicode.IsLower(next) {
		return false
	}
	if stop != '.' {
		return true
	}
	// the word before the period
	w := i
	for w > 0 && i-w < 64 { // abbreviations and initials are short
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if unicode.IsSpace(r) || isOpener(r) {
			break
		}
		w -= n
	}
	word := text[w:i]
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if abbrev[lw] || defaultAbbrev[lw] {
		return false
	}
	if abbrev["#ordinal"] && len(word) <= 2 && strings.Trim(word, "0123456789") == "" {
		return false // German "am 5. März"
	}
	// single initial ("J. Smith") or dotted initials ("U.S", "J.R")
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	if strings.Contains(word, ".") {
		parts := strings.Split(word, ".")
		initials := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 1 {
				initials = false
				break
			}
		}
		if initials {
			// "U.S." ends a sentence only before a clearly new sentence; we
			// keep it inside: news text rarely ends a sentence with it.
			return false
		}
	}
	return true
}
