package entity

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestResolveTyped(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string // want "" = must not resolve
	}{
		{"shoigu", "person:sergei-shoigu"},
		{"Shoygu", "person:sergei-shoigu"},
		{"Kim Jong-un", "person:kim-jong-un"},
		{"kim jong un", "person:kim-jong-un"},
		{"Ким Чен Ын", "person:kim-jong-un"},
		{"Ким Чен Ыном", "person:kim-jong-un"},
		{"김정은", "person:kim-jong-un"},
		{"金正恩", "person:kim-jong-un"},
		{"Kim Jong Il", "person:kim-jong-il"},
		{"Kim Yo Jong", "person:kim-yo-jong"},
		{"Li Qiang", "person:li-qiang"},
		{"Sergej Lawrow", "person:sergei-lavrov"},
		{"Serguei Lavrov", "person:sergei-lavrov"},
		{"Wladimir Putin", "person:vladimir-putin"},
		{"Nordkoreas", "country:KP"},
		{"习近平", "person:xi-jinping"},
		{"Kim", ""},
		{"Zzyzx Qwerty", ""},
	}
	for _, tc := range tests {
		e, score, ok := r.Resolve(tc.in)
		got := ""
		if ok {
			got = e.Key
		}
		if got != tc.want {
			t.Errorf("Resolve(%q) = %q (%.3f), want %q", tc.in, got, score, tc.want)
		}
	}
	// near neighbours must stay apart
	for _, p := range [][2]string{{"Kim Jong Un", "Kim Jong Il"}, {"Kim Jong Un", "Kim Yo Jong"}, {"Li Qiang", "Li Keqiang"}} {
		if s := NameSimilarity(p[0], p[1]); s >= FuzzyThreshold {
			t.Errorf("NameSimilarity(%q, %q) = %.3f, want < %.2f", p[0], p[1], s, FuzzyThreshold)
		}
	}
	for _, p := range [][2]string{{"Sergei Shoigu", "Sergej Schoigu"}, {"Kim Jong-un", "Kim Jong Un"}, {"Sergej Lawrow", "Sergei Lavrov"}, {"Wolodymyr Selenskyj", "Volodymyr Zelensky"}} {
		if s := NameSimilarity(p[0], p[1]); s < FuzzyThreshold {
			t.Errorf("NameSimilarity(%q, %q) = %.3f, want >= %.2f", p[0], p[1], s, FuzzyThreshold)
		}
	}
}

type variantPair struct {
	a, b  string
	match bool
	note  string
}

func loadVariants(t testing.TB) []variantPair {
	f, err := os.Open("testdata/variants.tsv")
	if err != nil {
		t.Skipf("variants table not available: %v", err)
	}
	defer f.Close()
	var out []variantPair
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if strings.HasPrefix(line, "a\t") {
				continue
			}
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 3 || strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, variantPair{a: parts[0], b: parts[1], match: strings.TrimSpace(parts[2]) == "1", note: strings.Join(parts[3:], " ")})
	}
	return out
}

type prf struct{ tp, fp, fn, tn int }

func (c *prf) add(pred, gold bool) {
	switch {
	case pred && gold:
		c.tp++
	case pred && !gold:
		c.fp++
	case !pred && gold:
		c.fn++
	default:
		c.tn++
	}
}

func (c prf) String() string {
	p := ratio(c.tp, c.tp+c.fp)
	r := ratio(c.tp, c.tp+c.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp %d fp %d fn %d tn %d)", p, r, f, c.tp, c.fp, c.fn, c.tn)
}

// TestVariantsTable measures the resolver and the name similarity on the
// cross-script pair table: (1) the resolver alone: a pair matches when
// both names resolve to the same gazetteer entity; (2) the Latin-form
// similarity alone, for a sweep of thresholds (this is how FuzzyThreshold
// was chosen); (3) both: resolver when both names resolve, else similarity.
func TestVariantsTable(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs := loadVariants(t)
	var res, comb prf
	thresholds := []float64{0.70, 0.75, 0.80, 0.84, 0.86, 0.88, 0.90, 0.92, 0.95}
	sims := make([]prf, len(thresholds))
	combs := make([]prf, len(thresholds))
	var errs []string
	for _, p := range pairs {
		ea, _, oka := r.Resolve(p.a)
		eb, _, okb := r.Resolve(p.b)
		pred := oka && okb && ea.Key == eb.Key
		res.add(pred, p.match)
		s := NameSimilarity(p.a, p.b)
		for i, th := range thresholds {
			sims[i].add(s >= th, p.match)
			if oka && okb {
				combs[i].add(pred, p.match)
			} else {
				combs[i].add(s >= th, p.match)
			}
		}
		cp := pred
		if !(oka && okb) {
			cp = s >= FuzzyThreshold
		}
		comb.add(cp, p.match)
		if cp != p.match {
			errs = append(errs, fmt.Sprintf("%q ~ %q gold %v (resolved %v/%v %q %q, sim %.2f) %s", p.a, p.b, p.match, oka, okb, ea.Key, eb.Key, s, p.note))
		}
	}
	t.Logf("variants table: %d pairs", len(pairs))
	t.Logf("resolver (same entity):          %s", res)
	for i, th := range thresholds {
		t.Logf("similarity >= %.2f:              %s", th, sims[i])
		t.Logf("  resolver, else similarity:     %s", combs[i])
	}
	t.Logf("resolver, else similarity %.2f: %s", FuzzyThreshold, comb)
	if testing.Verbose() {
		for _, e := range errs {
			t.Log("error: " + e)
		}
	}
	if p := ratio(res.tp, res.tp+res.fp); p < 0.95 {
		t.Errorf("resolver precision %.3f < 0.95", p)
	}
}

// TestCorpusResolver resolves every gold in_text form and checks it against
// the entity of the gold canonical name.
func TestCorpusResolver(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var c prf
	var wrong []string
	for _, cd := range loadCorpus(t) {
		for _, ge := range cd.gold.Entities {
			g, _, ok := r.Resolve(ge.Name)
			if !ok {
				t.Errorf("gold name %q does not resolve", ge.Name)
				continue
			}
			for _, f := range ge.InText {
				e, _, ok := r.Resolve(f)
				switch {
				case ok && e.Key == g.Key:
					c.tp++
				case ok:
					c.fp++
					wrong = append(wrong, fmt.Sprintf("%q → %s, want %s", f, e.Key, g.Key))
				default:
					c.fn++
				}
			}
		}
	}
	t.Logf("corpus in_text forms resolved to the gold entity: %s", c)
	for _, w := range wrong {
		t.Log("wrong: " + w)
	}
	if c.fp > 0 {
		t.Errorf("%d forms resolved to the wrong entity", c.fp)
	}
}
