package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Jong-un", "kim jong un"},
		{"Kim Jong Un", "kim jong un"},
		{"kim  jong\u00a0un", "kim jong un"},
		{"Kim Jong–un", "kim jong un"},
		{"Sergueï Choïgou", "serguei choigou"},
		{"Pedro Sánchez", "pedro sanchez"},
		{"Ёлкин", "елкин"},
		{"Шойгу", "шойгу"},
		{"Außenminister", "aussenminister"},
		{"l’Unification", "l'unification"},
		{"ＡＰＥＣ", "apec"},
		{"ｷﾑ･ｼﾞｮﾝｳﾝ", "キムジョンウン"},
		{"キム・ジョンウン", "キムジョンウン"},
		{"한·미", "한 미"},
		{"弗拉基米尔·普京", "弗拉基米尔 普京"},
		{"  Xi  ", "xi"},
		{"Erdoğan", "erdogan"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldMapOffsets(t *testing.T) {
	s := "Kim Jong-un met Сергеем Шойгу and ＡＰＥＣ in Straße"
	f := FoldMap(s)
	for _, w := range []string{"kim jong un", "сергеем шойгу", "apec", "strasse"} {
		i := strings.Index(f.Text, w)
		if i < 0 {
			t.Fatalf("%q not in %q", w, f.Text)
		}
		a, b := f.Span(i, i+len(w))
		got := s[a:b]
		if Fold(got) != w {
			t.Errorf("span of %q = %q", w, got)
		}
	}
	// a match ending inside ß → ss covers the whole ß
	i := strings.Index(f.Text, "stras")
	a, b := f.Span(i, i+len("stras"))
	if s[a:b] != "Straß" {
		t.Errorf("partial expansion span = %q", s[a:b])
	}
}

func TestMapWords(t *testing.T) {
	s := "Ким Чен Ыном"
	f := FoldMap(s).MapWords(func(w string) string {
		if strings.HasSuffix(w, "ом") {
			return w[:len(w)-len("ом")]
		}
		return w
	})
	if f.Text != "ким чен ын" {
		t.Fatalf("stemmed = %q", f.Text)
	}
	a, b := f.Span(0, len(f.Text))
	if s[a:b] != s {
		t.Errorf("span = %q, want the whole inflected name", s[a:b])
	}
}

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Шойгу", "shoigu"},
		{"Ким Чен Ын", "kim chen yn"},
		{"Сергей Лавров", "sergei lavrov"},
		{"쇼이구", "syoigu"},
		{"김정은", "gimjeongeun"},
		{"ショイグ", "shoigu"},
		{"ショイグー", "shoigu"},
		{"キム・ジョンウン", "kimujonun"},
		{"キッシンジャー", "kisshinja"},
		{"ウィンストン", "winsuton"},
		{"绍伊古", "shaoyigu"},
		{"習近平", "xijinping"},
		{"习近平", "xijinping"},
		{"Kim Jong-un", "kim jong un"},
		{"Sergueï Choïgou", "serguei choigou"},
	}
	for _, tc := range tests {
		if got := Latin(tc.in); got != tc.want {
			t.Errorf("Latin(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScript(t *testing.T) {
	for r, want := range map[rune]Script{'a': ScriptLatin, 'é': ScriptLatin, '7': ScriptLatin, 'ж': ScriptCyrillic, '김': ScriptHangul,
		'習': ScriptHan, 'タ': ScriptKatakana, 'ー': ScriptKatakana, 'の': ScriptHiragana, ' ': ScriptOther, '、': ScriptOther} {
		if got := ScriptOf(r); got != want {
			t.Errorf("ScriptOf(%q) = %d, want %d", r, got, want)
		}
	}
}

// checkFolded verifies the offset-map invariants of FoldMap.
func checkFolded(t *testing.T, s string, f *Folded) {
	if len(f.off) != len(f.Text)+1 {
		t.Fatalf("offset map length %d for text length %d", len(f.off), len(f.Text))
	}
	if f.OrigLen() != len(s) {
		t.Fatalf("OrigLen %d != %d", f.OrigLen(), len(s))
	}
	for i := 1; i < len(f.off); i++ {
		if f.off[i] < f.off[i-1] {
			t.Fatalf("offset map not monotonic at %d", i)
		}
	}
	for i := 0; i+1 < len(f.off); i++ {
		if int(f.off[i]) > len(s) {
			t.Fatalf("offset %d out of range", f.off[i])
		}
	}
	// spans of whole folded runes end on original rune boundaries
	if utf8.ValidString(s) {
		for i := 0; i <= len(f.Text); {
			a, b := f.Span(0, i)
			if a > b || b > len(s) || b < len(s) && !utf8.RuneStart(s[b]) {
				t.Fatalf("span(0,%d) = %d,%d breaks a rune", i, a, b)
			}
			if i == len(f.Text) {
				break
			}
			_, size := utf8.DecodeRuneInString(f.Text[i:])
			i += size
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Kim Jong-un", "キム・ジョンウン", "ｷﾑ･ｼﾞｮﾝｳﾝ", "Сергеем Шойгу", "Straße", "尹, 시진핑", "\xff\xfe", "ガ\u3099", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm := FoldMap(s)
		checkFolded(t, s, fm)
		if utf8.ValidString(s) && !utf8.ValidString(fm.Text) {
			t.Fatalf("invalid UTF-8 from valid input")
		}
		// folding is idempotent
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		st := fm.MapWords(func(w string) string {
			if len(w) > 2 {
				return w[:len(w)-1]
			}
			return w
		})
		checkFolded(t, s, st)
		_ = Latin(s)
	})
}

var benchText = strings.Repeat("North Korean leader Kim Jong-un met Russian Defence Minister Sergei Shoigu in Pyongyang on Wednesday, "+
	"Ким Чен Ын встретился с Сергеем Шойгу. 김정은 국무위원장은 쇼이구 장관을 만났다. 金正恩（キム・ジョンウン）総書記はショイグ国防相と会談した。", 200)

// reportCPU adds the MB/cpu-s metric: bytes per second of process CPU
// time, meaningful on a machine loaded by other work.
func reportCPU(b *testing.B, c0 float64, bytes int64) {
	if c1 := processCPU(); c0 >= 0 && c1 > c0 {
		b.ReportMetric(float64(bytes)/(c1-c0)/1e6, "MB/cpu-s")
	}
}

func BenchmarkFoldMap(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	c0, n := processCPU(), int64(0)
	for b.Loop() {
		FoldMap(benchText)
		n++
	}
	reportCPU(b, c0, n*int64(len(benchText)))
}

func BenchmarkFold(b *testing.B) {
	words := strings.Fields(benchText[:len(benchText)/200])
	total := 0
	for _, w := range words {
		total += len(w)
	}
	b.SetBytes(int64(total))
	c0, n := processCPU(), int64(0)
	for b.Loop() {
		for _, w := range words {
			Fold(w)
		}
		n++
	}
	reportCPU(b, c0, n*int64(total))
}

func BenchmarkLatin(b *testing.B) {
	s := "Ким Чен Ын 김정은 キム・ジョンウン 习近平 Sergueï Choïgou"
	b.SetBytes(int64(len(s)))
	c0, n := processCPU(), int64(0)
	for b.Loop() {
		Latin(s)
		n++
	}
	reportCPU(b, c0, n*int64(len(s)))
}

func TestAppendFoldAndMapWordsText(t *testing.T) {
	buf := make([]byte, 0, 8)
	for _, s := range []string{"Kim Jong-un", "ｷﾑ･ｼﾞｮﾝｳﾝ", "ガ\u3099", "Сергеем Шойгу", "Straße", "  Xi  ", "", "abc", "x\xffy"} {
		got := string(AppendFold(append(buf[:0], "pre:"...), s))
		if want := "pre:" + FoldMap(s).Text; got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", s, got, want)
		}
		stem := func(w string) string {
			if len(w) > 3 {
				return w[:len(w)-1]
			}
			return w
		}
		f := Fold(s)
		if got, want := MapWordsText(f, stem), strings.TrimSpace(FoldMap(s).MapWords(stem).Text); got != want {
			t.Errorf("MapWordsText(%q) = %q, want %q", f, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], "Сергеем") }); n != 0 {
		t.Errorf("AppendFold allocates %.0f times with a large enough buffer", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Fold("north korea") }); n != 0 {
		t.Errorf("Fold of a folded ASCII string allocates %.0f times", n)
	}
}
