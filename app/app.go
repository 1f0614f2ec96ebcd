// Package app is Parley's desktop workbench: a Fyne window over the session
// engine (package parley/data). It holds no SQL: every read and every edit
// goes through the Engine interface, which *data.Session satisfies.
//
// Entry point for main.go:
//
//	a := fyneapp.NewWithID("<ID from FyneApp.toml>")
//	app.Run(a, sessionPath) // sessionPath may be "" (first run: welcome screen)
//
// Run builds the main window, opens sessionPath when given (a path from the
// command line or from the file manager) or else the most recent session,
// and blocks in ShowAndRun. With no session at all the window offers "Open
// the sample session" and "Import articles…".
// New builds the same window without showing it (tests use New with a fake
// Engine and a synchronous Background).
//
// Screens (one file and one struct each): Library (library.go), Compare
// (compare.go), Meetings (meetings.go), Entities (entities.go), Article
// reader (reader.go), Timeline (timeline.go). The main window, menus, session
// handling and preferences are in workbench.go, the theme in theme.go and the
// exports (CSV, JSON, PNG, HTML) in export.go.
//
// Threading: slow engine calls run through Workbench.bg (a goroutine by
// default) and touch widgets only inside fyne.Do.
package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Run opens the workbench window, opens sessionPath when it is not empty,
// and runs the application until the window closes.
func Run(a fyne.App, sessionPath string) {
	w := New(a, DefaultOptions())
	if sessionPath != "" {
		// the session's screens replace this in a moment: a plain line
		// draws faster than the welcome screen for the first frame
		w.win.SetContent(container.NewCenter(widget.NewLabel("Opening " + filepath.Base(sessionPath) + "…")))
		w.OpenSession(sessionPath)
	} else {
		w.OpenLatest()
	}
	w.Window().ShowAndRun()
}
