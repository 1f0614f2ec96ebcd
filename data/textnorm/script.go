package textnorm

import (
	"unicode"
	"unicode/utf8"
)

// Script is a coarse script class used for word-boundary rules.
type Script uint8

// Script classes.
const (
	ScriptOther    Script = iota // punctuation, space, symbols
	ScriptLatin                  // Latin letters and digits (ASCII digits included)
	ScriptCyrillic               // Cyrillic letters
	ScriptLetter                 // other alphabetic scripts (Greek, Arabic, ...)
	ScriptHangul                 // Hangul syllables and jamo
	ScriptHan                    // CJK ideographs
	ScriptHiragana               // hiragana
	ScriptKatakana               // katakana and the prolonged sound mark ー
)

// ScriptOf classifies r.
func ScriptOf(r rune) Script {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return ScriptLatin
		}
		return ScriptOther
	}
	if r < scriptTabEnd {
		return scriptTab[r-utf8.RuneSelf]
	}
	return scriptOf(r)
}

// scriptTab caches scriptOf for the runes below scriptTabEnd (Latin,
// Greek, Cyrillic, the other alphabets and the CJK symbols block).
const scriptTabEnd = 0x3100

var scriptTab = func() []Script {
	t := make([]Script, scriptTabEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < scriptTabEnd; r++ {
		t[r-utf8.RuneSelf] = scriptOf(r)
	}
	return t
}()

func scriptOf(r rune) Script {
	switch {
	case IsHangul(r):
		return ScriptHangul
	case IsHan(r):
		return ScriptHan
	case IsKatakana(r):
		return ScriptKatakana
	case r >= 0x3041 && r <= 0x309F:
		return ScriptHiragana
	case unicode.Is(unicode.Cyrillic, r):
		return ScriptCyrillic
	case unicode.Is(unicode.Latin, r) || unicode.IsDigit(r):
		return ScriptLatin
	case unicode.IsLetter(r) || unicode.IsMark(r):
		return ScriptLetter
	}
	return ScriptOther
}

// IsAlnumScript reports whether s is a script whose words are separated by
// spaces (Latin, Cyrillic, other alphabets): names need word boundaries.
func (s Script) IsAlnumScript() bool {
	return s == ScriptLatin || s == ScriptCyrillic || s == ScriptLetter
}

// IsHangul reports whether r is a Hangul syllable or jamo.
func IsHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// IsHan reports whether r is a CJK ideograph (including 々 and 〆).
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x3134F ||
		r >= 0xF900 && r <= 0xFAFF || r == 0x3005 || r == 0x3006
}

// IsKatakana reports whether r is a katakana letter or the prolonged sound
// mark ー (which continues a katakana run).
func IsKatakana(r rune) bool {
	return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9D
}

// IsKana reports whether r is hiragana or katakana.
func IsKana(r rune) bool {
	return r >= 0x3041 && r <= 0x3096 || IsKatakana(r)
}
