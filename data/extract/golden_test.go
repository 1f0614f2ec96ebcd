package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"parley/data/ingest"
	"parley/data/meeting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDirs are the article folders the golden test runs over; a missing
// folder is skipped.
// Each folder has a label that prefixes its file names in the golden files.
var goldenDirs = []struct{ label, dir string }{
	{"corpus", "../../../shared/corpus/articles"},
	{"sample", "../../assets/sample/articles"},
}

const (
	goldenExtract = "testdata/golden/extract.jsonl"
	goldenDetect  = "testdata/golden/detect.jsonl"
)

// goldenExtractLine is one document's end-to-end output: the JSON line of
// `parley extract --json` and the sentence-level meetings with offsets.
type goldenExtractLine struct {
	File     string          `json:"file"`
	Line     json.RawMessage `json:"line"`
	Meetings []Meeting       `json:"meetings"`
}

// goldenDetectLine is one document's meeting-detection input (the
// mentions the extractor gives meeting.Detect) and output. It pins meeting
// detection independently of the entity recogniser.
type goldenDetectLine struct {
	File     string            `json:"file"`
	Lang     string            `json:"lang"`
	Date     string            `json:"date"`
	Mentions []meeting.Mention `json:"mentions"`
	Events   []meeting.Event   `json:"events"`
}

type goldenDoc struct {
	name string
	doc  ingest.Document
}

