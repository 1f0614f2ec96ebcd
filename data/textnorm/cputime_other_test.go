//go:build !unix

package textnorm

func processCPU() float64 { return -1 }
