// Package textnorm normalises text for name matching: a folding that is
// stable across widths, cases, diacritics, hyphens, apostrophes, middle dots
// and spacing (Fold, FoldMap, which keeps a byte-offset map back to the
// original), a transliteration of any supported script to lower-case Latin
// (Latin), and script classification helpers used for word-boundary rules.
//
// Fold rules, applied rune by rune after NFKC (full-width → ASCII,
// half-width katakana → full-width):
//   - lower case (unicode.ToLower; ß → ss, ı → i, æ → ae, œ → oe, ø → o, ł → l, đ → d);
//   - diacritics removed (é → e, ï → i, ё → е, ñ → n) except the Cyrillic
//     breve (й stays й) and the kana voicing marks (ガ stays ガ);
//   - hyphens, dashes, minus signs and all white space → one ASCII space
//     (runs collapse to one space): "Kim Jong-un" = "Kim Jong Un";
//   - a middle dot (・ · ･ ‧) between two katakana is removed
//     (キム・ジョンウン = キムジョンウン), elsewhere it is a space;
//   - apostrophes and primes (’ ‘ ʼ ′ ´ `) → ASCII ';
//   - zero-width characters and soft hyphens are dropped.
package textnorm

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Folded is the folded form of a text with a map back to byte offsets of
// the original text.
type Folded struct {
	// Text is the folded text.
	Text string
	// off[i] is the byte offset in the original text of the rune that
	// produced folded byte i; off[len(Text)] is the length of the original.
	off []int32
}

// Orig returns the offset in the original text that corresponds to folded
// offset i (0 <= i <= len(Text)).
func (f *Folded) Orig(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(f.off) {
		return int(f.off[len(f.off)-1])
	}
	return int(f.off[i])
}

// Span maps the folded byte range [a, b) to the original byte range that
// produced it. The result always covers whole original runes: when b falls
// inside the expansion of one original rune (ß → ss), the end is moved to
// the end of that rune.
func (f *Folded) Span(a, b int) (int, int) {
	if a < 0 {
		a = 0
	}
	if b > len(f.Text) {
		b = len(f.Text)
	}
	if b < a {
		b = a
	}
	start := int(f.off[a])
	if b == a {
		return start, start
	}
	last := f.off[b-1]
	j := b
	for j < len(f.Text) && f.off[j] == last {
		j++
	}
	return start, int(f.off[j])
}

// OrigLen is the length in bytes of the original text.
func (f *Folded) OrigLen() int { return int(f.off[len(f.off)-1]) }

// Fold returns the matching form of s (see the package comment), with
// leading and trailing spaces removed.
func Fold(s string) string {
	if isFoldedASCII(s) {
		return s // common case (a lower-case word): nothing to do, no allocation
	}
	t, _ := foldText(s, false)
	return strings.TrimSpace(t)
}

// isFoldedASCII reports whether s is ASCII that Fold leaves unchanged: no
// capitals, hyphens, back quotes or white space other than single inner
// spaces.
func isFoldedASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '-', c == '`', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// MapWordsText applies fn to every word of s (maximal run of letters,
// marks and digits) as MapWords does, without an offset map: fn may only
// shorten a word (its result must be a prefix of the word, or the word is
// kept). It returns s itself when no word changes.
func MapWordsText(s string, fn func(w string) string) string {
	var b []byte
	last := 0 // s[:last] is already in b (when b != nil)
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			c2 := s[j]
			if c2 < utf8.RuneSelf {
				if !('a' <= c2 && c2 <= 'z' || '0' <= c2 && c2 <= '9') {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += s2
		}
		w := s[i:j]
		nw := fn(w)
		if len(nw) < len(w) && w[:len(nw)] == nw {
			if i == 0 && j == len(s) {
				return s[:len(nw)] // a single word: its stem is a prefix of s
			}
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:i]...)
			b = append(b, nw...)
			last = j
		}
		i = j
	}
	if b == nil {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}

// foldText folds s; withMap also records the offset map.
func foldText(s string, withMap bool) (string, []int32) {
	b := make([]byte, 0, len(s)+8)
	var off []int32
	if withMap {
		off = make([]int32, 0, len(s)+9)
	}
	b, off = appendFold(b, off, s, withMap)
	if withMap {
		off = append(off, int32(len(s)))
	}
	// b is never written again: share its bytes instead of copying them
	return unsafe.String(unsafe.SliceData(b), len(b)), off
}

// AppendFold appends the folding of s (as FoldMap, spaces collapsed but not
// trimmed) to dst and returns the extended slice. With a dst of enough
// capacity it does not allocate: use it for look-ups of many short strings.
func AppendFold(dst []byte, s string) []byte {
	if isFoldedASCII(s) {
		return append(dst, s...)
	}
	b, _ := appendFold(dst, nil, s, false)
	return b
}

