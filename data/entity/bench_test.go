package entity

import (
	"strings"
	"testing"
	"time"

	"parley/data/gazetteer"
)

// corpusText concatenates the corpus articles of one language (or a
// built-in sample when the corpus is not available).
func corpusText(b *testing.B, lang string) string {
	var parts []string
	for _, cd := range loadCorpus(b) {
		if cd.gold.Lang == lang {
			parts = append(parts, cd.text)
		}
	}
	return strings.Join(parts, "\n\n")
}

func benchRecognize(b *testing.B, lang string) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := corpusText(b, lang)
	date := time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)
	r.Recognize(text, lang, date) // build the automaton for the language
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.Recognize(text, lang, date)
	}
}

func BenchmarkRecognizeEN(b *testing.B) { benchRecognize(b, "en") }
func BenchmarkRecognizeZH(b *testing.B) { benchRecognize(b, "zh") }
func BenchmarkRecognizeJA(b *testing.B) { benchRecognize(b, "ja") }
func BenchmarkRecognizeKO(b *testing.B) { benchRecognize(b, "ko") }
func BenchmarkRecognizeRU(b *testing.B) { benchRecognize(b, "ru") }

// BenchmarkNew measures building a Recognizer (patterns, resolver and the
// unstemmed automaton) from the embedded gazetteer.
func BenchmarkNew(b *testing.B) {
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New(g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"shoigu", "Kim Jong-un", "Ким Чен Ыном", "Sergej Lawrow", "Wolodymyr Selenskyj", "Zzyzx Qwerty"}
	for b.Loop() {
		for _, n := range names {
			r.Resolve(n)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	f.Add("Kim Jong-un met Sergei Shoigu. Kim thanked him.", "en")
	f.Add("Ким Чен Ын встретился с Сергеем Шойгу", "ru")
	f.Add("尹, 시진핑과 회담. 김 위원장은", "ko")
	f.Add("金正恩（キム・ジョンウン）氏と習氏。北洋タイムス", "ja")
	f.Add("朝鲜最高领导人会见了绍伊古", "zh")
	f.Add("Nordkoreas Machthaber Kims", "de")
	f.Add("\xff\xfeKim", "en")
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		ents, ments := r.Recognize(text, lang, time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC))
		keys := map[string]bool{}
		for _, e := range ents {
			if keys[e.Key] {
				t.Fatalf("duplicate entity %s", e.Key)
			}
			keys[e.Key] = true
		}
		for i, m := range ments {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad offsets %+v for text of %d bytes", m, len(text))
			}
			if text[m.Start:m.End] != m.Surface {
				t.Fatalf("surface mismatch %+v", m)
			}
			if !keys[m.EntityKey] {
				t.Fatalf("mention of unlisted entity %s", m.EntityKey)
			}
			if i > 0 && ments[i-1].Start > m.Start {
				t.Fatalf("mentions not sorted")
			}
		}
	})
}
