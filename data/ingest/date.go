package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// monthNames maps lower-case month names and abbreviations in the supported
// languages (en id es fr de ru) to month numbers. Russian has both the
// genitive ("июля") and the nominative ("июль").
var monthNames = map[string]int{}

func init() {
	lists := [][]string{
		// English
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"", "", "", "", "", "", "", "", "sept", "", "", ""},
		// Indonesian
		{"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"},
		{"", "peb", "", "", "", "", "", "agu", "", "okt", "", "des"},
		{"", "", "", "", "", "", "", "ags", "", "", "nop", ""},
		// Spanish
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"ene", "", "", "abr", "", "", "", "ago", "setiembre", "", "", "dic"},
		// French
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"janv", "févr", "", "avr", "", "", "juil", "aout", "", "", "", "déc"},
		{"", "fevrier", "", "", "", "", "", "", "", "", "", "decembre"},
		{"", "fév", "", "", "", "", "", "", "", "", "", ""},
		// German
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"jänner", "", "mär", "", "", "", "", "", "", "okt", "", "dez"},
		{"", "", "maerz", "", "", "", "", "", "", "", "", ""},
		// Russian, genitive and nominative, and abbreviations
		{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		{"янв", "фев", "мар", "апр", "", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
		{"", "февр", "", "", "", "", "", "", "сент", "", "нояб", ""},
	}
	for _, l := range lists {
		for i, n := range l {
			if n != "" {
				monthNames[n] = i + 1
			}
		}
	}
}

const (
	reMonth = `(\p{L}{3,10})\.?`
	reDay   = `(\d{1,2})`
	reYear  = `(\d{4})`
)

var (
	// 2023-07-28, 2023/07/28, 2023.07.28 (also with a time after it)
	reISO = regexp.MustCompile(`(?:^|[^\d])(\d{4})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{1,2})(?:[^\d]|$)`)
	// 2023年7月28日, 2023년 7월 28일
	reCJK = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)
	// Japanese era: 令和5年7月28日
	reEra = regexp.MustCompile(`(令和|平成)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// 28.07.2023, 28/7/2023, 7/28/2023, 28-07-2023
	reDMY = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?([./-])\s?(\d{4})(?:[^\d]|$)`)
	// 28 July 2023, 28. Juli 2023, 28 de julio de 2023, 1er juillet 2025, 28 июля 2023 г.
	reDayMonthYear = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])` + reDay + `(?:er|st|nd|rd|th|\.)?\s*(?:de\s+|of\s+)?` + reMonth + `,?\s*(?:de\s+|del\s+)?` + reYear + `(?:[^\d]|$)`)
	// July 28, 2023 / Jul. 28 2023
	reMonthDayYear = regexp.MustCompile(`(?i)(?:^|[^\p{L}])` + reMonth + `\s+` + reDay + `(?:st|nd|rd|th)?,?\s+` + reYear + `(?:[^\d]|$)`)
)

// ParseDate finds the first complete date (day, month and year) in s and
// returns it as UTC midnight. lang (ISO 639-1, may be "") only settles the
// order of numeric dates such as 07/08/2023 (month first for "en"). A day
// and month without a year gives no date.
func ParseDate(s string, lang string) (time.Time, bool) {
	if len(s) > 4096 {
		s = s[:4096]
	}
	// Fold full-width digits and letters so ２０２３年 parses too.
	s = width.Fold.String(s)
	// every pattern below needs a four-digit year, except the Japanese era
	// form: text without either has no date (and skips the regexps)
	if !hasDigits(s, 4) && !strings.Contains(s, "令和") && !strings.Contains(s, "平成") {
		return time.Time{}, false
	}
	type hit struct {
		pos     int
		y, m, d int
	}
	var hits []hit
	try := func(pos, y, m, d int) {
		if validDate(y, m, d) {
			hits = append(hits, hit{pos, y, m, d})
		}
	}
	if m := reCJK.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := reEra.FindStringSubmatchIndex(s); m != nil {
		base := 2018
		if s[m[2]:m[3]] == "平成" {
			base = 1988
		}
		n := 1
		if v := s[m[4]:m[5]]; v != "元" {
			n = atoi(v)
		}
		try(m[0], base+n, atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]]))
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, 4) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] { // same separator twice
			continue
		}
		try(m[2], atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]]))
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, 4) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue
		}
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
		d, mo := a, b
		switch {
		case a > 12 && b <= 12:
		case b > 12 && a <= 12:
			d, mo = b, a
		case lang == "en" && s[m[4]:m[5]] == "/":
			d, mo = b, a
		}
		try(m[2], y, mo, d)
	}
	for _, m := range reDayMonthYear.FindAllStringSubmatchIndex(s, 4) {
		if mo, ok := monthNames[strings.ToLower(s[m[4]:m[5]])]; ok {
			try(m[2], atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]]))
		}
	}
	for _, m := range reMonthDayYear.FindAllStringSubmatchIndex(s, 4) {
		if mo, ok := monthNames[strings.ToLower(s[m[2]:m[3]])]; ok {
			try(m[2], atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]]))
		}
	}
	if len(hits) == 0 {
		return time.Time{}, false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		if h.pos < best.pos {
			best = h
		}
	}
	return time.Date(best.y, time.Month(best.m), best.d, 0, 0, 0, 0, time.UTC), true
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// hasDigits reports whether s has a run of at least n ASCII digits.
func hasDigits(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
