package textnorm

import (
	"strings"
	"unicode/utf8"

	pinyin "github.com/mozillazg/go-pinyin"
)

// Latin transliterates s to lower-case Latin after folding it (Fold).
// Latin letters, digits and spaces are kept; other punctuation is kept as
// is. Schemes:
//   - Cyrillic: a simple scholarly-English scheme: ж zh, х kh, ц ts, ч ch,
//     ш sh, щ shch, ы y, й i, ю yu, я ya, ъ and ь dropped
//     (Шойгу → shoigu, Ким Чен Ын → kim chen yn);
//   - Hangul: each syllable is decomposed into initial, vowel and final jamo
//     and written with the Revised Romanization letters, without the
//     sound-change rules (김정은 → gimjeongeun, 쇼이구 → syoigu);
//   - kana: Hepburn (シ shi, チ chi, ツ tsu, ジ ji, フ fu), small ャュョ
//     combine (ジョ jo), ッ doubles the next consonant, ン is n, the long
//     vowel mark ー is dropped (ショイグ → shoigu, プーチン → puchin);
//   - Han: toneless pinyin of each character's first reading
//     (github.com/mozillazg/go-pinyin data), characters written together
//     (绍伊古 → shaoyigu, 習近平 → xijinping).
//
// Runs of different scripts are separated as in the input: nothing is
// inserted between adjacent characters.
func Latin(s string) string {
	f := strings.TrimSpace(foldPlain(s))
	var b strings.Builder
	b.Grow(len(f) + len(f)/2)
	for i := 0; i < len(f); {
		c := f[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		switch {
		case r >= 0x0400 && r <= 0x04FF:
			b.WriteString(cyrLatin(r))
		case r >= 0xAC00 && r <= 0xD7A3:
			hangulLatin(&b, r)
		case IsKana(r):
			i = kanaLatin(&b, f, i)
			continue
		case IsHan(r):
			b.WriteString(hanLatin(r))
		default:
			b.WriteString(f[i : i+size])
		}
		i += size
	}
	return b.String()
}

// foldPlain folds without the offset map.
func foldPlain(s string) string {
	t, _ := foldText(s, false)
	return t
}

var cyr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "i", 'є': "ye", 'ґ': "g", 'ў': "u", 'ј': "j", 'љ': "lj", 'њ': "nj",
	'ђ': "dj", 'ћ': "c", 'џ': "dz", 'ѕ': "dz",
}

func cyrLatin(r rune) string {
	if s, ok := cyr[r]; ok {
		return s
	}
	return string(r)
}

var (
	hangulInitial = []string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulVowel   = []string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	hangulFinal   = []string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "h"}
)

func hangulLatin(b *strings.Builder, r rune) {
	n := int(r - 0xAC00)
	b.WriteString(hangulInitial[n/(21*28)])
	b.WriteString(hangulVowel[(n/28)%21])
	b.WriteString(hangulFinal[n%28])
}

