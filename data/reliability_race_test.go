//go:build race

package data_test

// raceEnabled: the race detector slows every child process several times,
// so the crash test imports a smaller corpus by default under -race.
const raceEnabled = true
