package meeting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Mr. Biden met Mr. Xi. They talked.", []string{"Mr. Biden met Mr. Xi.", "They talked."}},
		{"en", "The U.S. and Japan agreed. Talks resume in Jan. next year.", []string{"The U.S. and Japan agreed.", "Talks resume in Jan. next year."}},
		{"en", "Growth was 3.5 percent. Officials were pleased.", []string{"Growth was 3.5 percent.", "Officials were pleased."}},
		{"en", "J. R. Smith arrived. He left.", []string{"J. R. Smith arrived.", "He left."}},
		{"en", "\"We met,\" he said. \"It went well.\" Then he left.", []string{"\"We met,\" he said.", "\"It went well.\"", "Then he left."}},
		{"en", "He asked: why now? Nobody knew!", []string{"He asked: why now?", "Nobody knew!"}},
		{"en", "Headline without stop\n\nBody starts here. It ends.", []string{"Headline without stop", "Body starts here.", "It ends."}},
		{"en", "WOODSIDE, Calif. — The leaders met.", []string{"WOODSIDE, Calif. — The leaders met."}},
		{"de", "Das Treffen fand am 5. März statt. Danach reiste er ab.", []string{"Das Treffen fand am 5. März statt.", "Danach reiste er ab."}},
		{"zh", "习近平会见了客人。双方进行了会谈！会谈持续两小时？", []string{"习近平会见了客人。", "双方进行了会谈！", "会谈持续两小时？"}},
		{"ja", "両氏は会談した。「成果があった」と述べた。", []string{"両氏は会談した。", "「成果があった」と述べた。"}},
		{"zh", "他说：“会谈很成功。”随后离开。", []string{"他说：“会谈很成功。”", "随后离开。"}},
		{"ko", "두 정상은 만났다. 회담은 2시간 진행됐다.", []string{"두 정상은 만났다.", "회담은 2시간 진행됐다."}},
		{"ru", "Встреча прошла 5 марта 2024 г. в Москве. Стороны договорились.", []string{"Встреча прошла 5 марта 2024 г. в Москве.", "Стороны договорились."}},
		{"id", "Presiden tiba Senin (13/3). Ia langsung bertemu menteri.", []string{"Presiden tiba Senin (13/3).", "Ia langsung bertemu menteri."}},
		{"xx", "One. Two.", []string{"One.", "Two."}},
	}
	for _, c := range cases {
		got := Split(c.text, c.lang)
		var texts []string
		for _, s := range got {
			texts = append(texts, s.Text)
			if c.text[s.Start:s.End] != s.Text {
				t.Errorf("%q: offsets %d:%d do not give %q", c.text, s.Start, s.End, s.Text)
			}
		}
		if strings.Join(texts, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q\n got %q\nwant %q", c.lang, c.text, texts, c.want)
		}
	}
}

func checkSplit(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("bad offsets %d:%d (prev %d, len %d)", s.Start, s.End, prev, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("text mismatch at %d:%d", s.Start, s.End)
		}
		prev = s.End
	}
}

func corpusSeeds(f *testing.F) {
	files, _ := filepath.Glob("/work/shared/corpus/articles/*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil && utf8.Valid(b) {
			f.Add(string(b), filepath.Base(p)[:2])
		}
	}
	f.Add("Mr. Kim met Mr. Putin. U.S. officials said so.", "en")
	f.Add("金正恩同普京举行会谈。", "zh")
}

// fuzzLangs maps the fuzzed language string onto the packs (and one
// language without a pack), so that every pack is exercised.
var fuzzLangs = []string{"en", "id", "ko", "ru", "zh", "ja", "es", "fr", "de", "xx"}

func fuzzLang(s string) string {
	for _, l := range fuzzLangs {
		if s == l {
			return l
		}
	}
	return fuzzLangs[len(s)%len(fuzzLangs)]
}

func FuzzSplit(f *testing.F) {
	corpusSeeds(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkSplit(t, text, Split(text, fuzzLang(lang)))
	})
}

func FuzzDetect(f *testing.F) {
	corpusSeeds(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		// every capitalised word is a person; every word in CAPS a country
		var ms []Mention
		for i, w := range strings.Fields(text) {
			_ = i
			idx := strings.Index(text, w)
			if idx < 0 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if r >= 'A' && r <= 'Z' {
				ms = append(ms, Mention{Key: w, Kind: Person, Start: idx, End: idx + len(w)})
			}
		}
		for _, e := range Detect(text, fuzzLang(lang), fixedDay, ms) {
			if len(e.Participants) < 2 {
				t.Fatalf("event with %d participants", len(e.Participants))
			}
			if e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Evidence {
				t.Fatalf("bad evidence offsets")
			}
			switch e.Status {
			case Held, Planned, Denied:
			default:
				t.Fatalf("bad status %q", e.Status)
			}
		}
	})
}

func TestSplitCapsRunawaySentences(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("word ", 100000),
		strings.Repeat("조선중앙통신", 5000),
		strings.Repeat("x", 9999),
	} {
		ss := Split(text, "en")
		if len(ss) < 2 {
			t.Fatalf("%d sentences for %d bytes", len(ss), len(text))
		}
		for _, s := range ss {
			if s.End-s.Start > maxSentence || text[s.Start:s.End] != s.Text || !utf8.ValidString(s.Text) {
				t.Fatalf("bad sentence %d..%d", s.Start, s.End)
			}
		}
	}
}

// TestSplitStrayContinuationBytes: a run of continuation bytes longer
// than a sentence has no rune start to cut at; Split must still end.
func TestSplitStrayContinuationBytes(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("\x80", 5000),
		"Kim met Putin. " + strings.Repeat("\xbf", 2044) + " and then " + strings.Repeat("\x9a", 3000) + ".",
	} {
		ss := Split(text, "en")
		checkSplit(t, text, ss)
		if len(ss) < 2 {
			t.Errorf("%d sentences for %d bytes", len(ss), len(text))
		}
		Detect(text, "en", fixedDay, nil)
	}
}
