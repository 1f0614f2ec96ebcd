package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// ErrUndecodable is wrapped by Decode when no supported encoding yields
// plausible text.
var ErrUndecodable = errors.New("text is not valid in any supported encoding")

// detectSample bounds the bytes examined by the encoding detector.
const detectSample = 64 << 10

// fallbackCandidates are always tried besides what chardet proposes, so that
// the right legacy code page can win even when chardet ranks it low (common
// on short texts).
var fallbackCandidates = []string{
	"euc-kr", "gb18030", "big5", "shift_jis", "euc-jp",
	"windows-1251", "koi8-r", "windows-1252", "iso-8859-2",
}

// DetectEncoding names the encoding of raw (IANA name, lower case) and a
// confidence from 0 to 100. Byte order marks and valid UTF-8 are certain;
// an HTML <meta charset> is honoured when the bytes decode cleanly with it;
// otherwise chardet's candidates and the usual legacy code pages are decoded
// and scored, and the most plausible text wins.
func DetectEncoding(raw []byte) (name string, confidence int) {
	name, confidence, _ = detect(raw)
	return name, confidence
}

// detect is DetectEncoding plus the decoding plausibility score of the winner
// per rune (negative for garbage).
func detect(raw []byte) (string, int, float64) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return "utf-8", 100, 1
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE, 0, 0}):
		return "utf-32le", 100, 1
	case bytes.HasPrefix(raw, []byte{0, 0, 0xFE, 0xFF}):
		return "utf-32be", 100, 1
	case bytes.HasPrefix(raw, bomUTF16LE):
		return "utf-16le", 100, 1
	case bytes.HasPrefix(raw, bomUTF16BE):
		return "utf-16be", 100, 1
	}
	sample := raw
	if len(sample) > detectSample {
		sample = sample[:detectSample]
		// Do not cut a UTF-8 sequence in half.
		for i := 0; i < utf8.UTFMax && len(sample) > 0 && !utf8.RuneStart(raw[len(sample)]); i++ {
			sample = sample[:len(sample)-1]
		}
	}
	if u16 := looksUTF16(raw); u16 != "" {
		return u16, 80, 1
	}
	if utf8.Valid(sample) && (len(raw) == len(sample) || utf8.Valid(raw)) {
		if bytes.Contains(sample, []byte("\x1b$B")) || bytes.Contains(sample, []byte("\x1b$@")) {
			return "iso-2022-jp", 95, 1
		}
		return "utf-8", 100, 1
	}
	// Mostly valid UTF-8 with a few broken bytes (a truncated or patched
	// file) stays UTF-8.
	if valid, invalid := utf8Counts(sample); valid >= 2 && valid >= 8*invalid {
		return "utf-8", 70, 1
	}
	// An HTML <meta charset> wins when the bytes decode cleanly and
	// plausibly with it; a wrong declaration falls through to detection
	// (where it still competes first, winning ties).
	decl := declaredCharset(sample)
	if decl != "" && decl != "utf-8" {
		if enc := lookupEncoding(decl); enc != nil {
			if s := score(decodeWith(enc, sample)); s.bad == 0 && s.perRune() > 0 {
				return decl, 95, s.perRune()
			}
		}
	}

	cands := make([]string, 0, 16)
	seen := map[string]bool{}
	add := func(n string) {
		n = canonicalName(n)
		if n == "" || seen[n] {
			return
		}
		if lookupEncoding(n) == nil {
			return
		}
		seen[n] = true
		cands = append(cands, n)
	}
	if decl != "utf-8" {
		add(decl)
	}
	if rs, err := chardet.NewTextDetector().DetectAll(sample); err == nil {
		for _, r := range rs {
			if r.Confidence >= 10 {
				add(r.Charset)
			}
		}
	}
	for _, n := range fallbackCandidates {
		add(n)
	}
	add("utf-8") // lossy UTF-8 competes too: a few stray bytes in UTF-8 text

	best, second := -1e18, -1e18
	bestName := ""
	var bestScore textScore
	for _, n := range cands {
		var text string
		if n == "utf-8" {
			text = string(bytes.ToValidUTF8(sample, []byte("\uFFFD")))
		} else {
			text = decodeWith(lookupEncoding(n), sample)
		}
		s := score(text)
		v := s.total
		if v > best {
			second = best
			best, bestName, bestScore = v, n, s
		} else if v > second {
			second = v
		}
	}
	conf := 10
	if best > 0 {
		margin := best - second
		if second < 0 {
			margin = best
		}
		conf = 40 + int(59*margin/best)
		if conf > 99 {
			conf = 99
		}
	}
	return bestName, conf, bestScore.perRune()
}

// utf8Counts counts valid multi-byte UTF-8 sequences and invalid bytes.
func utf8Counts(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			invalid++
			b = b[1:]
			continue
		}
		valid++
		b = b[size:]
	}
	return valid, invalid
}

