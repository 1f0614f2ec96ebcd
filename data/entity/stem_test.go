package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"parley/data/textnorm"
)

// stemRUList is the plain definition of stemRU: the first ending of
// ruEndings (longest first) that leaves at least two runes.
func stemRUList(w string) string {
	n := utf8.RuneCountInString(w)
	if n < 3 {
		return w
	}
	for _, r := range w {
		if textnorm.ScriptOf(r) != textnorm.ScriptCyrillic {
			return w
		}
	}
	for _, e := range ruEndings {
		if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= 2 {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

func TestStemRU(t *testing.T) {
	words := strings.Fields(textnorm.Fold("Ким Чен Ыном Сергеем Шойгу Лаврова встретился переговоры " +
		"северокорейского российской министра обороны ией ого ый ья юю Ёлкину кндр ᲀᲀого ꙁого"))
	for _, cd := range loadCorpusIfAny(t) {
		if cd.gold.Lang == "ru" {
			words = append(words, strings.Fields(textnorm.Fold(cd.text))...)
		}
	}
	for _, w := range words {
		if got, want := stemRU(w), stemRUList(w); got != want {
			t.Errorf("stemRU(%q) = %q, want %q", w, got, want)
		}
	}
	for _, tc := range [][2]string{{"ыном", "ын"}, {"сергеем", "серге"}, {"лаврова", "лавров"}, {"ким", "ким"}} {
		if got := stemRU(tc[0]); got != tc[1] {
			t.Errorf("stemRU(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

// loadCorpusIfAny is loadCorpus without skipping the test when the corpus
// is missing.
func loadCorpusIfAny(t *testing.T) []corpusDoc {
	var docs []corpusDoc
	t.Run("corpus", func(t *testing.T) { docs = loadCorpus(t) })
	return docs
}

// FuzzStemRU checks stemRU against its plain definition on any input,
// invalid UTF-8 and runes outside the Cyrillic block included.
func FuzzStemRU(f *testing.F) {
	for _, w := range []string{"ыном", "сергеем", "ᲀᲀого", "ꙁого", "ёлкину", "\xd0", "\xd0ого", "ого\xd1", "abcого", "ѐѐѐ", "ҁҁой"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := stemRU(w), stemRUList(w); got != want {
			t.Errorf("stemRU(%q) = %q, want %q", w, got, want)
		}
	})
}

// stemIDList is the plain definition of stemID.
func stemIDList(w string) string {
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

func FuzzStemID(f *testing.F) {
	for _, w := range []string{"putinnya", "jokowilah", "apakah", "siapapun", "nya", "rusianya", "éééénya", "ééénya", "kimpun"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := stemID(w), stemIDList(w); got != want {
			t.Errorf("stemID(%q) = %q, want %q", w, got, want)
		}
	})
}
