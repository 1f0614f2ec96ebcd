package main

func init() { people = append(people, peopleG20More...) }

var (
	hwangSh = L{"lat": "Hwang", "ru": "Хван", "ko": "황|黃"}
	songSh  = L{"lat": "Song", "ru": "Сон", "ko": "송|宋"}
	yunSh   = L{"lat": "Yun|Yoon", "ru": "Юн", "ko": "윤|尹", "ja": "尹", "zh": "尹"}
)

var peopleG20More = []person{
	// --- South Korea ---
	{name: "Hwang Kyo-ahn", country: "KR",
		names: L{"lat": "Hwang Kyo-ahn|Hwang Kyo Ahn", "ru": "Хван Гё Ан", "zh": "黄教安", "zh-Hant": "黃教安", "ja": "黄教安|ファン・ギョアン", "ko": "황교안"}, short: hwangSh,
		roles: rs(r("head_of_government", "KR", "2015-06-18", "2017-05-11"))},
	{name: "Lee Nak-yon", country: "KR",
		names: L{"lat": "Lee Nak-yon|Lee Nak-yeon|Lee Nak Yon", "ru": "Ли Нак Ён", "zh": "李洛渊", "zh-Hant": "李洛淵", "ja": "李洛淵|イ・ナギョン", "ko": "이낙연"}, short: riShort,
		roles: rs(r("head_of_government", "KR", "2017-05-31", "2020-01-14"))},
	{name: "Chung Sye-kyun", country: "KR",
		names: L{"lat": "Chung Sye-kyun|Chung Sye Kyun", "ru": "Чон Се Гюн", "zh": "丁世均", "ja": "丁世均|チョン・セギュン", "ko": "정세균"}, short: chungSh,
		roles: rs(r("head_of_government", "KR", "2020-01-14", "2021-04-16"))},
	{name: "Kim Boo-kyum", country: "KR",
		names: L{"lat": "Kim Boo-kyum|Kim Boo Kyum", "ru": "Ким Бу Гём", "zh": "金富谦", "zh-Hant": "金富謙", "ja": "金富謙|キム・ブギョム", "ko": "김부겸"}, short: kimShort,
		roles: rs(r("head_of_government", "KR", "2021-05-14", "2022-05-12"))},
	{name: "Yun Byung-se", country: "KR",
		names: L{"lat": "Yun Byung-se|Yun Byung Se", "ru": "Юн Бён Се", "zh": "尹炳世", "ja": "尹炳世|ユン・ビョンセ", "ko": "윤병세"}, short: yunSh,
		roles: rs(r("foreign_minister", "KR", "2013-03-11", "2017-06-18"))},
	{name: "Song Young-moo", country: "KR",
		names: L{"lat": "Song Young-moo|Song Young Moo", "ru": "Сон Ён Му", "zh": "宋永武", "ja": "宋永武|ソン・ヨンム", "ko": "송영무"}, short: songSh,
		roles: rs(r("defence_minister", "KR", "2017-07-14", "2018-09-21"))},
	{name: "Jeong Kyeong-doo", country: "KR",
		names: L{"lat": "Jeong Kyeong-doo|Jeong Kyeong Doo", "ru": "Чон Гён Ду", "zh": "郑景斗", "zh-Hant": "鄭景斗", "ja": "鄭景斗|チョン・ギョンドゥ", "ko": "정경두"}, short: chungSh,
		roles: rs(r("defence_minister", "KR", "2018-09-21", "2020-09-18"))},

	// --- India ---
	{name: "Sushma Swaraj", country: "IN",
		names: L{"lat": "Sushma Swaraj|Swaraj", "ru": "Сушма Сварадж|Сварадж", "zh": "苏什玛·斯瓦拉吉|斯瓦拉吉", "ja": "スシュマ・スワラジ|スワラジ", "ko": "수시마 스와라지|스와라지"},
		roles: rs(r("foreign_minister", "IN", "2014-05-26", "2019-05-30"))},
	{name: "Nirmala Sitharaman", country: "IN",
		names: L{"lat": "Nirmala Sitharaman|Sitharaman", "ru": "Нирмала Ситхараман|Ситхараман", "zh": "尼尔马拉·西塔拉曼|西塔拉曼", "ja": "ニルマラ・シタラマン|シタラマン", "ko": "니르말라 시타라만|시타라만"},
		roles: rs(r("defence_minister", "IN", "2017-09-03", "2019-05-30"))},
	{name: "Ram Nath Kovind", country: "IN",
		names: L{"lat": "Ram Nath Kovind|Kovind", "ru": "Рам Натх Ковинд|Ковинд", "zh": "拉姆·纳特·科温德|科温德", "ja": "ラム・ナート・コビンド|コビンド", "ko": "람 나트 코빈드|코빈드"},
		roles: rs(r("head_of_state", "IN", "2017-07-25", "2022-07-25"))},

	// --- Canada ---
	{name: "Bill Blair", country: "CA",
		names: L{"lat": "Bill Blair", "ru": "Билл Блэр"},
		short: L{"lat": "Blair", "ru": "Блэр"},
		roles: rs(r("defence_minister", "CA", "2023-07-26", "2025-05-13"))},
	{name: "David McGuinty", country: "CA",
		names: L{"lat": "David McGuinty|McGuinty", "ru": "Дэвид Макгинти|Макгинти"},
		roles: rs(r("defence_minister", "CA", "2025-05-13"))},

	// --- South Africa ---
	{name: "Naledi Pandor", country: "ZA",
		names: L{"lat": "Naledi Pandor|Pandor", "ru": "Наледи Пандор|Пандор", "zh": "纳莱迪·潘多尔|潘多尔", "ja": "ナレディ・パンドール|パンドール", "ko": "날레디 판도르|판도르"},
		roles: rs(r("foreign_minister", "ZA", "2019-05-30", "2024-07-03"))},
	{name: "Ronald Lamola", country: "ZA",
		names: L{"lat": "Ronald Lamola|Lamola", "ru": "Рональд Ламола|Ламола", "zh": "罗纳德·拉莫拉|拉莫拉"},
		roles: rs(r("foreign_minister", "ZA", "2024-07-03"))},

	// --- Turkey ---
	{name: "Mevlüt Çavuşoğlu", country: "TR",
		names: L{"lat": "Mevlüt Çavuşoğlu|Mevlut Cavusoglu|Çavuşoğlu|Cavusoglu", "ru": "Мевлют Чавушоглу|Чавушоглу", "zh": "梅夫吕特·恰武什奥卢|恰武什奥卢", "ja": "メブリュト・チャブシオール|チャブシオール", "ko": "메블뤼트 차우쇼을루|차우쇼을루"},
		roles: rs(r("foreign_minister", "TR", "2014-08-29", "2015-08-28"), r("foreign_minister", "TR", "2015-11-24", "2023-06-04"))},
	{name: "Hulusi Akar", country: "TR",
		names: L{"lat": "Hulusi Akar|Akar", "ru": "Хулуси Акар|Акар", "zh": "胡卢西·阿卡尔|阿卡尔", "ja": "フルシ・アカル|アカル", "ko": "훌루시 아카르|아카르"},
		roles: rs(r("defence_minister", "TR", "2018-07-10", "2023-06-04"))},
	{name: "Yaşar Güler", country: "TR",
		names: L{"lat": "Yaşar Güler|Yasar Guler|Güler", "ru": "Яшар Гюлер|Гюлер", "zh": "亚沙尔·居莱尔|居莱尔"},
		roles: rs(r("defence_minister", "TR", "2023-06-04"))},

	// --- France, Italy ---
	{name: "Florence Parly", country: "FR",
		names: L{"lat": "Florence Parly|Parly", "ru": "Флоранс Парли|Парли", "zh": "弗洛朗丝·帕利|帕利", "ja": "フロランス・パルリ|パルリ", "ko": "플로랑스 파를리|파를리"},
		roles: rs(r("defence_minister", "FR", "2017-06-21", "2022-05-20"))},
	{name: "Catherine Vautrin", country: "FR",
		names: L{"lat": "Catherine Vautrin|Vautrin", "ru": "Катрин Вотрен|Вотрен"},
		roles: rs(r("defence_minister", "FR", "2025-10-12"))},
	{name: "Guido Crosetto", country: "IT",
		names: L{"lat": "Guido Crosetto|Crosetto", "ru": "Гвидо Крозетто|Крозетто", "zh": "圭多·克罗塞托|克罗塞托", "ja": "グイド・クロセット|クロセット", "ko": "귀도 크로세토|크로세토"},
		roles: rs(r("defence_minister", "IT", "2022-10-22"))},
	{name: "Luigi Di Maio", country: "IT",
		names: L{"lat": "Luigi Di Maio|Di Maio", "ru": "Луиджи Ди Майо|Ди Майо", "zh": "路易吉·迪马约|迪马约", "ja": "ルイジ・ディマイオ|ディマイオ", "ko": "루이지 디 마이오|디 마이오"},
		roles: rs(r("foreign_minister", "IT", "2019-09-05", "2022-10-22"))},
	{name: "Giuseppe Conte", country: "IT",
		names: L{"lat": "Giuseppe Conte|Conte", "ru": "Джузеппе Конте|Конте", "zh": "朱塞佩·孔特|孔特", "ja": "ジュゼッペ・コンテ|コンテ", "ko": "주세페 콘테|콘테"},
		roles: rs(r("head_of_government", "IT", "2018-06-01", "2021-02-13"))},

	// --- Japan (earlier foreign minister) and China (vice president) ---
	{name: "Li Yuanchao", country: "CN",
		names: L{"lat": "Li Yuanchao", "ru": "Ли Юаньчао", "zh": "李源潮", "ja": "李源潮", "ko": "리위안차오"}, short: liShort,
		roles: rs(r("vice_president", "CN", "2013-03-14", "2018-03-17"))},

	// --- Russia: Belousov's predecessor's deputies often quoted ---
	{name: "Sergei Sobyanin", country: "RU",
		names: L{"en": "Sergei Sobyanin|Sergey Sobyanin|Sobyanin", "id": "Sergei Sobyanin|Sobyanin", "de": "Sergej Sobjanin|Sobjanin", "fr": "Sergueï Sobianine|Sobianine", "es": "Serguéi Sobianin|Sobianin", "ru": "Сергей Собянин|Собянин", "zh": "谢尔盖·索比亚宁|索比亚宁", "ja": "セルゲイ・ソビャーニン|ソビャーニン", "ko": "세르게이 소뱌닌|소뱌닌"}},
}
