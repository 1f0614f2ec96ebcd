package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/data/ingest"
)

func mustDefault(t testing.TB) *Extractor {
	t.Helper()
	ex, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return ex
}

func doc(lang, date, text string) ingest.Document {
	d := ingest.Document{Path: "test.txt", Lang: lang, Text: text}
	if date != "" {
		d.Date, _ = time.Parse("2006-01-02", date)
	}
	return d
}

type rec struct {
	names  string
	status string
	times  int
	kind   string
}

func records(t *testing.T, ex *Extractor, d ingest.Document) []rec {
	t.Helper()
	res, err := ex.Extract(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.Key] = e.Name
	}
	var out []rec
	for _, r := range res.Records {
		var ns []string
		for _, p := range r.Participants {
			ns = append(ns, names[p])
		}
		out = append(out, rec{strings.Join(ns, "+"), r.Status, r.Times, r.Kind})
	}
	return out
}

func hasRec(rs []rec, want rec) bool {
	for _, r := range rs {
		a := strings.Split(r.names, "+")
		b := strings.Split(want.names, "+")
		same := len(a) == len(b)
		for _, x := range b {
			found := false
			for _, y := range a {
				found = found || x == y
			}
			same = same && found
		}
		if same && r.status == want.status && r.times == want.times && (want.kind == "*" || r.kind == want.kind) {
			return true
		}
	}
	return false
}

