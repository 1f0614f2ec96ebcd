package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParse reports Parse throughput (MB/s) for corpus-like files and
// for a large synthetic page and text.
func BenchmarkParse(b *testing.B) {
	inputs := []struct{ name, file string }{
		{"txt-utf8", "de-modi-putin-moskau.txt"},
		{"txt-euckr", "ko-kim-shoigu-euckr.txt"},
		{"txt-cp1251", "ru-lavrov-choe-pyongyang-cp1251.txt"},
		{"html", "en-kim-shoigu-armistice.html"},
		{"html-zh", "zh-xi-biden-woodside.html"},
	}
	for _, in := range inputs {
		raw, err := os.ReadFile(filepath.Join("testdata", "corpus", in.file))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(in.name, func(b *testing.B) { benchParse(b, in.file, raw) })
	}
	html, _ := os.ReadFile(filepath.Join("testdata", "corpus", "en-kim-shoigu-armistice.html"))
	bigHTML := strings.Replace(string(html), "<p>", strings.Repeat("<p>"+strings.Repeat("Long paragraph text about talks. ", 20)+"</p>\n", 2000)+"<p>", 1)
	b.Run("html-1MB", func(b *testing.B) { benchParse(b, "big.html", []byte(bigHTML)) })
	txt, _ := os.ReadFile(filepath.Join("testdata", "corpus", "de-modi-putin-moskau.txt"))
	b.Run("txt-1MB", func(b *testing.B) { benchParse(b, "big.txt", []byte(strings.Repeat(string(txt)+"\n\n", 800))) })
}

func benchParse(b *testing.B, name string, raw []byte) {
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(name, raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeLegacy(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus", "ko-kim-shoigu-euckr.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}
