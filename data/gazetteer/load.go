package gazetteer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"parley/assets"
)

// Dir is the folder of the gazetteer files inside an assets file system.
const Dir = "gazetteer"

const dateLayout = "2006-01-02"

// Gazetteer is a loaded, validated set of entries. It is safe for
// concurrent use; callers must not modify the returned entries' maps.
type Gazetteer struct {
	entries   []Entry
	byID      map[string]int
	byCountry map[string]int    // ISO code → index of the country entry
	holders   map[string][]held // role|country → terms sorted by start
}

type held struct {
	idx      int
	from, to time.Time // to is zero while in office
}

// Load reads and validates every gazetteer/*.jsonl file of fsys.
func Load(fsys fs.FS) (*Gazetteer, error) {
	files, err := fs.Glob(fsys, path.Join(Dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: list files: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("gazetteer: no %s/*.jsonl files found", Dir)
	}
	sort.Strings(files)
	var entries []Entry
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: read %s: %w", f, err)
		}
		es, err := parseLines(f, data)
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	return New(entries)
}

func parseLines(file string, data []byte) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("gazetteer: %s line %d: %w", file, line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", file, err)
	}
	return out, nil
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer embedded in the binary, loaded once.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Load(assets.FS)
	})
	return defaultGaz, defaultErr
}

// Entries returns every entry (countries, organisations, people), sorted by id.
func (g *Gazetteer) Entries() []Entry { return g.entries }

