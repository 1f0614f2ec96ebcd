package main

func init() { people = append(people, peopleMore9...) }

var peopleMore9 = []person{
	{name: "Tomomi Inada", country: "JP",
		names: L{"lat": "Tomomi Inada|Inada", "ru": "Томоми Инада|Инада", "zh": "稻田朋美", "ja": "稲田朋美|稲田", "ko": "이나다 도모미|이나다"},
		roles: rs(r("defence_minister", "JP", "2016-08-03", "2017-07-28"))},
	{name: "Itsunori Onodera", country: "JP",
		names: L{"lat": "Itsunori Onodera|Onodera", "ru": "Ицунори Онодэра|Онодэра", "zh": "小野寺五典", "ja": "小野寺五典|小野寺", "ko": "오노데라 이쓰노리|오노데라"},
		roles: rs(r("defence_minister", "JP", "2017-08-03", "2018-10-02"))},
	{name: "Ri Su Yong", country: "KP",
		names: L{"lat": "Ri Su Yong|Ri Su-yong", "ru": "Ли Су Ён", "zh": "李洙墉", "ja": "李洙墉|リ・スヨン", "ko": "리수용"}, short: riShort,
		roles: rs(r("foreign_minister", "KP", "2014-04-09", "2016-05-08"))},
}