// Decode detects the encoding of raw and returns the text decoded to UTF-8,
// without BOM, with line ends normalised to LF, control characters removed
// and composed to NFC. It fails (wrapping ErrUndecodable) when no encoding
// gives plausible text.
func Decode(raw []byte) (text, enc string, err error) {
	if len(raw) == 0 {
		return "", "utf-8", nil
	}
	name, _, plaus := detect(raw)
	e := lookupEncoding(name)
	if e == nil {
		return "", name, fmt.Errorf("unsupported encoding %q: %w", name, ErrUndecodable)
	}
	var s string
	if name == "utf-8" {
		s = string(bytes.ToValidUTF8(bytes.TrimPrefix(raw, bomUTF8), []byte("\uFFFD")))
	} else {
		s = decodeWith(e, raw)
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	if !(name == "utf-8" && utf8.Valid(raw)) && !strings.HasPrefix(name, "utf-") {
		// Legacy code page (or broken UTF-8): the result must look like text.
		sc := score(s)
		noSpaces := sc.runes >= 100 && sc.cjk*2 < sc.runes && sc.space*50 < sc.runes
		if plaus < -0.5 || sc.bad*20 > sc.runes || sc.good*10 < sc.runes*6 || noSpaces {
			return "", name, fmt.Errorf("decoding as %s gives %d bad and %d plausible characters in %d: %w",
				name, sc.bad, sc.good, sc.runes, ErrUndecodable)
		}
	}
	return normalizeText(s), name, nil
}

// normalizeText turns CRLF and CR into LF, drops control characters (keeping
// tab and newline), maps Unicode line/paragraph separators to LF and composes
// to NFC.
func normalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == '\uFEFF':
			// drop NUL, ESC and other controls
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// lookupEncoding maps a label to an encoding, via the WHATWG index (which
// handles every label a web page may declare) then the IANA index.
func lookupEncoding(name string) encoding.Encoding {
	switch name {
	case "utf-8":
		return xunicode.UTF8
	case "utf-16le":
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case "utf-16be":
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	case "utf-32le":
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	case "utf-32be":
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	case "iso-2022-jp":
		return japanese.ISO2022JP
	}
	if e, err := htmlindex.Get(name); err == nil && e != nil {
		return e
	}
	if e, err := ianaindex.IANA.Encoding(name); err == nil && e != nil {
		return e
	}
	return nil
}

// canonicalName maps chardet and meta labels to the lower-case name the app
// reports. ISO-8859-1 is decoded as its superset windows-1252, as browsers do.
func canonicalName(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	switch l {
	case "":
		return ""
	case "utf8", "utf-8":
		return "utf-8"
	case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252":
		return "windows-1252"
	case "euc-kr", "cp949", "ks_c_5601-1987", "uhc", "windows-949":
		return "euc-kr"
	case "gb18030", "gbk", "gb2312", "cp936", "x-gbk":
		return "gb18030"
	case "big5", "big5-hkscs", "cp950":
		return "big5"
	case "shift_jis", "shift-jis", "sjis", "cp932", "windows-31j", "ms_kanji":
		return "shift_jis"
	case "euc-jp":
		return "euc-jp"
	case "windows-1251", "cp1251":
		return "windows-1251"
	case "koi8-r":
		return "koi8-r"
	case "utf-16le", "utf-16be", "utf-32le", "utf-32be", "iso-2022-jp":
		return l
	case "utf-16", "utf-32", "iso-2022-kr", "iso-2022-cn":
		// Without a BOM these are not decodable reliably; skip.
		return ""
	}
	if e, err := htmlindex.Get(l); err == nil && e != nil {
		if n, err := htmlindex.Name(e); err == nil {
			return canonicalName2(n)
		}
	}
	return l
}

func canonicalName2(n string) string {
	switch n {
	case "gbk":
		return "gb18030"
	case "iso-8859-1":
		return "windows-1252"
	}
	return n
}

// decodeWith decodes b, replacing invalid sequences with U+FFFD.
func decodeWith(e encoding.Encoding, b []byte) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		// x/text decoders replace errors; a hard error means a bug or an
		// unsupported state: fall back to lossy UTF-8 so callers still get text.
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(out)
}

// declaredCharset returns the canonical charset named by an HTML <meta
// charset> or <meta http-equiv="Content-Type" content="...; charset=...">
// in the first 4 KB of raw, or "".
func declaredCharset(raw []byte) string {
	if len(raw) > 4096 {
		raw = raw[:4096]
	}
	if !bytes.Contains(bytes.ToLower(raw), []byte("<meta")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for i := 0; i < 2000; i++ {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ""
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) == "body" {
			return ""
		}
		if string(name) != "meta" || !hasAttr {
			continue
		}
		var charset, content, equiv string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "charset":
				charset = string(v)
			case "content":
				content = string(v)
			case "http-equiv":
				equiv = strings.ToLower(string(v))
			}
			if !more {
				break
			}
		}
		if charset != "" {
			return canonicalName(charset)
		}
		if equiv == "content-type" {
			lc := strings.ToLower(content)
			if j := strings.Index(lc, "charset="); j >= 0 {
				v := strings.Trim(lc[j+len("charset="):], ` "';`)
				if k := strings.IndexAny(v, " ;\"'"); k >= 0 {
					v = v[:k]
				}
				return canonicalName(v)
			}
		}
	}
	return ""
}

