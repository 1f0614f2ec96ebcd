package gazetteer

import (
	"testing"

	"parley/assets"
)

// FuzzParseLines feeds arbitrary bytes to the .jsonl parser and the
// validator: they must return an error or a consistent gazetteer, never
// panic.
func FuzzParseLines(f *testing.F) {
	for _, name := range []string{"countries", "organizations", "people"} {
		data, err := assets.FS.ReadFile("gazetteer/" + name + ".jsonl")
		if err != nil {
			f.Fatal(err)
		}
		// Seed with the first few lines of each real file.
		lines := 0
		for i, b := range data {
			if b == '\n' {
				lines++
				if lines == 3 {
					f.Add(data[:i+1])
					break
				}
			}
		}
	}
	f.Add([]byte(`{"id":"person:x","kind":"person","name":"X","names":{"en":["X"]},"roles":[{"role":"aide","country":"RU","from":"2020-01-01"}]}`))
	f.Add([]byte("{}\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := parseLines("fuzz.jsonl", data)
		if err != nil {
			return
		}
		g, err := New(es)
		if err != nil {
			return
		}
		for _, e := range g.Entries() {
			if got, ok := g.ByID(e.ID); !ok || got.ID != e.ID {
				t.Fatalf("ByID(%q) = %q, %v", e.ID, got.ID, ok)
			}
		}
	})
}
