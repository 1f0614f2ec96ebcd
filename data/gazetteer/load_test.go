package gazetteer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"parley/assets"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return g
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestHolderOf(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		role, country, date string
		want                string // "" = no holder
	}{
		{"defence_minister", "RU", "2023-07-26", "person:sergei-shoigu"},
		{"defence_minister", "RU", "2024-05-11", "person:sergei-shoigu"},
		{"defence_minister", "RU", "2024-05-12", "person:sergei-shoigu"},
		{"defence_minister", "RU", "2024-05-13", ""},
		{"defence_minister", "RU", "2024-05-14", "person:andrei-belousov"},
		{"defence_minister", "RU", "", "person:andrei-belousov"},
		{"defence_minister", "ru", "2025-01-01", "person:andrei-belousov"},
		{"head_of_state", "KR", "2025-01-15", "person:yoon-suk-yeol"},
		{"head_of_state", "KR", "2025-04-04", "person:yoon-suk-yeol"},
		{"head_of_state", "KR", "2025-06-04", "person:lee-jae-myung"},
		{"head_of_state", "KR", "2025-09-01", "person:lee-jae-myung"},
		{"head_of_state", "KR", "2019-06-30", "person:moon-jae-in"},
		{"head_of_state", "US", "2021-01-20", "person:joe-biden"},
		{"head_of_state", "US", "2019-06-30", "person:donald-trump"},
		{"head_of_state", "US", "2025-02-01", "person:donald-trump"},
		{"head_of_state", "US", "", "person:donald-trump"},
		{"leader", "KP", "2023-07-27", "person:kim-jong-un"},
		{"head_of_state", "KP", "2023-07-27", "person:kim-jong-un"},
		{"leader", "KP", "2000-06-13", "person:kim-jong-il"},
		{"foreign_minister", "CN", "2023-05-01", "person:qin-gang"},
		{"foreign_minister", "CN", "2023-09-01", "person:wang-yi"},
		{"president_of_commission", "org:european-commission", "2024-05-06", "person:ursula-von-der-leyen"},
		{"head_of_government", "JP", "2024-11-15", "person:shigeru-ishiba"},
		{"head_of_government", "JP", "2023-05-01", "person:fumio-kishida"},
		{"defence_minister", "XX", "2023-05-01", ""},
		{"no_such_role", "RU", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.role+"/"+tc.country+"/"+tc.date, func(t *testing.T) {
			e, ok := g.HolderOf(tc.role, tc.country, day(tc.date))
			if tc.want == "" {
				if ok {
					t.Fatalf("got %s, want no holder", e.ID)
				}
				return
			}
			if !ok || e.ID != tc.want {
				t.Fatalf("got %q (%v), want %s", e.ID, ok, tc.want)
			}
		})
	}
}

func TestLookups(t *testing.T) {
	g := mustDefault(t)
	if g2 := mustDefault(t); g2 != g {
		t.Error("Default did not cache the gazetteer")
	}
	if e, ok := g.CountryByCode("kp"); !ok || e.Name != "North Korea" {
		t.Errorf("CountryByCode(kp) = %q, %v", e.Name, ok)
	}
	if _, ok := g.CountryByCode("QQ"); ok {
		t.Error("CountryByCode(QQ) found an entry")
	}
	if e, ok := g.ByID("person:sergei-shoigu"); !ok || e.Name != "Sergei Shoigu" {
		t.Errorf("ByID(shoigu) = %q, %v", e.Name, ok)
	}
	if _, ok := g.ByID("person:nobody"); ok {
		t.Error("ByID(nobody) found an entry")
	}
	es := g.Entries()
	if !sort.SliceIsSorted(es, func(i, j int) bool { return es[i].ID < es[j].ID }) {
		t.Error("Entries not sorted by id")
	}
	kinds := map[string]int{}
	for _, e := range es {
		kinds[e.Kind]++
	}
	if kinds[Country] < 240 || kinds[Organization] < 12 || kinds[Person] < 50 {
		t.Errorf("too few entries: %v", kinds)
	}
}

// TestFilesSorted checks the data files are one object per line, sorted by id.
func TestFilesSorted(t *testing.T) {
	for _, f := range []string{"countries", "organizations", "people"} {
		data, err := assets.FS.ReadFile("gazetteer/" + f + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		var prev string
		for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
			var e Entry
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%s line %d: %v", f, i+1, err)
			}
			if e.ID <= prev {
				t.Errorf("%s line %d: id %s not after %s", f, i+1, e.ID, prev)
			}
			prev = e.ID
		}
	}
}