// appendFold folds s onto b (and its offsets onto off when withMap).
func appendFold(b []byte, off []int32, s string, withMap bool) ([]byte, []int32) {
	tab := table()
	lastSpace := false
	var prevOut rune // last rune written (0 at start)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			c = asciiFold[c]
			if c == ' ' {
				if !lastSpace {
					b = append(b, ' ')
					if withMap {
						off = append(off, int32(i))
					}
					lastSpace = true
					prevOut = ' '
				}
			} else {
				b = append(b, c)
				if withMap {
					off = append(off, int32(i))
				}
				lastSpace = false
				prevOut = rune(c)
			}
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// two-byte rune (Latin with diacritics, Greek, Cyrillic): the
			// table has its folding; only middle dots need context
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if !isMiddleDot(r) {
				out := tab.low[r-0x80]
				if len(out) == 2 && out[0] >= 0xC2 {
					// one two-byte rune (already lower case, or folded to one)
					b = append(b, out[0], out[1])
					if withMap {
						off = append(off, int32(i), int32(i))
					}
					lastSpace = false
					prevOut = rune(out[0]&0x1F)<<6 | rune(out[1]&0x3F)
					i += 2
					continue
				}
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xAC00 && r <= 0xD7A3 || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA || r == 0x30FC {
			// Hangul syllables, common ideographs, kana: unchanged
			b = append(b, s[i:i+size]...)
			if withMap {
				for k := 0; k < size; k++ {
					off = append(off, int32(i))
				}
			}
			prevOut, lastSpace = r, false
			i += size
			continue
		}
		var out string
		switch {
		case r == utf8.RuneError && size == 1:
			out = "\uFFFD"
		case isMiddleDot(r):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if IsKatakana(prevOut) && IsKatakana(foldRune(tab, next)) {
				out = ""
			} else {
				out = " "
			}
		case r == 0x3099 || r == 0x309A || r == 0xFF9E || r == 0xFF9F:
			// (half-width) voicing mark: compose with the previous kana.
			mark := rune(0x3099)
			if r == 0x309A || r == 0xFF9F {
				mark = 0x309A
			}
			if IsKana(prevOut) {
				comp := norm.NFC.String(string(prevOut) + string(mark))
				if utf8.RuneCountInString(comp) == 1 {
					// replace the previous rune in the output
					at := len(b) - utf8.RuneLen(prevOut)
					var start int32
					if withMap {
						start = off[at]
						off = off[:at]
					}
					b = b[:at]
					for k := 0; k < len(comp); k++ {
						b = append(b, comp[k])
						if withMap {
							off = append(off, start)
						}
					}
					prevOut, _ = utf8.DecodeRuneInString(comp)
					lastSpace = false
					i += size
					continue
				}
			}
			out = ""
		default:
			out = mapRune(tab, r)
		}
		// emit out (spaces collapse with the previous output)
		for k := 0; k < len(out); k++ {
			c := out[k]
			if c == ' ' {
				if lastSpace {
					continue
				}
				lastSpace = true
			} else {
				lastSpace = false
			}
			b = append(b, c)
			if withMap {
				off = append(off, int32(i))
			}
		}
		if out != "" {
			prevOut, _ = utf8.DecodeLastRuneInString(out)
		}
		i += size
	}
	return b, off
}

// asciiFold is the folding of each ASCII byte.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		b := byte(c)
		switch {
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
		case b == '-' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v':
			b = ' '
		case b == '`':
			b = '\''
		}
		t[c] = b
	}
	return t
}()

// FoldMap folds s like Fold (spaces are collapsed but not trimmed) and keeps
// the offset map back to s.
func FoldMap(s string) *Folded {
	t, off := foldText(s, true)
	return &Folded{Text: t, off: off}
}

// MapWords returns a copy of f where every word (maximal run of letters,
// marks and digits) w is replaced by fn(w). fn may only shorten a word:
// its result must be a prefix of w, or w is kept. The offset map is kept, so
// a match that ends where a shortened word ended maps to the end of the
// whole original word (a stem match "ким чен ын" in "Ким Чен Ыном" covers
// the ending).
func (f *Folded) MapWords(fn func(w string) string) *Folded {
	var b strings.Builder
	b.Grow(len(f.Text))
	off := make([]int32, 0, len(f.off))
	t := f.Text
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isWordRune(r) {
			b.WriteString(t[i : i+size])
			off = append(off, f.off[i:i+size]...)
			i += size
			continue
		}
		j := i + size
		for j < len(t) {
			r2, s2 := utf8.DecodeRuneInString(t[j:])
			if !isWordRune(r2) {
				break
			}
			j += s2
		}
		w := t[i:j]
		nw := fn(w)
		if len(nw) > len(w) || w[:len(nw)] != nw {
			nw = w
		}
		b.WriteString(nw)
		off = append(off, f.off[i:i+len(nw)]...)
		i = j
	}
	off = append(off, f.off[len(f.off)-1])
	return &Folded{Text: b.String(), off: off}
}

