package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is the comparison form of a name for finding entities: width and
// compatibility forms unified (NFKC), lower case, diacritics removed from
// Latin, Greek and Cyrillic letters (not from kana or Hangul), hyphens and
// middle dots as spaces, spaces collapsed.
func Fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	var prev rune
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) && (unicode.In(prev, unicode.Latin, unicode.Greek, unicode.Cyrillic)) {
			continue
		}
		switch r {
		case '-', '‐', '‑', '‒', '–', '—', '・', '·', '･', '_', '\u00a0', '.', ',', '\'', '’':
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	out := norm.NFKC.String(b.String())
	return strings.Join(strings.Fields(out), " ")
}
