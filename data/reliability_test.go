package data_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"parley/data"
)

// Hostile and broken inputs, end to end through (*data.Session).Import:
// every file gets an outcome (imported, or failed with a reason a user can
// read), nothing crashes, nothing is fetched, and the rest of the batch
// imports.

type hostileCase struct {
	name string // file name inside the batch folder
	// want: "import", "fail", or "either" (a reason is then required when it fails)
	want string
	// reason: for "fail", words the reason must contain (any of)
	reason []string
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func zipBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("article.txt")
	io.WriteString(w, strings.Repeat("Kim Jong Un met Sergei Shoigu in Pyongyang. ", 50))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range 64 {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pdfBytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	b.WriteString("4 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n")
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b.WriteByte(byte(rnd.UintN(256)))
	}
	b.WriteString("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// goodArticle is a short real-looking article; n makes it distinct.
func goodArticle(n int) []byte {
	return fmt.Appendf(nil, "July 27, 2023\n\nPYONGYANG – North Korean leader Kim Jong Un met Russian Defence Minister Sergei Shoigu in Pyongyang on Wednesday, state media said. (%d)\n\nKim also received Li Hongzhong, a member of the Chinese Politburo.\n", n)
}

// deepHTML is an HTML page with the article text nested depth levels deep.
func deepHTML(depth int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
	for range depth {
		b.WriteString("<div>")
	}
	b.WriteString("<p>Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.</p>")
	for range depth {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// longLine is one line of n bytes of words, no line break.
func longLine(n int) []byte {
	words := []string{"Kim", "Jong", "Un", "met", "Sergei", "Shoigu", "in", "Pyongyang", "on", "Wednesday", "and", "talks", "were", "held", "again"}
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.Bytes()[:n]
}

// buildHostile fills dir with the hostile batch and returns the cases.
func buildHostile(t *testing.T, dir, server string) []hostileCase {
	t.Helper()
	var cases []hostileCase
	add := func(name, want string, b []byte, reason ...string) {
		if b != nil {
			writeBytes(t, filepath.Join(dir, name), b)
		}
		cases = append(cases, hostileCase{name, want, reason})
	}
	for i := range 5 {
		add(fmt.Sprintf("good-%d.txt", i), "import", goodArticle(i))
	}
	add("empty.txt", "fail", []byte{}, "empty")
	add("blank.txt", "fail", []byte(" \n\n\t \r\n"), "empty", "no article text", "no text")
	add("report.pdf.txt", "fail", pdfBytes(), "PDF")
	add("archive.zip.txt", "fail", zipBytes(t), "ZIP", "zip", "archive")
	add("picture.png.txt", "fail", pngBytes(t), "PNG")
	add("elf.md", "fail", append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 4000)...), "executable", "ELF")
	// 1 GB, sparse: must be refused from its size, before any read
	big := filepath.Join(dir, "huge.txt")
	writeBytes(t, big, []byte("Kim met Shoigu.\n"))
	if err := os.Truncate(big, 1<<30); err != nil {
		t.Fatal(err)
	}
	cases = append(cases, hostileCase{"huge.txt", "fail", []string{"larger than", "limit", "too large"}})
	// invalid UTF-8 sprinkled in good text
	inv := goodArticle(100)
	for i := 10; i < len(inv); i += 37 {
		inv[i] = 0xff
	}
	add("invalid-utf8.txt", "either", inv)
	add("truncated-utf8.txt", "either", append(goodArticle(101), 0xe2, 0x82))
	mixed, err := os.ReadFile(filepath.Join("testdata", "hostile", "mixed-encodings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	add("mixed-encodings.txt", "import", mixed)
	nul := bytes.ReplaceAll(goodArticle(102), []byte(" "), []byte(" \x00"))
	add("nul-bytes.txt", "either", nul)
	add("all-nul.txt", "fail", make([]byte, 4096), "binary", "not readable", "no article text", "no text")
	add("utf16-no-bom.txt", "either", utf16LE(string(goodArticle(103))))
	lineSize := 10 << 20
	if testing.Short() || raceEnabled {
		lineSize = 1 << 20 // the 10 MB line takes minutes on a loaded machine; measured in TestReliabilityHostileCost
	}
	add("long-line.txt", "import", longLine(lineSize))
	add("deep.html", "either", deepHTML(100_000))
	active, err := os.ReadFile(filepath.Join("testdata", "hostile", "active-content.html"))
	if err != nil {
		t.Fatal(err)
	}
	add("active-content.html", "import", bytes.ReplaceAll(active, []byte("{{SERVER}}"), []byte(server)))
	add("bad-markup.html", "either", []byte("<html><body><p>Kim met Shoigu <b><i></p></div></span><<<>>>&#xFFFFFFFF;&bogus;<!-- never closed"))
	// odd file names
	odd := []string{"with space.txt", "quote's.txt", `double"quote.txt`, "new\nline.txt", "tab\there.txt", "emoji 🎉 회담.txt",
		"back\\slash.txt", "-rf.txt", "semi;colon&amp $(x).md", strings.Repeat("long", 60) + ".txt", "\xff\xfe latin1 name.txt", "Ünïcödé NFD.txt"}
	for i, name := range odd {
		add(name, "import", goodArticle(200+i))
	}
	// symlink loops and a broken link
	loops := filepath.Join(dir, "loops")
	writeBytes(t, filepath.Join(loops, "inside.txt"), goodArticle(300))
	for _, l := range [][2]string{
		{".", filepath.Join(loops, "self-folder")},
		{"..", filepath.Join(loops, "parent-folder")},
		{"self.txt", filepath.Join(loops, "self.txt")},
		{"ping.txt", filepath.Join(loops, "pong.txt")},
		{"pong.txt", filepath.Join(loops, "ping.txt")},
		{"nowhere.txt", filepath.Join(loops, "dangling.txt")},
		{"inside.txt", filepath.Join(loops, "again.txt")},
	} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Fatal(err)
		}
	}
	return cases
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		if r > 0xffff {
			r = '?'
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestReliabilityHostileInputs(t *testing.T) {
	if _, err := data.Engine(); err != nil {
		t.Skipf("extraction engine not available: %v", err)
	}
	var fetched atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		t.Errorf("something fetched %s", r.URL)
	}))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "batch")
	cases := buildHostile(t, dir, srv.URL)
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "hostile.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	var events int
	rep, err := s.Import(ctx, []string{dir}, func(data.ImportEvent) { events++ })
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	t.Logf("%d files in %v: %d imported, %d duplicate, %d failed", len(rep.Files), time.Since(start).Round(time.Millisecond), rep.Imported, rep.Duplicates, rep.Failed)
	byName := map[string]data.ImportEvent{}
	for _, ev := range rep.Files {
		rel, err := filepath.Rel(dir, ev.Path)
		if err != nil {
			rel = ev.Path
		}
		if _, dup := byName[rel]; dup {
			t.Errorf("%q reported twice", rel)
		}
		byName[rel] = ev
		if ev.Status == data.Failed && strings.TrimSpace(ev.Reason) == "" {
			t.Errorf("%q failed with no reason", rel)
		}
		t.Logf("%-10s %q %s", ev.Status, rel, ev.Reason)
	}
	for _, c := range cases {
		ev, ok := byName[c.name]
		if !ok {
			t.Errorf("%q: no outcome reported", c.name)
			continue
		}
		switch c.want {
		case "import":
			if ev.Status != data.Imported {
				t.Errorf("%q: %s (%s), want imported", c.name, ev.Status, ev.Reason)
			}
		case "fail":
			if ev.Status != data.Failed {
				t.Errorf("%q: %s, want failed", c.name, ev.Status)
				continue
			}
			found := false
			for _, w := range c.reason {
				found = found || strings.Contains(strings.ToLower(ev.Reason), strings.ToLower(w))
			}
			if !found {
				t.Errorf("%q: reason %q should say one of %q", c.name, ev.Reason, c.reason)
			}
		}
	}
	// the loops: the real file once (via its links too: one content), no
	// endless walk; the broken and looping links are reported, not fatal
	for _, name := range []string{"loops/self.txt", "loops/ping.txt", "loops/dangling.txt"} {
		if ev, ok := byName[name]; ok && (ev.Status != data.Failed || ev.Reason == "") {
			t.Errorf("%q: %s %q, want failed with a reason", name, ev.Status, ev.Reason)
		}
	}
	// inside.txt and its link again.txt are one file: imported once, under either name
	in, ag := byName["loops/inside.txt"], byName["loops/again.txt"]
	if (in.Status == data.Imported) == (ag.Status == data.Imported) {
		t.Errorf("loops/inside.txt (%s) and its link again.txt (%s): want exactly one imported", in.Status, ag.Status)
	}
	if fetched.Load() > 0 {
		t.Errorf("%d requests reached the network", fetched.Load())
	}
	// active content never reaches the stored text
	ev := byName["active-content.html"]
	if ev.ArticleID != 0 {
		a, err := s.Article(ctx, ev.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"SCRIPTTEXT", "STYLETEXT", "IFRAMETEXT", "TEMPLATETEXT", "JSTEXT", "fetch(", "document.write", srv.URL, "Share this story"} {
			if strings.Contains(a.Text, bad) || strings.Contains(a.Title, bad) {
				t.Errorf("active-content.html: stored text contains %q:\n%s", bad, a.Text)
			}
		}
		if !strings.Contains(a.Text, "Li Hongzhong") || !strings.Contains(a.Text, "military cooperation") {
			t.Errorf("active-content.html lost its article text:\n%s", a.Text)
		}
	}
	// the session is sound afterwards
	chk, err := s.Check(ctx)
	if err != nil || !chk.OK() {
		t.Errorf("session check after the hostile batch: %v %v", chk.Problems, err)
	}
	if n, _ := s.CountArticles(ctx, data.ArticleFilter{}); n != rep.Imported {
		t.Errorf("%d articles stored, %d reported imported", n, rep.Imported)
	}
}

