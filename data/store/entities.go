package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// entityCols reads an entity (c, canonical) with its counts. The counts
// come from entity_counts (maintained by triggers, migration 0002): a
// canonical entity with nothing merged into it reads its own row; one with
// merged entities sums their mentions and recounts distinct articles and
// meetings (an article may mention two merged forms).
const entityCols = `c.id, c.key, COALESCE(c.name_override, c.name), COALESCE(c.kind_override, c.kind), c.known,
	CASE WHEN EXISTS (SELECT 1 FROM entities x WHERE x.canonical_id = c.id)
		THEN (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id IN (SELECT id FROM entities x WHERE x.id = c.id OR x.canonical_id = c.id))
		ELSE COALESCE((SELECT k.articles FROM entity_counts k WHERE k.entity_id = c.id), 0) END,
	COALESCE((SELECT SUM(k.mentions) FROM entity_counts k WHERE k.entity_id IN (SELECT id FROM entities x WHERE x.id = c.id OR x.canonical_id = c.id)), 0),
	CASE WHEN EXISTS (SELECT 1 FROM entities x WHERE x.canonical_id = c.id)
		THEN (SELECT COUNT(DISTINCT p.meeting_id) FROM meeting_participants p WHERE p.entity_id IN (SELECT id FROM entities x WHERE x.id = c.id OR x.canonical_id = c.id))
		ELSE COALESCE((SELECT k.meetings FROM entity_counts k WHERE k.entity_id = c.id), 0) END`

func scanEntity(sc interface{ Scan(...any) error }) (EntityRow, error) {
	var e EntityRow
	err := sc.Scan(&e.ID, &e.Key, &e.Name, &e.Kind, &e.Known, &e.Articles, &e.Mentions, &e.Meetings)
	return e, err
}

// Entities lists the entities the session's articles mention (merged
// entities once, under their current name), most mentioned first. A
// non-empty query keeps entities with an alias containing it.
func (s *DB) Entities(ctx context.Context, query string, limit int) ([]EntityRow, error) {
	q := "SELECT " + entityCols + " FROM entities c WHERE c.canonical_id IS NULL AND EXISTS (SELECT 1 FROM entity_counts k JOIN entities x ON x.id = k.entity_id WHERE (x.id = c.id OR x.canonical_id = c.id) AND k.mentions > 0)"
	var args []any
	if query = strings.TrimSpace(query); query != "" {
		q += " AND (COALESCE(c.name_override, c.name) LIKE ? OR EXISTS (SELECT 1 FROM aliases a JOIN entities x ON x.id = a.entity_id WHERE COALESCE(x.canonical_id, x.id) = c.id AND a.alias LIKE ?))"
		args = append(args, "%"+likeEscape(query)+"%", "%"+likeEscape(query)+"%")
	}
	q = "SELECT * FROM (" + q + ") ORDER BY 7 DESC, 3"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	var out []EntityRow
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return nil, s.readErr(err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.readErr(err)
	}
	if err := s.fillAliases(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Entity reads one entity (after merges: asking for a merged entity gives
// the entity it was merged into).
func (s *DB) Entity(ctx context.Context, id int64) (EntityRow, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+entityCols+" FROM entities c WHERE c.id = (SELECT COALESCE(canonical_id, id) FROM entities WHERE id = ?)", id)
	e, err := scanEntity(row)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return e, s.readErr(err)
	}
	out := []EntityRow{e}
	if err := s.fillAliases(ctx, out); err != nil {
		return e, err
	}
	return out[0], nil
}

// EntityByKey finds the entity shown for an extractor key.
func (s *DB) EntityByKey(ctx context.Context, key string) (EntityRow, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM entities WHERE key = ?", key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return EntityRow{}, fmt.Errorf("%s: %w", key, ErrNotFound)
	}
	if err != nil {
		return EntityRow{}, s.readErr(err)
	}
	return s.Entity(ctx, id)
}

