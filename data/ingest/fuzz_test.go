package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedFiles returns the small corpus copies in testdata/corpus plus, when
// present, the gold corpus articles.
func seedFiles(f *testing.F, exts ...string) [][]byte {
	f.Helper()
	var out [][]byte
	dirs := []string{filepath.Join("testdata", "corpus"),
		filepath.Join("..", "..", "..", "shared", "corpus", "articles")}
	seen := map[string]bool{}
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			match := len(exts) == 0
			for _, x := range exts {
				match = match || ext == x
			}
			if !match || seen[e.Name()] {
				continue
			}
			seen[e.Name()] = true
			b, err := os.ReadFile(filepath.Join(d, e.Name()))
			if err == nil {
				out = append(out, b)
			}
		}
	}
	return out
}

var knownLangs = map[string]bool{"": true, "en": true, "id": true, "ko": true, "ru": true, "zh": true, "ja": true, "es": true, "fr": true, "de": true}

func checkParse(t *testing.T, name string, raw []byte) {
	doc, err := Parse(name, raw)
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Reason == "" || fe.Path != name {
			t.Fatalf("error %v is not a *FileError with a reason", err)
		}
		if fe.Err != nil && strings.HasPrefix(fe.Err.Error(), "internal error") {
			t.Fatalf("Parse panicked: %v", fe.Err)
		}
		return
	}
	if !utf8.ValidString(doc.Text) || strings.ContainsRune(doc.Text, '\r') || !norm.NFC.IsNormalString(doc.Text) {
		t.Fatalf("Text not clean UTF-8/LF/NFC: %q", doc.Text)
	}
	sum := sha256.Sum256([]byte(doc.Text))
	if doc.Hash != hex.EncodeToString(sum[:]) {
		t.Fatalf("hash mismatch")
	}
	if !knownLangs[doc.Lang] && len(doc.Lang) != 2 {
		t.Fatalf("lang %q", doc.Lang)
	}
	if doc.Title != "" && !strings.HasPrefix(doc.Text, doc.Title) {
		t.Fatalf("Text does not start with the title %q: %q", doc.Title, doc.Text)
	}
	if !doc.Date.IsZero() && (doc.Date.Year() < 1900 || doc.Date.Year() > 2200 || doc.Date.Hour() != 0) {
		t.Fatalf("date %v", doc.Date)
	}
	if doc.Size != int64(len(raw)) {
		t.Fatalf("size %d, want %d", doc.Size, len(raw))
	}
}

func FuzzParseText(f *testing.F) {
	for _, b := range seedFiles(f, ".txt") {
		f.Add(b)
	}
	f.Add([]byte("31 Juli 2023\n\nJudul\n\nSEOUL, HARIAN NUSANTARA — Isi berita."))
	f.Add([]byte("\xEF\xBB\xBFHeadline\r\n\r\nBody\x00text"))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParse(t, "fuzz.txt", raw) })
}

func FuzzParseMarkdown(f *testing.F) {
	for _, b := range seedFiles(f, ".txt") {
		f.Add(b)
	}
	f.Add([]byte("---\ntitle: T\ndate: 2024-01-02\n---\n# Head\n\n**Bold** [link](http://x) text."))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParse(t, "fuzz.md", raw) })
}

func FuzzParseHTML(f *testing.F) {
	for _, b := range seedFiles(f, ".html") {
		f.Add(b)
	}
	f.Add([]byte(`<html><head><meta charset="euc-kr"><script type="application/ld+json">{"datePublished":"2023-01-02","publisher":{"name":"X"}}</script></head><body><article><p>Text</p></article></body></html>`))
	f.Add([]byte("<div><div><p>a<p>b</div></span></table><li>c<li>d"))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParse(t, "fuzz.html", raw) })
}

func FuzzDecode(f *testing.F) {
	for _, b := range seedFiles(f) {
		f.Add(b)
	}
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte{0xFE, 0xFF, 0, 'a'})
	f.Add([]byte("\x1b$B%F%9%H\x1b(B"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		name, conf := DetectEncoding(raw)
		if name == "" || conf < 0 || conf > 100 {
			t.Fatalf("DetectEncoding = %q %d", name, conf)
		}
		text, enc, err := Decode(raw)
		if err != nil {
			if !errors.Is(err, ErrUndecodable) {
				t.Fatalf("Decode error %v does not wrap ErrUndecodable", err)
			}
			return
		}
		if enc == "" || !utf8.ValidString(text) || strings.ContainsRune(text, '\r') || !norm.NFC.IsNormalString(text) {
			t.Fatalf("Decode = %q (%s): not clean", text, enc)
		}
		if utf8.Valid(raw) && looksUTF16(raw) == "" && !strings.Contains(string(raw), "\x1b$") {
			want := normalizeText(strings.TrimPrefix(string(raw), "\uFEFF"))
			if text != want {
				t.Fatalf("valid UTF-8 changed: %q → %q", raw, text)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31 Juli 2023", "Senin, 31 Juli 2023", "Kamis (13/7/2023)", "2023년 7월 28일",
		"28 июля 2023 г.", "2023年7月28日", "28. Juli 2023", "July 28, 2023", "28 juillet 2023",
		"28 de julio de 2023", "2023-07-28", "2023/07/28", "2023.07.28", "令和元年5月1日", "Pekín, 11 abr (AIN).-",
		"入力 2018.09.18 21:05 | 수정 2018.09.18 22:40", "Mardi 1er juillet 2025"} {
		f.Add(s, "")
		f.Add(s, "en")
	}
	for _, b := range seedFiles(f, ".txt") {
		for i, line := range strings.Split(string(b), "\n") {
			if i < 4 {
				f.Add(line, "")
			}
		}
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		d, ok := ParseDate(s, lang)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("not ok but date %v", d)
			}
			return
		}
		if d.Year() < 1900 || d.Year() > 2200 || d.Hour() != 0 || d.Minute() != 0 || d.Location().String() != "UTC" {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		_ = isDateLine(s, lang)
		_, _ = parseDateline(s)
	})
}
