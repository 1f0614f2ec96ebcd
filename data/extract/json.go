package extract

import (
	"encoding/json"
	"fmt"

	"parley/data/ingest"
)

type jsonEntity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Mentions []string `json:"mentions"`
}

type jsonMeeting struct {
	Participants []string `json:"participants"`
	Times        int      `json:"times"`
	Status       string   `json:"status"`
	Kind         string   `json:"kind"`
	Attribution  string   `json:"attribution"`
	Evidence     []string `json:"evidence"`
}

type jsonLine struct {
	File     string        `json:"file"`
	Lang     string        `json:"lang"`
	Date     *string       `json:"date"`
	Outlet   string        `json:"outlet"`
	Title    string        `json:"title"`
	Entities []jsonEntity  `json:"entities"`
	Meetings []jsonMeeting `json:"meetings"`
}

// JSONLine renders one document's result as the line printed by
// `parley extract --json` (no trailing newline): entities with their
// verbatim name surface forms (roles and pronouns left out) and one meeting
// entry per record, participants by canonical name.
func JSONLine(file string, doc ingest.Document, res Result) ([]byte, error) {
	line := jsonLine{File: file, Lang: doc.Lang, Outlet: doc.Outlet, Title: doc.Title,
		Entities: []jsonEntity{}, Meetings: []jsonMeeting{}}
	if !doc.Date.IsZero() {
		d := doc.Date.Format("2006-01-02")
		line.Date = &d
	}
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.Key] = e.Name
	}
	surf := map[string][]string{}
	seen := map[string]bool{}
	for _, m := range res.Mentions {
		if m.Via == "role" || m.Via == "pronoun" {
			continue
		}
		k := m.EntityKey + "\x00" + m.Surface
		if seen[k] {
			continue
		}
		seen[k] = true
		surf[m.EntityKey] = append(surf[m.EntityKey], m.Surface)
	}
	for _, e := range res.Entities {
		ms := surf[e.Key]
		if ms == nil {
			ms = []string{}
		}
		line.Entities = append(line.Entities, jsonEntity{Name: e.Name, Kind: e.Kind, Mentions: ms})
	}
	for _, r := range res.Records {
		jm := jsonMeeting{Times: r.Times, Status: r.Status, Kind: r.Kind, Attribution: r.Attribution, Evidence: []string{}}
		for _, p := range r.Participants {
			n := names[p]
			if n == "" {
				n = p
			}
			jm.Participants = append(jm.Participants, n)
		}
		ev := map[string]bool{}
		for _, i := range r.Meetings {
			if i >= 0 && i < len(res.Meetings) && !ev[res.Meetings[i].Evidence] {
				ev[res.Meetings[i].Evidence] = true
				jm.Evidence = append(jm.Evidence, res.Meetings[i].Evidence)
			}
		}
		line.Meetings = append(line.Meetings, jm)
	}
	b, err := json.Marshal(line)
	if err != nil {
		return nil, fmt.Errorf("encoding result of %s: %w", file, err)
	}
	return b, nil
}
