package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func zipBytes(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "<xml/>")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	elf := append([]byte("\x7FELF\x02\x01\x01"), make([]byte, 200)...)
	tests := []struct {
		name    string
		content []byte
		reason  string // expected Reason prefix
		is      error
	}{
		{"empty.txt", nil, "empty file", ErrEmpty},
		{"spaces.txt", []byte(" \n\t \r\n"), "empty file", ErrEmpty},
		{"report.txt", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "binary file (PDF), not an article", ErrBinary},
		{"doc.txt", zipBytes(t, "[Content_Types].xml", "word/document.xml"), "binary file (Word document), not an article", ErrBinary},
		{"archive.txt", zipBytes(t, "a.txt"), "binary file (ZIP archive), not an article", ErrBinary},
		{"photo.txt", []byte("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"), "binary file (PNG image), not an article", ErrBinary},
		{"photo2.html", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "binary file (JPEG image), not an article", ErrBinary},
		{"anim.md", []byte("GIF89a\x01\x00\x01\x00"), "binary file (GIF image), not an article", ErrBinary},
		{"prog.txt", elf, "binary file (ELF executable), not an article", ErrBinary},
		{"nul.txt", bytes.Repeat([]byte("ab\x00\x00\x01\x02"), 100), "binary file, not an article", ErrBinary},
		{"garbage.txt", bytes.Repeat([]byte("\x81\x8d\x8f\x90\x9d\xfe\xff"), 30), "not readable as text", ErrUndecodable},
		{"scripts.html", []byte("<html><head><script>var a = 'text';</script><style>p{}</style></head><body><script>alert(1)</script></body></html>"), "no article text found", ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(context.Background(), p, Options{})
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Load err = %v, want *FileError", err)
			}
			if !strings.HasPrefix(fe.Reason, tc.reason) || !errors.Is(err, tc.is) || fe.Path != p {
				t.Errorf("Load = %q (path %q, err %v), want reason %q and %v", fe.Reason, fe.Path, fe.Err, tc.reason, tc.is)
			}
		})
	}
}

func TestLoadOddButValid(t *testing.T) {
	dir := t.TempDir()
	story := "Kim Jong Un met Sergei Shoigu four times during the armistice celebrations in Pyongyang, the ministry said."
	long := strings.Repeat("word ", 2<<20) // one 10 MB line
	tests := []struct {
		name, content string
		check         func(t *testing.T, d Document)
	}{
		{"few-nuls.txt", story + "\x00 " + story, func(t *testing.T, d Document) {
			if strings.ContainsRune(d.Text, 0) {
				t.Errorf("NUL kept in text")
			}
		}},
		{"one-line.txt", long, func(t *testing.T, d Document) {
			if len(d.Text) < 10<<20-10 || d.Title != "" {
				t.Errorf("10 MB line: text %d bytes, title %d bytes", len(d.Text), len(d.Title))
			}
		}},
		{"broken-utf8.txt", "Лавров провёл переговоры в Пхеньяне \xff\xfe и был принят Ким Чен Ыном.", func(t *testing.T, d Document) {
			if d.Encoding != "utf-8" || !strings.Contains(d.Text, "Лавров") {
				t.Errorf("encoding %q text %q", d.Encoding, d.Text)
			}
		}},
		{"notes.csv", "headline,body\n" + story, func(t *testing.T, d Document) {
			if d.Format != "txt" {
				t.Errorf("format %q", d.Format)
			}
		}},
		{"page.xhtml.bak", "<!DOCTYPE html><html><body><p>" + story + "</p></body></html>", func(t *testing.T, d Document) {
			if d.Format != "html" || d.Text != story {
				t.Errorf("format %q text %q", d.Format, d.Text)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			d, err := Load(context.Background(), p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 30*time.Second {
				t.Errorf("took %v", el)
			}
			if d.Size != int64(len(tc.content)) || d.Path != p || len(d.Hash) != 64 {
				t.Errorf("size %d path %q hash %q", d.Size, d.Path, d.Hash)
			}
			tc.check(t, d)
		})
	}
}

func TestLoadSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse 1 GB file
		f.Close()
		t.Skip("cannot create a sparse file here:", err)
	}
	f.Close()
	// The limit is checked with Stat: the file must not even be opened.
	orig := openFile
	openFile = func(name string) (io.ReadCloser, error) {
		t.Errorf("Load opened %s despite its size", name)
		return orig(name)
	}
	_, err = Load(context.Background(), big, Options{})
	openFile = orig
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != "larger than the 64 MB limit" || !errors.Is(err, ErrTooLarge) {
		t.Errorf("1 GB file: %v", err)
	}

	small := filepath.Join(dir, "small.txt")
	writeFile(t, small, strings.Repeat("Kim met Shoigu. ", 100))
	if _, err := Load(context.Background(), small, Options{MaxSize: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxSize 1000: %v", err)
	}
	// A file that grows between Stat and read is still cut at the limit.
	statFile = func(string) (fs.FileInfo, error) { return fakeInfo{size: 10}, nil }
	defer func() { statFile = os.Stat }()
	if _, err := Load(context.Background(), small, Options{MaxSize: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("growing file: %v", err)
	}
}

type fakeInfo struct{ size int64 }

func (f fakeInfo) Name() string       { return "f" }
func (f fakeInfo) Size() int64        { return f.size }
func (f fakeInfo) Mode() fs.FileMode  { return 0o644 }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return false }
func (f fakeInfo) Sys() any           { return nil }

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	writeFile(t, p, "Kim met Shoigu four times.")
	if os.Geteuid() != 0 {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(p, 0o644)
	} else {
		// root reads mode-000 files: inject the permission error instead
		orig := openFile
		openFile = func(name string) (io.ReadCloser, error) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		defer func() { openFile = orig }()
	}
	_, err := Load(context.Background(), p, Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != "cannot be read: permission denied" || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Load = %v", err)
	}
}