func isWordRune(r rune) bool {
	if r < wordTabEnd {
		return wordTab[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r))
}

// wordTab caches isWordRuneSlow below wordTabEnd.
const wordTabEnd = 0x3100

var wordTab = func() []bool {
	t := make([]bool, wordTabEnd)
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

func isMiddleDot(r rune) bool {
	switch r {
	case 0x00B7, 0x30FB, 0xFF65, 0x2027, 0x0387, 0x2219, 0x22C5:
		return true
	}
	return false
}

// foldRune folds one rune and returns the first rune of its folding (0 if
// it folds to nothing). Used to look ahead.
func foldRune(tab *foldTable, r rune) rune {
	out := mapRune(tab, r)
	if out == "" {
		return 0
	}
	o, _ := utf8.DecodeRuneInString(out)
	return o
}

// foldTable holds precomputed foldings for the ranges where NFKC, case or
// diacritics change anything; other runes map to themselves (lower-cased).
type foldTable struct {
	low  []string // 0x80 .. 0x3100
	high []string // 0xF900 .. 0x10000
}

const (
	lowEnd    = 0x3100
	highStart = 0xF900
)

var (
	tabOnce sync.Once
	tab     *foldTable
)

func table() *foldTable {
	tabOnce.Do(func() {
		t := &foldTable{low: make([]string, lowEnd-0x80), high: make([]string, 0x10000-highStart)}
		for r := rune(0x80); r < lowEnd; r++ {
			t.low[r-0x80] = computeFold(r)
		}
		for r := rune(highStart); r < 0x10000; r++ {
			t.high[r-highStart] = computeFold(r)
		}
		tab = t
	})
	return tab
}

func mapRune(t *foldTable, r rune) string {
	switch {
	case r < utf8.RuneSelf:
		c := byte(r)
		switch {
		case 'A' <= c && c <= 'Z':
			return string(rune(c + 'a' - 'A'))
		case c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			return " "
		case c == '`':
			return "'"
		}
		return string(r)
	case r < lowEnd:
		return t.low[r-0x80]
	case r >= highStart && r < 0x10000:
		return t.high[r-highStart]
	case unicode.IsSpace(r):
		return " "
	}
	if lr := unicode.ToLower(r); lr != r {
		return string(lr)
	}
	return string(r)
}

var specialFold = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'ı': "i", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ħ': "h", 'Ħ': "h",
	// soft hyphen, zero-width characters, word joiner, BOM
	0x00AD: "", 0x200B: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: "",
	// hyphens, dashes, minus
	0x2010: " ", 0x2011: " ", 0x2012: " ", 0x2013: " ", 0x2014: " ", 0x2015: " ",
	0x2212: " ", 0xFE58: " ", 0xFE63: " ", 0xFF0D: " ", 0x2E3A: " ", 0x2E3B: " ",
	// apostrophes and primes
	0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x2032: "'", 0x00B4: "'", 0xFF07: "'", 0x201B: "'",
}

// computeFold folds one rune from scratch (used to fill the table); the
// folding of the result is folded again until it is stable, so that Fold is
// idempotent (ǿ → ø → o).
func computeFold(r rune) string {
	out := computeFold1(r)
	for depth := 0; depth < 3; depth++ {
		var b strings.Builder
		for _, c := range out {
			if c < utf8.RuneSelf || c == r {
				b.WriteRune(c)
				continue
			}
			b.WriteString(computeFold1(c))
		}
		if b.String() == out {
			break
		}
		out = b.String()
	}
	return out
}

func computeFold1(r rune) string {
	if s, ok := specialFold[r]; ok {
		return s
	}
	if unicode.IsSpace(r) {
		return " "
	}
	if unicode.Is(unicode.Cf, r) {
		return ""
	}
	s := norm.NFKC.String(string(r))
	var out []rune
	for _, c := range s {
		if v, ok := specialFold[c]; ok {
			out = append(out, []rune(v)...)
			continue
		}
		if unicode.IsSpace(c) {
			out = append(out, ' ')
			continue
		}
		out = append(out, unicode.ToLower(c))
	}
	// strip diacritics
	d := norm.NFD.String(string(out))
	var kept []rune
	var prev rune
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			keep := (c == 0x3099 || c == 0x309A) && IsKana(prev) || (c == 0x0306 && (prev == 'и' || prev == 'И'))
			if !keep {
				continue
			}
		}
		if isMiddleDot(c) {
			continue
		}
		kept = append(kept, c)
		prev = c
	}
	return norm.NFC.String(string(kept))
}
