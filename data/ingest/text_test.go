package ingest

import (
	"strings"
	"testing"
)

func TestParsePlain(t *testing.T) {
	const body = "Pemimpin Korea Utara bertemu Menteri Pertahanan Rusia sebanyak empat kali selama rangkaian peringatan pekan lalu, kata kementerian itu."
	tests := []struct {
		name, file, in                      string
		title, date, dateline, outlet, lang string
		textStart                           string
	}{
		{"date line then headline", "a.txt", "31 Juli 2023\n\nKim Temui Shoigu Empat Kali\n\nSEOUL, HARIAN NUSANTARA — " + body,
			"Kim Temui Shoigu Empat Kali", "2023-07-31", "SEOUL", "Harian Nusantara", "id", "Kim Temui Shoigu Empat Kali\n\nSEOUL, HARIAN"},
		{"headline then date line", "a.txt", "Kim Temui Shoigu Empat Kali\n\nSenin, 31 Juli 2023\n\n" + body,
			"Kim Temui Shoigu Empat Kali", "2023-07-31", "", "", "id", "Kim Temui Shoigu Empat Kali\n\nPemimpin"},
		{"headline, deck, then date line", "a.txt", "Kim Temui Shoigu Empat Kali\n\nPertemuan itu menunjukkan kedekatan kedua negara di tengah perang yang masih berlangsung di Ukraina.\n\n31 Juli 2023\n\n" + body,
			"Kim Temui Shoigu Empat Kali", "2023-07-31", "", "", "id", ""},
		{"dateline only, no date", "a.txt", "MOSKWA, KABAR JAKARTA RAYA – Presiden Joko Widodo bertemu Presiden Rusia di Moskwa, Kamis (30/6/2022). Pertemuan itu berlangsung sehari setelah kunjungan ke Kyiv.",
			"", "", "MOSKWA", "Kabar Jakarta Raya", "id", "MOSKWA, KABAR"},
		{"dateline with date", "a.txt", "Modi bei Putin\n\nMOSKAU, 9. Juli 2024 – Indiens Premierminister ist am Dienstag im Kreml zu Gesprächen mit dem Präsidenten zusammengekommen.",
			"Modi bei Putin", "2024-07-09", "MOSKAU", "", "de", ""},
		{"day and month without year", "a.txt", "Pekín, 11 abr (AIN).- El presidente del Gobierno se reunió este viernes en Pekín con el presidente chino, según informó la Moncloa.",
			"", "", "Pekín", "AIN", "es", ""},
		{"place with region", "a.txt", "PANMUNJOM, Korea — Donald Trump on Sunday became the first sitting American president to set foot in North Korea.",
			"", "", "PANMUNJOM", "", "en", ""},
		{"agency credit", "a.txt", "MOSCOU (AFP) - Le président russe a reçu lundi son homologue turc dans la station balnéaire, sans accord sur les céréales.",
			"", "", "MOSCOU", "AFP", "fr", ""},
		{"region in parentheses", "a.txt", "SOTCHI (Russie) – Le président turc a rencontré lundi Vladimir Poutine dans la station balnéaire de Sotchi.",
			"", "", "SOTCHI", "", "fr", ""},
		{"korean wire credit and end timestamp", "a.txt", "트럼프·김정은 회동 끝내 불발\n\n(경주=국제정세일보) 박지훈 기자 = 도널드 트럼프 미국 대통령과 김정은 국무위원장의 만남은 결국 이뤄지지 않았다.\n\n2025/10/30 18:20 송고",
			"트럼프·김정은 회동 끝내 불발", "2025-10-30", "경주", "국제정세일보", "ko", ""},
		{"chinese dateline and source line", "a.txt", "习近平同金正恩在平壤举行会谈\n\n2019-06-21 07:30　来源：华夏新闻网\n\n华夏新闻网平壤6月20日电 中共中央总书记、国家主席习近平20日下午在平壤同金正恩举行会谈。",
			"习近平同金正恩在平壤举行会谈", "2019-06-21", "平壤", "华夏新闻网", "zh", "习近平同金正恩在平壤举行会谈\n\n华夏新闻网平壤"},
		{"event date in body is not the publication date", "a.txt", "Trump and Kim meet at the border\n\nThe two leaders met on June 30, 2019 at Panmunjom, where they talked for almost an hour before parting.",
			"Trump and Kim meet at the border", "", "", "", "en", ""},
		{"markdown", "a.md", "# Biden and Xi *meet* in Woodside\n\nNovember 15, 2023\n\nThe **two leaders** met for [four hours](https://example.org) at a country estate south of San Francisco.",
			"Biden and Xi *meet* in Woodside", "2023-11-15", "", "", "en", "Biden and Xi *meet* in Woodside\n\nThe two leaders met for four hours at"},
		{"markdown front matter", "a.markdown", "---\ntitle: \"Front title\"\ndate: 2024-05-06\npublisher: Example Daily\n---\nThe president received his counterpart at the palace on Monday morning for talks.",
			"Front title", "2024-05-06", "", "Example Daily", "en", "Front title\n\nThe president"},
		{"crlf", "a.txt", "Headline here\r\n\r\nAugust 18, 2023\r\n\r\nThe leaders of the three countries pledged to hold annual summits.\r\n",
			"Headline here", "2023-08-18", "", "", "en", "Headline here\n\nThe leaders"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(tc.file, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !doc.Date.IsZero() {
				date = doc.Date.Format("2006-01-02")
			}
			if doc.Title != tc.title || date != tc.date || doc.Dateline != tc.dateline || doc.Outlet != tc.outlet || doc.Lang != tc.lang {
				t.Errorf("title=%q date=%q dateline=%q outlet=%q lang=%q\nwant  %q %q %q %q %q",
					doc.Title, date, doc.Dateline, doc.Outlet, doc.Lang, tc.title, tc.date, tc.dateline, tc.outlet, tc.lang)
			}
			if tc.textStart != "" && !strings.HasPrefix(doc.Text, tc.textStart) {
				t.Errorf("Text = %q, want prefix %q", doc.Text, tc.textStart)
			}
			if strings.Contains(doc.Text, "\r") {
				t.Errorf("CR in text")
			}
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in                  string
		ok                  bool
		place, credit, date string
	}{
		{"SEOUL – The ministry said", true, "SEOUL", "", ""},
		{"SEOUL, HARIAN NUSANTARA — Pemimpin", true, "SEOUL", "Harian Nusantara", ""},
		{"JURNAL DIPLOMATIKA — Menteri Luar Negeri", true, "", "Jurnal Diplomatika", ""},
		{"Pekín, 11 abr (AIN).- El presidente", true, "Pekín", "AIN", ""},
		{"MOSCOU (AFP) - Le président", true, "MOSCOU", "AFP", ""},
		{"Berlin (dpa) - Der Kanzler", true, "Berlin", "dpa", ""},
		{"LIMA.— El presidente", true, "LIMA", "", ""},
		{"МОСКВА, 9 августа. /ТАСС/. Президент России", true, "МОСКВА", "ТАСС", ""},
		{"MOSKAU, 9. Juli 2024 – Indiens", true, "MOSKAU", "", "2024-07-09"},
		{"(서울=연합뉴스) 김철수 기자 = 정부는", true, "서울", "연합뉴스", ""},
		{"【北京＝共同】中国政府は", true, "北京", "共同", ""},
		{"新华社北京6月20日电 中共中央", true, "北京", "新华社", ""},
		{"Russia said on Monday – it would not attend.", false, "", "", ""},
		{"The two leaders met – again – in Beijing.", false, "", "", ""},
		{"Kim Jong Un met Shoigu four times, the ministry said.", false, "", "", ""},
	}
	for _, tc := range tests {
		dl, ok := parseDateline(tc.in)
		date := ""
		if !dl.date.IsZero() {
			date = dl.date.Format("2006-01-02")
		}
		if ok != tc.ok || dl.place != tc.place || dl.credit != tc.credit || date != tc.date {
			t.Errorf("parseDateline(%q) = %q %q %q %v; want %q %q %q %v", tc.in, dl.place, dl.credit, date, ok, tc.place, tc.credit, tc.date, tc.ok)
		}
	}
}
