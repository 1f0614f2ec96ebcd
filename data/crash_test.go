package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/data"
	"parley/data/cli"
	"parley/data/ingest"
	"parley/data/store"
)

// Crash safety: the command-line importer (and re-extraction) is killed
// with SIGKILL at random points; after each kill the session must open,
// pass SQLite's integrity check and the store's own checks, hold every
// article it has with its complete extraction, keep the analyst's edits,
// and a second import must complete the rest with no duplicates.
//
// The child process is this test binary re-executed with PARLEY_CHILD set:
// TestCrashChild then runs the command line's own code (cli.Run), exactly
// what `parley import` and `parley reextract` run, with no cgo needed.
//
// Knobs: PARLEY_CRASH_ROUNDS (default 11 rounds, 2 kills each, plus a kill
// during re-extraction every third round), PARLEY_CRASH_FILES (default 2000
// articles, 400 under -race), PARLEY_CRASH_SEED.

const crashChildEnv = "PARLEY_CHILD"

// TestCrashChild is the body of the child process; it does nothing in a
// normal test run.
func TestCrashChild(t *testing.T) {
	job := os.Getenv(crashChildEnv)
	if job == "" {
		t.Skip("only runs as a child process of TestCrashSafety")
	}
	session := os.Getenv("PARLEY_SESSION")
	var args []string
	switch job {
	case "import":
		args = []string{"import", "--quiet", "--session", session, os.Getenv("PARLEY_IMPORT")}
	case "import-verbose":
		args = []string{"import", "--session", session, os.Getenv("PARLEY_IMPORT")}
	case "reextract":
		args = []string{"reextract", "--session", session}
	default:
		t.Fatalf("unknown child job %q", job)
	}
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), cli.Env{Stdout: &out, Stderr: &errOut, Version: "crash-test"}, args)
	fmt.Printf("exit %d\n%s%s", code, out.String(), errOut.String())
	if code != 0 {
		t.Fatalf("parley %s: exit status %d", job, code)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// crashCorpus writes n article files into dir: copies of the development
// corpus (when present), each made distinct by a short reference line, or
// generated text. It returns the number of distinct contents written.
func crashCorpus(t *testing.T, dir string, n int, rnd *rand.Rand) int {
	t.Helper()
	type src struct {
		name string
		b    []byte
	}
	var srcs []src
	corpus := filepath.Join("..", "..", "shared", "corpus", "articles")
	if es, err := os.ReadDir(corpus); err == nil {
		for _, e := range es {
			b, err := os.ReadFile(filepath.Join(corpus, e.Name()))
			if err != nil || e.IsDir() || bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
				continue // UTF-16 files cannot take an ASCII line
			}
			if !strings.HasSuffix(e.Name(), ".html") && len(b) > 900 {
				// small articles: the headline, date and first paragraphs
				if i := bytes.IndexByte(b[700:], '\n'); i >= 0 {
					b = b[:700+i+1]
				}
			}
			srcs = append(srcs, src{e.Name(), b})
		}
	}
	if len(srcs) == 0 {
		t.Logf("development corpus not found at %s: generating text", corpus)
		people := []string{"Kim Jong Un", "Sergei Shoigu", "Li Hongzhong", "Vladimir Putin", "Xi Jinping", "Joe Biden", "Yoon Suk Yeol"}
		for i := range 40 {
			a, b := people[i%len(people)], people[(i+3)%len(people)]
			body := fmt.Sprintf("July %d, 2023\n\nPYONGYANG – %s met %s in Pyongyang on Thursday, according to state media. The two held talks for the %s time.\n",
				1+i%28, a, b, []string{"first", "second", "third", "fourth"}[i%4])
			srcs = append(srcs, src{fmt.Sprintf("gen-%02d.txt", i), []byte(body)})
		}
	}
	for i := range n {
		s := srcs[i%len(srcs)]
		ref := fmt.Sprintf("Ref. %d-%d.", i, rnd.IntN(1e6))
		var b []byte
		if strings.HasSuffix(s.name, ".html") || strings.HasSuffix(s.name, ".htm") {
			b = bytes.ReplaceAll(s.b, []byte("</p>"), []byte(" "+ref+"</p>")) // the first paragraphs may be boilerplate
		} else {
			b = append(bytes.Clone(s.b), []byte("\n\n"+ref+"\n")...)
		}
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%16))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d-%s", i, s.name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

type crashRig struct {
	t       *testing.T
	bin     string
	corpus  string
	files   int
	rnd     *rand.Rand
	want    map[string][3]int // content hash → mentions, meetings, records of a fresh Extract
	kills   int
	checked int    // articles whose extraction was compared with a fresh Extract
	last    string // output of the last child run to the end
	walBug  int    // kills after which store.Open refused a sound session (known bug)
}

