package entity

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"parley/data/textnorm"
)

// TestDiscoveryContext checks the lazily built text-wide facts of
// discovery (lower-case use of a word, title-case lines) against plain
// computations over all words, with the scratch buffer in use in between
// (a stored key must never alias it).
func TestDiscoveryContext(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"ru": "Кремль заявил о визите.\nВ Кремле кремль обсуждали. Москва и москва, Ёлкин и ёлкин.\nНОВОСТИ ДНЯ Главные События Недели Сегодня\n",
		"de": "Die Kims trafen sich. Kims kims Treffen treffen.\nNordkoreas Machthaber Spricht Heute Über Russland\n",
		"en": "The Summit ended. The summit was long.\nKim Meets Putin In Vladivostok Today\nA quiet day.",
	}
	for _, cd := range loadCorpusIfAny(t) {
		if cd.gold.Lang == "ru" || cd.gold.Lang == "en" {
			texts[cd.gold.Lang+":"+cd.gold.File] = cd.text
		}
	}
	for key, text := range texts {
		lang := key[:2]
		d := &doc{r: r, text: text, lang: lang, lex: r.lex[lang], stem: stemFuncs[stemModeFor(lang)]}
		words := splitWordsAppend(nil, text)
		lower := map[string]bool{}
		for _, w := range words {
			if c, _ := utf8.DecodeRuneInString(text[w.s:w.e]); unicode.IsLower(c) {
				lower[d.stemmed(text[w.s:w.e])] = true
			}
		}
		ctx := d.discoveryContext(words, new(scratch))
		for i, w := range words {
			txt := text[w.s:w.e]
			if i%2 == 0 {
				ctx.isTitleLine(d.lineStartOf(w.s)) // uses the scratch buffer
			}
			if got, want := ctx.isLower(i), lower[d.stemmed(txt)]; got != want {
				t.Errorf("%s: isLower(%q) = %v, want %v", key, txt, got, want)
			}
		}
		// title lines: most words of four letters or more capitalised
		for _, w := range words {
			start := d.lineStartOf(w.s)
			capN, allN := 0, 0
			for _, x := range words {
				if d.lineStartOf(x.s) != start {
					continue
				}
				xt := text[x.s:x.e]
				if utf8.RuneCountInString(xt) < 4 || d.lex.stop[textnorm.Fold(xt)] {
					continue
				}
				allN++
				if c, _ := utf8.DecodeRuneInString(xt); unicode.IsUpper(c) {
					capN++
				}
			}
			want := allN >= 4 && float64(capN) >= 0.75*float64(allN)
			if got := ctx.isTitleLine(start); got != want {
				t.Errorf("%s: title line at %d = %v, want %v", key, start, got, want)
			}
		}
	}
}
