package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir finds the gold corpus: ../shared/corpus relative to the
// repository root, as in CI; the test skips when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	for _, d := range []string{
		// ../shared/corpus relative to the repository root
		filepath.Join("..", "..", "..", "shared", "corpus"),
	} {
		if fi, err := os.Stat(filepath.Join(d, "gold.jsonl")); err == nil && !fi.IsDir() {
			return d
		}
	}
	t.Skip("gold corpus not found (../shared/corpus); skipping")
	return ""
}

type goldLine struct {
	File   string  `json:"file"`
	Lang   string  `json:"lang"`
	Outlet string  `json:"outlet"`
	Date   *string `json:"date"`
}

func readGold(t testing.TB, dir string) []goldLine {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold.jsonl: %v", err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// corpusEncodings are the declared encodings from the corpus README; every
// other file is UTF-8.
var corpusEncodings = map[string]string{
	"articles/ko-kim-shoigu-euckr.txt":             "euc-kr",
	"articles/ru-lavrov-choe-pyongyang-cp1251.txt": "windows-1251",
}

// firstBlock returns the first non-empty line of a decoded file.
func firstBlock(t *testing.T, path string) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

func TestCorpusGold(t *testing.T) {
	dir := corpusDir(t)
	gold := readGold(t, dir)
	if len(gold) != 42 {
		t.Errorf("gold.jsonl has %d lines, want 42", len(gold))
	}
	for _, g := range gold {
		t.Run(filepath.Base(g.File), func(t *testing.T) {
			doc, err := Load(context.Background(), filepath.Join(dir, g.File), Options{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if doc.Lang != g.Lang {
				t.Errorf("lang = %q, want %q", doc.Lang, g.Lang)
			}
			wantEnc := corpusEncodings[g.File]
			if wantEnc == "" {
				wantEnc = "utf-8"
			}
			if doc.Encoding != wantEnc {
				t.Errorf("encoding = %q, want %q", doc.Encoding, wantEnc)
			}
			got := ""
			if !doc.Date.IsZero() {
				got = doc.Date.Format("2006-01-02")
			}
			want := ""
			if g.Date != nil {
				want = *g.Date
			}
			if got != want {
				t.Errorf("date = %q, want %q", got, want)
			}
			// HTML pages name their outlet; in plain text an outlet (or the
			// agency credited in the dateline) must be printed, never invented.
			if doc.Format == "html" && doc.Outlet != g.Outlet {
				t.Errorf("outlet = %q, want %q", doc.Outlet, g.Outlet)
			}
			if doc.Outlet != "" && !strings.Contains(strings.ToLower(doc.Text), strings.ToLower(doc.Outlet)) &&
				doc.Outlet != g.Outlet {
				t.Errorf("outlet %q is not printed in the text", doc.Outlet)
			}
			// Files that open with a headline get a title; files that open
			// with the dateline paragraph do not.
			_, startsWithDateline := parseDateline(firstBlock(t, filepath.Join(dir, g.File)))
			if (doc.Title == "") != startsWithDateline {
				t.Errorf("title = %q, file starts with a dateline: %v", doc.Title, startsWithDateline)
			}
			if strings.Contains(doc.Text, "\r") || strings.Contains(doc.Text, "\uFFFD") {
				t.Errorf("text has CR or replacement characters")
			}
			if len(doc.Hash) != 64 {
				t.Errorf("hash = %q", doc.Hash)
			}
			if testing.Verbose() {
				t.Logf("title=%q outlet=%q dateline=%q date=%s lang=%s enc=%s", doc.Title, doc.Outlet, doc.Dateline, got, doc.Lang, doc.Encoding)
			}
		})
	}
}