func (r *crashRig) child(job, session string) *exec.Cmd {
	cmd := exec.Command(r.bin, "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+job, "PARLEY_SESSION="+session, "PARLEY_IMPORT="+r.corpus)
	return cmd
}

// runKilled starts job and kills it with SIGKILL after a random delay in
// [lo, hi). It reports whether the kill landed before the job finished.
func (r *crashRig) runKilled(job, session string, lo, hi time.Duration) bool {
	r.t.Helper()
	cmd := r.child(job, session)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	wait := make(chan error, 1)
	go func() { wait <- cmd.Wait() }()
	delay := lo + time.Duration(r.rnd.Int64N(int64(hi-lo)))
	select {
	case err := <-wait:
		if err != nil {
			r.t.Fatalf("%s finished with %v before the kill:\n%s", job, err, out.String())
		}
		return false
	case <-time.After(delay):
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		r.t.Fatal(err)
	}
	<-wait
	r.kills++
	return true
}

func (r *crashRig) runToEnd(job, session string) time.Duration {
	r.t.Helper()
	start := time.Now()
	out, err := r.child(job, session).CombinedOutput()
	if err != nil {
		r.t.Fatalf("%s: %v\n%s", job, err, out)
	}
	r.last = string(out)
	return time.Since(start)
}

// verify opens the session after a kill and checks everything. It returns
// the number of articles present.
func (r *crashRig) verify(session, when string, ed *edits) int {
	t := r.t
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, session)
	if err != nil && r.walRefusal(session, err) {
		t.Logf("KNOWN BUG (%s): %v: SQLite recovers the file from its WAL; recovered it and carried on", when, err)
		s, err = data.Open(ctx, session)
	}
	if err != nil {
		t.Fatalf("%s: reopening: %v", when, err)
	}
	defer s.Close()
	bad, err := s.IntegrityCheck(ctx)
	if err != nil || len(bad) > 0 {
		t.Fatalf("%s: integrity_check: %v %v", when, bad, err)
	}
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatalf("%s: check: %v", when, err)
	}
	if !rep.OK() {
		t.Fatalf("%s: check: %v", when, rep.Problems)
	}
	byID := map[int64]store.ArticleCheck{}
	for _, a := range rep.Articles {
		byID[a.ID] = a
	}
	ex, err := data.Engine()
	if err != nil {
		t.Fatal(err)
	}
	err = s.EachArticle(ctx, func(a store.ArticleText) error {
		want, ok := r.want[a.Hash]
		if !ok {
			doc := ingest.Document{Path: a.Path, Format: a.Format, Encoding: a.Encoding, Hash: a.Hash, Title: a.Title,
				Outlet: a.Outlet, Date: a.Date, Dateline: a.Dateline, Lang: a.Lang, Text: a.Text, Size: a.Size}
			res, err := ex.Extract(ctx, doc)
			if err != nil {
				return fmt.Errorf("extracting %s: %w", a.Path, err)
			}
			want = [3]int{len(res.Mentions), len(res.Meetings), len(res.Records)}
			r.want[a.Hash] = want
		}
		got := byID[a.ID]
		if [3]int{got.Mentions, got.Meetings, got.Records} != want {
			t.Errorf("%s: %s has mentions/meetings/records %d/%d/%d stored, a fresh extraction gives %v",
				when, a.Path, got.Mentions, got.Meetings, got.Records, want)
		}
		r.checked++
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if ed != nil {
		ed.check(t, ctx, s, when)
	}
	return len(rep.Articles)
}

// walRefusal recognises the known bug of store.Open after a kill during a
// WAL checkpoint (see store.TestReliabilityKilledDuringCheckpoint): the main
// file's header counts pages still in the -wal, and Open calls the file
// truncated. When SQLite itself opens the file with a clean integrity check,
// it lets SQLite replay the WAL (as the fixed Open will) and counts the hit.
func (r *crashRig) walRefusal(session string, err error) bool {
	if !errors.Is(err, data.ErrCorrupt) || !strings.Contains(err.Error(), "truncated") {
		return false
	}
	if fi, e := os.Stat(session + "-wal"); e != nil || fi.Size() == 0 {
		return false
	}
	raw, e := sql.Open("sqlite", session)
	if e != nil {
		return false
	}
	defer raw.Close()
	var ok string
	if e := raw.QueryRow("PRAGMA integrity_check").Scan(&ok); e != nil || ok != "ok" {
		r.t.Errorf("after a kill SQLite itself finds the session damaged: %q %v", ok, e)
		return false
	}
	if _, e := raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); e != nil {
		return false
	}
	r.walBug++
	return true
}

// edits are the analyst's edits made between kills.
type edits struct {
	fromKey, intoKey string
	meetingKey       string
}

