//go:build !unix

package ingest

import "io/fs"

func sysKey(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }
