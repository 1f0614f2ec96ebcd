package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateFurniture are words that may stand next to a date on a date or
// timestamp line without making it a sentence: weekdays, "published",
// "updated", time zones, wire markers (송고), CJK date units.
var dateFurniture = runeWords(`
	monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
	published publication updated update posted last modified on at am pm a.m p.m gmt utc est edt pst pdt cet cest bst ist kst jst msk hkt sgt
	senin selasa rabu kamis jumat jum'at sabtu minggu ahad wib wita wit pukul diperbarui diterbitkan dipublikasikan
	lunes martes miércoles miercoles jueves viernes sábado sabado domingo de del actualizado publicado a las hrs h hs
	lundi mardi mercredi jeudi vendredi samedi dimanche le la à mis jour publié modifié mise er
	montag dienstag mittwoch donnerstag freitag samstag sonntag am um uhr aktualisiert veröffentlicht stand
	понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс г года опубликовано обновлено в мск
	입력 수정 송고 기사입력 최종수정 업데이트 등록 승인 오전 오후 년 월 일 시 분 월요일 화요일 수요일 목요일 금요일 토요일 일요일
	年 月 日 时 時 分 发布 發布 发布时间 更新 更新时间 配信 公開 星期一 星期二 星期三 星期四 星期五 星期六 星期日 周一 周二 周三 周四 周五 周六 周日
	月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 月曜 火曜 水曜 木曜 金曜 土曜 日曜 午前 午後 掲載 最終更新
	st nd rd th t z`)

// sourceLabel introduces the outlet on a timestamp line ("来源：华夏新闻网").
var sourceLabel = regexp.MustCompile(`(?i)(?:来源|來源|출처|source|quelle|fuente|sumber|источник)\s*[:：]\s*([^|｜/\n]{1,60})`)

// isDateLine reports whether line is a date or timestamp line: short, with a
// complete date, and apart from the date only weekdays, times, "published"
// style words, a source credit and at most two other words (a place).
func isDateLine(line, lang string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 120 {
		return false
	}
	if _, ok := ParseDate(line, lang); !ok {
		return false
	}
	if loc := sourceLabel.FindStringIndex(line); loc != nil {
		line = line[:loc[0]] + " " + line[loc[1]:]
	}
	other := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(line), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if dateFurniture[w] {
			continue
		}
		if _, ok := monthNames[strings.TrimSuffix(w, ".")]; ok {
			continue
		}
		if _, ok := monthNames[w]; ok {
			continue
		}
		other++
		if other > 2 {
			return false
		}
	}
	return true
}

// dateline is what a wire-style opening ("SEOUL, HARIAN NUSANTARA —",
// "Pekín, 11 abr (AIN).-", "(서울=연합뉴스)") tells.
type dateline struct {
	place  string
	credit string
	date   time.Time
	end    int // byte offset where the story text starts
}

var (
	reBracketDateline = regexp.MustCompile(`^[(（【\[]\s*([^=＝)）】\]\s][^=＝)）】\]]{0,20}?)\s*[=＝]\s*([^)）】\]]{1,40})[)）】\]]`)
	reHanDateline     = regexp.MustCompile(`^(\p{Han}{2,20}?)(\d{1,2}月\d{1,2}日)电`)
	reSlashCredit     = regexp.MustCompile(`/\s*([^/]{1,30}?)\s*/\s*\.?\s*`)
	reParenCredit     = regexp.MustCompile(`[(（]\s*([^()（）]{1,30}?)\s*[)）]`)
	datelineSeps      = []string{" — ", " – ", " ― ", " -- ", " - ", ".— ", ".– ", ".- ", ".—", ".–", ".-", "— ", "– ", "—", "–"}
	// words that make an all-capital opening a credit rather than a place
	outletWords = runeWords(`news times post daily herald tribune journal jurnal harian kabar warta suara berita
		agency agencia agence agentur press presse prensa wire media radio tv gazette gazeta telegraph observer
		review monitor ledger courier courrier express chronicle diario diário periódico noticias zeitung
		rundschau nachrichten depesche kurier tageblatt quotidien journal dépêche écho echo nouvelles
		вести вестник новости известия газета телеграф обозреватель обозрение агентство пресс`)
)

