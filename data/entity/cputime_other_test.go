//go:build !unix

package entity

func processCPU() float64 { return -1 }
