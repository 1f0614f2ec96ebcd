//go:build unix

package textnorm

import "syscall"

// processCPU returns the CPU time (user + system) used so far by the whole
// process, in seconds, or -1 when unavailable.
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
