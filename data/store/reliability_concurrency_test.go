package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The same session opened twice at once (in one process and by two
// processes), and read-only files and folders. Child processes are this
// test binary re-executed with PARLEY_STORE_CHILD set: TestReliabilityChild
// then does the child's work instead of testing.

const childEnv = "PARLEY_STORE_CHILD"

// TestReliabilityChild is the body of a child process; it does nothing in
// a normal test run.
func TestReliabilityChild(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "":
		t.Skip("only runs as a child process of the reliability tests")
	case "insert":
		childInsert(t)
	case "readonly":
		childReadOnly(t)
	default:
		t.Fatalf("unknown child %q", os.Getenv(childEnv))
	}
}

// childInsert inserts articles FROM..TO of relArticle into the session
// PARLEY_SESSION in batches of 5, one transaction each.
func childInsert(t *testing.T) {
	ctx := context.Background()
	from, _ := strconv.Atoi(os.Getenv("PARLEY_FROM"))
	to, _ := strconv.Atoi(os.Getenv("PARLEY_TO"))
	db, err := Open(ctx, os.Getenv("PARLEY_SESSION"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	if err := insertRange(ctx, db, from, to); err != nil {
		t.Fatal(err)
	}
}

func insertRange(ctx context.Context, db *DB, from, to int) error {
	for n := from; n < to; n += 5 {
		var items []NewArticle
		for k := n; k < min(n+5, to); k++ {
			items = append(items, relArticle(k))
		}
		if _, err := db.InsertArticles(ctx, items); err != nil {
			msg := err.Error()
			if !strings.Contains(msg, "busy") && !strings.Contains(msg, "in use") {
				return fmt.Errorf("insert %d: an error other than busy/in use: %w", n, err)
			}
			return fmt.Errorf("insert %d: %w", n, err)
		}
	}
	return nil
}

// runChild runs this test binary as a child doing job, with env added.
func runChild(t *testing.T, bin, job string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "-test.run=^TestReliabilityChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=" + job}, env...)...)
	return cmd
}

