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

// benchRecognize runs Recognize on each corpus article of one language in
// turn (the realistic unit of work). Besides the wall-clock MB/s it reports
// MB/cpu-s: bytes per second of process CPU time (all threads, GC
// included), which stays meaningful on a machine loaded by other work and
// is the "MB/s per core" figure.
func benchRecognize(b *testing.B, lang string) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var dates []time.Time
	n := 0
	for _, cd := range loadCorpus(b) {
		if cd.gold.Lang == lang {
			texts = append(texts, cd.text)
			dates = append(dates, cd.date)
			n += len(cd.text)
		}
	}
	for i, t := range texts {
		r.Recognize(t, lang, dates[i]) // warm caches and the language's automaton
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	c0 := processCPU()
	iters := 0
	for b.Loop() {
		for i, t := range texts {
			r.Recognize(t, lang, dates[i])
		}
		iters++
	}
	if c1 := processCPU(); c0 >= 0 && c1 > c0 {
		b.ReportMetric(float64(n)*float64(iters)/(c1-c0)/1e6, "MB/cpu-s")
	}
}

// BenchmarkRecognizeLongEN runs Recognize on all English articles joined
// into one text, to catch costs that grow faster than the text.
func BenchmarkRecognizeLongEN(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := corpusText(b, "en")
	date := time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)
	r.Recognize(text, "en", date)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	c0 := processCPU()
	iters := 0
	for b.Loop() {
		r.Recognize(text, "en", date)
		iters++
	}
	if c1 := processCPU(); c0 >= 0 && c1 > c0 {
		b.ReportMetric(float64(len(text))*float64(iters)/(c1-c0)/1e6, "MB/cpu-s")
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
	c0 := processCPU()
	iters := 0
	for b.Loop() {
		if _, err := New(g); err != nil {
			b.Fatal(err)
		}
		iters++
	}
	if c1 := processCPU(); c0 >= 0 && c1 > c0 {
		b.ReportMetric((c1-c0)/float64(iters)*1e3, "cpu-ms/op")
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

func BenchmarkRecognizeES(b *testing.B) { benchRecognize(b, "es") }
func BenchmarkRecognizeFR(b *testing.B) { benchRecognize(b, "fr") }
func BenchmarkRecognizeDE(b *testing.B) { benchRecognize(b, "de") }
func BenchmarkRecognizeID(b *testing.B) { benchRecognize(b, "id") }