// ByID returns the entry with the given id ("person:sergei-shoigu").
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// CountryByCode returns the country entry for an ISO 3166-1 alpha-2 code
// (case-insensitive).
func (g *Gazetteer) CountryByCode(code string) (Entry, bool) {
	i, ok := g.byCountry[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// HolderOf returns the person who held role for country (an ISO code, or an
// organisation id for organisation roles) on date. With a zero date it
// returns the most recent holder (the one still in office, else the one who
// left last). On a hand-over day the incoming holder wins.
func (g *Gazetteer) HolderOf(role, country string, date time.Time) (Entry, bool) {
	terms := g.holders[roleKey(role, country)]
	if len(terms) == 0 {
		return Entry{}, false
	}
	if date.IsZero() {
		best := -1
		for i, t := range terms {
			if best < 0 || laterTerm(t, terms[best]) {
				best = i
			}
		}
		return g.entries[terms[best].idx], true
	}
	d := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	for i := len(terms) - 1; i >= 0; i-- { // latest start first
		t := terms[i]
		if !d.Before(t.from) && (t.to.IsZero() || !d.After(t.to)) {
			return g.entries[t.idx], true
		}
	}
	return Entry{}, false
}

func laterTerm(a, b held) bool {
	switch {
	case a.to.IsZero() && !b.to.IsZero():
		return true
	case !a.to.IsZero() && b.to.IsZero():
		return false
	case a.to.IsZero() && b.to.IsZero():
		return a.from.After(b.from)
	}
	return a.to.After(b.to) || a.to.Equal(b.to) && a.from.After(b.from)
}

func roleKey(role, country string) string {
	c := strings.TrimSpace(country)
	if !strings.Contains(c, ":") {
		c = strings.ToUpper(c)
	}
	return role + "|" + c
}

// exclusiveRoles are held by one person at a time per country; the others
// (aides, spokespeople, envoys, vice presidents) may have several holders.
var exclusiveRoles = map[string]bool{
	"head_of_state": true, "head_of_government": true, "leader": true,
	"foreign_minister": true, "defence_minister": true, "chief_of_staff": true,
	"secretary_general": true, "president_of_commission": true,
}

var knownKinds = map[string]bool{Person: true, Country: true, Organization: true}

func knownRole(r string) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// New validates entries and builds a Gazetteer from them. It is what Load
// uses after parsing; tests and tools may call it directly.
func New(entries []Entry) (*Gazetteer, error) {
	es := make([]Entry, len(entries))
	copy(es, entries)
	sort.SliceStable(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	g := &Gazetteer{
		entries:   es,
		byID:      make(map[string]int, len(es)),
		byCountry: map[string]int{},
		holders:   map[string][]held{},
	}
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	for i, e := range es {
		if e.ID == "" {
			bad("entry %q has no id", e.Name)
			continue
		}
		if _, dup := g.byID[e.ID]; dup {
			bad("%s: duplicate id", e.ID)
			continue
		}
		g.byID[e.ID] = i
		if !knownKinds[e.Kind] {
			bad("%s: unknown kind %q", e.ID, e.Kind)
		}
		if strings.TrimSpace(e.Name) == "" {
			bad("%s: empty canonical name", e.ID)
		}
		if e.Kind == Country {
			if e.Country == "" {
				bad("%s: country without code", e.ID)
			} else if j, dup := g.byCountry[e.Country]; dup {
				bad("%s: country code %s already used by %s", e.ID, e.Country, es[j].ID)
			} else {
				g.byCountry[e.Country] = i
			}
		}
		if len(e.Names) == 0 {
			bad("%s: no names", e.ID)
		}
		for field, m := range map[string]map[string][]string{"names": e.Names, "short": e.Short, "demonyms": e.Demonyms, "capitals": e.Capitals, "abbrev": e.Abbrev} {
			for lang, list := range m {
				if len(list) == 0 {
					bad("%s: empty %s list for %s", e.ID, field, lang)
				}
				for _, n := range list {
					if strings.TrimSpace(n) == "" {
						bad("%s: empty %s entry for %s", e.ID, field, lang)
					}
				}
			}
		}
	}
	// Second pass: references, roles, name clashes.
	type owner struct {
		idx   int
		short bool
	}
	seen := map[string][]owner{} // kind|lang|folded name → owners
	for i, e := range es {
		if e.Country != "" && e.Kind != Country {
			if _, ok := g.byCountry[e.Country]; !ok {
				bad("%s: unknown country %q", e.ID, e.Country)
			}
		}
		for ri, r := range e.Roles {
			if e.Kind != Person {
				bad("%s: only people have roles", e.ID)
				break
			}
			if !knownRole(r.Role) {
				bad("%s: role %d: unknown role %q", e.ID, ri, r.Role)
			}
			if strings.Contains(r.Country, ":") {
				if _, ok := g.byID[r.Country]; !ok {
					bad("%s: role %s: unknown organisation %q", e.ID, r.Role, r.Country)
				}
			} else if _, ok := g.byCountry[r.Country]; !ok {
				bad("%s: role %s: unknown country %q", e.ID, r.Role, r.Country)
			}
			from, err := time.Parse(dateLayout, r.From)
			if err != nil {
				bad("%s: role %s: bad from date %q: %w", e.ID, r.Role, r.From, err)
				continue
			}
			var to time.Time
			if r.To != "" {
				if to, err = time.Parse(dateLayout, r.To); err != nil {
					bad("%s: role %s: bad to date %q: %w", e.ID, r.Role, r.To, err)
					continue
				}
				if to.Before(from) {
					bad("%s: role %s: from %s is after to %s", e.ID, r.Role, r.From, r.To)
					continue
				}
			}
			k := roleKey(r.Role, r.Country)
			g.holders[k] = append(g.holders[k], held{idx: i, from: from, to: to})
		}
		add := func(m map[string][]string, short bool) {
			for lang, list := range m {
				for _, n := range list {
					k := e.Kind + "|" + lang + "|" + Fold(n)
					seen[k] = append(seen[k], owner{i, short})
				}
			}
		}
		add(e.Names, false)
		add(e.Short, true)
	}
	for k, owners := range seen {
		ids := map[int]bool{}
		allShort := true
		for _, o := range owners {
			ids[o.idx] = true
			allShort = allShort && o.short
		}
		if len(ids) > 1 && !allShort {
			var names []string
			for id := range ids {
				names = append(names, es[id].ID)
			}
			sort.Strings(names)
			parts := strings.SplitN(k, "|", 3)
			bad("name %q (%s) is shared by %s: list it in short", parts[2], parts[1], strings.Join(names, ", "))
		}
	}
	// Terms of the same role and country must not overlap (a hand-over
	// day shared by the outgoing and incoming holder is allowed).
	for k, terms := range g.holders {
		sort.Slice(terms, func(i, j int) bool { return terms[i].from.Before(terms[j].from) })
		if !exclusiveRoles[strings.SplitN(k, "|", 2)[0]] {
			continue
		}
		for i := 1; i < len(terms); i++ {
			prev, cur := terms[i-1], terms[i]
			if prev.to.IsZero() || cur.from.Before(prev.to) {
				bad("role %s: %s and %s overlap", strings.Replace(k, "|", " ", 1), es[prev.idx].ID, es[cur.idx].ID)
			}
		}
	}
	if len(errs) > 0 {
		sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
		return nil, fmt.Errorf("gazetteer: %d invalid entries: %w", len(errs), errors.Join(errs...))
	}
	return g, nil
}

// Fold normalises a name for comparison: lower case, curly apostrophes and
// dashes unified, spaces collapsed.
func Fold(s string) string {
	s = foldReplacer.Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

var foldReplacer = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-", "–", "-", "—", "-", "\u00a0", " ")
