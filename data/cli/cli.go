// Package cli is Parley's command line: the same engine the workbench runs,
// as subcommands of the one binary. main.go parses nothing itself: it hands
// os.Args to Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"parley/data"
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Version        string // "0.1.0 (build 1)"
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, env Env, args []string) error
}

func commands() []command {
	return []command{
		{"import", "--session FILE PATH...", "import article files and folders into a session", runImport},
		{"compare", "--session FILE --focus NAME [--with NAME,...] [--by outlet] [--from DATE --to DATE] [--outlets A,B] [--langs xx,yy] [--format table|csv|json]", "compare the focus's counterparts side by side", runCompare},
		{"evidence", "--session FILE --focus NAME --with NAME [--column reported|distinct|planned|denied|articles] [--format table|csv|json]", "the sentences behind one number of a comparison", runEvidence},
		{"entities", "--session FILE [--format table|csv|json]", "list the session's entities", runEntities},
		{"meetings", "--session FILE [--entity NAME] [--format table|csv|json]", "list the extracted meetings", runMeetings},
		{"articles", "--session FILE [--query WORDS] [--format table|csv|json]", "list the session's articles", runArticles},
		{"extract", "[--json] FILE...", "extract entities and meetings from files, without a session", runExtract},
		{"eval", "CORPUS_DIR", "score extraction against a gold corpus (FORMAT.md)", runEval},
		{"demo", "[--session FILE]", "build a session from the built-in sample corpus and compare Kim Jong Un", runDemo},
		{"reextract", "--session FILE", "run extraction again over a session, keeping the analyst's edits", runReextract},
		{"gen", "--seed S --n N --out DIR", "", runGen}, // hidden (no help): benchmark corpus generator
	}
}

// ErrUsage marks a command-line mistake (exit status 2).
var ErrUsage = errors.New("usage")

// errFailures marks a command that ran but had per-file failures (exit status 1).
var errFailures = errors.New("some files failed")

// IsCommand reports whether name is a subcommand.
func IsCommand(name string) bool {
	for _, c := range commands() {
		if c.name == name {
			return true
		}
	}
	return name == "help" || name == "-h" || name == "--help"
}

// Run runs one subcommand and returns the process exit status.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		Usage(env.Stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, ErrUsage):
			fmt.Fprintf(env.Stderr, "parley %s: %v\nusage: parley %s %s\n", c.name, err, c.name, c.args)
			return 2
		case errors.Is(err, errFailures):
			return 1
		default:
			fmt.Fprintf(env.Stderr, "parley %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "parley: unknown command %q\n", args[0])
	Usage(env.Stderr)
	return 2
}

// Usage prints the commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Parley — compare how the press covers diplomatic meetings.")
	fmt.Fprintln(w, "\nusage:\n  parley [SESSION.parley]          open the workbench (default session when none is given)")
	for _, c := range commands() {
		if c.help == "" { // hidden
			continue
		}
		fmt.Fprintf(w, "  parley %s %s\n      %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "  parley --version")
}

// flags is a FlagSet that reports mistakes as ErrUsage and allows flags
// after positional arguments.
type flags struct {
	*flag.FlagSet
	env Env
}

func newFlags(env Env, name string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, env: env}
}

// parse parses flags anywhere among args and returns the positional ones.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.SetOutput(f.env.Stdout)
				f.PrintDefaults()
				return nil, flag.ErrHelp
			}
			return nil, fmt.Errorf("%w: %v", ErrUsage, err)
		}
		args = f.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func sessionFlag(f *flags) *string {
	return f.String("session", "", "session file (default: the default session in the user's data folder)")
}

func openSession(ctx context.Context, env Env, path string) (*data.Session, error) {
	if path == "" {
		p, err := data.DefaultSessionPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	ctx = data.WithUpgradeNotice(ctx, func(from, to int) {
		fmt.Fprintf(env.Stderr, "Updating %s for this version of Parley (one-off; a very large session takes a minute or two)…\n", filepath.Base(path))
	})
	return data.Open(ctx, path)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: %q is not a date (use YYYY-MM-DD)", ErrUsage, s)
}

// endOfPeriod turns "2023" into 2023-12-31 and "2023-07" into 2023-07-31.
func endOfPeriod(s string, t time.Time) time.Time {
	switch len(s) {
	case 4:
		return t.AddDate(1, 0, -1)
	case 7:
		return t.AddDate(0, 1, -1)
	}
	return t
}