func TestValidation(t *testing.T) {
	base := func() []Entry {
		return []Entry{
			{ID: "country:RU", Kind: Country, Name: "Russia", Country: "RU", Names: map[string][]string{"en": {"Russia"}}},
			{ID: "person:a", Kind: Person, Name: "A B", Country: "RU", Names: map[string][]string{"en": {"A B"}},
				Roles: []Role{{Role: "defence_minister", Country: "RU", From: "2012-11-06", To: "2024-05-12"}}},
			{ID: "person:c", Kind: Person, Name: "C D", Country: "RU", Names: map[string][]string{"en": {"C D"}},
				Roles: []Role{{Role: "defence_minister", Country: "RU", From: "2024-05-12"}}},
		}
	}
	if _, err := New(base()); err != nil {
		t.Fatalf("valid set rejected: %v", err)
	}
	tests := []struct {
		name   string
		mutate func([]Entry) []Entry
		want   string
	}{
		{"duplicate id", func(es []Entry) []Entry { es[2].ID = "person:a"; return es }, "duplicate id"},
		{"unknown kind", func(es []Entry) []Entry { es[1].Kind = "city"; return es }, "unknown kind"},
		{"unknown role", func(es []Entry) []Entry { es[1].Roles[0].Role = "king"; return es }, "unknown role"},
		{"bad date", func(es []Entry) []Entry { es[1].Roles[0].From = "2012-13-06"; return es }, "bad from date"},
		{"from after to", func(es []Entry) []Entry { es[1].Roles[0].To = "2010-01-01"; return es }, "is after"},
		{"unknown country", func(es []Entry) []Entry { es[1].Country = "SU"; return es }, "unknown country"},
		{"unknown role country", func(es []Entry) []Entry { es[1].Roles[0].Country = "XX"; return es }, "unknown country"},
		{"unknown org", func(es []Entry) []Entry { es[1].Roles[0].Country = "org:nato"; return es }, "unknown organisation"},
		{"empty name", func(es []Entry) []Entry { es[1].Names["ru"] = []string{" "}; return es }, "empty names"},
		{"no names", func(es []Entry) []Entry { es[1].Names = nil; return es }, "no names"},
		{"empty list", func(es []Entry) []Entry { es[1].Names["de"] = nil; return es }, "empty names list"},
		{"shared name", func(es []Entry) []Entry { es[2].Names["en"] = append(es[2].Names["en"], "a  b"); return es }, "shared by"},
		{"shared short ok", func(es []Entry) []Entry {
			es[1].Short = map[string][]string{"en": {"Kim"}}
			es[2].Short = map[string][]string{"en": {"Kim"}}
			return es
		}, ""},
		{"short vs name", func(es []Entry) []Entry {
			es[1].Short = map[string][]string{"en": {"C D"}}
			return es
		}, "shared by"},
		{"overlap", func(es []Entry) []Entry { es[2].Roles[0].From = "2020-01-01"; return es }, "overlap"},
		{"open overlap", func(es []Entry) []Entry { es[1].Roles[0].To = ""; return es }, "overlap"},
		{"aides may overlap", func(es []Entry) []Entry {
			es[1].Roles[0].Role, es[2].Roles[0].Role = "aide", "aide"
			es[2].Roles[0].From = "2020-01-01"
			return es
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.mutate(base()))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && err == nil:
				t.Fatalf("no error, want %q", tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("empty fs: no error")
	}
	bad := fstest.MapFS{"gazetteer/x.jsonl": {Data: []byte(`{"id":"country:RU","kind":"country","name":"Russia","country":"RU","names":{"en":["Russia"]}}` + "\n{not json}\n")}}
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad json: err = %v, want line 2", err)
	}
	unknown := fstest.MapFS{"gazetteer/x.jsonl": {Data: []byte(`{"id":"country:RU","kind":"country","name":"Russia","country":"RU","names":{"en":["Russia"]},"nick":"x"}`)}}
	if _, err := Load(unknown); err == nil {
		t.Error("unknown field accepted")
	}
}

// corpusDir is the shared gold development corpus.
const corpusDir = "/work/shared/corpus"

// TestCorpusCanonicalNames checks every canonical entity named in the
// corpus README exists with the right kind, and every surface form listed
// for a person there resolves to that person.
func TestCorpusCanonicalNames(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(corpusDir, "README.md"))
	if err != nil {
		t.Skip("corpus absent:", err)
	}
	g := mustDefault(t)
	idx := indexByName(g)
	kinds := map[string]string{"People": Person, "Countries": Country, "Organizations": Organization}
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		for label, kind := range kinds {
			prefix := "**" + label + " ("
			if !strings.HasPrefix(line, prefix) {
				continue
			}
			list := line[strings.Index(line, ":**")+3:]
			for _, name := range strings.Split(list, ";") {
				name = strings.TrimSpace(name)
				e, ok := idx[kind+"|"+name]
				if !ok {
					t.Errorf("%s %q missing", kind, name)
					continue
				}
				if e.Name != name {
					t.Errorf("%s: canonical name %q, corpus uses %q", e.ID, e.Name, name)
				}
				n++
			}
		}
		// "- **Kim Jong Un** (23): Kim · Kim Jong Un · ..."
		if strings.HasPrefix(line, "- **") && strings.Contains(line, "): ") {
			name := line[4 : strings.Index(line[4:], "**")+4]
			e, ok := idx[Person+"|"+name]
			if !ok {
				t.Errorf("person %q missing", name)
				continue
			}
			forms := strings.Split(line[strings.Index(line, "): ")+3:], " · ")
			for _, f := range forms {
				checkForm(t, e, f, "")
			}
		}
	}
	if n != 92 {
		t.Errorf("checked %d canonical names, want 92", n)
	}
}