// TestReliabilityHostileCost measures the two expensive hostile inputs (a
// single 10 MB line, HTML nested 100k levels deep) and the 1 GB sparse file
// in a child process each: wall time and peak memory (max RSS), against a
// one-article baseline.
func TestReliabilityHostileCost(t *testing.T) {
	if testing.Short() {
		t.Skip("imports big files in child processes")
	}
	if raceEnabled {
		t.Skip("a measurement: meaningless under the race detector (.ci/run runs it without)")
	}
	if _, err := data.Engine(); err != nil {
		t.Skipf("extraction engine not available: %v", err)
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	inputs := []struct {
		name  string
		make  func(path string)
		limit time.Duration
		mem   int64 // MB above the baseline
	}{
		{"baseline.txt", func(p string) { writeBytes(t, p, goodArticle(1)) }, 0, 0},
		{"huge-sparse-1GB.txt", func(p string) {
			writeBytes(t, p, []byte("x"))
			if err := os.Truncate(p, 1<<30); err != nil {
				t.Fatal(err)
			}
		}, 0, 64},
		{"long-line-10MB.txt", func(p string) { writeBytes(t, p, longLine(10<<20)) }, 0, 1500},
		{"deep-100k.html", func(p string) { writeBytes(t, p, deepHTML(100_000)) }, 0, 1500},
	}
	var baseRSS int64
	for _, in := range inputs {
		sub := filepath.Join(dir, strings.TrimSuffix(in.name, filepath.Ext(in.name)))
		p := filepath.Join(sub, in.name)
		in.make(p)
		cmd := exec.Command(bin, "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"=import", "PARLEY_SESSION="+filepath.Join(sub, "s.parley"), "PARLEY_IMPORT="+p)
		start := time.Now()
		out, _ := cmd.CombinedOutput() // exit 1 when the file failed, by design
		wall := time.Since(start)
		ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		var rss int64
		var cpu time.Duration
		if ru != nil {
			rss = ru.Maxrss / 1024 // KB → MB on Linux
			cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
		if in.name == "baseline.txt" {
			baseRSS = rss
		}
		summary := ""
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "imported,") || strings.Contains(l, "failed ") || strings.Contains(l, " failed") {
				summary += strings.TrimSpace(l) + "; "
			}
		}
		t.Logf("%-22s wall %7v  CPU %7v  max RSS %4d MB (+%d over baseline)  %s", in.name, wall.Round(time.Millisecond), cpu.Round(time.Millisecond), rss, rss-baseRSS, summary)
		if strings.Contains(string(out), "panic") || cmd.ProcessState.ExitCode() > 1 {
			t.Errorf("%s: child crashed:\n%s", in.name, out)
		}
		if in.mem > 0 && rss-baseRSS > in.mem {
			t.Errorf("%s: peak memory %d MB over the baseline, want at most %d MB", in.name, rss-baseRSS, in.mem)
		}
	}
}

// TestReliabilityUnreadableFile imports a folder holding a file its user
// may not read, as an unprivileged user (root reads everything, so as root
// the import runs in a child process as nobody).
func TestReliabilityUnreadableFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	if _, err := data.Engine(); err != nil {
		t.Skipf("extraction engine not available: %v", err)
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root, err := os.MkdirTemp("", "parley-unreadable-*")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err == nil {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(root)
	}()
	os.Chmod(root, 0o777)
	child := filepath.Join(root, "data.test")
	if os.Geteuid() == 0 {
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		writeBytes(t, child, b)
		os.Chmod(child, 0o755)
	} else {
		child = bin
	}
	batch := filepath.Join(root, "batch")
	writeBytes(t, filepath.Join(batch, "readable.txt"), goodArticle(1))
	writeBytes(t, filepath.Join(batch, "secret.txt"), goodArticle(2))
	writeBytes(t, filepath.Join(batch, "locked", "inside.txt"), goodArticle(3))
	os.Chmod(batch, 0o755)
	os.Chmod(filepath.Join(batch, "readable.txt"), 0o644)
	os.Chmod(filepath.Join(batch, "secret.txt"), 0o000)
	os.Chmod(filepath.Join(batch, "locked"), 0o000)
	cmd := exec.Command(child, "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"=import-verbose", "PARLEY_SESSION="+filepath.Join(root, "s.parley"), "PARLEY_IMPORT="+batch,
		"HOME=/tmp", "GOCACHE=/tmp/parley-nobody-gocache")
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	t.Logf("child (exit %v):\n%s", err, out)
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("import should exit 1 (some files failed), got %v", err)
	}
	for _, want := range []string{"1 imported", "secret.txt: ", "locked"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(strings.ToLower(string(out)), "permission") {
		t.Errorf("the reason should say permission denied")
	}
}
