// Parley compares how the press covers diplomatic meetings.
//
// main only wires: `parley SUBCOMMAND ...` runs the command line (package
// data/cli), `parley --version` prints the version, and anything else opens
// the workbench (package app), on the session file given or on the default
// session.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"parley/app"
	"parley/assets"
	"parley/data/cli"
)

// FyneApp.toml is the one source of truth for the name, ID, version and build.
//
//go:embed FyneApp.toml
var fyneAppTOML string

func main() {
	meta := readMeta(fyneAppTOML)
	args := os.Args[1:]
	if len(args) > 0 {
		switch {
		case args[0] == "--version" || args[0] == "-version" || args[0] == "version":
			fmt.Printf("Parley %s (build %d)\n", meta.version, meta.build)
			return
		case cli.IsCommand(args[0]):
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			code := cli.Run(ctx, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Version: meta.version}, args)
			stop()
			os.Exit(code)
		case strings.HasPrefix(args[0], "-"):
			fmt.Fprintf(os.Stderr, "parley: unknown option %s\n", args[0])
			cli.Usage(os.Stderr)
			os.Exit(2)
		}
	}
	session := ""
	if len(args) > 0 {
		session = args[0]
	}
	a := fyneapp.NewWithID(meta.id)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	app.Run(a, session)
}

type appMeta struct {
	id, version string
	build       int
}

// readMeta reads ID, Version and Build from FyneApp.toml's [Details].
func readMeta(toml string) appMeta {
	m := appMeta{id: "org.parley.desktop", version: "dev"}
	section := ""
	for _, line := range strings.Split(toml, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || section != "Details" {
			continue
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)
		switch k {
		case "ID":
			m.id = v
		case "Version":
			m.version = v
		case "Build":
			m.build, _ = strconv.Atoi(v)
		}
	}
	return m
}
