// Package eval scores the extraction pipeline against a gold-annotated
// corpus in the format of FORMAT.md: held-pair precision/recall/F1, count
// accuracy, planned and denied pair P/R/F1, entity recall, date accuracy and
// language identification accuracy, per language and overall.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parley/data/extract"
	"parley/data/ingest"
)

// GoldEntity is an entity of a gold line.
type GoldEntity struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	InText []string `json:"in_text"`
}

// GoldMeeting is a meeting record of a gold line.
type GoldMeeting struct {
	Participants []string `json:"participants"`
	Times        int      `json:"times"`
	Status       string   `json:"status"`
	Kind         string   `json:"kind,omitempty"`
}

// Gold is one line of gold.jsonl.
type Gold struct {
	File     string        `json:"file"`
	Lang     string        `json:"lang"`
	Outlet   string        `json:"outlet"`
	Date     *string       `json:"date"`
	Entities []GoldEntity  `json:"entities"`
	Meetings []GoldMeeting `json:"meetings"`
}

// ReadGold reads a gold.jsonl file.
func ReadGold(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening gold file: %w", err)
	}
	defer f.Close()
	var out []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("gold file line %d: %w", n, err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold file: %w", err)
	}
	return out, nil
}

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision is TP/(TP+FP) (1 when nothing was predicted and nothing expected).
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *PRF) add(o PRF) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Scores are the figures for one language or the whole corpus.
type Scores struct {
	Articles      int
	Held          PRF
	CountsRight   int // matched held pairs whose times equal the gold times
	Planned       PRF
	Denied        PRF
	EntitiesFound int
	EntitiesGold  int
	DatesRight    int
	LangRight     int
	Errors        int // articles that failed to load or extract
}

// CountAccuracy is CountsRight over matched held pairs.
func (s Scores) CountAccuracy() float64 { return ratio(s.CountsRight, s.Held.TP) }

// EntityRecall is the share of gold entities found.
func (s Scores) EntityRecall() float64 { return ratio(s.EntitiesFound, s.EntitiesGold) }

// DateAccuracy is the share of articles whose date matches the gold date.
func (s Scores) DateAccuracy() float64 { return ratio(s.DatesRight, s.Articles) }

// LangAccuracy is the share of articles whose language was identified.
func (s Scores) LangAccuracy() float64 { return ratio(s.LangRight, s.Articles) }

func (s *Scores) add(o Scores) {
	s.Articles += o.Articles
	s.Held.add(o.Held)
	s.CountsRight += o.CountsRight
	s.Planned.add(o.Planned)
	s.Denied.add(o.Denied)
	s.EntitiesFound += o.EntitiesFound
	s.EntitiesGold += o.EntitiesGold
	s.DatesRight += o.DatesRight
	s.LangRight += o.LangRight
	s.Errors += o.Errors
}

// Article is the score of one article with its differences, for debugging.
type Article struct {
	File    string
	Lang    string
	Scores  Scores
	Err     error
	Missing []string // gold items not found ("held Kim Jong Un + Sergei Shoigu", "entity X")
	Extra   []string // system items not in the gold
	Counts  []string // matched held pairs with a wrong count ("Kim Jong Un + Sergei Shoigu: 2, gold 4")
}

// Report is the result of Evaluate.
type Report struct {
	Overall  Scores
	ByLang   map[string]Scores
	Articles []Article
}

// Evaluate scores ex on the corpus in corpusDir (gold.jsonl and the files it
// names), loading each article with load.
func Evaluate(ctx context.Context, corpusDir string, ex *extract.Extractor, load func(ctx context.Context, path string) (ingest.Document, error)) (Report, error) {
	golds, err := ReadGold(filepath.Join(corpusDir, "gold.jsonl"))
	if err != nil {
		return Report{}, err
	}
	rep := Report{ByLang: map[string]Scores{}}
	for _, g := range golds {
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("evaluation stopped: %w", err)
		}
		a := scoreArticle(ctx, corpusDir, g, ex, load)
		rep.Articles = append(rep.Articles, a)
		s := rep.ByLang[g.Lang]
		s.add(a.Scores)
		rep.ByLang[g.Lang] = s
		rep.Overall.add(a.Scores)
	}
	return rep, nil
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

