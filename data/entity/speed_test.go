package entity

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parley/data/gazetteer"
	"parley/data/gen"
	"parley/data/ingest"
	"parley/data/textnorm"
)

// TestWordFlags checks the flags splitWordsAppend sets against plain
// computations on each word.
func TestWordFlags(t *testing.T) {
	texts := []string{
		"Kim Jong-un met O'Brien and d’Estaing. ÉLYSÉE élysée Ёлкин ёлкин İstanbul ǅemal ᾈ x-Y a'b 'quoted' -dash- Straße",
		"\xff\xfeKim \xd0 Ким-\xd0 ab\u0301c ABC abc Abc aBC",
	}
	for _, cd := range loadCorpusIfAny(t) {
		texts = append(texts, cd.text)
	}
	for _, text := range texts {
		for _, w := range splitWordsAppend(nil, text) {
			txt := text[w.s:w.e]
			c, _ := utf8.DecodeRuneInString(txt)
			want := uint8(0)
			if unicode.IsUpper(c) {
				want |= wUpper
			}
			if unicode.IsLower(c) {
				want |= wLower
			}
			if isLowerASCIIWord(txt) {
				want |= wASCIILower
			}
			alpha := txt != ""
			for i := 0; i < len(txt); i++ {
				if b := txt[i]; !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z') {
					alpha = false
				}
			}
			if alpha {
				want |= wASCIIAlpha
			}
			if w.fl != want {
				t.Errorf("%q: flags %04b, want %04b", txt, w.fl, want)
			}
		}
	}
}

func TestClassOf(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := classOf(r), classOfSlow(r); got != want {
			t.Fatalf("classOf(%U) = %b, want %b", r, got, want)
		}
	}
}

// TestTemplateIndex checks that the candidate sets of the role template
// index hold every template that matches around a country name: texts are
// made of the prefix of one template, a name and the suffix of another
// (and of random cuts of them), as well as the corpus texts at every word.
func TestTemplateIndex(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for lang, lx := range r.lex {
		if lx.tix == nil {
			if len(lx.templates) <= 256 {
				t.Errorf("%s: no template index", lang)
			}
			continue
		}
		check := func(text string, s, e int) {
			got := lx.tix.candidates(text, s, e)
			for k, tp := range lx.templates {
				if !strings.HasSuffix(text[:s], tp.prefix) || !strings.HasPrefix(text[e:], tp.suffix) {
					continue
				}
				if got[k/64]&(1<<(k%64)) == 0 {
					t.Errorf("%s: template %d (%q {c} %q) left out around %q|%q", lang, k, tp.prefix, tp.suffix, text[:s], text[e:])
				}
			}
		}
		for _, a := range lx.templates {
			for n := 0; n < 8; n++ {
				b := lx.templates[rng.IntN(len(lx.templates))]
				pre, suf := a.prefix, b.suffix
				if n%2 == 1 && pre != "" {
					pre = pre[rng.IntN(len(pre)):]
				}
				if n%4 >= 2 && suf != "" {
					suf = suf[:rng.IntN(len(suf)+1)]
				}
				text := pre + "korea" + suf
				check(text, len(pre), len(pre)+len("korea"))
			}
		}
		for _, cd := range loadCorpusIfAny(t) {
			if cd.gold.Lang != lang {
				continue
			}
			ft := textnorm.Fold(cd.text)
			for _, w := range splitWordsAppend(nil, ft) {
				check(ft, w.s, w.e)
			}
		}
	}
}

func BenchmarkSplitWords(b *testing.B) {
	text := corpusText(b, "en") + corpusText(b, "ru")
	b.SetBytes(int64(len(text)))
	var words []word
	for b.Loop() {
		words = splitWordsAppend(words[:0], text)
	}
}

func BenchmarkStemRU(b *testing.B) {
	words := strings.Fields(textnorm.Fold(corpusText(b, "ru")))
	for b.Loop() {
		for _, w := range words {
			stemRU(w)
		}
	}
}

func BenchmarkTemplateCandidates(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	lx := r.lex["en"]
	text := textnorm.Fold(corpusText(b, "en"))
	words := splitWordsAppend(nil, text)
	for b.Loop() {
		for _, w := range words {
			lx.tix.candidates(text, w.s, w.e)
		}
	}
}

// BenchmarkRecognizeGen runs Recognize on generated articles (data/gen,
// as BenchmarkExtract in package data does) of each Latin or Cyrillic
// language.
func BenchmarkRecognizeGen(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "id", "de", "es", "fr"} {
		b.Run(lang, func(b *testing.B) {
			gn, err := gen.New(g, 7, 100*len(gen.Languages))
			if err != nil {
				b.Fatal(err)
			}
			var docs []ingest.Document
			n := 0
			for a := range gn.All {
				if a.Lang != lang {
					continue
				}
				d, err := ingest.Parse(a.Name, a.Data)
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, d)
				n += len(d.Text)
				if len(docs) == 100 {
					break
				}
			}
			for _, d := range docs {
				r.Recognize(d.Text, d.Lang, d.Date)
			}
			b.SetBytes(int64(n))
			c0 := processCPU()
			iters := 0
			for b.Loop() {
				for _, d := range docs {
					r.Recognize(d.Text, d.Lang, d.Date)
				}
				iters++
			}
			if c1 := processCPU(); c0 >= 0 && c1 > c0 {
				b.ReportMetric(float64(n)*float64(iters)/(c1-c0)/1e6, "MB/cpu-s")
			}
		})
	}
}
