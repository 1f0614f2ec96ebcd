package eval

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/data/extract"
	"parley/data/ingest"
)

// A tiny corpus: two English articles and one Indonesian one, scored with
// the exact-match stand-in recogniser so the expected figures can be
// computed by hand.
const tinyGold = `{"file": "articles/a.txt", "lang": "en", "outlet": "X", "date": "2024-03-14", "entities": [{"name": "Alpha One", "kind": "person", "in_text": ["Alpha One", "Alpha"]}, {"name": "Bravo Two", "kind": "person", "in_text": ["Bravo Two"]}, {"name": "Charlie Three", "kind": "person", "in_text": ["Charlie Three"]}], "meetings": [{"participants": ["Alpha One", "Bravo Two"], "times": 3, "status": "held"}, {"participants": ["Alpha One", "Charlie Three"], "times": 1, "status": "planned"}]}
{"file": "articles/b.txt", "lang": "en", "outlet": "X", "date": null, "entities": [{"name": "Delta Four", "kind": "person", "in_text": ["Delta Four"]}, {"name": "Echo Five", "kind": "person", "in_text": ["Echo Five"]}, {"name": "Ghost Name", "kind": "person", "in_text": ["Ghost Name"]}], "meetings": [{"participants": ["Delta Four", "Echo Five"], "times": 2, "status": "held"}, {"participants": ["Delta Four", "Ghost Name"], "times": 1, "status": "held"}]}
{"file": "articles/c.txt", "lang": "id", "outlet": "Y", "date": "2024-03-14", "entities": [{"name": "Alpha One", "kind": "person", "in_text": ["Alpha One"]}, {"name": "Bravo Two", "kind": "person", "in_text": ["Bravo Two"]}], "meetings": [{"participants": ["Alpha One", "Bravo Two"], "times": 1, "status": "denied"}]}
`

var tinyArticles = map[string]string{
	// held Alpha+Bravo x3 (right), planned Alpha+Charlie (right), extra held Bravo+Charlie? no: separate sentences
	"a.txt": "Alpha One met Bravo Two three times. Alpha will meet Charlie Three next week.",
	// held Delta+Echo once (count wrong: gold 2); Ghost Name unknown to the recogniser (missed pair and entity)
	"b.txt": "Delta Four met Echo Five on Monday. Delta Four also met Ghost Name.",
	// denied found; plus an extra held pair
	"c.txt": "Alpha One menolak bertemu Bravo Two. Bravo Two bertemu Alpha One.",
}

func writeTiny(t *testing.T) string {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(tinyGold), 0o644); err != nil {
		t.Fatal(err)
	}
	for n, s := range tinyArticles {
		if err := os.WriteFile(filepath.Join(dir, "articles", n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func tinyLoader(ctx context.Context, path string) (ingest.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return ingest.Document{}, err
	}
	d := ingest.Document{Path: path, Text: string(b), Lang: "en"}
	switch filepath.Base(path) {
	case "a.txt":
		d.Date = time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	case "b.txt":
		d.Date = time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC) // wrong: gold is null
	case "c.txt":
		d.Lang = "ms" // wrong language
		d.Date = time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	}
	return d, nil
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluateTiny(t *testing.T) {
	dir := writeTiny(t)
	rec := newExactRec(map[string][]string{
		"Alpha One": {"Alpha"}, "Bravo Two": nil, "Charlie Three": nil, "Delta Four": nil, "Echo Five": nil,
	}, map[string]string{"Alpha One": "person", "Bravo Two": "person", "Charlie Three": "person", "Delta Four": "person", "Echo Five": "person"})
	ex := extract.New(rec)
	// c.txt is loaded as "ms": no pack, so nothing is extracted from it
	rep, err := Evaluate(context.Background(), dir, ex, tinyLoader)
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	// held: gold pairs A+B, D+E, D+Ghost; system A+B, D+E → TP 2, FP 0, FN 1
	if o.Held != (PRF{TP: 2, FP: 0, FN: 1}) {
		t.Errorf("held %+v", o.Held)
	}
	if !near(o.Held.Precision(), 1) || !near(o.Held.Recall(), 2.0/3) || !near(o.Held.F1(), 0.8) {
		t.Errorf("held P/R/F %v %v %v", o.Held.Precision(), o.Held.Recall(), o.Held.F1())
	}
	// counts: A+B 3 = 3, D+E 1 ≠ 2
	if o.CountsRight != 1 || !near(o.CountAccuracy(), 0.5) {
		t.Errorf("counts %d %v", o.CountsRight, o.CountAccuracy())
	}
	if o.Planned != (PRF{TP: 1}) {
		t.Errorf("planned %+v", o.Planned)
	}
	if o.Denied != (PRF{FN: 1}) {
		t.Errorf("denied %+v", o.Denied)
	}
	// entities: 8 gold, Ghost Name missed → 7
	if o.EntitiesGold != 8 || o.EntitiesFound != 7 {
		t.Errorf("entities %d/%d", o.EntitiesFound, o.EntitiesGold)
	}
	// dates: a right, b wrong (null expected), c right
	if o.DatesRight != 2 || o.LangRight != 2 || o.Articles != 3 {
		t.Errorf("dates %d langs %d articles %d", o.DatesRight, o.LangRight, o.Articles)
	}
	if en := rep.ByLang["en"]; en.Articles != 2 || en.Held.TP != 2 {
		t.Errorf("en %+v", en)
	}
	if id := rep.ByLang["id"]; id.Articles != 1 || id.Denied.FN != 1 || id.LangRight != 0 {
		t.Errorf("id %+v", id)
	}
	tab := rep.Table()
	for _, want := range []string{"lang docs", "\nen ", "\nid ", "\nall "} {
		if !strings.Contains(tab, want) {
			t.Errorf("table lacks %q:\n%s", want, tab)
		}
	}
	det := rep.Details()
	for _, want := range []string{"held Delta Four + Ghost Name", "Delta Four + Echo Five: 1, gold 2", "entity Ghost Name", "date null"} {
		if !strings.Contains(det, want) {
			t.Errorf("details lack %q:\n%s", want, det)
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	if _, err := Evaluate(context.Background(), t.TempDir(), extract.New(nil), tinyLoader); err == nil {
		t.Error("missing gold file: no error")
	}
	dir := writeTiny(t)
	failing := func(ctx context.Context, path string) (ingest.Document, error) {
		return ingest.Document{}, errors.New("unreadable")
	}
	rep, err := Evaluate(context.Background(), dir, extract.New(nil), failing)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Overall.Errors != 3 || rep.Overall.Held.FN != 3 || rep.Overall.Held.TP != 0 {
		t.Errorf("errors %+v", rep.Overall)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Evaluate(ctx, dir, extract.New(nil), tinyLoader); err == nil {
		t.Error("cancelled: no error")
	}
	bad := filepath.Join(t.TempDir(), "gold.jsonl")
	os.WriteFile(bad, []byte("{not json}\n"), 0o644)
	if _, err := ReadGold(bad); err == nil {
		t.Error("bad gold line: no error")
	}
}

func TestPRFEdges(t *testing.T) {
	var z PRF
	if z.Precision() != 1 || z.Recall() != 1 {
		t.Errorf("empty PRF: %v %v", z.Precision(), z.Recall())
	}
	if (PRF{FP: 1, FN: 1}).F1() != 0 {
		t.Error("F1 of nothing right should be 0")
	}
}
