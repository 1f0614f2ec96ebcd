package ingest

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// Short and longer texts in legacy encodings: the detector must pick the
// right one even when chardet alone confuses the CJK code pages or the
// Cyrillic ones.
func TestDecodeLegacyEncodings(t *testing.T) {
	const (
		ko1 = "김정은 위원장이 쇼이구 장관을 네 차례 만났다."
		ko2 = "통일부는 31일 북한의 김정은 국무위원장이 러시아 국방장관을 네 차례 만났고 중국 대표단장은 한 차례만 만났다고 밝혔다."
		zh1 = "习近平同金正恩举行会谈。"
		zh2 = "中共中央总书记、国家主席习近平20日下午在平壤同朝鲜劳动党委员长金正恩举行会谈，双方同意加强合作。"
		tw1 = "習近平與金正恩舉行會談，雙方同意加強兩國關係。"
		ja1 = "岸田首相は習主席と会談した。"
		ja2 = "岸田文雄首相は１７日、中国の習近平国家主席とサンフランシスコで約１時間会談し、「戦略的互恵関係」を再確認した。"
		ru1 = "Лавров провёл переговоры с Чхве Сон Хи."
		ru2 = "Министр иностранных дел России Сергей Лавров провёл в Пхеньяне переговоры с главой МИД КНДР и был принят Ким Чен Ыном."
		de1 = "Präsident Putin empfängt Nordkoreas Außenministerin im Kreml; die Gespräche dauerten länger als geplant."
		fr1 = "Le président français a reçu à l'Élysée son homologue chinois, accompagné de la présidente de la Commission européenne."
		es1 = "El presidente del Gobierno español se reunió en Pekín con el mandatario chino, según informó la Moncloa."
	)
	tests := []struct {
		name, text string
		enc        encoding.Encoding
		want       string
	}{
		{"euc-kr short", ko1, korean.EUCKR, "euc-kr"},
		{"euc-kr long", ko2, korean.EUCKR, "euc-kr"},
		{"gb18030 short", zh1, simplifiedchinese.GB18030, "gb18030"},
		{"gbk long", zh2, simplifiedchinese.GBK, "gb18030"},
		{"big5", tw1, traditionalchinese.Big5, "big5"},
		{"shift_jis short", ja1, japanese.ShiftJIS, "shift_jis"},
		{"shift_jis long", ja2, japanese.ShiftJIS, "shift_jis"},
		{"euc-jp short", ja1, japanese.EUCJP, "euc-jp"},
		{"euc-jp long", ja2, japanese.EUCJP, "euc-jp"},
		{"windows-1251 short", ru1, charmap.Windows1251, "windows-1251"},
		{"windows-1251 long", ru2, charmap.Windows1251, "windows-1251"},
		{"koi8-r short", ru1, charmap.KOI8R, "koi8-r"},
		{"koi8-r long", ru2, charmap.KOI8R, "koi8-r"},
		{"windows-1252 de", de1, charmap.Windows1252, "windows-1252"},
		{"iso-8859-1 fr", fr1, charmap.ISO8859_1, "windows-1252"},
		{"windows-1252 es", es1, charmap.Windows1252, "windows-1252"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := encode(t, tc.enc, tc.text)
			text, enc, err := Decode(raw)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tc.want {
				t.Errorf("encoding = %q, want %q", enc, tc.want)
			}
			if text != tc.text {
				t.Errorf("text = %q, want %q", text, tc.text)
			}
			name, conf := DetectEncoding(raw)
			if name != tc.want || conf <= 0 || conf > 100 {
				t.Errorf("DetectEncoding = %q %d", name, conf)
			}
		})
	}
}