// parseDateline reads a dateline at the start of a paragraph.
func parseDateline(p string) (dateline, bool) {
	p = strings.TrimSpace(p)
	if m := reBracketDateline.FindStringSubmatchIndex(p); m != nil {
		place := strings.TrimSpace(p[m[2]:m[3]])
		credit := strings.TrimSpace(p[m[4]:m[5]])
		if f := strings.Fields(credit); len(f) > 0 {
			credit = f[0]
		}
		return dateline{place: place, credit: credit, end: m[1]}, true
	}
	if m := reHanDateline.FindStringSubmatchIndex(p); m != nil {
		pre := p[m[2]:m[3]]
		cut := -1
		for i, r := range pre {
			if strings.ContainsRune("社网網报報台", r) {
				cut = i + utf8.RuneLen(r)
			}
		}
		if cut > 0 {
			return dateline{credit: pre[:cut], place: pre[cut:], end: m[1]}, true
		}
		return dateline{place: pre, end: m[1]}, true
	}
	// Latin and Cyrillic: find the dash that ends the opening.
	head := p
	if len(head) > 160 {
		head = head[:160]
	}
	sepAt, sepLen := -1, 0
	for _, sep := range datelineSeps {
		if i := strings.Index(head, sep); i > 0 && (sepAt < 0 || i < sepAt) {
			sepAt, sepLen = i, len(sep)
		}
	}
	var prefix string
	end := 0
	if sepAt > 0 {
		prefix, end = strings.TrimSpace(head[:sepAt]), sepAt+sepLen
	} else if m := reSlashCredit.FindStringIndex(head); m != nil && m[0] > 0 {
		// МОСКВА, 9 августа. /ТАСС/.
		prefix, end = strings.TrimSpace(head[:m[1]]), m[1]
	} else {
		return dateline{}, false
	}
	if prefix == "" || utf8.RuneCountInString(prefix) > 70 {
		return dateline{}, false
	}
	dl := dateline{end: end}
	if m := reSlashCredit.FindStringSubmatchIndex(prefix); m != nil {
		dl.credit = strings.TrimSpace(prefix[m[2]:m[3]])
		prefix = strings.TrimSpace(prefix[:m[0]] + " " + prefix[m[1]:])
	} else if m := reParenCredit.FindStringSubmatchIndex(prefix); m != nil {
		// "(AFP)", "(dpa)", "(Agence Presse Continentale)" are credits;
		// "(Russie)", "(Calif.)" are regions.
		if c := strings.TrimSpace(prefix[m[2]:m[3]]); looksLikeCredit(c) {
			dl.credit = c
		}
		prefix = strings.TrimSpace(prefix[:m[0]] + " " + prefix[m[1]:])
	}
	prefix = strings.TrimRight(prefix, " .,")
	parts := strings.Split(prefix, ",")
	place := strings.TrimSpace(parts[0])
	if !isPlaceLike(place) {
		return dateline{}, false
	}
	rest := parts[1:]
	for _, r := range rest {
		r = strings.TrimSpace(strings.TrimRight(r, "."))
		switch {
		case r == "":
		case hasDigit(r):
			if t, ok := ParseDate(r, ""); ok {
				dl.date = t
			} else if !shortDateFragment(r) {
				return dateline{}, false
			}
		case isAllCaps(r) && dl.credit == "" && isAllCaps(place):
			dl.credit = titleCase(r)
		case isPlaceLike(r):
			// region or country after the city: "PANMUNJOM, Korea"
		default:
			return dateline{}, false
		}
	}
	if len(rest) == 0 && dl.credit == "" && isAllCaps(place) {
		for _, w := range strings.Fields(strings.ToLower(place)) {
			if outletWords[w] {
				dl.credit, place = titleCase(place), ""
				break
			}
		}
	}
	if len(rest) == 0 && dl.credit == "" && !isAllCaps(place) {
		// "Russia said on Monday – ..." is a sentence; a mixed-case opening
		// needs a credit or a date to count as a dateline.
		return dateline{}, false
	}
	// A place followed by a date in the same fragment: "Pekín 11 abr".
	dl.place = place
	return dl, true
}

