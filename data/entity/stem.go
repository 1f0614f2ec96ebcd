package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"parley/data/textnorm"
)

// Inflection is handled by light stemming applied in the same way to the
// folded article text and to every gazetteer name, per article language:
// a name matches whatever case ending its words carry ("Ким Чен Ыном",
// "Сергеем Шойгу", "Kims", "Nordkoreas", "Putinnya"). Stemmers only cut
// endings, so the offset map keeps the full inflected word in the mention.

type stemmer func(w string) string

// ruEndings are Russian noun and adjective case endings, longest first.
// Plural endings (-ам, -ах, -ами) are left out: names are singular and
// stems ending in -ам (Вьетнам) must stay intact; so is -ей (Сергей, whose
// stem is "серге" so that Сергея/Сергеем/Сергею agree).
var ruEndings = []string{
	"ого", "его", "ому", "ему", "ыми", "ими", "ией", "ием",
	"ой", "ом", "ем", "ым", "им", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ию", "ии", "ия", "ью", "ий", "ый",
	"а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й",
}

func stemRU(w string) string {
	// count the runes; every one must be Cyrillic
	n := 0
	for i := 0; i < len(w); {
		if c := w[i]; c >= 0xD0 && c <= 0xD3 && i+1 < len(w) && w[i+1]&0xC0 == 0x80 {
			// U+0400..U+04FF in two bytes
			if !cyrBlock[(rune(c&0x1F)<<6|rune(w[i+1]&0x3F))-0x400] {
				return w
			}
			i += 2
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if textnorm.ScriptOf(r) != textnorm.ScriptCyrillic {
			return w
		}
		i += size
		n++
	}
	if n < 3 {
		return w
	}
	// ruEndings is ordered longest first and two endings of the same
	// length cannot both match: try the last 3, 2, then 1 runes.
	for l := 3; l >= 1; l-- {
		if n-l < 2 {
			continue
		}
		// Cyrillic letters are two bytes each
		if e := w[len(w)-2*l:]; slices.Contains(ruEndingsPacked[l], packEnding(e)) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// ruEndingsPacked[l] holds the endings of l runes (2l bytes), each packed
// into an integer by packEnding: comparing integers is cheaper than a map
// look-up, and packing strings of one length is one-to-one.
var ruEndingsPacked = func() (t [4][]uint64) {
	for _, e := range ruEndings {
		l := utf8.RuneCountInString(e)
		if len(e) != 2*l || l > 3 {
			panic("entity: Russian ending " + e + " is not 1 to 3 two-byte letters")
		}
		t[l] = append(t[l], packEnding(e))
	}
	return t
}()

// packEnding packs up to 8 bytes into an integer.
func packEnding(e string) uint64 {
	var x uint64
	for i := 0; i < len(e); i++ {
		x = x<<8 | uint64(e[i])
	}
	return x
}

// cyrBlock[r-0x400] reports whether rune r of the Cyrillic block
// (U+0400..U+04FF) is of the Cyrillic script for textnorm.
var cyrBlock = func() (t [256]bool) {
	for r := rune(0x400); r < 0x500; r++ {
		t[r-0x400] = textnorm.ScriptOf(r) == textnorm.ScriptCyrillic
	}
	return t
}()

// stemDE removes the genitive -s of names (Kims, Russlands, Nordkoreas).
func stemDE(w string) string {
	if len(w) >= 4 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && isASCIIWord(w) {
		return w[:len(w)-1]
	}
	return w
}

// stemID removes Indonesian enclitics written onto a name (Putinnya,
// Jokowilah).
func stemID(w string) string {
	// fewer bytes than 7 or no ending's last letter: nothing to do (cheap
	// tests before counting runes)
	if len(w) < 7 {
		return w
	}
	if c := w[len(w)-1]; c != 'a' && c != 'h' && c != 'n' {
		return w
	}
	if utf8.RuneCountInString(w) < 7 {
		return w
	}
	for _, e := range idEndings {
		if strings.HasSuffix(w, e) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// idEndings are the enclitics stemID removes, tried in order.
var idEndings = [...]string{"nya", "lah", "kah", "pun"}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// stem modes
const (
	stemNone = iota
	stemModeRU
	stemModeDE
	stemModeID
	nStemModes
)

var stemFuncs = [nStemModes]stemmer{nil, stemRU, stemDE, stemID}

func stemModeFor(lang string) int {
	switch lang {
	case "ru", "uk", "be", "bg":
		return stemModeRU
	case "de":
		return stemModeDE
	case "id", "ms":
		return stemModeID
	}
	return stemNone
}

func stemmerFor(lang string) stemmer { return stemFuncs[stemModeFor(lang)] }

// stemFold folds s (trimmed) and stems its words.
func stemFold(s string, st stemmer) string {
	f := textnorm.Fold(s)
	if st == nil {
		return f
	}
	return textnorm.MapWordsText(f, st)
}
