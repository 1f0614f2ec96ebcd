//go:build race

package app

// raceEnabled: the race detector slows the engine (a transpiled SQLite)
// about tenfold, so corpus tests import only the articles they need.
const raceEnabled = true