func TestRecords(t *testing.T) {
	ex := mustDefault(t)
	cases := []struct {
		name string
		d    ingest.Document
		want []rec
		not  []rec
	}{
		{"distinct meetings by date", doc("en", "2024-03-14",
			"Narendra Modi met Vladimir Putin in Moscow on Tuesday. The two leaders met again on Wednesday for a second day of talks."),
			[]rec{{"Narendra Modi+Vladimir Putin", "held", 2, "summit"}}, nil},
		{"explicit count wins", doc("en", "2024-03-14",
			"Narendra Modi has met Vladimir Putin six times. On Tuesday Modi met Putin in Moscow."),
			[]rec{{"Narendra Modi+Vladimir Putin", "held", 6, "summit"}}, nil},
		{"background meeting adds one", doc("en", "2024-03-14",
			"Emmanuel Macron met Xi Jinping in Paris on Monday. They last met in person in April 2023 in Guangzhou."),
			[]rec{{"Emmanuel Macron+Xi Jinping", "held", 2, "summit"}}, nil},
		{"planned and held same pair", doc("en", "2024-03-14",
			"Emmanuel Macron met Xi Jinping in Paris on Monday. Macron will meet Xi in Beijing next year."),
			[]rec{{"Emmanuel Macron+Xi Jinping", "held", 1, "*"}, {"Emmanuel Macron+Xi Jinping", "planned", 1, "*"}}, nil},
		{"cancelled plan is denied only", doc("en", "2024-03-14",
			"Donald Trump said he had cancelled a planned summit with Vladimir Putin. The two had agreed to meet in Budapest."),
			[]rec{{"Donald Trump+Vladimir Putin", "denied", 1, "*"}},
			[]rec{{"Donald Trump+Vladimir Putin", "planned", 1, "*"}}},
		{"call kind", doc("en", "2024-03-14",
			"Olaf Scholz spoke by phone with Vladimir Putin on Friday."),
			[]rec{{"Olaf Scholz+Vladimir Putin", "held", 1, "call"}}, nil},
		{"mixed kinds", doc("en", "2024-03-14",
			"Olaf Scholz spoke by phone with Vladimir Putin on Friday. Scholz last met Putin in person in Moscow in February 2022."),
			[]rec{{"Olaf Scholz+Vladimir Putin", "held", 2, ""}}, nil},
		{"multi-party kept when no pair overlaps", doc("en", "2023-08-18",
			"Joe Biden hosted Yoon Suk Yeol and Fumio Kishida for a trilateral summit at Camp David on Friday."),
			[]rec{{"Joe Biden+Yoon Suk Yeol+Fumio Kishida", "held", 1, "summit"}}, nil},
		{"multi-party decomposed when a pair overlaps", doc("en", "2024-05-06",
			"Xi Jinping held trilateral talks with Emmanuel Macron and Ursula von der Leyen in Paris on Monday. Macron and Xi then met separately for a one-on-one meeting."),
			[]rec{{"Emmanuel Macron+Xi Jinping", "held", 2, "*"}, {"Ursula von der Leyen+Xi Jinping", "held", 1, "*"}}, nil},
		{"planned ordinal implies earlier meetings", doc("es", "2019-01-09",
			"Washington y Pionyang preparan una segunda cumbre entre Kim Jong Un y Donald Trump."),
			[]rec{{"Kim Jong Un+Donald Trump", "planned", 2, "*"}, {"Kim Jong Un+Donald Trump", "held", 1, "*"}}, nil},
		{"several earlier meetings in one sentence", doc("es", "2024-11-16",
			"Joe Biden se reunió el sábado con Xi Jinping en Lima. Biden y Xi ya se habían visto cara a cara en Bali en noviembre de 2022 y en Woodside hace un año."),
			[]rec{{"Joe Biden+Xi Jinping", "held", 3, "*"}}, nil},
		{"undated recall of dated earlier meeting", doc("fr", "2025-07-01",
			"Emmanuel Macron s'est entretenu mardi par téléphone avec Vladimir Poutine, une première depuis près de trois ans. Leur précédent entretien téléphonique remontait à septembre 2022."),
			[]rec{{"Emmanuel Macron+Vladimir Putin", "held", 2, "call"}}, nil},
		{"indonesian held", doc("id", "2024-11-10",
			"Presiden Prabowo Subianto bertemu Presiden China Xi Jinping di Beijing, Sabtu (9/11/2024)."),
			[]rec{{"Prabowo Subianto+Xi Jinping", "held", 1, "summit"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := records(t, ex, c.d)
			for _, w := range c.want {
				if !hasRec(got, w) {
					t.Errorf("missing %+v in %+v", w, got)
				}
			}
			for _, w := range c.not {
				if hasRec(got, w) {
					t.Errorf("unexpected %+v in %+v", w, got)
				}
			}
		})
	}
}

func TestJSONLine(t *testing.T) {
	ex := mustDefault(t)
	d := doc("en", "2024-03-14", "Narendra Modi met Vladimir Putin in Moscow on Tuesday, the Kremlin said. Modi thanked Putin.")
	d.Outlet, d.Title = "Example Daily", "Modi in Moscow"
	res, err := ex.Extract(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	b, err := JSONLine("articles/x.txt", d, res)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		File     string  `json:"file"`
		Lang     string  `json:"lang"`
		Date     *string `json:"date"`
		Outlet   string  `json:"outlet"`
		Title    string  `json:"title"`
		Entities []struct {
			Name     string   `json:"name"`
			Kind     string   `json:"kind"`
			Mentions []string `json:"mentions"`
		} `json:"entities"`
		Meetings []struct {
			Participants []string `json:"participants"`
			Times        int      `json:"times"`
			Status       string   `json:"status"`
			Evidence     []string `json:"evidence"`
		} `json:"meetings"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if v.File != "articles/x.txt" || v.Lang != "en" || v.Date == nil || *v.Date != "2024-03-14" || v.Outlet != "Example Daily" || v.Title != "Modi in Moscow" {
		t.Errorf("header wrong: %s", b)
	}
	if len(v.Meetings) != 1 || v.Meetings[0].Status != "held" || len(v.Meetings[0].Participants) != 2 || len(v.Meetings[0].Evidence) != 1 {
		t.Errorf("meetings wrong: %s", b)
	}
	found := false
	for _, e := range v.Entities {
		if e.Name == "Narendra Modi" {
			found = strings.Contains(strings.Join(e.Mentions, "|"), "Narendra Modi") && strings.Contains(strings.Join(e.Mentions, "|"), "Modi")
		}
	}
	if !found {
		t.Errorf("entity mentions wrong: %s", b)
	}
	// null date
	d.Date = time.Time{}
	b, _ = JSONLine("x", d, Result{})
	if !strings.Contains(string(b), `"date":null`) || !strings.Contains(string(b), `"meetings":[]`) {
		t.Errorf("empty result: %s", b)
	}
}

func TestExtractConcurrent(t *testing.T) {
	ex := mustDefault(t)
	d := doc("en", "2024-03-14", "Narendra Modi met Vladimir Putin in Moscow on Tuesday.")
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := ex.Extract(context.Background(), d); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestExtractErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := mustDefault(t).Extract(ctx, doc("en", "", "x")); err == nil {
		t.Error("cancelled context: no error")
	}
	if _, err := New(nil).Extract(context.Background(), doc("en", "", "x")); err == nil {
		t.Error("nil recogniser: no error")
	}
	if _, ok := New(nil).Resolve("Putin"); ok {
		t.Error("nil recogniser resolved a name")
	}
	if e, ok := mustDefault(t).Resolve("Vladimir Putin"); !ok || e.Name != "Vladimir Putin" {
		t.Errorf("Resolve: %+v %v", e, ok)
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("/work/shared/corpus/articles/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), filepath.Base(p)[:2])
		}
	}
	f.Add("Narendra Modi met Vladimir Putin four times.", "en")
	ex, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	day := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, lang string) {
		res, err := ex.Extract(context.Background(), ingest.Document{Text: text, Lang: lang, Date: day})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Records {
			if r.Times < 1 || len(r.Participants) < 2 {
				t.Fatalf("bad record %+v", r)
			}
			for _, i := range r.Meetings {
				if i < 0 || i >= len(res.Meetings) {
					t.Fatalf("bad meeting index %d", i)
				}
			}
		}
		if _, err := JSONLine("f", ingest.Document{Text: text, Lang: lang}, res); err != nil {
			t.Fatal(err)
		}
	})
}

func benchDoc(b *testing.B, name, lang string) {
	raw, err := os.ReadFile(filepath.Join("/work/shared/corpus/articles", name))
	if err != nil {
		b.Skip("corpus not available")
	}
	ex := mustDefault(b)
	d := ingest.Document{Text: string(raw), Lang: lang, Date: time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		if _, err := ex.Extract(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractEnglish(b *testing.B) { benchDoc(b, "en-trump-putin-budapest-off.txt", "en") }

func BenchmarkExtractChinese(b *testing.B) { benchDoc(b, "zh-xi-kim-third-meeting-2018.txt", "zh") }

// fakeRec recognises fixed spans: a known person and a name the gazetteer
// does not know.
type fakeRec struct{ ents []Entity }

func (f fakeRec) Recognize(text, lang string, date time.Time) ([]Entity, []Mention) {
	var ms []Mention
	for _, e := range f.ents {
		for off := 0; ; {
			i := strings.Index(text[off:], e.Name)
			if i < 0 {
				break
			}
			ms = append(ms, Mention{EntityKey: e.Key, Start: off + i, End: off + i + len(e.Name), Surface: e.Name, Via: "name"})
			off += i + len(e.Name)
		}
	}
	return f.ents, ms
}

func (f fakeRec) Resolve(name string) (Entity, float64, bool) { return Entity{}, 0, false }

func TestNewNamesNeedTwoMentions(t *testing.T) {
	rec := fakeRec{ents: []Entity{
		{Key: "p:a", Name: "Anna Alpha", Kind: KindPerson, Known: true},
		{Key: "new:person:harbor", Name: "Harbor City", Kind: KindPerson},
		{Key: "new:person:boris", Name: "Boris Beta", Kind: KindPerson},
	}}
	ex := New(rec)
	res, err := ex.Extract(context.Background(), doc("en", "2024-03-14",
		"Anna Alpha met officials in Harbor City on Monday. Anna Alpha met Boris Beta on Tuesday, and Boris Beta thanked her."))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || setKey(res.Records[0].Participants) != setKey([]string{"p:a", "new:person:boris"}) {
		t.Errorf("records %+v", res.Records)
	}
}
