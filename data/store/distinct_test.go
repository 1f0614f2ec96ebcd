package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestDistinctValues: the index-hopping lists of outlets and languages
// equal SELECT DISTINCT … ORDER BY over the same articles.
func TestDistinctValues(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	outlets := []string{"", "Yonhap", "KCNA", "연합뉴스", "新华社", "ТАСС", "yonhap", "Yonhap", "", "AFP", "Le Monde"}
	langs := []string{"ko", "", "en", "zh", "ru", "ko", "fr", "en", "", "fr", "de"}
	for i := range outlets {
		if _, err := db.db.Exec(`INSERT INTO articles(hash, path, format, encoding, title, outlet, published, lang, text, size, imported)
			VALUES (?, ?, 'txt', 'utf-8', 't', ?, '2023-07-28', ?, 'text', 4, '2026-01-01T00:00:00Z')`,
			fmt.Sprint("h", i), fmt.Sprint("/a/", i), outlets[i], langs[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		col  string
		list func(context.Context) ([]string, error)
	}{{"outlet", db.Outlets}, {"lang", db.Languages}} {
		got, err := tc.list(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.strings(ctx, "SELECT DISTINCT "+tc.col+" FROM articles WHERE "+tc.col+" != '' ORDER BY "+tc.col)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: got %q, want %q", tc.col, got, want)
		}
	}
	// an empty session lists nothing
	empty := openTemp(t)
	if got, err := empty.Outlets(ctx); err != nil || len(got) != 0 {
		t.Errorf("empty session: %q, %v", got, err)
	}
}