func goldenDocs(t *testing.T) []goldenDoc {
	t.Helper()
	var out []goldenDoc
	for _, gd := range goldenDirs {
		dir := gd.dir
		ents, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			t.Logf("skipping missing folder %s", dir)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.IsDir() {
				continue
			}
			d, err := ingest.Load(context.Background(), filepath.Join(dir, e.Name()), ingest.Options{})
			if err != nil {
				t.Fatalf("loading %s: %v", e.Name(), err)
			}
			out = append(out, goldenDoc{gd.label + "/" + e.Name(), d})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	if len(out) == 0 {
		t.Skip("no article folder found")
	}
	return out
}

func marshalLine(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readGolden(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	defer f.Close()
	out := map[string][]byte{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var k struct {
			File string `json:"file"`
		}
		if err := json.Unmarshal(sc.Bytes(), &k); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[k.File] = append([]byte(nil), sc.Bytes()...)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeGolden(t *testing.T, path string, lines [][]byte) {
	t.Helper()
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func compareGolden(t *testing.T, path string, names []string, got [][]byte) {
	t.Helper()
	if *update {
		writeGolden(t, path, got)
		return
	}
	want := readGolden(t, path)
	if len(want) != len(got) {
		t.Errorf("%s: %d documents, golden has %d", path, len(got), len(want))
	}
	for i, n := range names {
		w, ok := want[n]
		if !ok {
			t.Errorf("%s: %s not in golden file", path, n)
			continue
		}
		if !bytes.Equal(w, got[i]) {
			t.Errorf("%s: output for %s changed\n got: %s\nwant: %s", path, n, got[i], w)
		}
	}
}

// TestGoldenExtract pins the end-to-end output of Extract on every corpus
// and sample article: the JSON line and the sentence-level meetings with
// their offsets must stay byte-identical (speed work must not change
// results). It also depends on the entity recogniser.
func TestGoldenExtract(t *testing.T) {
	ex := mustDefault(t)
	docs := goldenDocs(t)
	var names []string
	var got [][]byte
	for _, d := range docs {
		res, err := ex.Extract(context.Background(), d.doc)
		if err != nil {
			t.Fatal(err)
		}
		line, err := JSONLine(d.name, d.doc, res)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, d.name)
		got = append(got, marshalLine(t, goldenExtractLine{File: d.name, Line: line, Meetings: res.Meetings}))
	}
	compareGolden(t, goldenExtract, names, got)
}

// TestGoldenDetect pins meeting.Detect alone on the mentions recorded in
// the golden file, so that it does not depend on the entity recogniser.
// With -update it records the recogniser's current mentions.
func TestGoldenDetect(t *testing.T) {
	docs := goldenDocs(t)
	var names []string
	var got [][]byte
	var recorded map[string][]byte
	if !*update {
		recorded = readGolden(t, goldenDetect)
	}
	ex := mustDefault(t)
	for _, d := range docs {
		var ms []meeting.Mention
		if *update {
			ents, mens := ex.rec.Recognize(d.doc.Text, d.doc.Lang, d.doc.Date)
			kinds := map[string]string{}
			for _, e := range ents {
				kinds[e.Key] = e.Kind
			}
			ms = meetingMentions(ents, mens, kinds)
		} else {
			var g goldenDetectLine
			if err := json.Unmarshal(recorded[d.name], &g); err != nil {
				t.Errorf("%s: %v", d.name, err)
				continue
			}
			ms = g.Mentions
		}
		date := ""
		if !d.doc.Date.IsZero() {
			date = d.doc.Date.Format(time.DateOnly)
		}
		evs := meeting.Detect(d.doc.Text, d.doc.Lang, d.doc.Date, ms)
		names = append(names, d.name)
		got = append(got, marshalLine(t, goldenDetectLine{File: d.name, Lang: d.doc.Lang, Date: date, Mentions: ms, Events: evs}))
	}
	compareGolden(t, goldenDetect, names, got)
}

// benchDocIn is one golden document with its recorded meeting mentions.
type benchDocIn struct {
	doc ingest.Document
	ms  []meeting.Mention
}

func benchLangs(b *testing.B) (map[string][]benchDocIn, []string) {
	b.Helper()
	recorded := map[string][]byte{}
	if f, err := os.ReadFile(goldenDetect); err == nil {
		for _, l := range bytes.Split(f, []byte("\n")) {
			var g goldenDetectLine
			if json.Unmarshal(l, &g) == nil {
				recorded[g.File] = l
			}
		}
	}
	out := map[string][]benchDocIn{}
	for _, gd := range goldenDirs {
		ents, err := os.ReadDir(gd.dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if e.IsDir() {
				continue
			}
			d, err := ingest.Load(context.Background(), filepath.Join(gd.dir, e.Name()), ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			var g goldenDetectLine
			_ = json.Unmarshal(recorded[gd.label+"/"+e.Name()], &g)
			out[d.Lang] = append(out[d.Lang], benchDocIn{d, g.Mentions})
		}
	}
	var langs []string
	for l := range out {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	if len(langs) == 0 {
		b.Skip("no article folder found")
	}
	return out, langs
}

// BenchmarkExtractLang measures Extract end to end per language over the
// corpus and sample articles (MB/s per core: run with -cpu 1).
func BenchmarkExtractLang(b *testing.B) {
	ex := mustDefault(b)
	docs, langs := benchLangs(b)
	for _, l := range langs {
		b.Run(l, func(b *testing.B) {
			n := 0
			for _, d := range docs[l] {
				n += len(d.doc.Text)
			}
			for _, d := range docs[l] { // warm up: the recogniser builds its matchers lazily
				if _, err := ex.Extract(context.Background(), d.doc); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(n))
			defer cpuRate(b, n)()
			for b.Loop() {
				for _, d := range docs[l] {
					if _, err := ex.Extract(context.Background(), d.doc); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkDetectLang measures meeting.Detect alone per language, on the
// mentions recorded in the golden file.
func BenchmarkDetectLang(b *testing.B) {
	docs, langs := benchLangs(b)
	for _, l := range langs {
		b.Run(l, func(b *testing.B) {
			n := 0
			for _, d := range docs[l] {
				n += len(d.doc.Text)
			}
			b.SetBytes(int64(n))
			defer cpuRate(b, n)()
			for b.Loop() {
				for _, d := range docs[l] {
					meeting.Detect(d.doc.Text, d.doc.Lang, d.doc.Date, d.ms)
				}
			}
		})
	}
}

// cpuRate reports throughput per CPU second ("cpuMB/s": MB of text per
// second of process CPU time, GC included) next to the wall-clock MB/s,
// which a busy machine distorts. Call the returned function after the loop.
func cpuRate(b *testing.B, bytesPerOp int) func() {
	start := cpuTime()
	return func() {
		if d := cpuTime() - start; d > 0 && b.N > 0 {
			b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/d.Seconds(), "cpuMB/s")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
