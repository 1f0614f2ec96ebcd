package main

func init() { people = append(people, peopleMore...) }

var peopleMore = []person{
	// --- Taiwan ---
	{name: "Tsai Ing-wen", country: "TW",
		names: L{"lat": "Tsai Ing-wen", "ru": "Цай Инвэнь", "zh": "蔡英文", "ja": "蔡英文|ツァイ・インウェン", "ko": "차이잉원"},
		short: L{"lat": "Tsai", "ru": "Цай", "zh": "蔡", "ja": "蔡"},
		roles: rs(r("head_of_state", "TW", "2016-05-20", "2024-05-20"))},
	{name: "Lai Ching-te", country: "TW",
		names: L{"lat": "Lai Ching-te|William Lai", "ru": "Лай Циндэ", "zh": "赖清德", "zh-Hant": "賴清德", "ja": "頼清徳|ライ・チンドー", "ko": "라이칭더"},
		short: L{"lat": "Lai", "ru": "Лай", "zh": "赖", "zh-Hant": "賴", "ja": "頼"},
		roles: rs(r("head_of_state", "TW", "2024-05-20"))},

	// --- South Korean unification ministers (the ministry is a common source) ---
	{name: "Kwon Young-se", country: "KR",
		names: L{"lat": "Kwon Young-se|Kwon Young Se", "ru": "Квон Ён Се", "zh": "权宁世", "zh-Hant": "權寧世", "ja": "権寧世|クォン・ヨンセ", "ko": "권영세"},
		short: L{"lat": "Kwon", "ru": "Квон", "ko": "권|權"}},
	{name: "Kim Yung-ho", country: "KR",
		names: L{"lat": "Kim Yung-ho|Kim Yung Ho|Kim Young-ho", "ru": "Ким Ён Хо", "zh": "金暎浩", "ja": "金暎浩|キム・ヨンホ", "ko": "김영호"}, short: kimShort},
	{name: "Chung Dong-young", country: "KR",
		names: L{"lat": "Chung Dong-young|Chung Dong Young", "ru": "Чон Дон Ён", "zh": "郑东泳", "zh-Hant": "鄭東泳", "ja": "鄭東泳|チョン・ドンヨン", "ko": "정동영"}, short: chungSh},

	// --- Russia: other officials often quoted on Korea and Ukraine ---
	{name: "Sergei Ryabkov", country: "RU",
		names: L{"en": "Sergei Ryabkov|Sergey Ryabkov|Ryabkov", "id": "Sergei Ryabkov|Ryabkov", "de": "Sergej Rjabkow|Rjabkow", "fr": "Sergueï Riabkov|Riabkov", "es": "Serguéi Riabkov|Riabkov", "ru": "Сергей Рябков|Рябков", "zh": "谢尔盖·里亚布科夫|里亚布科夫", "ja": "セルゲイ・リャブコフ|リャブコフ", "ko": "세르게이 랴브코프|랴브코프"}},
	{name: "Sergei Naryshkin", country: "RU",
		names: L{"en": "Sergei Naryshkin|Sergey Naryshkin|Naryshkin", "id": "Sergei Naryshkin|Naryshkin", "de": "Sergej Naryschkin|Naryschkin", "fr": "Sergueï Narychkine|Narychkine", "es": "Serguéi Narishkin|Narishkin", "ru": "Сергей Нарышкин|Нарышкин", "zh": "谢尔盖·纳雷什金|纳雷什金", "ja": "セルゲイ・ナルイシキン|ナルイシキン", "ko": "세르게이 나리시킨|나리시킨"}},
	{name: "Vyacheslav Volodin", country: "RU",
		names: L{"en": "Vyacheslav Volodin|Volodin", "id": "Vyacheslav Volodin|Volodin", "de": "Wjatscheslaw Wolodin|Wolodin", "fr": "Viatcheslav Volodine|Volodine", "es": "Viacheslav Volodin|Volodin", "ru": "Вячеслав Володин|Володин", "zh": "维亚切斯拉夫·沃洛金|沃洛金", "ja": "ビャチェスラフ・ボロジン|ボロジン", "ko": "뱌체슬라프 볼로딘|볼로딘"}},
	{name: "Valentina Matviyenko", country: "RU",
		names: L{"en": "Valentina Matviyenko|Matviyenko", "id": "Valentina Matviyenko|Matviyenko", "de": "Walentina Matwijenko|Matwijenko", "fr": "Valentina Matvienko|Matvienko", "es": "Valentina Matviyenko|Matviyenko", "ru": "Валентина Матвиенко|Матвиенко", "zh": "瓦莲京娜·马特维延科|马特维延科", "ja": "ワレンチナ・マトビエンコ|マトビエンコ", "ko": "발렌티나 마트비옌코|마트비옌코"}},
	{name: "Alexander Bortnikov", country: "RU",
		names: L{"en": "Alexander Bortnikov|Aleksandr Bortnikov|Bortnikov", "id": "Alexander Bortnikov|Bortnikov", "de": "Alexander Bortnikow|Bortnikow", "fr": "Alexandre Bortnikov|Bortnikov", "es": "Alexandr Bortnikov|Bortnikov", "ru": "Александр Бортников|Бортников", "zh": "亚历山大·博尔特尼科夫|博尔特尼科夫", "ja": "アレクサンドル・ボルトニコフ|ボルトニコフ", "ko": "알렉산드르 보르트니코프|보르트니코프"}},
	{name: "Vasily Nebenzia", country: "RU",
		names: L{"en": "Vasily Nebenzia|Vassily Nebenzia|Nebenzia", "id": "Vasily Nebenzia|Nebenzia", "de": "Wassili Nebensja|Nebensja", "fr": "Vassili Nebenzia|Nebenzia", "es": "Vasili Nebenzia|Nebenzia", "ru": "Василий Небензя|Небензя", "zh": "瓦西里·涅边季亚|涅边季亚", "ja": "ワシリー・ネベンジャ|ネベンジャ", "ko": "바실리 네벤자|네벤자"}},
	{name: "Alexander Matsegora", country: "RU",
		names: L{"en": "Alexander Matsegora|Matsegora", "id": "Alexander Matsegora|Matsegora", "de": "Alexander Mazegora|Mazegora", "fr": "Alexandre Matsegora|Matsegora", "es": "Alexandr Matsegora|Matsegora", "ru": "Александр Мацегора|Мацегора", "ko": "알렉산드르 마체고라|마체고라"}},
	{name: "Alexander Kozlov", country: "RU",
		names: L{"en": "Alexander Kozlov|Aleksandr Kozlov", "de": "Alexander Koslow", "fr": "Alexandre Kozlov", "ru": "Александр Козлов", "ko": "알렉산드르 코즐로프"},
		short: L{"lat": "Kozlov", "ru": "Козлов", "de": "Koslow", "ko": "코즐로프"}},
}