func TestDecodeUnicode(t *testing.T) {
	const s = "Kim Jong Un — 김정은 — 金正恩 — Ким Чен Ын"
	utf16le := encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), s)
	utf16be := encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), s)
	tests := []struct {
		name string
		raw  []byte
		enc  string
		want string
	}{
		{"utf-8", []byte(s), "utf-8", s},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), s...), "utf-8", s},
		{"utf-16le bom", utf16le, "utf-16le", s},
		{"utf-16be bom", utf16be, "utf-16be", s},
		{"utf-16le no bom ascii", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "Plain English text without a byte order mark."), "utf-16le", "Plain English text without a byte order mark."},
		{"crlf", []byte("a\r\nb\rc\n"), "utf-8", "a\nb\nc\n"},
		{"nfc", []byte("Cafe\u0301 Sánchez"), "utf-8", "Café Sánchez"},
		{"controls dropped", []byte("a\x00b\x07c\td"), "utf-8", "abc\td"},
		{"invalid utf-8 byte", []byte("Ким Чен Ын встретился с Шойгу \xff четыре раза."), "utf-8", "Ким Чен Ын встретился с Шойгу \uFFFD четыре раза."},
		{"ascii", []byte("plain"), "utf-8", "plain"},
		{"iso-2022-jp", encode(t, japanese.ISO2022JP, "岸田首相は習主席と会談した。"), "iso-2022-jp", "岸田首相は習主席と会談した。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := Decode(tc.raw)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tc.enc || text != tc.want {
				t.Errorf("Decode = %q, %q; want %q, %q", text, enc, tc.want, tc.enc)
			}
		})
	}
}

// Identical content in two encodings must give identical text (and hash).
func TestDecodeSameTextAcrossEncodings(t *testing.T) {
	const s = "Путин и Ким Чен Ын провели переговоры на космодроме Восточный.\n\nПосле переговоров стороны обменялись подарками."
	a, err := Parse("a.txt", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.txt", encode(t, charmap.Windows1251, strings.ReplaceAll(s, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash != b.Hash || a.Text != b.Text {
		t.Errorf("hash differs: %s (%s) vs %s (%s)", a.Hash, a.Encoding, b.Hash, b.Encoding)
	}
}

func TestMetaCharset(t *testing.T) {
	const fr = "Le président français a reçu son homologue à l'Élysée."
	tests := []struct {
		name, head, body string
		enc              encoding.Encoding
		want             string
	}{
		{"meta charset", `<meta charset="iso-8859-15">`, fr, charmap.ISO8859_15, "iso-8859-15"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, fr, charmap.Windows1252, "windows-1252"},
		{"meta euc-kr", `<meta charset="euc-kr">`, "김정은 위원장이 쇼이구 장관을 만났다.", korean.EUCKR, "euc-kr"},
		{"meta koi8-r", `<meta charset="koi8-r">`, "Лавров провёл переговоры.", charmap.KOI8R, "koi8-r"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head>" + tc.head + "<title>t</title></head><body><p>" + tc.body + "</p></body></html>"
			raw := encode(t, tc.enc, page)
			text, enc, err := Decode(raw)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tc.want {
				t.Errorf("encoding = %q, want %q", enc, tc.want)
			}
			if !strings.Contains(text, tc.body) {
				t.Errorf("text = %q", text)
			}
		})
	}
	// A wrong declaration loses against the bytes: Russian in windows-1251
	// declared as windows-1252.
	ru := "<html><head><meta charset=\"windows-1252\"></head><body><p>Лавров провёл переговоры с Чхве Сон Хи и был принят Ким Чен Ыном.</p></body></html>"
	if _, enc, _ := Decode(encode(t, charmap.Windows1251, ru)); enc != "windows-1251" {
		t.Errorf("windows-1251 declared windows-1252: got %q", enc)
	}
	// A wrong declaration loses against valid UTF-8.
	page := `<html><head><meta charset="windows-1251"></head><body><p>Café Élysée</p></body></html>`
	if _, enc, _ := Decode([]byte(page)); enc != "utf-8" {
		t.Errorf("valid UTF-8 declared windows-1251: got %q", enc)
	}
}

func TestDecodeGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4000)
	for i := range random {
		random[i] = byte(0x80 + rng.IntN(0x80))
	}
	for name, raw := range map[string][]byte{
		"random high bytes": random,
	} {
		if text, enc, err := Decode(raw); !errors.Is(err, ErrUndecodable) {
			t.Errorf("%s: Decode = %q (%s), %v; want ErrUndecodable", name, []rune(text)[:20], enc, err)
		}
	}
	// A rule line of full-width '=' in Shift-JIS is not an article either.
	var fe *FileError
	if _, err := Parse("rule.txt", []byte(strings.Repeat("\x81\x81", 100))); !errors.As(err, &fe) {
		t.Errorf("Parse(rule line) err = %v, want a FileError", err)
	}
}
