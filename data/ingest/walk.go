package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// readDir is os.ReadDir; tests replace it to simulate unreadable folders.
var readDir = os.ReadDir

// fileKey identifies a file or folder across symbolic links: device and
// inode where the platform has them, else the resolved path.
type fileKey struct {
	dev, ino uint64
	path     string
}

func keyOf(path string, fi fs.FileInfo) (fileKey, bool) {
	if k, ok := sysKey(fi); ok {
		return k, true
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return fileKey{path: real}, true
	}
	return fileKey{}, false
}

// Walk expands paths (files and folders, recursively) into candidate article
// files and calls fn for each, in a deterministic order: the paths in the
// order given, each folder's entries sorted by name. Inside folders only
// .txt .md .markdown .html .htm files are reported (case-insensitive), and
// hidden entries are skipped; a file named explicitly is always reported.
// Symbolic links are followed, but a folder or file already visited is not
// visited again, so link loops end. Problems (unreadable folder, broken
// link, missing path) are reported as fn(path, *FileError) and the walk goes
// on. If fn returns an error the walk stops and Walk returns it
// (filepath.SkipAll stops it without error; filepath.SkipDir is ignored).
func Walk(ctx context.Context, paths []string, fn func(path string, err error) error) error {
	w := walker{ctx: ctx, fn: fn, seenDirs: map[fileKey]bool{}, seenFiles: map[fileKey]bool{}}
	for _, p := range paths {
		if err := w.top(p); err != nil {
			if errors.Is(err, filepath.SkipAll) {
				return nil
			}
			return err
		}
	}
	return nil
}

type walker struct {
	ctx       context.Context
	fn        func(string, error) error
	seenDirs  map[fileKey]bool
	seenFiles map[fileKey]bool
}

func (w *walker) report(path string, err error) error {
	if e := w.fn(path, err); e != nil && !errors.Is(e, filepath.SkipDir) {
		return e
	}
	return nil
}

func (w *walker) top(p string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	fi, err := os.Stat(p)
	if err != nil {
		return w.report(p, ioError(p, err))
	}
	if fi.IsDir() {
		return w.dir(p, fi)
	}
	return w.file(p, fi)
}

func (w *walker) file(p string, fi fs.FileInfo) error {
	if k, ok := keyOf(p, fi); ok {
		if w.seenFiles[k] {
			return nil
		}
		w.seenFiles[k] = true
	}
	return w.report(p, nil)
}

func (w *walker) dir(p string, fi fs.FileInfo) error {
	if k, ok := keyOf(p, fi); ok {
		if w.seenDirs[k] {
			return nil // a link back to a folder already walked
		}
		w.seenDirs[k] = true
	}
	entries, err := readDir(p)
	if err != nil && len(entries) == 0 {
		reason := "folder cannot be read"
		if errors.Is(err, fs.ErrPermission) {
			reason = "folder cannot be read: permission denied"
		}
		return w.report(p, &FileError{Path: p, Reason: reason, Err: err})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		child := filepath.Join(p, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			cfi, err := os.Stat(child)
			if err != nil {
				if IsArticleFile(name) {
					if err := w.report(child, &FileError{Path: child, Reason: "broken link", Err: err}); err != nil {
						return err
					}
				}
				continue
			}
			if cfi.IsDir() {
				if err := w.dir(child, cfi); err != nil {
					return err
				}
				continue
			}
			if cfi.Mode().IsRegular() && IsArticleFile(name) {
				if err := w.file(child, cfi); err != nil {
					return err
				}
			}
			continue
		}
		switch {
		case typ.IsDir():
			cfi, err := e.Info()
			if err != nil {
				if err := w.report(child, ioError(child, err)); err != nil {
					return err
				}
				continue
			}
			if err := w.dir(child, cfi); err != nil {
				return err
			}
		case typ.IsRegular() && IsArticleFile(name):
			cfi, err := e.Info()
			if err != nil {
				if err := w.report(child, ioError(child, err)); err != nil {
					return err
				}
				continue
			}
			if err := w.file(child, cfi); err != nil {
				return err
			}
		}
	}
	if err != nil {
		// Partial listing: report the folder after what could be read.
		return w.report(p, &FileError{Path: p, Reason: "folder could only be read in part", Err: err})
	}
	return nil
}
