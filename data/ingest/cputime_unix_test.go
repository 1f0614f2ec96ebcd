//go:build unix

package ingest

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time used by the process so far; timing checks use it
// rather than wall time so that a busy machine does not make them flaky.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
