package meeting

import (
	"fmt"
	"strconv"
	"time"
	"unicode"
)

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// resolve turns the named groups of a date pattern (d, m, mon, y, wd) into
// YYYY-MM-DD (or YYYY-MM / YYYY when the day is not given), using the
// article date for what is missing. Weekdays resolve to the latest such day
// on or before the article date (the next one for planned meetings).
func (p *Pack) resolve(g map[string]string, article time.Time, future bool) string {
	y, _ := strconv.Atoi(g["y"])
	mo, _ := strconv.Atoi(g["m"])
	if g["mon"] != "" {
		for k, v := range p.Months {
			if equalFold(k, g["mon"]) {
				mo = v
				break
			}
		}
	}
	d, _ := strconv.Atoi(g["d"])
	if g["wd"] != "" && d == 0 && mo == 0 && y == 0 {
		if article.IsZero() {
			return ""
		}
		want := -1
		for k, v := range p.Weekdays {
			if equalFold(k, g["wd"]) {
				want = v % 7
				break
			}
		}
		if want < 0 {
			return ""
		}
		t := article
		if future {
			for i := 0; i < 7 && int(t.Weekday()) != want; i++ {
				t = t.AddDate(0, 0, 1)
			}
		} else {
			for i := 0; i < 7 && int(t.Weekday()) != want; i++ {
				t = t.AddDate(0, 0, -1)
			}
		}
		return t.Format("2006-01-02")
	}
	if mo == 0 && y == 0 && d >= 1 && d <= 31 && !article.IsZero() {
		// a day of the month alone ("19일", "3日"): this month, or the
		// previous one when the day is still to come (the next one for plans)
		t := time.Date(article.Year(), article.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case !future && d > article.Day()+1:
			t = t.AddDate(0, -1, 0)
		case future && d < article.Day()-1:
			t = t.AddDate(0, 1, 0)
		}
		return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), d)
	}
	if mo < 1 || mo > 12 {
		if y > 0 && mo == 0 && d == 0 {
			return strconv.Itoa(y)
		}
		return ""
	}
	if y == 0 {
		if article.IsZero() {
			if d > 0 {
				return fmt.Sprintf("--%02d-%02d", mo, d)
			}
			return fmt.Sprintf("--%02d", mo)
		}
		y = article.Year()
		// a month later than the article month is last year's (for held)
		if !future && mo > int(article.Month())+1 {
			y--
		}
	}
	if d < 1 || d > 31 {
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		// case folding may change length for a few runes; fall back
		return string([]rune(lower(a))) == string([]rune(lower(b)))
	}
	return lower(a) == lower(b)
}

func lower(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return string(rs)
}
