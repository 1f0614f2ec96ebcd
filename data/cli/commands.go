package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"parley/data"
	"parley/data/eval"
	"parley/data/extract"
	"parley/data/ingest"
)

func runImport(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "import")
	session := sessionFlag(f)
	quiet := f.Bool("quiet", false, "print only the summary")
	paths, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: name at least one file or folder to import", ErrUsage)
	}
	s, err := openSession(ctx, env, *session)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.Import(ctx, paths, func(ev data.ImportEvent) {
		if *quiet && ev.Status != data.Failed {
			return
		}
		line := fmt.Sprintf("[%d/%d] %-9s %s", ev.Done, ev.Total, ev.Status, ev.Path)
		if ev.Reason != "" {
			line += ": " + ev.Reason
		}
		fmt.Fprintln(env.Stderr, line)
	})
	fmt.Fprintf(env.Stdout, "%d imported, %d duplicate, %d failed", rep.Imported, rep.Duplicates, rep.Failed)
	if rep.Canceled {
		fmt.Fprint(env.Stdout, " (cancelled)")
	}
	fmt.Fprintf(env.Stdout, " → %s\n", s.Path())
	if err != nil {
		return err
	}
	if rep.Failed > 0 {
		return errFailures
	}
	return nil
}

func runCompare(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "compare")
	session := sessionFlag(f)
	focus := f.String("focus", "", "the entity whose meetings are compared (any spelling or script)")
	with := f.String("with", "", "only these counterparts, comma-separated")
	by := f.String("by", "", "breakdown: outlet")
	from := f.String("from", "", "first date (YYYY-MM-DD)")
	to := f.String("to", "", "last date (YYYY-MM-DD)")
	outlets := f.String("outlets", "", "only these outlets, comma-separated")
	langs := f.String("langs", "", "only these languages, comma-separated ISO codes")
	status := f.String("status", "", "statuses counted for articles and outlets: held (default), planned, denied, comma-separated")
	format := f.String("format", "table", "table, csv or json")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if *focus == "" && len(pos) > 0 {
		*focus = strings.Join(pos, " ")
	}
	if *focus == "" {
		return fmt.Errorf("%w: --focus is required", ErrUsage)
	}
	if *by != "" && *by != "outlet" {
		return fmt.Errorf("%w: --by takes only \"outlet\"", ErrUsage)
	}
	q := data.CompareQuery{Focus: *focus, With: splitList(*with), Outlets: splitList(*outlets), Languages: splitList(*langs), Statuses: splitList(*status)}
	if q.From, err = parseDay(*from); err != nil {
		return err
	}
	t, err := parseDay(*to)
	if err != nil {
		return err
	}
	q.To = endOfPeriod(*to, t)
	s, err := openSession(ctx, env, *session)
	if err != nil {
		return err
	}
	defer s.Close()
	cmp, err := s.Compare(ctx, q)
	if err != nil {
		return err
	}
	return printComparison(env, cmp, *by == "outlet", *format)
}

