package entity

import (
	"fmt"
	"unicode/utf8"

	"math/rand"
	"parley/data/textnorm"
	"sort"
	"strings"
	"testing"
)

type acHit struct {
	s, e int
	id   int32
}

func naiveScan(pats []string, text string) []acHit {
	var out []acHit
	for e := 1; e <= len(text); e++ {
		for id, p := range pats {
			if p != "" && e >= len(p) && text[e-len(p):e] == p {
				out = append(out, acHit{e - len(p), e, int32(id)})
			}
		}
	}
	return out
}

func sortHits(h []acHit) {
	sort.Slice(h, func(i, j int) bool {
		if h[i].e != h[j].e {
			return h[i].e < h[j].e
		}
		if h[i].s != h[j].s {
			return h[i].s < h[j].s
		}
		return h[i].id < h[j].id
	})
}

func TestMatcherAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alpha := "abc "
	for round := 0; round < 300; round++ {
		var pats []string
		for i := 0; i < 1+rng.Intn(12); i++ {
			var b strings.Builder
			for j := 0; j < 1+rng.Intn(5); j++ {
				b.WriteByte(alpha[rng.Intn(len(alpha))])
			}
			pats = append(pats, b.String())
		}
		var tb strings.Builder
		for j := 0; j < rng.Intn(60); j++ {
			tb.WriteByte(alpha[rng.Intn(len(alpha))])
		}
		text := tb.String()
		m := buildMatcher(pats)
		var got []acHit
		m.scanAll(text, func(s, e int, id int32) { got = append(got, acHit{s, e, id}) })
		want := naiveScan(pats, text)
		sortHits(got)
		sortHits(want)
		if len(got) != len(want) {
			t.Fatalf("pats %q text %q: got %v want %v", pats, text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("pats %q text %q: got %v want %v", pats, text, got, want)
			}
		}
	}
}

// TestMatcherStartRules checks scan against a naive search filtered by the
// start rules: no start inside a word of an alphabetic script, a Hangul run
// or a katakana run.
func TestMatcherStartRules(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alpha := []string{"a", "b", "ж", "김", "정", "キ", "ム", "金", " ", ".", "の", "1"}
	for round := 0; round < 500; round++ {
		var pats []string
		for i := 0; i < 1+rng.Intn(10); i++ {
			var b strings.Builder
			for j := 0; j < 1+rng.Intn(4); j++ {
				b.WriteString(alpha[rng.Intn(len(alpha))])
			}
			pats = append(pats, b.String())
		}
		var tb strings.Builder
		for j := 0; j < rng.Intn(40); j++ {
			tb.WriteString(alpha[rng.Intn(len(alpha))])
		}
		text := tb.String()
		m := buildMatcher(pats)
		var got []acHit
		m.scan(text, func(s, e int, id int32) { got = append(got, acHit{s, e, id}) })
		var want []acHit
		for _, h := range naiveScan(pats, text) {
			if !utf8.RuneStart(text[h.s]) {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(text[:h.s])
			cur, _ := utf8.DecodeRuneInString(text[h.s:])
			ps, cs := textnorm.ScriptOf(prev), textnorm.ScriptOf(cur)
			if h.s == 0 {
				ps = textnorm.ScriptOther
			}
			if ps.IsAlnumScript() && cs.IsAlnumScript() || ps == cs && (cs == textnorm.ScriptHangul || cs == textnorm.ScriptKatakana) {
				continue
			}
			want = append(want, h)
		}
		sortHits(got)
		sortHits(want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("pats %q text %q: got %v want %v", pats, text, got, want)
		}
	}
}