func TestLoadNotAFile(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(context.Background(), dir, Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != reasonFolder {
		t.Errorf("Load(folder) = %v", err)
	}
	_, err = Load(context.Background(), filepath.Join(dir, "missing.txt"), Options{})
	if !errors.As(err, &fe) || fe.Reason != "file not found" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, dir, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Load(cancelled) = %v", err)
	}
}

// Parse never panics and never returns a document without a hash on success.
func TestParseHostileBytes(t *testing.T) {
	inputs := map[string][]byte{
		"nul only":       make([]byte, 1000),
		"lone bom":       {0xEF, 0xBB, 0xBF},
		"utf16 bom only": {0xFF, 0xFE},
		"odd utf16":      {0xFF, 0xFE, 'a'},
		"unclosed tag":   []byte("<html><body><p class=\"" + strings.Repeat("x", 100000)),
		"unclosed cmt":   []byte("<html><!--" + strings.Repeat("-", 10000)),
		"many attrs":     []byte("<p " + strings.Repeat("a=b ", 50000) + ">text</p>"),
		"bad json-ld":    []byte(`<html><script type="application/ld+json">{"@graph":[[[[[[[[[[[[` + strings.Repeat("[", 10000) + `</script><p>Hello world text.</p></html>`),
		"huge entity":    []byte("<p>" + strings.Repeat("&amp;&#x10FFFF;&#0;&#xD800;", 10000) + "</p>"),
		"plaintext tag":  []byte("<plaintext><p>not a tag</p>"),
	}
	for name, raw := range inputs {
		for _, ext := range []string{".txt", ".html", ".md"} {
			doc, err := Parse("x"+ext, raw)
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Reason == "" {
					t.Errorf("%s%s: error %v is not a FileError with a reason", name, ext, err)
				}
				if strings.Contains(fe.Reason, "could not be processed") {
					t.Errorf("%s%s: panic: %v", name, ext, fe.Err)
				}
				continue
			}
			if doc.Hash == "" || doc.Text == "" {
				t.Errorf("%s%s: success without text/hash", name, ext)
			}
		}
	}
}
