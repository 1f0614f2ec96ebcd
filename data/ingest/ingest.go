package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// DefaultMaxSize is the file size limit used when Options.MaxSize is 0.
const DefaultMaxSize int64 = 64 << 20

// Options tunes Load.
type Options struct {
	MaxSize int64 // largest file read, in bytes; 0 means DefaultMaxSize (64 MiB)
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// Sentinel causes wrapped by FileError.Err, for errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file")
	ErrTooLarge = errors.New("file too large")
	ErrNoText   = errors.New("no text")
	ErrNotFile  = errors.New("not a regular file")
)

// Reasons shown to users.
const (
	reasonEmpty      = "empty file"
	reasonNoText     = "no article text found in the file"
	reasonUndecoded  = "not readable as text in any supported encoding"
	reasonNotRegular = "not a regular file"
	reasonFolder     = "is a folder, not a file"
)

// articleExts are the extensions picked up inside folders.
var articleExts = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html",
}

// IsArticleFile reports whether name has an extension Walk picks up in folders.
func IsArticleFile(name string) bool {
	_, ok := articleExts[strings.ToLower(filepath.Ext(name))]
	return ok
}

// openFile is os.Open; tests replace it to simulate unreadable files.
var openFile = func(name string) (io.ReadCloser, error) { return os.Open(name) }

// statFile is os.Stat; tests replace it.
var statFile = os.Stat

// Load reads and parses one file. The size is checked with Stat before
// reading, and the read itself is bounded. Every failure is a *FileError
// whose Reason can be shown to the user.
func Load(ctx context.Context, path string, opt Options) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	limit := opt.maxSize()
	fi, err := statFile(path)
	if err != nil {
		return Document{}, ioError(path, err)
	}
	switch {
	case fi.IsDir():
		return Document{}, &FileError{Path: path, Reason: reasonFolder, Err: ErrNotFile}
	case !fi.Mode().IsRegular():
		return Document{}, &FileError{Path: path, Reason: reasonNotRegular, Err: ErrNotFile}
	case fi.Size() == 0:
		return Document{}, &FileError{Path: path, Reason: reasonEmpty, Err: ErrEmpty}
	case fi.Size() > limit:
		return Document{}, tooLarge(path, limit)
	}
	f, err := openFile(path)
	if err != nil {
		return Document{}, ioError(path, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(ctxReader{ctx, f}, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return Document{}, ctx.Err()
		}
		return Document{}, ioError(path, err)
	}
	if int64(len(raw)) > limit {
		return Document{}, tooLarge(path, limit)
	}
	doc, err := Parse(path, raw)
	if err != nil {
		return doc, err
	}
	return doc, nil
}

// ctxReader stops reading when the context is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func tooLarge(path string, limit int64) *FileError {
	return &FileError{Path: path, Reason: fmt.Sprintf("larger than the %s limit", humanSize(limit)), Err: ErrTooLarge}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", (n+(1<<19))>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+(1<<9))>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ioError turns an OS error into a FileError with a plain reason.
func ioError(path string, err error) *FileError {
	reason := "cannot be read"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		reason = "file not found"
	case errors.Is(err, fs.ErrPermission):
		reason = "cannot be read: permission denied"
	}
	return &FileError{Path: path, Reason: reason, Err: err}
}

// formatOf maps a path to "txt", "md" or "html"; other extensions are
// sniffed from the content.
func formatOf(path string, raw []byte) string {
	if f, ok := articleExts[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	if looksHTML(raw) {
		return "html"
	}
	return "txt"
}

// looksHTML sniffs an HTML document by its first tag.
func looksHTML(raw []byte) bool {
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimLeftFunc(bytes.TrimPrefix(head, bomUTF8), unicode.IsSpace))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<!--"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// Parse builds a Document from the bytes of a file; path only names it and
// gives the format by extension. It never panics; failures are *FileError.
func Parse(path string, raw []byte) (doc Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc = Document{Path: path, Size: int64(len(raw))}
			err = &FileError{Path: path, Reason: "the file could not be processed", Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	doc = Document{Path: path, Size: int64(len(raw))}
	if len(raw) == 0 {
		return doc, &FileError{Path: path, Reason: reasonEmpty, Err: ErrEmpty}
	}
	if kind := sniffBinary(raw); kind != "" {
		reason := "binary file (" + kind + "), not an article"
		if kind == "unknown format" {
			reason = "binary file, not an article"
		}
		return doc, &FileError{Path: path, Reason: reason, Err: ErrBinary}
	}
	doc.Format = formatOf(path, raw)
	text, enc, err := Decode(raw)
	doc.Encoding = enc
	if err != nil {
		return doc, &FileError{Path: path, Reason: reasonUndecoded, Err: err}
	}
	if strings.TrimSpace(text) == "" {
		return doc, &FileError{Path: path, Reason: reasonEmpty, Err: ErrEmpty}
	}
	switch doc.Format {
	case "html":
		parseHTML(&doc, text)
	default:
		parsePlain(&doc, text, doc.Format == "md")
	}
	doc.Text = strings.TrimSpace(doc.Text)
	if !hasLetters(doc.Text) {
		return doc, &FileError{Path: path, Reason: reasonNoText, Err: ErrNoText}
	}
	sum := sha256.Sum256([]byte(doc.Text))
	doc.Hash = hex.EncodeToString(sum[:])
	return doc, nil
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
