//go:build unix

package ingest

import (
	"io/fs"
	"syscall"
)

func sysKey(fi fs.FileInfo) (fileKey, bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true //nolint:unconvert // field types differ by platform
	}
	return fileKey{}, false
}
