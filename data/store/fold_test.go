package store

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Jong-un", "kim jong un"},
		{"Sergueï Choïgou", "serguei choigou"},
		{"ＫＩＭ", "kim"},
		{"キム・ジョンウン", "キム ジョンウン"},
		{"ガ", "ガ"},
		{"김정은", "김정은"},
		{"Ким Чен Ын", "ким чен ын"},
		{"Ёлкин", "елкин"},
		{"  U.S.  ", "u s"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
