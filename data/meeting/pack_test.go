package meeting

import "testing"

func TestPacksCompile(t *testing.T) {
	langs := Languages()
	if len(langs) == 0 {
		t.Fatal("no language packs embedded")
	}
	for _, l := range langs {
		if _, err := Get(l); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
}
