//go:build race

package store

// The race detector slows the store tenfold: the equivalence test checks
// fewer edits and foci under it.
func init() { lightEquivalence = true }
