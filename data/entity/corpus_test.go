package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
)

// corpusDir is the gold development corpus (read-only, outside the module).
var corpusDir = func() string {
	if d := os.Getenv("PARLEY_CORPUS"); d != "" {
		return d
	}
	return "/work/shared/corpus"
}()

type goldEntity struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	InText []string `json:"in_text"`
}

type goldLine struct {
	File     string       `json:"file"`
	Lang     string       `json:"lang"`
	Date     *string      `json:"date"`
	Entities []goldEntity `json:"entities"`
}

type corpusDoc struct {
	gold goldLine
	text string
	date time.Time
}

func loadCorpus(t testing.TB) []corpusDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "gold.jsonl"))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var out []corpusDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var g goldLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold line: %v", err)
		}
		raw, err := os.ReadFile(filepath.Join(corpusDir, g.File))
		if err != nil {
			t.Fatalf("read %s: %v", g.File, err)
		}
		text := string(raw)
		switch {
		case strings.Contains(g.File, "euckr"):
			b, err := korean.EUCKR.NewDecoder().Bytes(raw)
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
		case strings.Contains(g.File, "cp1251"):
			b, err := charmap.Windows1251.NewDecoder().Bytes(raw)
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
		}
		var date time.Time
		if g.Date != nil {
			date, _ = time.Parse("2006-01-02", *g.Date)
		}
		out = append(out, corpusDoc{gold: g, text: text, date: date})
	}
	return out
}

type langScore struct {
	gold, found, foundAny int
	ments, falseMents     int
}

// TestCorpusRecall scores entity recall per language as FORMAT.md does: a
// gold entity is found when one of its in_text forms is a mention resolved
// to the entity the gold name resolves to. It also reports mention
// precision (mentions of entities that are not in the article's gold).
func TestCorpusRecall(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := loadCorpus(t)
	scores := map[string]*langScore{}
	var misses, fps []string
	for _, cd := range docs {
		ls := scores[cd.gold.Lang]
		if ls == nil {
			ls = &langScore{}
			scores[cd.gold.Lang] = ls
		}
		_, ments := r.Recognize(cd.text, cd.gold.Lang, cd.date)
		goldKeys := map[string]bool{}
		for _, ge := range cd.gold.Entities {
			ls.gold++
			e, _, ok := r.Resolve(ge.Name)
			if !ok {
				misses = append(misses, fmt.Sprintf("%s: gold name %q not resolved", cd.gold.File, ge.Name))
				continue
			}
			goldKeys[e.Key] = true
			forms := map[string]bool{}
			for _, f := range ge.InText {
				forms[f] = true
			}
			found, any := false, false
			for _, m := range ments {
				if m.EntityKey != e.Key || m.Via == ViaRole || m.Via == ViaPronoun {
					continue
				}
				any = true
				if forms[m.Surface] {
					found = true
				}
			}
			if found {
				ls.found++
			} else {
				misses = append(misses, fmt.Sprintf("%s: %s %q not found (any mention: %v)", cd.gold.File, ge.Name, ge.InText, any))
			}
			if any {
				ls.foundAny++
			}
		}
		for _, m := range ments {
			ls.ments++
			if !goldKeys[m.EntityKey] {
				ls.falseMents++
				fps = append(fps, fmt.Sprintf("%s: %q → %s (%s)", cd.gold.File, m.Surface, m.EntityKey, m.Via))
			}
		}
	}
	langs := make([]string, 0, len(scores))
	for l := range scores {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	fmt.Fprintf(&b, "\nlang  gold  found  recall  any-form  mentions  foreign  precision\n")
	var tot langScore
	for _, l := range langs {
		s := scores[l]
		fmt.Fprintf(&b, "%-4s  %4d  %5d  %6.3f  %8.3f  %8d  %7d  %9.3f\n", l, s.gold, s.found, ratio(s.found, s.gold), ratio(s.foundAny, s.gold), s.ments, s.falseMents, 1-ratio(s.falseMents, s.ments))
		tot.gold += s.gold
		tot.found += s.found
		tot.foundAny += s.foundAny
		tot.ments += s.ments
		tot.falseMents += s.falseMents
	}
	fmt.Fprintf(&b, "%-4s  %4d  %5d  %6.3f  %8.3f  %8d  %7d  %9.3f\n", "all", tot.gold, tot.found, ratio(tot.found, tot.gold), ratio(tot.foundAny, tot.gold), tot.ments, tot.falseMents, 1-ratio(tot.falseMents, tot.ments))
	t.Log(b.String())
	if testing.Verbose() {
		for _, m := range misses {
			t.Log("miss: " + m)
		}
		for _, m := range fps {
			t.Log("foreign: " + m)
		}
	}
	for _, l := range langs {
		if s := scores[l]; ratio(s.found, s.gold) < 0.90 {
			t.Errorf("%s: entity recall %.3f < 0.90", l, ratio(s.found, s.gold))
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
