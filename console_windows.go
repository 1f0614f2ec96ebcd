//go:build windows

package main

import (
	"log"
	"os"
	"syscall"
)

// parley.exe is linked for the Windows GUI subsystem (fyne package adds
// -H=windowsgui) so that double-clicking it opens no console window. Such a
// process starts with no standard handles, and everything the command line
// prints would be lost. This init attaches to the console of the process that
// started parley.exe (cmd.exe, PowerShell, Windows Terminal), when there is
// one, and points stdout, stderr and stdin at it. Handles that are already
// valid (output redirected to a file or a pipe) are left untouched. Started
// from Explorer or a shortcut there is no parent console and nothing changes.
func init() {
	attachParentConsole()
}

var kernel32 = syscall.NewLazyDLL("kernel32.dll")

const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

func attachParentConsole() {
	stdout, _ := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE)
	stderr, _ := syscall.GetStdHandle(syscall.STD_ERROR_HANDLE)
	stdin, _ := syscall.GetStdHandle(syscall.STD_INPUT_HANDLE)
	if usable(stdout) && usable(stderr) {
		return // already has somewhere to write: a console, a file or a pipe
	}
	attach := kernel32.NewProc("AttachConsole")
	if err := attach.Find(); err != nil {
		return
	}
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return // no parent console (started from Explorer): stay silent
	}
	if !usable(stdout) {
		if f := openConsole("CONOUT$", os.O_WRONLY); f != nil {
			os.Stdout = f
			setStdHandle(syscall.STD_OUTPUT_HANDLE, f)
		}
	}
	if !usable(stderr) {
		if f := openConsole("CONOUT$", os.O_WRONLY); f != nil {
			os.Stderr = f
			setStdHandle(syscall.STD_ERROR_HANDLE, f)
			log.SetOutput(f)
		}
	}
	if !usable(stdin) {
		if f := openConsole("CONIN$", os.O_RDONLY); f != nil {
			os.Stdin = f
			setStdHandle(syscall.STD_INPUT_HANDLE, f)
		}
	}
}

// usable reports whether h refers to an open console, file or pipe.
func usable(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN
}

func openConsole(name string, flag int) *os.File {
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return nil
	}
	return f
}

// setStdHandle makes f the process-wide standard handle, so that C code and
// child processes see the console too.
func setStdHandle(which int, f *os.File) {
	proc := kernel32.NewProc("SetStdHandle")
	if proc.Find() != nil {
		return
	}
	_, _, _ = proc.Call(uintptr(which), f.Fd())
}
