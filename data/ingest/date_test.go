package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, lang string
		want     string // "" = no date
	}{
		{"31 Juli 2023", "id", "2023-07-31"},
		{"Senin, 31 Juli 2023", "id", "2023-07-31"},
		{"Kamis (13/7/2023)", "id", "2023-07-13"},
		{"Jakarta, Kamis (13/7/2023)", "id", "2023-07-13"},
		{"Minggu, 10 November 2024 | 08.15 WIB", "id", "2024-11-10"},
		{"2023년 7월 28일", "ko", "2023-07-28"},
		{"입력 2018.09.18 21:05 | 수정 2018.09.19 22:40", "ko", "2018-09-18"},
		{"2025/10/30 18:20 송고", "ko", "2025-10-30"},
		{"28 июля 2023 г.", "ru", "2023-07-28"},
		{"21 марта 2023, 22:40", "ru", "2023-03-21"},
		{"13.09.2023 18:45", "ru", "2023-09-13"},
		{"2023年7月28日", "zh", "2023-07-28"},
		{"２０２３年７月２８日", "ja", "2023-07-28"},
		{"令和5年7月28日", "ja", "2023-07-28"},
		{"平成元年1月8日", "ja", "1989-01-08"},
		{"2019-06-21 07:30　来源：华夏新闻网", "zh", "2019-06-21"},
		{"28. Juli 2023", "de", "2023-07-28"},
		{"Samstag, 16. September 2023", "de", "2023-09-16"},
		{"15.11.2024, 18:42 Uhr", "de", "2024-11-15"},
		{"3. März 2024", "de", "2024-03-03"},
		{"July 28, 2023", "en", "2023-07-28"},
		{"Thursday, October 23, 2025", "en", "2025-10-23"},
		{"Sept. 5, 2024", "en", "2024-09-05"},
		{"28 July 2023", "en", "2023-07-28"},
		{"07/08/2023", "en", "2023-07-08"},
		{"07/08/2023", "fr", "2023-08-07"},
		{"13/07/2023", "en", "2023-07-13"},
		{"28 juillet 2023", "fr", "2023-07-28"},
		{"Mardi 1er juillet 2025", "fr", "2025-07-01"},
		{"Publié le 31/07/2023 à 11h42", "fr", "2023-07-31"},
		{"04.09.2023 – 19h05", "fr", "2023-09-04"},
		{"28 de julio de 2023", "es", "2023-07-28"},
		{"Lima, 16 de noviembre de 2024", "es", "2024-11-16"},
		{"2023-07-28", "", "2023-07-28"},
		{"2023-07-31T16:05:00+09:00", "", "2023-07-31"},
		{"2024-11-16T21:47:00-05:00", "", "2024-11-16"},
		{"2023/07/28", "", "2023-07-28"},
		{"2023. 7. 31.", "ko", "2023-07-31"},
		{"31st July 2023", "en", "2023-07-31"},
		{"9 августа 2025 года", "ru", "2025-08-09"},
		{"31 juil. 2023", "fr", "2023-07-31"},
		{"Selasa, 12/11/2024 08:15 WIB", "id", "2024-11-12"},
		{"2023.07.28", "", "2023-07-28"},
		// no year, or no date at all
		{"Pekín, 11 abr (AIN).-", "es", ""},
		{"Putin и Трамп встретятся на Аляске 15 августа", "ru", ""},
		{"6月20日电", "zh", ""},
		{"Selasa (25/7)", "id", ""},
		{"the 70th anniversary of the armistice", "en", ""},
		{"", "", ""},
		// invalid calendar dates
		{"2023-02-30", "", ""},
		{"31 June 2023", "en", ""},
		{"2023-13-01", "", ""},
		{"1850-01-01", "", ""},
		// mixed separators are not a date
		{"2023-07/28", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseDate(tc.in, tc.lang)
			gotS := ""
			if ok {
				gotS = got.Format("2006-01-02")
				if got.Location() != time.UTC || got.Hour() != 0 {
					t.Errorf("not UTC midnight: %v", got)
				}
			}
			if gotS != tc.want {
				t.Errorf("ParseDate(%q, %q) = %q, want %q", tc.in, tc.lang, gotS, tc.want)
			}
		})
	}
}

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"31 Juli 2023", true},
		{"Jakarta, Kamis (13/7/2023)", true},
		{"Minggu, 10 November 2024 | 08.15 WIB", true},
		{"입력 2018.09.18 21:05 | 수정 2018.09.18 22:40", true},
		{"기사입력 2024-06-19 17:32", true},
		{"2025/10/30 18:20 송고", true},
		{"2019-06-21 07:30　来源：华夏新闻网", true},
		{"Publié le 31/07/2023 à 11h42", true},
		{"Mardi 1er juillet 2025", true},
		{"9 de enero de 2019", true},
		{"Thursday, October 23, 2025", true},
		{"Summit set for July 28, 2025 in Hanoi with both leaders", false},
		{"The leaders met on July 28, 2023 in Pyongyang and talked for hours.", false},
		{"Kim met Shoigu four times", false},
	}
	for _, tc := range tests {
		if got := isDateLine(tc.in, ""); got != tc.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestHasDigits(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want bool
	}{
		{"", 4, false},
		{"July 28", 4, false},
		{"28.07.23", 4, false},
		{"in 2023", 4, true},
		{"2023", 4, true},
		{"12 345", 4, false},
		{"x12345y", 4, true},
		{"７月２８日", 4, false}, // full-width digits are folded before the check, not by it
	}
	for _, tc := range tests {
		if got := hasDigits(tc.s, tc.n); got != tc.want {
			t.Errorf("hasDigits(%q, %d) = %v, want %v", tc.s, tc.n, got, tc.want)
		}
	}
	// the short cut keeps the Japanese era form, which has no four-digit year
	if d, ok := ParseDate("令和5年7月28日", "ja"); !ok || d.Format("2006-01-02") != "2023-07-28" {
		t.Errorf("era date: %v %v", d, ok)
	}
	if d, ok := ParseDate("２０２３年７月２８日", "ja"); !ok || d.Format("2006-01-02") != "2023-07-28" {
		t.Errorf("full-width date: %v %v", d, ok)
	}
}