func indexByName(g *Gazetteer) map[string]Entry {
	m := map[string]Entry{}
	for _, e := range g.Entries() {
		m[e.Kind+"|"+e.Name] = e
	}
	return m
}

// checkForm reports whether form is a listed name of e; inflected and
// title forms that a matcher derives from a listed name are logged.
func checkForm(t *testing.T, e Entry, form, lang string) {
	t.Helper()
	how := formKind(e, form)
	switch how {
	case "":
		t.Errorf("%s: surface form %q (%s) not listed", e.ID, form, lang)
	case "name", "short", "abbrev":
	default:
		t.Logf("%s: %q (%s) is a %s form, left to the matcher", e.ID, form, lang, how)
	}
}

// titles are words that follow a name as a title in CJK text.
var titles = []string{"위원장", "대통령", "주석", "총리", "총비서", "장관", "首相", "主席", "氏", "総書記", "大統領", "国家主席", "委員長", "外相", "国防相", "总统", "总书记", "委员长"}

// formKind says how form relates to e: "name", "short", "abbrev",
// "inflected" (a listed Cyrillic or Latin name with case endings),
// "title" (a listed name or short form followed by a title) or "".
func formKind(e Entry, form string) string {
	f := Fold(form)
	has := func(m map[string][]string) bool {
		for _, list := range m {
			for _, n := range list {
				if Fold(n) == f {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has(e.Names):
		return "name"
	case has(e.Short):
		return "short"
	case has(e.Abbrev):
		return "abbrev"
	}
	all := func(fn func(string) bool) bool {
		for _, m := range []map[string][]string{e.Names, e.Short} {
			for _, list := range m {
				for _, n := range list {
					if fn(Fold(n)) {
						return true
					}
				}
			}
		}
		return false
	}
	if all(func(n string) bool { return inflectionOf(f, n) }) {
		return "inflected"
	}
	for _, title := range titles {
		base := strings.TrimSpace(strings.TrimSuffix(f, title))
		if base != f && base != "" && all(func(n string) bool { return n == base }) {
			return "title"
		}
	}
	return ""
}

// inflectionOf reports whether form is name with case endings on its words
// (Лаврова ← Лавров, Ким Чен Ыном ← Ким Чен Ын, Kims ← Kim).
func inflectionOf(form, name string) bool {
	fw, nw := strings.Fields(form), strings.Fields(name)
	if len(fw) != len(nw) || form == name {
		return false
	}
	for i := range fw {
		if fw[i] == nw[i] {
			continue
		}
		if !inflectedWord(fw[i], nw[i]) {
			return false
		}
	}
	return true
}

var endings = []string{"s", "es", "а", "я", "у", "ю", "ом", "ем", "ым", "им", "ой", "ей", "е", "и", "ы", "ого", "его", "ому", "ему"}

func inflectedWord(w, base string) bool {
	br := []rune(base)
	stems := []string{base}
	if len(br) > 2 && strings.ContainsRune("аяйьыи", br[len(br)-1]) {
		stems = append(stems, string(br[:len(br)-1]))
	}
	for _, s := range stems {
		if !strings.HasPrefix(w, s) {
			continue
		}
		rest := strings.TrimPrefix(w, s)
		for _, e := range endings {
			if rest == e && unicode.IsLetter([]rune(rest)[0]) {
				return true
			}
		}
	}
	return false
}

type goldLine struct {
	File     string `json:"file"`
	Lang     string `json:"lang"`
	Entities []struct {
		Name   string   `json:"name"`
		Kind   string   `json:"kind"`
		InText []string `json:"in_text"`
	} `json:"entities"`
}

// TestGoldSurfaceForms checks every gold in_text form of a person, country
// or organisation is a name, short form or abbreviation of the right entry
// (inflected and title forms are logged: the entity matcher derives them).
func TestGoldSurfaceForms(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "gold.jsonl"))
	if err != nil {
		t.Skip("corpus absent:", err)
	}
	defer f.Close()
	g := mustDefault(t)
	idx := indexByName(g)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	counts := map[string]int{}
	for sc.Scan() {
		var gl goldLine
		if err := json.Unmarshal(sc.Bytes(), &gl); err != nil {
			t.Fatal(err)
		}
		for _, ent := range gl.Entities {
			e, ok := idx[ent.Kind+"|"+ent.Name]
			if !ok {
				t.Errorf("%s: %s %q missing", gl.File, ent.Kind, ent.Name)
				continue
			}
			for _, form := range ent.InText {
				how := formKind(e, form)
				counts[how]++
				switch how {
				case "":
					t.Errorf("%s: %s form %q (%s) not listed", gl.File, e.ID, form, gl.Lang)
				case "inflected", "title":
					t.Logf("%s: %q (%s) is a %s form of %s", gl.File, form, gl.Lang, how, e.ID)
				}
			}
		}
	}
	t.Logf("gold forms by kind: %v", counts)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(assets.FS); err != nil {
			b.Fatal(err)
		}
	}
}
