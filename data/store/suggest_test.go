package store

import (
	"context"
	"testing"

	"parley/data/extract"
)

func TestSuggestionsAcrossScripts(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	cyr := extract.Entity{Key: "new:person:shoigu-cyrillic", Name: "Шойгу", Kind: "person"}
	other := extract.Entity{Key: "new:person:lavrov", Name: "Lavrov", Kind: "person"}
	_, err := db.InsertArticles(ctx, []NewArticle{
		article("Wire R", "2023-07-29", sent{text: "Kim met Шойгу again.", with: cyr, date: "2023-07-27"}),
		article("Wire S", "2023-07-30", sent{text: "Kim met Sergei Shoigu.", with: shoigu, date: "2023-07-26"}),
		article("Wire T", "2023-07-30", sent{text: "Kim met Lavrov.", with: other, date: "2023-07-25"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	sug, err := db.Suggestions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sug {
		keys := s.A.Key + "|" + s.B.Key
		if keys == cyr.Key+"|"+shoigu.Key || keys == shoigu.Key+"|"+cyr.Key {
			found = true
		}
		if s.A.Key == other.Key || s.B.Key == other.Key {
			t.Errorf("Lavrov suggested as a duplicate: %+v", s)
		}
	}
	if !found {
		t.Fatalf("Шойгу and Sergei Shoigu not suggested: %+v", sug)
	}
}