type jsonCounterpart struct {
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`
	Reported int     `json:"reported"`
	Explicit bool    `json:"reported_is_stated"`
	Distinct int     `json:"distinct"`
	Planned  int     `json:"planned"`
	Denied   int     `json:"denied"`
	Articles int     `json:"articles"`
	Mentions int     `json:"mentions"`
	Outlets  int     `json:"outlets"`
	First    *string `json:"first"`
	Last     *string `json:"last"`
}

type jsonCell struct {
	Outlet      string `json:"outlet"`
	Counterpart string `json:"counterpart"`
	Reported    int    `json:"reported"`
	Distinct    int    `json:"distinct"`
	Articles    int    `json:"articles"`
}

func printComparison(env Env, cmp data.Comparison, byOutlet bool, format string) error {
	t := &table{head: []string{"counterpart", "reported", "distinct", "planned", "denied", "articles", "mentions", "outlets", "first", "last"}}
	js := struct {
		Focus        string            `json:"focus"`
		Counterparts []jsonCounterpart `json:"counterparts"`
		ByOutlet     []jsonCell        `json:"by_outlet,omitempty"`
	}{Focus: cmp.Focus.Name, Counterparts: []jsonCounterpart{}}
	for _, c := range cmp.Counterparts {
		rep := fmt.Sprint(c.Reported)
		if !c.Explicit {
			rep += "*"
		}
		t.add(c.Name, rep, c.Distinct, c.Planned, c.Denied, c.Articles, c.Mentions, c.Outlets, c.First, c.Last)
		js.Counterparts = append(js.Counterparts, jsonCounterpart{c.Name, c.Kind, c.Reported, c.Explicit, c.Distinct, c.Planned, c.Denied, c.Articles, c.Mentions, c.Outlets, jsonDate(c.First), jsonDate(c.Last)})
	}
	if byOutlet {
		for _, o := range cmp.ByOutlet {
			js.ByOutlet = append(js.ByOutlet, jsonCell{o.Outlet, o.Counterpart, o.Reported, o.Distinct, o.Articles})
		}
	}
	if format == "json" {
		return writeJSON(env.Stdout, js)
	}
	if format == "" || format == "table" {
		fmt.Fprintf(env.Stdout, "Meetings of %s — %d counterparts\n\n", cmp.Focus.Name, len(cmp.Counterparts))
	}
	if !byOutlet {
		if err := emit(env.Stdout, format, t, nil); err != nil {
			return err
		}
		if format == "" || format == "table" {
			fmt.Fprintln(env.Stdout, "\nreported: the largest number of meetings any article states (* = no article states a number: its own tally)")
			fmt.Fprintln(env.Stdout, "distinct: meetings after merging the same meeting reported by several articles")
		}
		return nil
	}
	// outlets × counterparts
	names := make([]string, len(cmp.Counterparts))
	for i, c := range cmp.Counterparts {
		names[i] = c.Name
	}
	m := &table{head: append([]string{"outlet"}, names...)}
	for _, o := range cmp.Outlets {
		row := []any{o}
		for _, n := range names {
			v := ""
			for _, c := range cmp.ByOutlet {
				if c.Outlet == o && c.Counterpart == n {
					v = fmt.Sprint(c.Reported)
				}
			}
			row = append(row, v)
		}
		m.add(row...)
	}
	return emit(env.Stdout, format, m, nil)
}

// listing parses a listing command's flags (--session, --format and its
// own), opens the session and runs list on it.
func listing(ctx context.Context, env Env, name string, args []string, own func(f *flags), list func(s *data.Session, format string) error) error {
	f := newFlags(env, name)
	session := sessionFlag(f)
	format := f.String("format", "table", "table, csv or json")
	if own != nil {
		own(f)
	}
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := openSession(ctx, env, *session)
	if err != nil {
		return err
	}
	defer s.Close()
	return list(s, *format)
}

func runEntities(ctx context.Context, env Env, args []string) error {
	var query *string
	return listing(ctx, env, "entities", args, func(f *flags) {
		query = f.String("query", "", "only entities with an alias containing these words")
	}, func(s *data.Session, format string) error { return listEntities(ctx, env, s, *query, format) })
}

func listEntities(ctx context.Context, env Env, s *data.Session, query, format string) error {
	es, err := s.Entities(ctx, query, 0)
	if err != nil {
		return err
	}
	t := &table{head: []string{"name", "kind", "articles", "mentions", "meetings", "aliases seen"}}
	type je struct {
		Name     string   `json:"name"`
		Kind     string   `json:"kind"`
		Known    bool     `json:"in_gazetteer"`
		Articles int      `json:"articles"`
		Mentions int      `json:"mentions"`
		Meetings int      `json:"meetings"`
		Aliases  []string `json:"aliases"`
	}
	out := []je{}
	for _, e := range es {
		al := e.Aliases
		if len(al) > 6 {
			al = al[:6]
		}
		t.add(e.Name, e.Kind, e.Articles, e.Mentions, e.Meetings, strings.Join(al, " · "))
		out = append(out, je{e.Name, e.Kind, e.Known, e.Articles, e.Mentions, e.Meetings, e.Aliases})
	}
	return emit(env.Stdout, format, t, out)
}

func runMeetings(ctx context.Context, env Env, args []string) error {
	var entity *string
	return listing(ctx, env, "meetings", args, func(f *flags) {
		entity = f.String("entity", "", "only meetings of this entity")
	}, func(s *data.Session, format string) error { return listMeetings(ctx, env, s, *entity, format) })
}

func listMeetings(ctx context.Context, env Env, s *data.Session, entity, format string) error {
	mf := data.MeetingFilter{}
	if entity != "" {
		e, err := s.ResolveEntity(ctx, entity)
		if err != nil {
			return err
		}
		mf.Entity = e.ID
	}
	ms, err := s.Meetings(ctx, mf)
	if err != nil {
		return err
	}
	t := &table{head: []string{"date", "participants", "kind", "status", "times", "place", "attribution", "outlet", "evidence"}}
	type jm struct {
		Key          string   `json:"key"`
		Date         string   `json:"date"`
		Participants []string `json:"participants"`
		Kind         string   `json:"kind"`
		Status       string   `json:"status"`
		Times        int      `json:"times,omitempty"`
		Place        string   `json:"place,omitempty"`
		Attribution  string   `json:"attribution,omitempty"`
		Outlet       string   `json:"outlet"`
		ArticleID    int64    `json:"article_id"`
		Evidence     string   `json:"evidence"`
	}
	out := []jm{}
	for _, m := range ms {
		var names []string
		for _, p := range m.Participants {
			names = append(names, p.Name)
		}
		date := m.Date
		if date == "" && !m.ArticleDate.IsZero() {
			date = "(" + m.ArticleDate.Format("2006-01-02") + ")"
		}
		times := ""
		if m.Times > 0 {
			times = fmt.Sprint(m.Times)
		}
		t.add(date, strings.Join(names, " – "), m.Kind, m.Status, times, m.Place, m.Attribution, m.Outlet, m.Evidence)
		out = append(out, jm{m.Key, m.Date, names, m.Kind, m.Status, m.Times, m.Place, m.Attribution, m.Outlet, m.ArticleID, m.Evidence})
	}
	return emit(env.Stdout, format, t, out)
}

func runArticles(ctx context.Context, env Env, args []string) error {
	var query *string
	return listing(ctx, env, "articles", args, func(f *flags) {
		query = f.String("query", "", "full-text search")
	}, func(s *data.Session, format string) error { return listArticles(ctx, env, s, *query, format) })
}

func listArticles(ctx context.Context, env Env, s *data.Session, query, format string) error {
	as, err := s.Articles(ctx, data.ArticleFilter{Query: query})
	if err != nil {
		return err
	}
	t := &table{head: []string{"id", "date", "lang", "outlet", "title", "entities", "meetings", "path"}}
	type ja struct {
		ID       int64   `json:"id"`
		Date     *string `json:"date"`
		Lang     string  `json:"lang"`
		Outlet   string  `json:"outlet"`
		Title    string  `json:"title"`
		Entities int     `json:"entities"`
		Mentions int     `json:"mentions"`
		Meetings int     `json:"meetings"`
		Path     string  `json:"path"`
	}
	out := []ja{}
	for _, a := range as {
		t.add(a.ID, a.Date, a.Language, a.Outlet, a.Title, a.Entities, a.Meetings, a.Path)
		out = append(out, ja{a.ID, jsonDate(a.Date), a.Language, a.Outlet, a.Title, a.Entities, a.Mentions, a.Meetings, a.Path})
	}
	return emit(env.Stdout, format, t, out)
}

func runExtract(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "extract")
	f.Bool("json", true, "one JSON line per file (the only output format)")
	files, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: name at least one file", ErrUsage)
	}
	ex, err := data.Engine()
	if err != nil {
		return err
	}
	failed := false
	for _, p := range files {
		doc, err := ingest.Load(ctx, p, ingest.Options{})
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley extract: %v\n", err)
			failed = true
			continue
		}
		res, err := ex.Extract(ctx, doc)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley extract: %s: %v\n", p, err)
			failed = true
			continue
		}
		line, err := extract.JSONLine(p, doc, res)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, string(line))
	}
	if failed {
		return errFailures
	}
	return nil
}

func runEval(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "eval")
	jsonOut := f.Bool("json", false, "print the report as JSON")
	details := f.Bool("details", false, "also list, per article, what was missed, extra or miscounted")
	require := f.String("require", "", "fail (exit 1) when a language scores below these, e.g. held_f1=0.9,count=0.9,planned_f1=0.8,entity_recall=0.9,date=0.95,lang=1")
	langs := f.String("langs", "", "languages --require applies to (default: every language in the corpus)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one corpus folder (with gold.jsonl and articles/)", ErrUsage)
	}
	if _, err := os.Stat(filepath.Join(pos[0], "gold.jsonl")); err != nil {
		return fmt.Errorf("%s has no gold.jsonl: %w", pos[0], err)
	}
	ex, err := data.Engine()
	if err != nil {
		return err
	}
	rep, err := eval.Evaluate(ctx, pos[0], ex, func(ctx context.Context, p string) (ingest.Document, error) {
		return ingest.Load(ctx, p, ingest.Options{})
	})
	if err != nil {
		return err
	}
	reqs, err := parseRequirements(*require)
	if err != nil {
		return err
	}
	if *jsonOut {
		if err := writeJSON(env.Stdout, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprint(env.Stdout, rep.Table())
		if *details {
			fmt.Fprint(env.Stdout, rep.Details())
		}
	}
	if fails := checkRequirements(rep, reqs, splitList(*langs)); len(fails) > 0 {
		fmt.Fprintf(env.Stderr, "parley eval: below the required scores:\n  %s\n", strings.Join(fails, "\n  "))
		return errFailures
	}
	return nil
}

// metrics are the scores --require can name.
var metrics = map[string]func(eval.Scores) float64{
	"held_f1":       func(s eval.Scores) float64 { return s.Held.F1() },
	"count":         eval.Scores.CountAccuracy,
	"planned_f1":    func(s eval.Scores) float64 { return s.Planned.F1() },
	"entity_recall": eval.Scores.EntityRecall,
	"date":          eval.Scores.DateAccuracy,
	"lang":          eval.Scores.LangAccuracy,
}

func parseRequirements(s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, part := range splitList(s) {
		k, v, ok := strings.Cut(part, "=")
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if _, known := metrics[strings.TrimSpace(k)]; !ok || err != nil || !known {
			return nil, fmt.Errorf("%w: --require takes metric=value pairs with metrics held_f1, count, planned_f1, entity_recall, date, lang (got %q)", ErrUsage, part)
		}
		out[strings.TrimSpace(k)] = f
	}
	return out, nil
}

func checkRequirements(rep eval.Report, reqs map[string]float64, langs []string) []string {
	if len(langs) == 0 {
		for l := range rep.ByLang {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	var fails []string
	for _, l := range langs {
		s, ok := rep.ByLang[l]
		if !ok {
			fails = append(fails, l+": no articles in the corpus")
			continue
		}
		names := make([]string, 0, len(reqs))
		for k := range reqs {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			// a small tolerance so 0.8999999 does not fail 0.9
			if got := metrics[k](s); got+1e-9 < reqs[k] {
				fails = append(fails, fmt.Sprintf("%s %s = %.3f < %.3f", l, k, got, reqs[k]))
			}
		}
	}
	return fails
}

func runDemo(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "demo")
	session := f.String("session", "", "where to build the sample session (default: sample.parley in the user's data folder)")
	format := f.String("format", "table", "table, csv or json")
	if _, err := f.parse(args); err != nil {
		return err
	}
	path := *session
	if path == "" {
		dir, err := data.DataDir()
		if err != nil {
			return err
		}
		path = filepath.Join(dir, "sample"+data.SessionExt)
	}
	s, rep, err := data.BuildSample(ctx, path, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintf(env.Stderr, "sample session %s: %d articles imported, %d already there, %d failed\n\n", s.Path(), rep.Imported, rep.Duplicates, rep.Failed)
	cmp, err := s.Compare(ctx, data.CompareQuery{Focus: "Kim Jong Un"})
	if err != nil {
		if errors.Is(err, data.ErrUnknownEntity) {
			return fmt.Errorf("the sample corpus mentions no Kim Jong Un: %w", err)
		}
		return err
	}
	return printComparison(env, cmp, false, *format)
}

func runReextract(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "reextract")
	session := sessionFlag(f)
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := openSession(ctx, env, *session)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Reextract(ctx, func(done, total int) {
		if done%100 == 0 || done == total {
			fmt.Fprintf(env.Stderr, "[%d/%d] re-extracted\n", done, total)
		}
	})
}