func applyEdits(t *testing.T, session string) *edits {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, session)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Meetings(ctx, data.MeetingFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Entities(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || len(es) < 2 {
		return nil // nothing imported yet: the next kill gets another chance
	}
	from, into := es[len(es)-1], es[len(es)-2]
	if err := s.MergeEntities(ctx, from.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	times, place := 42, "Crash Test Hall"
	if err := s.EditMeeting(ctx, ms[0].Key, data.MeetingEdit{Times: &times, Place: &place}); err != nil {
		t.Fatal(err)
	}
	ed := &edits{fromKey: from.Key, intoKey: into.Key, meetingKey: ms[0].Key}
	ed.check(t, ctx, s, "right after editing")
	return ed
}

func (ed *edits) check(t *testing.T, ctx context.Context, s *data.Session, when string) {
	t.Helper()
	from, err := s.EntityByKey(ctx, ed.fromKey)
	if err != nil {
		t.Errorf("%s: merged entity %s: %v", when, ed.fromKey, err)
	} else if from.Key != ed.intoKey {
		t.Errorf("%s: the merge %s → %s was lost (shows as %s)", when, ed.fromKey, ed.intoKey, from.Key)
	}
	ms, err := s.Meetings(ctx, data.MeetingFilter{IncludeWrong: true})
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	for _, m := range ms {
		if m.Key == ed.meetingKey {
			if m.Times != 42 || m.Place != "Crash Test Hall" || !m.Edited {
				t.Errorf("%s: the meeting edit was lost: %+v", when, m)
			}
			return
		}
	}
	t.Errorf("%s: the edited meeting %s is gone", when, ed.meetingKey)
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills an importer 20+ times: a few minutes")
	}
	if _, err := data.Engine(); err != nil {
		t.Skipf("extraction engine not available: %v", err)
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(envInt("PARLEY_CRASH_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("seed %d (set PARLEY_CRASH_SEED to replay)", seed)
	r := &crashRig{t: t, bin: bin, rnd: rand.New(rand.NewPCG(seed, 7)), want: map[string][3]int{}}
	r.corpus = filepath.Join(t.TempDir(), "corpus")
	if raceEnabled {
		// SIGKILL safety is about files, not data races, and the race
		// detector slows the children tenfold: .ci/run runs this test
		// without -race.
		t.Skip("crash test runs without -race (see .ci/run)")
	}
	files := 2000
	r.files = crashCorpus(t, r.corpus, envInt("PARLEY_CRASH_FILES", files), r.rnd)
	rounds := envInt("PARLEY_CRASH_ROUNDS", 11)
	dir := t.TempDir()

	// an uninterrupted import first: the reference, and the time a kill may land in
	ref := filepath.Join(dir, "reference.parley")
	full := r.runToEnd("import", ref)
	if n := r.verify(ref, "reference import", nil); n != r.files {
		t.Fatalf("reference import stored %d of %d articles:\n%s", n, r.files, r.last)
	}
	t.Logf("reference: %d files imported in %v (%.0f articles/s)", r.files, full.Round(time.Millisecond), float64(r.files)/full.Seconds())
	reextract := r.runToEnd("reextract", ref)

	var partial []int
	// at least `rounds` rounds, and more (up to three times as many) until 20 kills have landed
	round := 0
	for ; round < rounds || (r.kills < 20 && round < 3*rounds); round++ {
		session := filepath.Join(dir, fmt.Sprintf("round%02d.parley", round))
		// 1. kill the first import anywhere, from start-up to the last batch
		if r.runKilled("import", session, 50*time.Millisecond, full) {
			partial = append(partial, r.verify(session, fmt.Sprintf("round %d, kill 1", round), nil))
		}
		// 2. the analyst edits, then a second import is killed
		ed := applyEdits(t, session)
		if r.runKilled("import", session, 50*time.Millisecond, full) {
			partial = append(partial, r.verify(session, fmt.Sprintf("round %d, kill 2", round), ed))
		}
		if ed == nil {
			ed = applyEdits(t, session)
		}
		// 3. an import to the end completes the rest, with no duplicates
		r.runToEnd("import", session)
		if n := r.verify(session, fmt.Sprintf("round %d, completed", round), ed); n != r.files {
			t.Errorf("round %d: %d articles after completing the import, want %d (one per file)", round, n, r.files)
		}
		// 4. every third round: re-extraction killed, then run to the end
		if round%3 == 0 {
			if r.runKilled("reextract", session, 50*time.Millisecond, reextract) {
				r.verify(session, fmt.Sprintf("round %d, kill during re-extraction", round), ed)
			}
			r.runToEnd("reextract", session)
			if n := r.verify(session, fmt.Sprintf("round %d, re-extracted", round), ed); n != r.files {
				t.Errorf("round %d: %d articles after re-extraction, want %d", round, n, r.files)
			}
		}
		if t.Failed() {
			break
		}
		os.Remove(session)
		os.Remove(session + "-wal")
		os.Remove(session + "-shm")
	}
	t.Logf("%d SIGKILLs survived over %d rounds (articles present after the kills: %v); %d article extractions compared with a fresh Extract",
		r.kills, round, partial, r.checked)
	if r.walBug > 0 {
		t.Errorf("store.Open refused a sound session after a kill during a WAL checkpoint, %d times", r.walBug)
	}
	if r.kills < 20 && rounds >= 11 {
		t.Errorf("only %d kills landed before the importer finished; want at least 20", r.kills)
	}
}
