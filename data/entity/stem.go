package entity

import (
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
	n := utf8.RuneCountInString(w)
	if n < 3 {
		return w
	}
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if textnorm.ScriptOf(r) != textnorm.ScriptCyrillic {
			return w
		}
		i += size
	}
	// ruEndings is ordered longest first and two endings of the same
	// length cannot both match: try the last 3, 2, then 1 runes.
	for l := 3; l >= 1; l-- {
		if n-l < 2 {
			continue
		}
		// Cyrillic letters are two bytes each
		if e := w[len(w)-2*l:]; ruEndingSet[e] {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

var ruEndingSet = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range ruEndings {
		m[e] = true
	}
	return m
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
	if utf8.RuneCountInString(w) < 7 {
		return w
	}
	for _, e := range []string{"nya", "lah", "kah", "pun"} {
		if strings.HasSuffix(w, e) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

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
