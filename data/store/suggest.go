package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"parley/data/textnorm"
)

// Suggestions lists likely duplicate entities: the same kind, and names
// that agree across spellings and scripts once transliterated, which the
// analyst has not kept apart.
func (s *DB) Suggestions(ctx context.Context, limit int) ([]Suggestion, error) {
	ents, err := s.Entities(ctx, "", 0)
	if err != nil {
		return nil, err
	}
	dismissed := map[[2]string]bool{}
	rows, err := s.db.QueryContext(ctx, "SELECT a_key, b_key FROM edit_dismissed")
	if err != nil {
		return nil, s.readErr(err)
	}
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			rows.Close()
			return nil, s.readErr(err)
		}
		dismissed[[2]string{a, b}] = true
	}
	rows.Close()
	type forms struct {
		latin []string
		fold  map[string]bool
	}
	fs := make([]forms, len(ents))
	for i, e := range ents {
		f := forms{fold: map[string]bool{}}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			f.fold[Fold(a)] = true
			if l := strings.ReplaceAll(textnorm.Latin(a), " ", ""); len(l) >= 3 {
				f.latin = append(f.latin, l)
			}
		}
		fs[i] = f
	}
	var out []Suggestion
	for i := range ents {
		for j := i + 1; j < len(ents); j++ {
			a, b := ents[i], ents[j]
			if a.Kind != b.Kind || (a.Known && b.Known) {
				continue // two gazetteer entities are different on purpose
			}
			ka, kb := a.Key, b.Key
			if ka > kb {
				ka, kb = kb, ka
			}
			if dismissed[[2]string{ka, kb}] {
				continue
			}
			score, why := 0.0, ""
			for f := range fs[i].fold {
				if fs[j].fold[f] {
					score, why = 1, fmt.Sprintf("both are called “%s”", f)
					break
				}
			}
			if score < 1 {
				for _, x := range fs[i].latin {
					for _, y := range fs[j].latin {
						if r := similarity(x, y); r > score {
							score, why = r, fmt.Sprintf("“%s” ≈ “%s”", x, y)
						}
					}
				}
			}
			if score >= 0.85 {
				out = append(out, Suggestion{A: a, B: b, Score: score, Why: why})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// similarity is 1 - edit distance / longer length.
func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(max(len(ra), len(rb)))
}
