package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

type walkHit struct {
	rel    string
	reason string
}

func collect(t *testing.T, root string, paths []string) []walkHit {
	t.Helper()
	var got []walkHit
	err := Walk(context.Background(), paths, func(p string, err error) error {
		rel, _ := filepath.Rel(root, p)
		h := walkHit{rel: filepath.ToSlash(rel)}
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("%s: error %v is not a *FileError", p, err)
			} else {
				h.reason = fe.Reason
			}
		}
		got = append(got, h)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"b/z.TXT", "b/a.md", "a.html", "c.htm", "d.markdown", "e.pdf", "f.docx", "sub/deep/g.txt", ".hidden/h.txt", ".i.txt", "README"} {
		writeFile(t, filepath.Join(root, f), "text")
	}
	if err := os.Symlink(root, filepath.Join(root, "sub", "loop")); err != nil { // link loop
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "a.html"), filepath.Join(root, "sub", "link.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "missing.txt"), filepath.Join(root, "sub", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	got := collect(t, root, []string{root, filepath.Join(root, "e.pdf"), filepath.Join(root, "nope.txt")})
	want := []walkHit{
		{"a.html", ""},
		{"b/a.md", ""},
		{"b/z.TXT", ""},
		{"c.htm", ""},
		{"d.markdown", ""},
		{"sub/broken.txt", "broken link"},
		{"sub/deep/g.txt", ""},
		// sub/link.html is a.html again; sub/loop is root again: both skipped
		{"e.pdf", ""}, // named explicitly: still tried
		{"nope.txt", "file not found"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk =\n%v\nwant\n%v", got, want)
	}
}

func TestWalkUnreadableFolder(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "locked", "x.txt"), "text")
	writeFile(t, filepath.Join(root, "ok.txt"), "text")
	locked := filepath.Join(root, "locked")
	// Tests run as root, where chmod 000 does not stop reading: inject the
	// permission error instead.
	orig := readDir
	readDir = func(name string) ([]os.DirEntry, error) {
		if name == locked {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return orig(name)
	}
	defer func() { readDir = orig }()
	got := collect(t, root, []string{root})
	want := []walkHit{{"locked", "folder cannot be read: permission denied"}, {"ok.txt", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk = %v, want %v", got, want)
	}
}

func TestWalkStops(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, filepath.Join(root, f), "text")
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{root}, func(string, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk err=%v after %d calls, want stop after 2", err, n)
	}
	n = 0
	err = Walk(context.Background(), []string{root}, func(string, error) error { n++; return filepath.SkipAll })
	if err != nil || n != 1 {
		t.Errorf("SkipAll: err=%v n=%d", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{root}, func(string, error) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Walk err = %v", err)
	}
}
