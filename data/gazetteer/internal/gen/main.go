// Command gen writes Parley's built-in gazetteer (assets/gazetteer/*.jsonl)
// from the tables in this package. Country names in the nine languages
// start from the CLDR display names shipped with golang.org/x/text and are
// completed by hand-written tables (short forms, demonyms, capitals,
// abbreviations, inflected forms); organisations and people are written by
// hand.
//
// Usage (from the module root):
//
//	go run ./data/gazetteer/internal/gen -out assets/gazetteer
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parley/data/gazetteer"
)

// langs are the languages every entry is written for, plus zh-Hant.
var langs = []string{"en", "id", "ko", "ru", "zh", "ja", "es", "fr", "de"}

// latin are the languages that share one Latin-script spelling by default.
var latin = []string{"en", "id", "es", "fr", "de"}

// L is a compact language table: each value is a "|"-separated list.
// The key "lat" stands for every language in latin.
type L map[string]string

// expand turns an L into a names map; forms for "lat" come after the
// language's own forms.
func expand(l L) map[string][]string {
	if len(l) == 0 {
		return nil
	}
	out := map[string][]string{}
	for k, v := range l {
		if k == "lat" {
			continue
		}
		out[k] = appendUnique(out[k], split(v)...)
	}
	if v, ok := l["lat"]; ok {
		for _, lg := range latin {
			out[lg] = appendUnique(out[lg], split(v)...)
		}
	}
	for k, v := range out {
		if len(v) == 0 {
			delete(out, k)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// expandOverride is expand where a language's own forms replace the "lat"
// forms instead of being added to them (capitals: es "Moscú" only).
func expandOverride(l L) map[string][]string {
	if v, ok := l["lat"]; ok {
		m := L{}
		for k, x := range l {
			m[k] = x
		}
		delete(m, "lat")
		for _, lg := range latin {
			if _, own := m[lg]; !own {
				m[lg] = v
			}
		}
		l = m
	}
	return expand(l)
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func appendUnique(dst []string, src ...string) []string {
	for _, s := range src {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		dup := false
		for _, d := range dst {
			if d == s {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}

func merge(dst map[string][]string, src map[string][]string) map[string][]string {
	if dst == nil {
		dst = map[string][]string{}
	}
	for k, v := range src {
		dst[k] = appendUnique(dst[k], v...)
	}
	return dst
}

func main() {
	out := flag.String("out", "assets/gazetteer", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files := map[string][]gazetteer.Entry{
		"countries.jsonl":     buildCountries(),
		"organizations.jsonl": buildOrgs(),
		"people.jsonl":        buildPeople(),
	}
	for name, entries := range files {
		if err := write(filepath.Join(dir, name), entries); err != nil {
			return err
		}
		fmt.Printf("%s: %d entries\n", name, len(entries))
	}
	return nil
}

func write(path string, entries []gazetteer.Entry) error {
	sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
	var buf bytes.Buffer
	for _, e := range entries {
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("encode %s: %w", e.ID, err)
		}
		buf.Write(line.Bytes())
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