func (s *DB) fillAliases(ctx context.Context, es []EntityRow) error {
	for i := range es {
		as, err := s.strings(ctx, `SELECT DISTINCT a.alias FROM aliases a JOIN entities x ON x.id = a.entity_id
			WHERE x.id = ? OR x.canonical_id = ? ORDER BY (a.source = 'gazetteer'), a.alias`, es[i].ID, es[i].ID)
		if err != nil {
			return err
		}
		// the surfaces actually seen come first, then the gazetteer's names
		// (entity_surfaces: the distinct surfaces of the mentions, maintained by triggers)
		seen, err := s.strings(ctx, `SELECT DISTINCT s.surface FROM entity_surfaces s
			WHERE s.entity_id IN (SELECT id FROM entities x WHERE x.id = ? OR x.canonical_id = ?) ORDER BY s.surface`, es[i].ID, es[i].ID)
		if err != nil {
			return err
		}
		es[i].Aliases = dedupe(append(seen, as...))
	}
	return nil
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// aliasIndex is every alias of every entity present in the session.
type aliasIndex struct {
	ids     []int64
	aliases []string
	folded  []string
}

func (a aliasIndex) String(i int) string { return a.folded[i] }
func (a aliasIndex) Len() int            { return len(a.folded) }

func (s *DB) aliasIndex(ctx context.Context) (aliasIndex, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT COALESCE(x.canonical_id, x.id), a.alias FROM aliases a JOIN entities x ON x.id = a.entity_id
		WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = x.id)
		UNION SELECT DISTINCT COALESCE(x.canonical_id, x.id), COALESCE(c.name_override, c.name) FROM entities x JOIN entities c ON c.id = COALESCE(x.canonical_id, x.id)
		WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = x.id)`)
	if err != nil {
		return aliasIndex{}, s.readErr(err)
	}
	defer rows.Close()
	var idx aliasIndex
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return idx, s.readErr(err)
		}
		idx.ids = append(idx.ids, id)
		idx.aliases = append(idx.aliases, a)
		idx.folded = append(idx.folded, Fold(a))
	}
	return idx, s.readErr(rows.Err())
}

// FindEntities finds entities as the analyst types, fuzzily, over every
// alias in every script ("shoi", "김정", "Ким").
func (s *DB) FindEntities(ctx context.Context, query string, limit int) ([]EntityMatch, error) {
	query = Fold(query)
	if query == "" {
		rows, err := s.Entities(ctx, "", limit)
		if err != nil {
			return nil, err
		}
		out := make([]EntityMatch, len(rows))
		for i, r := range rows {
			out[i] = EntityMatch{EntityRow: r, Alias: r.Name}
		}
		return out, nil
	}
	idx, err := s.aliasIndex(ctx)
	if err != nil {
		return nil, err
	}
	best := map[int64]fuzzy.Match{}
	for _, m := range fuzzy.FindFrom(query, idx) {
		id := idx.ids[m.Index]
		// an exact or prefix hit outranks a scattered one
		score := m.Score
		if idx.folded[m.Index] == query {
			score += 1000
		} else if strings.HasPrefix(idx.folded[m.Index], query) {
			score += 100
		}
		m.Score = score
		if b, ok := best[id]; !ok || m.Score > b.Score {
			best[id] = m
		}
	}
	out := make([]EntityMatch, 0, len(best))
	for id, m := range best {
		e, err := s.Entity(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, EntityMatch{EntityRow: e, Alias: idx.aliases[m.Index], Score: m.Score})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// EntityByAlias finds the entity with exactly this alias (folded), the most
// mentioned one when several share it.
func (s *DB) EntityByAlias(ctx context.Context, name string) (EntityRow, bool, error) {
	f := Fold(name)
	if f == "" {
		return EntityRow{}, false, nil
	}
	idx, err := s.aliasIndex(ctx)
	if err != nil {
		return EntityRow{}, false, err
	}
	var found []EntityRow
	seen := map[int64]bool{}
	for i, a := range idx.folded {
		if a == f && !seen[idx.ids[i]] {
			seen[idx.ids[i]] = true
			e, err := s.Entity(ctx, idx.ids[i])
			if err != nil {
				return EntityRow{}, false, err
			}
			found = append(found, e)
		}
	}
	if len(found) == 0 {
		return EntityRow{}, false, nil
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Mentions > found[j].Mentions })
	return found[0], true, nil
}
