package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/data/eval"
)

func corpus(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs("../../../shared/corpus")
	if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err != nil {
		t.Skip("development corpus not found at ../shared/corpus")
	}
	return dir
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), Env{Stdout: &out, Stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestImportAndCompareIndonesian(t *testing.T) {
	dir := corpus(t)
	session := filepath.Join(t.TempDir(), "id.parley")
	art := filepath.Join(dir, "articles", "id-kim-shoigu-li-pyongyang.txt")
	if code, out, errs := run(t, "import", "--session", session, art); code != 0 || !strings.Contains(out, "1 imported") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, errs := run(t, "compare", "--session", session, "--focus", "Kim Jong Un")
	if code != 0 {
		t.Fatalf("compare: %d %s", code, errs)
	}
	row := func(name string) []string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, name) {
				return strings.Fields(strings.TrimPrefix(l, name))
			}
		}
		t.Fatalf("no row for %s in\n%s", name, out)
		return nil
	}
	if r := row("Sergei Shoigu"); r[0] != "4" {
		t.Errorf("Shoigu row %v", r)
	}
	if r := row("Li Hongzhong"); r[0] != "1" {
		t.Errorf("Li row %v", r)
	}
	code, out, _ = run(t, "compare", "--session", session, "--focus", "Ким Чен Ын", "--format", "json")
	var js struct {
		Focus        string
		Counterparts []struct {
			Name     string
			Reported int
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 0 {
		t.Fatalf("json: %v %d %s", err, code, out)
	}
	got := map[string]int{}
	for _, c := range js.Counterparts {
		got[c.Name] = c.Reported
	}
	if js.Focus != "Kim Jong Un" || got["Sergei Shoigu"] != 4 || got["Li Hongzhong"] != 1 {
		t.Errorf("json comparison: %+v", js)
	}
	code, out, _ = run(t, "compare", "--session", session, "--focus", "shoigu", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "counterpart,reported,") || !strings.Contains(out, "Kim Jong Un,4") {
		t.Errorf("csv: %d %q", code, out)
	}
	for _, cmd := range []string{"entities", "meetings", "articles"} {
		if code, out, errs := run(t, cmd, "--session", session, "--format", "json"); code != 0 || !json.Valid([]byte(out)) {
			t.Errorf("%s: %d %q %q", cmd, code, out, errs)
		}
	}
}

func TestExtractJSONLines(t *testing.T) {
	dir := corpus(t)
	files := []string{filepath.Join(dir, "articles", "id-kim-shoigu-li-pyongyang.txt"), filepath.Join(dir, "articles", "ko-kim-shoigu-euckr.txt")}
	code, out, errs := run(t, append([]string{"extract", "--json"}, files...)...)
	if code != 0 {
		t.Fatalf("extract: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		var v struct {
			File, Lang string
			Date       *string
			Entities   []struct {
				Name, Kind string
				Mentions   []string
			}
			Meetings []struct {
				Participants []string
				Times        int
				Status       string
				Evidence     []string
			}
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if v.File != files[i] || v.Date == nil || *v.Date != "2023-07-31" || len(v.Entities) == 0 || len(v.Meetings) == 0 {
			t.Errorf("line %d: %+v", i, v)
		}
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Jakarta, 3 Januari 2024\n\nPresiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Istana Merdeka pada hari Rabu.\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"help"}, 0},
		{"unknown command", []string{"frobnicate"}, 2},
		{"import without paths", []string{"import", "--session", filepath.Join(dir, "a.parley")}, 2},
		{"bad flag", []string{"compare", "--nope"}, 2},
		{"bad date", []string{"compare", "--session", filepath.Join(dir, "a.parley"), "--focus", "x", "--from", "July"}, 2},
		{"one bad file", []string{"import", "--session", filepath.Join(dir, "b.parley"), empty, good}, 1},
		{"unknown focus", []string{"compare", "--session", filepath.Join(dir, "b.parley"), "--focus", "Zzyzx Qqq"}, 1},
		{"not a session", []string{"articles", "--session", good}, 1},
	}
	for _, tt := range tests {
		if code, _, errs := run(t, tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d (%s)", tt.name, code, tt.want, errs)
		}
	}
	// the good file went in despite the bad one
	code, out, _ := run(t, "articles", "--session", filepath.Join(dir, "b.parley"), "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("articles after a partly failed import: %q", out)
	}
}

func TestDemo(t *testing.T) {
	code, out, errs := run(t, "demo", "--session", filepath.Join(t.TempDir(), "sample.parley"))
	if code != 0 || !strings.Contains(out, "Meetings of Kim Jong Un") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
}

func TestRequirements(t *testing.T) {
	reqs, err := parseRequirements("held_f1=0.9, count=0.5")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"held=0.9", "held_f1", "held_f1=x"} {
		if _, err := parseRequirements(bad); err == nil {
			t.Errorf("parseRequirements(%q) accepted", bad)
		}
	}
	rep := eval.Report{ByLang: map[string]eval.Scores{
		"en": {Articles: 1, Held: eval.PRF{TP: 9, FP: 1, FN: 1}, CountsRight: 9},
		"id": {Articles: 1, Held: eval.PRF{TP: 1, FP: 3, FN: 3}, CountsRight: 0},
	}}
	if f := checkRequirements(rep, reqs, []string{"en"}); len(f) != 0 {
		t.Errorf("en fails: %v", f)
	}
	if f := checkRequirements(rep, reqs, nil); len(f) != 2 {
		t.Errorf("all: %v", f)
	}
	if f := checkRequirements(rep, reqs, []string{"ko"}); len(f) != 1 {
		t.Errorf("missing language: %v", f)
	}
}