func scoreArticle(ctx context.Context, dir string, g Gold, ex *extract.Extractor, load func(context.Context, string) (ingest.Document, error)) Article {
	a := Article{File: g.File, Lang: g.Lang}
	s := &a.Scores
	s.Articles = 1
	s.EntitiesGold = len(g.Entities)
	goldHeld, goldPlanned, goldDenied := map[string]int{}, map[string]bool{}, map[string]bool{}
	// resolve gold names through the system's resolver
	keyOf := map[string]string{}
	nameOf := map[string]string{}
	resolve := func(name string) string {
		if k, ok := keyOf[name]; ok {
			return k
		}
		k := "unresolved:" + name
		if e, ok := ex.Resolve(name); ok {
			k = e.Key
		}
		keyOf[name] = k
		nameOf[k] = name
		return k
	}
	for _, m := range g.Meetings {
		for i := 0; i < len(m.Participants); i++ {
			for j := i + 1; j < len(m.Participants); j++ {
				pk := pairKey(resolve(m.Participants[i]), resolve(m.Participants[j]))
				switch m.Status {
				case extract.StatusHeld:
					goldHeld[pk] = m.Times
				case extract.StatusPlanned:
					goldPlanned[pk] = true
				case extract.StatusDenied:
					goldDenied[pk] = true
				}
			}
		}
	}
	doc, err := load(ctx, filepath.Join(dir, filepath.FromSlash(g.File)))
	var res extract.Result
	if err == nil {
		res, err = ex.Extract(ctx, doc)
	}
	if err != nil {
		a.Err = err
		s.Errors = 1
		s.Held.FN = len(goldHeld)
		s.Planned.FN = len(goldPlanned)
		s.Denied.FN = len(goldDenied)
		return a
	}
	if doc.Lang == g.Lang {
		s.LangRight = 1
	}
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.Format("2006-01-02")
	}
	if (g.Date == nil && date == "") || (g.Date != nil && *g.Date == date) {
		s.DatesRight = 1
	} else {
		gd := "null"
		if g.Date != nil {
			gd = *g.Date
		}
		a.Missing = append(a.Missing, "date "+gd+" (got "+date+")")
	}
	for _, e := range res.Entities {
		if _, ok := nameOf[e.Key]; !ok {
			nameOf[e.Key] = e.Name
		}
	}
	label := func(pk string) string {
		x, y, _ := strings.Cut(pk, "\x00")
		return nameOf[x] + " + " + nameOf[y]
	}
	// entities
	for _, ge := range g.Entities {
		k := resolve(ge.Name)
		found := false
		for _, m := range res.Mentions {
			if m.EntityKey != k {
				continue
			}
			for _, f := range ge.InText {
				if m.Surface == f {
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if found {
			s.EntitiesFound++
		} else {
			a.Missing = append(a.Missing, "entity "+ge.Name)
		}
	}
	sysHeld, sysPlanned, sysDenied := map[string]int{}, map[string]bool{}, map[string]bool{}
	for _, r := range res.Records {
		for i := 0; i < len(r.Participants); i++ {
			for j := i + 1; j < len(r.Participants); j++ {
				pk := pairKey(r.Participants[i], r.Participants[j])
				switch r.Status {
				case extract.StatusHeld:
					if r.Times > sysHeld[pk] {
						sysHeld[pk] = r.Times
					}
				case extract.StatusPlanned:
					sysPlanned[pk] = true
				case extract.StatusDenied:
					sysDenied[pk] = true
				}
			}
		}
	}
	for pk, gt := range goldHeld {
		st, ok := sysHeld[pk]
		if !ok {
			s.Held.FN++
			a.Missing = append(a.Missing, "held "+label(pk))
			continue
		}
		s.Held.TP++
		if st == gt {
			s.CountsRight++
		} else {
			a.Counts = append(a.Counts, fmt.Sprintf("%s: %d, gold %d", label(pk), st, gt))
		}
	}
	for pk := range sysHeld {
		if _, ok := goldHeld[pk]; !ok {
			s.Held.FP++
			a.Extra = append(a.Extra, "held "+label(pk))
		}
	}
	setPRF := func(name string, gold, sys map[string]bool, prf *PRF) {
		for pk := range gold {
			if sys[pk] {
				prf.TP++
			} else {
				prf.FN++
				a.Missing = append(a.Missing, name+" "+label(pk))
			}
		}
		for pk := range sys {
			if !gold[pk] {
				prf.FP++
				a.Extra = append(a.Extra, name+" "+label(pk))
			}
		}
	}
	setPRF("planned", goldPlanned, sysPlanned, &s.Planned)
	setPRF("denied", goldDenied, sysDenied, &s.Denied)
	sort.Strings(a.Missing)
	sort.Strings(a.Extra)
	sort.Strings(a.Counts)
	return a
}

// Table renders the report as a fixed-width text table, one row per
// language and an overall row.
func (r Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-4s %4s | %5s %5s %5s | %5s | %5s %5s %5s | %5s %5s %5s | %5s %5s %5s | %s\n",
		"lang", "docs", "heldP", "heldR", "heldF", "count", "planP", "planR", "planF", "denP", "denR", "denF", "entR", "date", "lang", "errors")
	row := func(name string, s Scores) {
		fmt.Fprintf(&b, "%-4s %4d | %5.2f %5.2f %5.2f | %5.2f | %5.2f %5.2f %5.2f | %5.2f %5.2f %5.2f | %5.2f %5.2f %5.2f | %d\n",
			name, s.Articles, s.Held.Precision(), s.Held.Recall(), s.Held.F1(), s.CountAccuracy(),
			s.Planned.Precision(), s.Planned.Recall(), s.Planned.F1(),
			s.Denied.Precision(), s.Denied.Recall(), s.Denied.F1(),
			s.EntityRecall(), s.DateAccuracy(), s.LangAccuracy(), s.Errors)
	}
	langs := make([]string, 0, len(r.ByLang))
	for l := range r.ByLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		row(l, r.ByLang[l])
	}
	row("all", r.Overall)
	return b.String()
}

// Details renders the per-article differences (missing and extra items,
// wrong counts), one article per block; articles without differences are
// left out.
func (r Report) Details() string {
	var b strings.Builder
	for _, a := range r.Articles {
		if a.Err == nil && len(a.Missing) == 0 && len(a.Extra) == 0 && len(a.Counts) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s\n", a.File)
		if a.Err != nil {
			fmt.Fprintf(&b, "  error: %v\n", a.Err)
		}
		for _, m := range a.Missing {
			fmt.Fprintf(&b, "  - %s\n", m)
		}
		for _, m := range a.Extra {
			fmt.Fprintf(&b, "  + %s\n", m)
		}
		for _, m := range a.Counts {
			fmt.Fprintf(&b, "  # %s\n", m)
		}
	}
	return b.String()
}