// knownAgencies are wire services often credited in datelines.
var knownAgencies = runeWords(`reuters afp ap dpa efe ansa tass ria interfax yonhap kyodo jiji xinhua
	bloomberg antara upi pti ani aap bernama kcna kyodonews belga anp apa sda sputnik notimex europapress`)

// looksLikeCredit tells a wire credit from a region in parentheses.
func looksLikeCredit(s string) bool {
	l := strings.ToLower(s)
	if knownAgencies[strings.ReplaceAll(l, " ", "")] {
		return true
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if isAllCaps(s) && letters <= 8 {
		return true
	}
	for _, w := range strings.Fields(l) {
		if outletWords[w] {
			return true
		}
	}
	return false
}

// shortDateFragment accepts "11 abr", "9 августа", "Nov. 15": a day and a
// month without a year.
func shortDateFragment(s string) bool {
	f := strings.Fields(s)
	if len(f) != 2 {
		return false
	}
	a, b := strings.TrimSuffix(strings.ToLower(f[0]), "."), strings.TrimSuffix(strings.ToLower(f[1]), ".")
	_, am := monthNames[a]
	_, bm := monthNames[b]
	return (am && atoi(b) > 0) || (bm && atoi(strings.TrimSuffix(a, "er")) > 0)
}

// isPlaceLike: one to four words, each starting with an upper-case letter
// (or a lower-case particle such as "de", "am"), no digits.
func isPlaceLike(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			return false
		}
		if hasDigit(w) {
			return false
		}
		if !unicode.IsUpper(r) {
			if i == 0 {
				return false
			}
			switch w {
			case "de", "del", "la", "le", "am", "an", "der", "di", "du", "el", "sur", "upon", "on":
			default:
				return false
			}
		}
	}
	return true
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// titleCase turns "HARIAN NUSANTARA" into "Harian Nusantara".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(strings.ToLower(w))
		if len(rs) > 0 {
			rs[0] = unicode.ToUpper(rs[0])
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

var (
	reMDLink     = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)
	reMDEmphasis = regexp.MustCompile(`\*\*|__`)
	reMDHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	reMDSetext   = regexp.MustCompile(`(?m)^\s{0,3}(=+|-+)\s*$`)
	reFrontKey   = regexp.MustCompile(`(?m)^(title|date|published|outlet|source|publisher|lang|language)\s*:\s*["']?(.*?)["']?\s*$`)
)

