package extract

import (
	"fmt"
	"sync"
	"time"

	"parley/data/entity"
	"parley/data/gazetteer"
)

var (
	defaultOnce sync.Once
	defaultEx   *Extractor
	defaultErr  error
)

// Default returns the extractor built on the embedded gazetteer (entity
// recogniser and leader roles). It is built once and shared.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() {
		rec, err := entity.Default()
		if err != nil {
			defaultErr = fmt.Errorf("loading the entity recogniser: %w", err)
			return
		}
		g, err := gazetteer.Default()
		if err != nil {
			defaultErr = fmt.Errorf("loading the gazetteer: %w", err)
			return
		}
		defaultEx = New(rec).WithLeaders(GazetteerLeaders(g))
	})
	return defaultEx, defaultErr
}

// leaderRoles are the gazetteer roles that make a meeting a summit.
var leaderRoles = map[string]bool{"head_of_state": true, "head_of_government": true, "leader": true}

// GazetteerLeaders returns a LeaderFunc that looks the entity up in g: a
// person is a leader on a date when one of their head_of_state,
// head_of_government or leader terms covers it (any term when the date is
// zero). Unknown entities are not leaders.
func GazetteerLeaders(g *gazetteer.Gazetteer) LeaderFunc {
	return func(key string, date time.Time) bool {
		e, ok := g.ByID(key)
		if !ok {
			return false
		}
		if e.Kind == gazetteer.Country {
			return true
		}
		for _, r := range e.Roles {
			if !leaderRoles[r.Role] {
				continue
			}
			if date.IsZero() {
				return true
			}
			d := date.Format("2006-01-02")
			if r.From <= d && (r.To == "" || d <= r.To) {
				return true
			}
		}
		return false
	}
}