func wantSound(t *testing.T, path string, articles int) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("check: %v", rep.Problems)
	}
	if len(rep.Articles) != articles || rep.DistinctHashes != articles {
		t.Errorf("%d articles (%d distinct), want %d", len(rep.Articles), rep.DistinctHashes, articles)
	}
	for _, a := range rep.Articles {
		want := relArticle(mustAtoi(t, strings.TrimSuffix(strings.TrimPrefix(a.Path, "article-"), ".txt")))
		if a.Mentions != len(want.Result.Mentions) || a.Meetings != len(want.Result.Meetings) || a.Records != len(want.Result.Records) ||
			a.Participants != 2*len(want.Result.Meetings) {
			t.Errorf("%s: extraction %+v does not match what was stored", a.Path, a)
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

func TestReliabilityTwoInstancesInOneProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.parley")
	// the session exists (creating one concurrently: TestReliabilityConcurrentCreate)
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	// both open it at the same moment
	dbs := make([]*DB, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range dbs {
		wg.Go(func() { dbs[i], errs[i] = Open(ctx, path) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	// overlapping ranges: 0..150 and 100..250, 50 articles in common
	ranges := [][2]int{{0, 150}, {100, 250}}
	for i := range dbs {
		wg.Go(func() { errs[i] = insertRange(ctx, dbs[i], ranges[i][0], ranges[i][1]) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("instance %d: %v", i, err)
		}
	}
	// each sees the other's articles
	for i, db := range dbs {
		if n, err := db.CountArticles(ctx, ArticleFilter{}); err != nil || n != 250 {
			t.Errorf("instance %d sees %d articles (%v), want 250", i, n, err)
		}
	}
	dbs[0].Close()
	dbs[1].Close()
	wantSound(t, path, 250)
}

// TestReliabilityConcurrentCreate: two instances create the same new
// session at the same moment (two windows opened on a new file, or two
// imports started together).
func TestReliabilityConcurrentCreate(t *testing.T) {
	ctx := context.Background()
	var failures []string
	const rounds = 20
	for round := range rounds {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.parley", round))
		start := make(chan struct{})
		errs := make([]error, 4)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() {
				<-start
				db, err := Open(ctx, path)
				if err == nil {
					_, err = db.InsertArticles(ctx, []NewArticle{relArticle(i)})
					db.Close()
				}
				errs[i] = err
			})
		}
		close(start)
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				failures = append(failures, err.Error())
			}
		}
	}
	if len(failures) > 0 {
		t.Errorf("%d of %d concurrent opens of a new session failed, e.g. %s", len(failures), 4*rounds, failures[0])
	}
}

func TestReliabilityTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shared.parley")
	// the session exists (creating one concurrently: TestReliabilityConcurrentCreate)
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// three processes open it at once and insert overlapping ranges
	ranges := [][2]int{{0, 300}, {200, 500}, {400, 600}}
	var cmds []*exec.Cmd
	outs := make([]strings.Builder, len(ranges))
	for i, r := range ranges {
		cmd := runChild(t, bin, "insert", "PARLEY_SESSION="+path, fmt.Sprintf("PARLEY_FROM=%d", r[0]), fmt.Sprintf("PARLEY_TO=%d", r[1]))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	start := time.Now()
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	t.Logf("3 processes inserted 800 articles (600 distinct) into one session in %v", time.Since(start).Round(time.Millisecond))
	wantSound(t, path, 600)
}

// asNobody prepares a command to run as an unprivileged user when the tests
// run as root (root ignores permission bits, so read-only files are not
// read-only to it).
func asNobody(t *testing.T, cmd *exec.Cmd) {
	if os.Geteuid() != 0 {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	cmd.Env = append(cmd.Env, "HOME=/tmp", "GOCACHE=/tmp/parley-nobody-gocache")
}

// worldDir makes a fresh folder every user may enter.
func worldDir(t *testing.T) string {
	d, err := os.MkdirTemp("", "parley-ro-*")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(d, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(d)
	})
	return d
}

// mainFiles is dirState without SQLite's -shm/-wal side files.
func mainFiles(t *testing.T, dir string) string {
	var keep []string
	for _, l := range strings.Split(dirState(t, dir), "\n") {
		if !strings.Contains(l, "-shm ") && !strings.Contains(l, "-wal ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(to, mode); err != nil {
		t.Fatal(err)
	}
}

// TestReliabilityReadOnly opens a read-only session file, and a session in
// a read-only folder, as an unprivileged user: Open refuses with
// ErrReadOnly and a message saying what to do, the files stay as they were,
// and OpenReadOnly (merging) can still read the read-only file.
func TestReliabilityReadOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root := worldDir(t)
	// the test binary may live in a folder only its owner can enter
	childBin := filepath.Join(root, "store.test")
	copyFile(t, bin, childBin, 0o755)
	roFile := filepath.Join(root, "file")
	roFolder := filepath.Join(root, "folder")
	for _, d := range []string{roFile, roFolder} {
		if err := os.Mkdir(d, 0o777); err != nil {
			t.Fatal(err)
		}
		os.Chmod(d, 0o777)
		buildSession(t, filepath.Join(d, "s.parley"), 4)
	}
	os.Chmod(filepath.Join(roFile, "s.parley"), 0o444)
	os.Chmod(filepath.Join(roFolder, "s.parley"), 0o666)
	os.Chmod(roFolder, 0o555)
	before := mainFiles(t, roFile) + "\n" + mainFiles(t, roFolder)
	cmd := runChild(t, childBin, "readonly", "PARLEY_RO_FILE="+filepath.Join(roFile, "s.parley"), "PARLEY_RO_FOLDER="+filepath.Join(roFolder, "s.parley"))
	asNobody(t, cmd)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if os.Geteuid() == 0 && strings.Contains(err.Error(), "operation not permitted") {
			t.Skipf("cannot run a child as an unprivileged user here: %v", err)
		}
		t.Errorf("child: %v\n%s", err, out)
	} else if testing.Verbose() {
		t.Logf("child:\n%s", out)
	}
	if after := mainFiles(t, roFile) + "\n" + mainFiles(t, roFolder); after != before {
		t.Errorf("read-only sessions changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if sc := dirState(t, roFile); strings.Contains(sc, "-shm") {
		t.Errorf("OpenReadOnly left SQLite's index beside a read-only session:\n%s", sc)
	}
}

func childReadOnly(t *testing.T) {
	ctx := context.Background()
	t.Logf("running as uid %d", os.Geteuid())
	if os.Geteuid() == 0 {
		t.Fatal("the read-only child must not run as root")
	}
	for _, p := range []string{os.Getenv("PARLEY_RO_FILE"), os.Getenv("PARLEY_RO_FOLDER")} {
		db, err := Open(ctx, p)
		if err == nil {
			db.Close()
			t.Errorf("%s: Open accepted a read-only session", p)
			continue
		}
		if !errors.Is(err, ErrReadOnly) || !mentionsName(err, p) {
			t.Errorf("%s: err = %v, want ErrReadOnly naming the file", p, err)
		}
		t.Logf("Open: %v", err)
	}
	// a read-only file in a writable folder can still be merged from
	p := os.Getenv("PARLEY_RO_FILE")
	ro, err := OpenReadOnly(ctx, p)
	if err != nil {
		t.Errorf("OpenReadOnly(read-only file): %v", err)
		return
	}
	defer ro.Close()
	if n, err := ro.CountArticles(ctx, ArticleFilter{}); err != nil || n != 4 {
		t.Errorf("read-only file: %d articles, %v", n, err)
	}
	// a session in a read-only folder can be merged from too
	q := os.Getenv("PARLEY_RO_FOLDER")
	if ro2, err := OpenReadOnly(ctx, q); err != nil {
		t.Errorf("OpenReadOnly(session in a read-only folder): %v", err)
	} else {
		n, err := ro2.CountArticles(ctx, ArticleFilter{})
		if err != nil || n != 4 {
			t.Errorf("OpenReadOnly(session in a read-only folder) reads %d articles, %v", n, err)
		}
		ro2.Close()
	}
}