// textScore summarises how plausible a decoded text is.
type textScore struct {
	total float64
	runes int
	bad   int // replacement characters, controls, private-use and unassigned
	good  int // ASCII, white space, frequent letters of any script, punctuation
	space int // white space
	cjk   int // Han and kana, written without spaces
}

func (s textScore) perRune() float64 {
	if s.runes == 0 {
		return 0
	}
	return s.total / float64(s.runes)
}

// score rates decoded text: frequent letters of each script score high,
// rare letters, symbols and odd mixtures score low, and replacement
// characters, controls and unassigned code points score very low.
func score(text string) textScore {
	var s textScore
	var prev rune = ' '
	// per-word state
	wordLetters, wordNonASCIILatin, wordScripts := 0, 0, 0
	flushWord := func() {
		if wordLetters >= 3 && wordNonASCIILatin*2 > wordLetters {
			s.total -= 2
		}
		if wordScripts&(wordScripts-1) != 0 { // more than one script in one word
			s.total -= 3
		}
		wordLetters, wordNonASCIILatin, wordScripts = 0, 0, 0
	}
	for _, r := range text {
		s.runes++
		isLetter := unicode.IsLetter(r)
		if r == ' ' || r == '\n' || r == '\t' || r == '\u3000' {
			s.space++
		}
		switch {
		case r == utf8.RuneError:
			s.total -= 10
			s.bad++
		case r < 0x20:
			if r != '\n' && r != '\r' && r != '\t' && r != '\f' {
				s.total -= 8
				s.bad++
			} else {
				s.good++
			}
		case r < 0x7F:
			s.good++
			if isLetter {
				wordScripts |= 1
			}
		case r < 0xA0:
			s.total -= 8
			s.bad++
		case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
			s.total -= 6
			s.bad++
		case !unicode.IsGraphic(r) && !unicode.IsSpace(r):
			s.total -= 6
			s.bad++
		case r >= 0xAC00 && r <= 0xD7A3:
			if commonHangulSet.has(r) {
				s.total += 2
				s.good++
			} else {
				s.total += 0.5
			}
			wordScripts |= 8
		case r >= 0x3130 && r <= 0x318F, r >= 0x1100 && r <= 0x11FF:
			s.total -= 1
		case r >= 0x4E00 && r <= 0x9FFF:
			s.cjk++
			if commonHanSet.has(r) {
				s.total += 2
				s.good++
			} else {
				s.total += 0.3
			}
			wordScripts |= 16
		case r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000:
			s.total -= 1
		case r >= 0x3040 && r <= 0x309F:
			s.cjk++
			s.total += 1.5
			s.good++
			wordScripts |= 16
		case r >= 0x30A0 && r <= 0x30FF:
			s.cjk++
			s.total += 1
			s.good++
			wordScripts |= 16
		case r >= 0xFF61 && r <= 0xFF9F:
			s.total -= 0.5
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60:
			s.total += 0.5
			s.good++
		case r >= 0x0400 && r <= 0x04FF:
			wordScripts |= 4
			switch {
			case unicode.IsLower(r):
				if r >= 0x430 && r <= 0x44F || r == 'ё' {
					s.good++
				}
				if commonCyrillicSet.has(r) {
					s.total += 2
				} else {
					s.total += 1
				}
			case unicode.IsLetter(prev):
				s.total -= 0.5
			default:
				s.total += 1
				s.good++
			}
		case r >= 0xC0 && r <= 0x24F && isLetter:
			wordScripts |= 1
			wordNonASCIILatin++
			if commonLatinSet.has(r) {
				s.total += 1
				s.good++
			} else {
				s.total -= 1
			}
		case r >= 0x2010 && r <= 0x205F:
			s.total += 0.2
			s.good++
		case unicode.IsSpace(r):
			s.good++
		case strings.ContainsRune("«»°©€£¥·§", r):
			// common symbols: neutral
			s.good++
		case r >= 0xA0 && r <= 0xBF, r == 0xD7, r == 0xF7:
			s.total -= 1
		case r >= 0x2500 && r <= 0x25FF:
			s.total -= 0.5
		case isLetter:
			// other scripts: Greek, Arabic, Hebrew, Thai ... neutral
			wordScripts |= 2
		}
		if isLetter {
			wordLetters++
		} else {
			flushWord()
		}
		prev = r
	}
	flushWord()
	return s
}
