package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// latinCyrillic is the whatlanggo whitelist: the app's Latin and Cyrillic
// languages.
var latinCyrillic = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Ind: true, whatlanggo.Spa: true,
	whatlanggo.Fra: true, whatlanggo.Deu: true, whatlanggo.Rus: true,
}}

// stopWords are frequent, distinctive function words per language, used to
// check whatlanggo on short texts where trigram statistics are weak.
var stopWords = map[string]map[string]bool{
	"en": runeWords(`the of and to in is that was for on with as by at from his her he she it this are were has have had been will would said not but which who their they an be or after about
		met meet meets meeting last week year times said says told talks leader leaders president minister also than into`),
	"id": runeWords(`yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga adalah oleh karena sebagai telah sudah bahwa kepada saat atau mereka ia kami para bertemu tersebut pertemuan presiden menteri hari
		kali temui menemui pekan lalu tahun mengatakan kata menurut kedua`),
	"es": runeWords(`el la los las de del que y en un una por con para se su sus al es lo como más pero fue ha han este esta entre sobre también sin muy ya desde
		veces reunión reunió reúnen semana año presidente ministro dijo según ambos`),
	"fr": runeWords(`le la les de des du et en un une est que qui dans pour par sur au aux avec il elle ne pas plus ont a été sont ce cette son ses mais leur lors après selon
		fois rencontré rencontre semaine année président ministre entretien déclaré deux`),
	"de": runeWords(`der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei nach wird einer um am sind noch wie einem über einen so zum war vor zur bis
		mal traf trifft woche jahr präsident minister gespräch gespräche sagte beiden`),
}

func runeWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLanguage returns the ISO 639-1 code of text's language. The script
// decides Korean (Hangul), Japanese (kana present) and Chinese (Han without
// kana or Hangul, simplified or traditional); Latin and Cyrillic text goes to
// whatlanggo restricted to en id es fr de ru, with a stop-word check for
// short texts. It returns "" when text has too few letters to tell.
func DetectLanguage(text string) string {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	var hangul, kana, han, latin, cyr, other int
	for _, r := range text {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
			hangul++
		case r >= 0x3040 && r <= 0x30FF, r >= 0xFF66 && r <= 0xFF9F:
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			other++
		}
	}
	cjk := hangul + kana + han
	// A CJK character carries about as much as a short Latin word.
	if cjk > 0 && cjk*3 >= latin+cyr+other {
		switch {
		case hangul > 0 && hangul*2 >= cjk-kana && hangul >= kana:
			return "ko"
		case kana > 0 && kana*20 >= han:
			return "ja"
		case han > 0:
			if hangul > han/2 {
				return "ko"
			}
			return "zh"
		}
	}
	if latin+cyr < 2 {
		return ""
	}
	if cyr > latin {
		if cyr < other {
			return ""
		}
		// Russian is the only Cyrillic language of the app.
		return "ru"
	}
	if latin < other {
		return ""
	}
	// A clear stop-word vote decides on its own: whatever whatlanggo says,
	// the rules below would return it (so skipping whatlanggo, the costliest
	// step of parsing, changes no answer).
	sw, swCount, swMargin := stopWordLanguage(text)
	if sw != "" && swCount >= 2 && swMargin >= 2 {
		return sw
	}
	// Trigram statistics settle within a thousand characters or so;
	// whatlanggo's cost grows faster than linearly, so give it a sample.
	sample := text
	if len(sample) > 700 {
		cut := 700
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	info := whatlanggo.DetectWithOptions(sample, latinCyrillic)
	code := ""
	if info.Lang >= 0 {
		code = info.Lang.Iso6391()
	}
	switch {
	case code == "" || code == "ru":
		if sw != "" {
			return sw
		}
		return code
	case sw != "" && sw != code && swCount >= 2 && (swMargin >= 2 || !info.IsReliable()):
		return sw
	}
	return code
}

// stopWordLanguage counts stop words per language and returns the winner,
// its count and its margin over the runner-up.
func stopWordLanguage(text string) (string, int, int) {
	var counts [len(stopLangs)]int
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		n++
		if n > 2000 {
			break
		}
		mask := stopIndex[w]
		for i := range stopLangs {
			if mask&(1<<i) != 0 {
				counts[i]++
			}
		}
	}
	best, bestN, second := "", 0, 0
	for i, lang := range stopLangs {
		c := counts[i]
		switch {
		case c > bestN:
			second = bestN
			best, bestN = lang, c
		case c > second:
			second = c
		}
	}
	return best, bestN, bestN - second
}

// stopLangs orders the stop-word languages (ties go to the first);
// stopIndex maps a stop word to the bit set of its languages.
var stopLangs = [...]string{"en", "id", "es", "fr", "de"}

var stopIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, lang := range stopLangs {
		for w := range stopWords[lang] {
			m[w] |= 1 << i
		}
	}
	return m
}()