// kana romanisation (katakana code points; hiragana is shifted by 0x60).
var kanaTab = map[rune]string{
	'ア': "a", 'イ': "i", 'ウ': "u", 'エ': "e", 'オ': "o",
	'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o",
	'カ': "ka", 'キ': "ki", 'ク': "ku", 'ケ': "ke", 'コ': "ko",
	'ガ': "ga", 'ギ': "gi", 'グ': "gu", 'ゲ': "ge", 'ゴ': "go",
	'サ': "sa", 'シ': "shi", 'ス': "su", 'セ': "se", 'ソ': "so",
	'ザ': "za", 'ジ': "ji", 'ズ': "zu", 'ゼ': "ze", 'ゾ': "zo",
	'タ': "ta", 'チ': "chi", 'ツ': "tsu", 'テ': "te", 'ト': "to",
	'ダ': "da", 'ヂ': "ji", 'ヅ': "zu", 'デ': "de", 'ド': "do",
	'ナ': "na", 'ニ': "ni", 'ヌ': "nu", 'ネ': "ne", 'ノ': "no",
	'ハ': "ha", 'ヒ': "hi", 'フ': "fu", 'ヘ': "he", 'ホ': "ho",
	'バ': "ba", 'ビ': "bi", 'ブ': "bu", 'ベ': "be", 'ボ': "bo",
	'パ': "pa", 'ピ': "pi", 'プ': "pu", 'ペ': "pe", 'ポ': "po",
	'マ': "ma", 'ミ': "mi", 'ム': "mu", 'メ': "me", 'モ': "mo",
	'ヤ': "ya", 'ユ': "yu", 'ヨ': "yo", 'ャ': "ya", 'ュ': "yu", 'ョ': "yo",
	'ラ': "ra", 'リ': "ri", 'ル': "ru", 'レ': "re", 'ロ': "ro",
	'ワ': "wa", 'ヰ': "i", 'ヱ': "e", 'ヲ': "o", 'ン': "n", 'ヴ': "vu",
	'ヮ': "wa", 'ヵ': "ka", 'ヶ': "ke",
}

func kanaRune(r rune) rune {
	if r >= 0x3041 && r <= 0x3096 {
		return r + 0x60
	}
	return r
}

// kanaLatin romanises the kana run starting at f[i] and returns the index
// after it.
func kanaLatin(b *strings.Builder, f string, i int) int {
	var syl []string // romanised syllables of the run
	var geminate bool
	for i < len(f) {
		r, size := utf8.DecodeRuneInString(f[i:])
		if !IsKana(r) {
			break
		}
		i += size
		k := kanaRune(r)
		switch k {
		case 'ー':
			continue // long vowel: not marked
		case 'ッ':
			geminate = true
			continue
		case 'ャ', 'ュ', 'ョ':
			if n := len(syl); n > 0 && strings.HasSuffix(syl[n-1], "i") && len(syl[n-1]) >= 2 {
				p := syl[n-1]
				v := kanaTab[k][1:] // a, u, o
				switch p {
				case "shi", "chi", "ji":
					syl[n-1] = p[:len(p)-1] + v
				default:
					syl[n-1] = p[:len(p)-1] + "y" + v
				}
				continue
			}
		case 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ':
			if n := len(syl); n > 0 && syl[n-1] == "u" {
				syl[n-1] = "w" + kanaTab[k]
				continue
			}
			if n := len(syl); n > 0 && len(syl[n-1]) >= 2 {
				p := syl[n-1]
				v := kanaTab[k]
				last := p[len(p)-1]
				if last == 'u' || last == 'i' || last == 'o' || last == 'e' {
					stem := p[:len(p)-1]
					if p == "te" || p == "de" {
						stem = p[:1]
					}
					syl[n-1] = stem + v
					continue
				}
			}
		}
		s, ok := kanaTab[k]
		if !ok {
			s = string(r)
		}
		if geminate {
			if s != "" && s[0] != 'a' && s[0] != 'i' && s[0] != 'u' && s[0] != 'e' && s[0] != 'o' {
				if strings.HasPrefix(s, "ch") {
					s = "t" + s
				} else {
					s = s[:1] + s
				}
			}
			geminate = false
		}
		syl = append(syl, s)
	}
	for _, s := range syl {
		b.WriteString(s)
	}
	return i
}

// hanLatin returns the toneless pinyin of a Han character (its first
// reading), or the character itself when it has none. Readings are looked
// up and folded on demand: Latin is only called on names, so a table for
// every character would cost more to build than it saves.
func hanLatin(r rune) string {
	v, ok := pinyin.PinyinDict[int(r)]
	if !ok {
		return string(r)
	}
	if j := strings.IndexByte(v, ','); j >= 0 {
		v = v[:j]
	}
	return strings.TrimSpace(foldPlain(v))
}