// parsePlain extracts title, date, dateline and outlet from plain text or
// Markdown and builds Text (title first, then the body blocks).
func parsePlain(doc *Document, text string, markdown bool) {
	var front map[string]string
	if markdown {
		text, front = stripFrontMatter(text)
		text = reMDLink.ReplaceAllString(text, "$1")
		text = reMDEmphasis.ReplaceAllString(text, "")
		text = reMDSetext.ReplaceAllString(text, "")
		text = reMDHeading.ReplaceAllString(text, "")
	}
	blocks := splitBlocks(text)
	lang := DetectLanguage(text)
	doc.Lang = lang

	removed := make([]bool, len(blocks))
	var date time.Time
	titleIdx := -1
	bodyIdx := -1
	if front != nil && strings.TrimSpace(front["title"]) != "" {
		titleIdx = -2 // the front matter names the title
	}
	// Date lines are looked for among the first blocks, even after a deck
	// or the first paragraph; the title is the first short block before
	// the body starts.
	for i := 0; i < len(blocks) && i < 5; i++ {
		b := blocks[i]
		if !strings.Contains(b, "\n") && isDateLine(b, lang) {
			if date.IsZero() {
				date, _ = ParseDate(b, lang)
			}
			if doc.Dateline == "" {
				doc.Dateline = leadingPlace(b)
			}
			if m := sourceLabel.FindStringSubmatch(b); m != nil && doc.Outlet == "" {
				doc.Outlet = strings.TrimSpace(m[1])
			}
			removed[i] = true
			continue
		}
		if bodyIdx >= 0 {
			continue
		}
		if titleIdx == -1 && isHeadline(b) {
			if _, ok := parseDateline(b); !ok {
				titleIdx = i
				removed[i] = true
				continue
			}
		}
		bodyIdx = i
	}
	if bodyIdx >= 0 {
		if dl, ok := parseDateline(blocks[bodyIdx]); ok {
			doc.Dateline = firstNonEmpty(dl.place, doc.Dateline)
			if doc.Outlet == "" {
				doc.Outlet = dl.credit
			}
			if date.IsZero() && !dl.date.IsZero() {
				date = dl.date
			}
		}
	}
	// A timestamp line at the end: "2025/10/30 18:20 송고".
	for k, i := 0, len(blocks)-1; i > bodyIdx && i >= 0 && k < 2; i, k = i-1, k+1 {
		b := blocks[i]
		if !strings.Contains(b, "\n") && isDateLine(b, lang) {
			if date.IsZero() {
				date, _ = ParseDate(b, lang)
			}
			removed[i] = true
		}
	}
	if front != nil {
		if t, ok := ParseDate(front["date"]+" "+front["published"], lang); ok && date.IsZero() {
			date = t
		}
		if doc.Outlet == "" {
			doc.Outlet = firstNonEmpty(front["outlet"], front["publisher"], front["source"])
		}
	}
	doc.Date = date
	switch {
	case titleIdx >= 0:
		doc.Title = collapseSpace(strings.TrimLeft(blocks[titleIdx], "# "))
	case titleIdx == -2:
		doc.Title = collapseSpace(front["title"])
	}
	var body []string
	for i, b := range blocks {
		if !removed[i] {
			body = append(body, b)
		}
	}
	doc.Text = joinText(doc.Title, body)
}

// leadingPlace returns "Jakarta" for "Jakarta, Kamis (13/7/2023)".
func leadingPlace(line string) string {
	i := strings.Index(line, ",")
	if i <= 0 {
		return ""
	}
	p := strings.TrimSpace(line[:i])
	if !isPlaceLike(p) {
		return ""
	}
	lw := strings.ToLower(p)
	if dateFurniture[lw] {
		return ""
	}
	if _, ok := monthNames[lw]; ok {
		return ""
	}
	return p
}

// isHeadline: a single short line that does not read like a paragraph.
func isHeadline(b string) bool {
	if strings.Contains(b, "\n") {
		return false
	}
	n := utf8.RuneCountInString(b)
	if n == 0 || n > 250 {
		return false
	}
	words := len(strings.Fields(b))
	if words > 30 {
		return false
	}
	// A full sentence ending in a period reads as body text, not a headline.
	if words >= 10 && strings.HasSuffix(b, ".") {
		return false
	}
	if n >= 40 && strings.HasSuffix(b, "。") {
		return false
	}
	return true
}

// splitBlocks splits text into blocks separated by blank lines; lines keep
// their inner line breaks, trailing spaces are removed.
func splitBlocks(text string) []string {
	var blocks []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimLeft(line, " \t\u3000\u00a0"))
	}
	flush()
	return blocks
}

// stripFrontMatter removes a YAML front matter block and returns its simple
// keys.
func stripFrontMatter(text string) (string, map[string]string) {
	if !strings.HasPrefix(text, "---\n") {
		return text, nil
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 || end > 8192 {
		return text, nil
	}
	fm := text[4 : 4+end]
	rest := text[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		rest = ""
	}
	keys := map[string]string{}
	for _, m := range reFrontKey.FindAllStringSubmatch(fm, -1) {
		k := strings.ToLower(m[1])
		if _, ok := keys[k]; !ok {
			keys[k] = m[2]
		}
	}
	return rest, keys
}
