package ingest

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		want, text string
	}{
		// one or two short sentences per language
		{"en", "Kim met Shoigu four times last week."},
		{"en", "The two leaders agreed to meet again next year."},
		{"en", "Biden and Xi agree to reopen military channels in first talks in a year"},
		{"id", "Kim Jong-un bertemu Shoigu sebanyak empat kali."},
		{"id", "Presiden Joko Widodo bertemu Presiden Rusia di Moskwa."},
		{"id", "Menteri luar negeri itu tidak akan hadir dalam pertemuan tersebut."},
		{"es", "Biden y Xi se reúnen en Lima por tercera vez."},
		{"es", "El presidente del Gobierno se reunió con el mandatario chino."},
		{"es", "Se cae la reunión entre Sheinbaum y Trump en la cumbre del G7"},
		{"fr", "Kim Jong-un a vu Sergueï Choïgou quatre fois."},
		{"fr", "Le président chinois a été accueilli lundi à l'Élysée."},
		{"fr", "Macron et Poutine renouent le contact par téléphone"},
		{"de", "Kim und Putin verhandeln in Peking."},
		{"de", "Scholz telefoniert erstmals seit fast zwei Jahren mit Putin"},
		{"de", "Der Kanzler hat den russischen Präsidenten angerufen."},
		{"ru", "Путин и Трамп встретятся на Аляске."},
		{"ru", "Лавров провёл переговоры с Чхве Сон Хи."},
		{"ko", "김정은, 쇼이구와 네 차례 만나"},
		{"ko", "尹, 시진핑과 2년 만에 정상회담… 中 리훙중과는 한 차례"},
		{"ja", "岸田首相、習主席と1年ぶり会談"},
		{"ja", "金正恩氏、プーチン氏と4回目の会談"},
		{"zh", "习近平同金正恩举行会谈"},
		{"zh", "習近平與拜登在舊金山舉行會晤"},
		// names in another script do not switch the language
		{"en", "Kim Jong Un (김정은) met Vladimir Putin (Владимир Путин) in Vostochny on Wednesday."},
		{"", ""},
		{"", "12345 !!!"},
	}
	for _, tc := range tests {
		if got := DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
