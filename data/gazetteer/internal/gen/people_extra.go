package main

// extraNames adds katakana / hangul / Chinese renderings for people whose
// main entry lists only Latin and Cyrillic forms.
var extraNames = map[string]L{
	"Annegret Kramp-Karrenbauer": {"ja": "アンネグレート・クランプカレンバウアー|クランプカレンバウアー", "ko": "안네그레트 크람프카렌바우어|크람프카렌바우어"},
	"Bill Blair":                 {"ja": "ビル・ブレア", "ko": "빌 블레어", "zh": "比尔·布莱尔"},
	"Christine Lambrecht":        {"ja": "クリスティーネ・ランブレヒト|ランブレヒト", "ko": "크리스티네 람브레히트|람브레히트"},
	"Élisabeth Borne":            {"ja": "エリザベット・ボルヌ", "ko": "엘리자베트 보른"},
	"Gabriel Attal":              {"ja": "ガブリエル・アタル|アタル", "ko": "가브리엘 아탈|아탈"},
	"Grant Shapps":               {"ja": "グラント・シャップス|シャップス", "ko": "그랜트 섑스|섑스"},
	"Jean Castex":                {"ja": "ジャン・カステックス|カステックス", "ko": "장 카스텍스|카스텍스"},
	"José Manuel Albares":        {"ja": "ホセ・マヌエル・アルバレス|アルバレス", "ko": "호세 마누엘 알바레스|알바레스"},
	"Stéphane Séjourné":          {"ja": "ステファン・セジュルネ|セジュルネ", "ko": "스테판 세주르네|세주르네"},
	"Yaşar Güler":                {"ja": "ヤシャル・ギュレル|ギュレル", "ko": "야샤르 귈레르|귈레르"},
	"Mauro Vieira":               {"ja": "マウロ・ビエイラ", "ko": "마우루 비에이라"},
	"Marcelo Ebrard":             {"ja": "マルセロ・エブラル|エブラル", "ko": "마르셀로 에브라르드|에브라르드"},
	"Ronald Lamola":              {"ja": "ロナルド・ラモラ|ラモラ", "ko": "로널드 라몰라|라몰라"},
	"Catherine Vautrin":          {"ja": "カトリーヌ・ボートラン|ボートラン", "ko": "카트린 보트랭|보트랭"},
	"Halimah Yacob":              {"ja": "ハリマ・ヤコブ", "ko": "할리마 야콥"},
	"Muhyiddin Yassin":           {"ja": "ムヒディン・ヤシン|ムヒディン", "ko": "무히딘 야신|무히딘"},
	"Ismail Sabri Yaakob":        {"ja": "イスマイル・サブリ", "ko": "이스마일 사브리"},
	"Ma'ruf Amin":                {"ja": "マアルフ・アミン", "ko": "마루프 아민", "zh": "马鲁夫·阿明"},
	"Jusuf Kalla":                {"ja": "ユスフ・カラ", "ko": "유숩 칼라", "zh": "优素福·卡拉"},
	"Luhut Binsar Pandjaitan":    {"ja": "ルフット・パンジャイタン|ルフット", "ko": "루훗 판자이탄|루훗", "zh": "卢胡特"},
}

// ambiguousForms moves surname forms that are also common words or parts
// of common words from names to short (valid only after the full name):
// ko 바로 "right away", 두다 "to put", 수치 "figure"; ja バンス in
// アドバンス, トラス in トラスト, コンテ in コンテナ; zh 克里 in 克里米亚
// (Crimea), 沙拉 "salad", 马斯 in 马斯克; de/ru Herzog/Герцог "duke"; es
// duda "doubt", temer "to fear"; de Maas (the river).
var ambiguousForms = map[string]L{
	"Jean-Noël Barrot":       {"ko": "바로", "ja": "バロ", "zh": "巴罗"},
	"Heiko Maas":             {"lat": "Maas", "ru": "Маас", "ko": "마스", "ja": "マース", "zh": "马斯"},
	"Andrzej Duda":           {"lat": "Duda", "ru": "Дуда", "ko": "두다", "ja": "ドゥダ", "zh": "杜达"},
	"Michel Temer":           {"lat": "Temer", "ru": "Темер", "ko": "테메르", "ja": "テメル", "zh": "特梅尔"},
	"Isaac Herzog":           {"lat": "Herzog", "ru": "Герцог", "ko": "헤르조그", "ja": "ヘルツォグ", "zh": "赫尔佐格"},
	"Aung San Suu Kyi":       {"ko": "수치"},
	"Giuseppe Conte":         {"lat": "Conte", "ru": "Конте", "ko": "콘테", "ja": "コンテ", "zh": "孔特"},
	"Liz Truss":              {"ja": "トラス"},
	"JD Vance":               {"ja": "バンス"},
	"John Kerry":             {"zh": "克里", "ja": "ケリー", "ko": "케리"},
	"Ahmed al-Sharaa":        {"zh": "沙拉", "lat": "Sharaa"},
	"Mark Milley":            {"ko": "밀리", "zh": "米利"},
	"Dominic Raab":           {"zh": "拉布"},
	"Tharman Shanmugaratnam": {"lat": "Tharman"},
}

// applyAmbiguous moves the listed forms of e from Names to Short.
func applyAmbiguous(name string, names, short map[string][]string) (map[string][]string, map[string][]string) {
	move := expand(ambiguousForms[name])
	for lang, forms := range move {
		for _, f := range forms {
			found := false
			var keep []string
			for _, n := range names[lang] {
				if n == f {
					found = true
					continue
				}
				keep = append(keep, n)
			}
			if !found {
				panic("ambiguousForms: " + name + " has no " + lang + " name " + f)
			}
			names[lang] = keep
			if short == nil {
				short = map[string][]string{}
			}
			short[lang] = appendUnique(short[lang], f)
		}
	}
	return names, short
}
