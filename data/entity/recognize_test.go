package entity

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

type want struct {
	surface, key, via string // via "" = any
}

func TestRecognize(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, date, text string
		want                   []want
		not                    []string // surfaces that must not be mentions
	}{
		{"en names and short form", "en", "2023-07-28",
			"Kim Jong-un toured a factory with Sergei Shoigu. Later Kim thanked Shoigu.",
			[]want{{"Kim Jong-un", "person:kim-jong-un", ViaName}, {"Kim", "person:kim-jong-un", ViaShort}, {"Shoigu", "person:sergei-shoigu", ViaName}}, nil},
		{"en short form without antecedent", "en", "2023-07-28",
			"Kim said the talks went well.", nil, []string{"Kim"}},
		{"en role by date before hand-over", "en", "2023-07-28",
			"The Russian defence minister arrived in Pyongyang on Tuesday.",
			[]want{{"Russian defence minister", "person:sergei-shoigu", ViaRole}}, nil},
		{"en role by date after hand-over", "en", "2024-09-13",
			"The Russian defence minister arrived in Pyongyang on Tuesday.",
			[]want{{"Russian defence minister", "person:andrei-belousov", ViaRole}}, nil},
		{"en role in apposition is not a role mention", "en", "2023-07-28",
			"North Korean leader Kim Jong Un spoke.",
			[]want{{"Kim Jong Un", "person:kim-jong-un", ViaName}}, []string{"North Korean leader"}},
		{"en demonym is not a country mention", "en", "2023-07-28",
			"A Russian delegation visited Russia's neighbour.",
			[]want{{"Russia", "country:RU", ViaName}}, []string{"Russian"}},
		{"en acronym needs capitals", "en", "2023-07-28",
			"Let us talk, said the US envoy.",
			[]want{{"US", "country:US", ViaName}}, []string{"us"}},
		{"en discovered new person", "en", "2023-07-28",
			"Foreign Minister Adrian Volkerson met the press. Volkerson said little.",
			[]want{{"Adrian Volkerson", "new:person:adrian-volkerson", ViaNew}, {"Volkerson", "new:person:adrian-volkerson", ViaShort}}, nil},
		{"en place name with a person's name", "en", "2023-07-28",
			"Crowds filled Kim Il Sung Square.", nil, []string{"Kim Il Sung"}},
		{"id names, clitic and role", "id", "2023-07-28",
			"Menteri Pertahanan Rusia tiba di Pyongyang. Kim Jong Un menyambut Putinnya.",
			[]want{{"Menteri Pertahanan Rusia", "person:sergei-shoigu", ViaRole}, {"Rusia", "country:RU", ViaName}, {"Kim Jong Un", "person:kim-jong-un", ViaName}, {"Putinnya", "person:vladimir-putin", ViaName}}, nil},
		{"id alias", "id", "2022-06-30",
			"Presiden Joko Widodo tiba di Kyiv. Jokowi lalu ke Moskwa.",
			[]want{{"Joko Widodo", "person:joko-widodo", ViaName}, {"Jokowi", "person:joko-widodo", ViaName}}, nil},
		{"ru inflected names", "ru", "2023-07-28",
			"Ким Чен Ын встретился с Сергеем Шойгу. Лавров позвонил Киму, а затем Владимиру Путину.",
			[]want{{"Ким Чен Ын", "person:kim-jong-un", ViaName}, {"Сергеем Шойгу", "person:sergei-shoigu", ViaName}, {"Лавров", "person:sergei-lavrov", ViaName}, {"Киму", "person:kim-jong-un", ViaShort}, {"Владимиру Путину", "person:vladimir-putin", ViaName}}, nil},
		{"ru role by adjective", "ru", "2023-07-28",
			"Северокорейский лидер принял гостей.",
			[]want{{"Северокорейский лидер", "person:kim-jong-un", ViaRole}}, nil},
		{"de genitive", "de", "2023-09-14",
			"Nordkoreas Machthaber Kim Jong Un sprach über Russlands Krieg. Kims Zug fuhr weiter.",
			[]want{{"Nordkoreas", "country:KP", ViaName}, {"Kim Jong Un", "person:kim-jong-un", ViaName}, {"Russlands", "country:RU", ViaName}, {"Kims", "person:kim-jong-un", ViaShort}}, []string{"Nordkoreas Machthaber"}},
		{"de role", "de", "2023-07-28",
			"Der russische Verteidigungsminister reiste ab.",
			[]want{{"russische Verteidigungsminister", "person:sergei-shoigu", ViaRole}}, nil},
		{"fr spelling variant and role", "fr", "2023-07-28",
			"Sergueï Choïgou a rencontré le dirigeant nord-coréen.",
			[]want{{"Sergueï Choïgou", "person:sergei-shoigu", ViaName}, {"dirigeant nord-coréen", "person:kim-jong-un", ViaRole}}, nil},
		{"es names", "es", "2024-11-16",
			"El presidente chino, Xi Jinping, recibió a Pedro Sánchez. Sánchez viajó luego a Perú.",
			[]want{{"Xi Jinping", "person:xi-jinping", ViaName}, {"Pedro Sánchez", "person:pedro-sanchez", ViaName}, {"Perú", "country:PE", ViaName}}, nil},
		{"ko title forms and hanja", "ko", "2018-09-18",
			"尹, 시진핑과 회담. 문 대통령은 김정은 국무위원장과 만났다. 김 위원장은 웃었다.",
			[]want{{"문 대통령", "person:moon-jae-in", ViaTitle}, {"김정은", "person:kim-jong-un", ViaName}, {"김 위원장", "person:kim-jong-un", ViaTitle}, {"시진핑", "person:xi-jinping", ViaName}}, []string{"한"}},
		{"ko hanja abbreviation by date", "ko", "2025-10-30",
			"李대통령, 트럼프와 회담",
			[]want{{"李", "person:lee-jae-myung", ""}, {"트럼프", "person:donald-trump", ViaName}}, nil},
		{"ko one-syllable words are not abbreviations", "ko", "2023-07-28",
			"그는 27일 한 차례 만났다.", nil, []string{"한", "일"}},
		{"ko role", "ko", "2023-07-28",
			"북한 국무위원장이 연설했다.",
			[]want{{"북한 국무위원장", "person:kim-jong-un", ViaRole}}, nil},
		{"ko new people before titles", "ko", "2023-07-28",
			"홍길동 장관은 기자들에게 말했다. 민병철 총리가 평양에 도착했고 서예린 여사도 함께였다. 국방부 장관과 정부측 대표, 통일부 장관도 참석했다. 천천히 장관이 걸어왔다.",
			[]want{{"홍길동", "new:person:honggildong", ViaNew}, {"민병철", "new:person:minbyeongcheol", ViaNew}, {"서예린", "new:person:seoyerin", ViaNew}},
			[]string{"국방부", "정부측", "국방부 장관", "통일부 장관", "천천히"}},
		{"ko known people before titles stay known", "ko", "2023-07-28",
			"김정은 국무위원장과 쇼이구 장관이 만났다. 김 위원장은 웃었다.",
			[]want{{"김정은", "person:kim-jong-un", ViaName}, {"김 위원장", "person:kim-jong-un", ViaTitle}}, nil},
		{"ja title, gloss and katakana boundary", "ja", "2023-11-17",
			"北洋タイムスによると、岸田首相は金正恩（キム・ジョンウン）氏と習氏について語った。",
			[]want{{"岸田首相", "person:fumio-kishida", ""}, {"金正恩", "person:kim-jong-un", ViaName}, {"キム・ジョンウン", "person:kim-jong-un", ""}}, []string{"タイ"}},
		{"ja surname with one-character title after a full name", "ja", "2024-06-20",
			"プーチン大統領は金正恩総書記と会談した。金氏は歓迎し、プーチン氏も応じた。",
			[]want{{"金正恩", "person:kim-jong-un", ViaName}, {"金氏", "person:kim-jong-un", ViaTitle}}, nil},
		{"ja one-character title inside a word or without antecedent is not a name", "ja", "2024-06-20",
			"習近平国家主席が来日した。記者の氏名は金氏族と無関係で、朴氏は欠席した。",
			[]want{{"習近平", "person:xi-jinping", ViaName}}, []string{"金氏", "朴氏", "氏名"}},
		{"ja abbreviation", "ja", "2023-11-17",
			"バイデン米大統領は日米韓の連携を強調した。",
			[]want{{"バイデン", "person:joe-biden", ViaName}, {"米", "country:US", ViaAbbrev}}, nil},
		{"zh names and role", "zh", "2023-07-27",
			"朝鲜最高领导人会见了绍伊古。习近平致电普京。",
			[]want{{"朝鲜最高领导人", "person:kim-jong-un", ViaRole}, {"绍伊古", "person:sergei-shoigu", ViaName}, {"习近平", "person:xi-jinping", ViaName}, {"普京", "person:vladimir-putin", ViaName}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var date time.Time
			if tc.date != "" {
				date = day(tc.date)
			}
			ents, ments := r.Recognize(tc.text, tc.lang, date)
			for _, m := range ments {
				if tc.text[m.Start:m.End] != m.Surface {
					t.Errorf("mention %+v: surface does not match offsets", m)
				}
			}
			keys := map[string]bool{}
			for _, e := range ents {
				keys[e.Key] = true
			}
			for _, w := range tc.want {
				ok := false
				for _, m := range ments {
					if m.Surface == w.surface && m.EntityKey == w.key && (w.via == "" || m.Via == w.via) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("missing %q → %s (%s); got %s", w.surface, w.key, w.via, dump(ments))
				}
				if !keys[w.key] {
					t.Errorf("entity %s not in entity list", w.key)
				}
			}
			for _, s := range tc.not {
				for _, m := range ments {
					if m.Surface == s {
						t.Errorf("unexpected mention %+v", m)
					}
				}
			}
		})
	}
}

func dump(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n  " + m.Surface + " → " + m.EntityKey + " (" + m.Via + ")")
	}
	return b.String()
}
