package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/data/extract"
	"parley/data/ingest"
)

const corpusDir = "/work/shared/corpus"

func loadDoc(ctx context.Context, path string) (ingest.Document, error) {
	return ingest.Load(ctx, path, ingest.Options{})
}

// TestCorpus runs the whole pipeline (ingest, entity recogniser, meetings)
// on the dev corpus and logs the evaluation table.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(filepath.Join(corpusDir, "gold.jsonl")); err != nil {
		t.Skip("gold corpus not available")
	}
	ex, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(context.Background(), corpusDir, ex, loadDoc)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep.Table())
	if testing.Verbose() {
		t.Logf("\n%s", rep.Details())
	}
}

// TestCorpusDebug prints the sentence-level meetings of the corpus files
// whose name contains $PARLEY_DEBUG.
func TestCorpusDebug(t *testing.T) {
	pat := os.Getenv("PARLEY_DEBUG")
	if pat == "" {
		t.Skip("PARLEY_DEBUG not set")
	}
	golds, err := ReadGold(filepath.Join(corpusDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	load := loadDoc
	for _, g := range golds {
		if !strings.Contains(g.File, pat) {
			continue
		}
		doc, err := load(context.Background(), filepath.Join(corpusDir, g.File))
		if err != nil {
			t.Fatal(err)
		}
		res, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("== %s", g.File)
		if os.Getenv("PARLEY_MENTIONS") != "" {
			for _, m := range res.Mentions {
				t.Logf("  M %s %q %s", m.EntityKey, m.Surface, m.Via)
			}
		}
		for _, m := range res.Meetings {
			t.Logf("  %v %s %s times=%d %q date=%s again=%v bg=%v multi=%v | %s", m.Participants, m.Status, m.Kind, m.Times, m.CountText, m.Date, m.Again, m.Background, m.Multi, m.Evidence)
		}
		if os.Getenv("PARLEY_JSON") != "" {
			b, err := extract.JSONLine(g.File, doc, res)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s", b)
		}
		for _, r := range res.Records {
			t.Logf("  REC %v %s %s times=%d", r.Participants, r.Status, r.Kind, r.Times)
		}
	}
}
