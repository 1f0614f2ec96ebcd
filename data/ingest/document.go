// Package ingest turns files on disk into clean, decoded article documents:
// it walks folders, rejects bad files with a per-file reason, detects the
// encoding, extracts the main text of HTML pages, and reads the title,
// outlet, publication date, dateline and language.
//
// It never imports Fyne and never touches the session store.
package ingest

import "time"

// Document is one decoded article, ready for extraction and storage.
type Document struct {
	Path     string    // source path as given by the user (absolute when known)
	Format   string    // "txt", "md", "html"
	Encoding string    // detected encoding, IANA name in lower case ("utf-8", "euc-kr", "windows-1251", ...)
	Hash     string    // hex SHA-256 of the normalised decoded text (Text); identical content → identical hash
	Title    string    // headline, or "" when none is found
	Outlet   string    // publishing outlet (og:site_name, or the credit in a dateline), or ""
	Date     time.Time // publication date the file prints (UTC midnight); zero when it prints none
	Dateline string    // place of the dateline ("SEOUL"), or ""
	Lang     string    // ISO 639-1 code: en id ko ru zh ja es fr de (or another code, or "" when unknown)
	Text     string    // the article text: title first, then the body, paragraphs separated by "\n\n"
	Size     int64     // size of the file in bytes
}

// FileError is the per-file failure reported by Load and Walk. Reason is a
// short sentence that is safe to show to a user ("empty file", "binary file
// (PDF), not an article", "larger than the 64 MB limit", ...).
type FileError struct {
	Path   string
	Reason string
	Err    error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Reason }
func (e *FileError) Unwrap() error { return e.Err }
