package cli

import (
	"context"
	"fmt"
	"strings"

	"parley/data"
)

func runEvidence(ctx context.Context, env Env, args []string) error {
	var focus, with, column *string
	return listing(ctx, env, "evidence", args, func(f *flags) {
		focus = f.String("focus", "", "the focus entity")
		with = f.String("with", "", "the counterpart")
		column = f.String("column", "reported", "which number: reported, distinct, planned, denied, articles")
	}, func(s *data.Session, format string) error {
		if *focus == "" || *with == "" {
			return fmt.Errorf("%w: --focus and --with are required", ErrUsage)
		}
		fe, err := s.ResolveEntity(ctx, *focus)
		if err != nil {
			return err
		}
		we, err := s.ResolveEntity(ctx, *with)
		if err != nil {
			return err
		}
		ev, err := s.Evidence(ctx, data.EvidenceQuery{Focus: fe.ID, Counterpart: we.ID, Column: *column})
		if err != nil {
			return err
		}
		t := &table{head: []string{"date", "outlet", "status", "times", "article", "sentence"}}
		type je struct {
			ArticleID int64   `json:"article_id"`
			Title     string  `json:"title"`
			Outlet    string  `json:"outlet"`
			Date      *string `json:"date"`
			Status    string  `json:"status"`
			Times     int     `json:"times,omitempty"`
			Sentence  string  `json:"sentence"`
			Start     int     `json:"start"`
			End       int     `json:"end"`
		}
		out := []je{}
		for _, e := range ev {
			times := ""
			if e.Times > 0 {
				times = fmt.Sprint(e.Times)
			}
			t.add(e.Date, e.Outlet, e.Status, times, e.ArticleID, strings.Join(strings.Fields(e.Sentence), " "))
			out = append(out, je{e.ArticleID, e.Title, e.Outlet, jsonDate(e.Date), e.Status, e.Times, e.Sentence, e.Start, e.End})
		}
		if format == "" || format == "table" {
			fmt.Fprintf(env.Stdout, "%s — %s, %s: %d sentences\n\n", fe.Name, we.Name, *column, len(ev))
			t.wrapLast = true
		}
		return emit(env.Stdout, format, t, out)
	})
}
