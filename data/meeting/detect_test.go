package meeting

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// mentionsOf finds every occurrence of the given names (longest first) in
// text; persons and countries are told apart by the maps.
func mentionsOf(text string, persons, countries map[string]string) []Mention {
	type nm struct{ form, key, kind string }
	var all []nm
	for f, k := range persons {
		all = append(all, nm{f, k, Person})
	}
	for f, k := range countries {
		all = append(all, nm{f, k, Country})
	}
	sort.Slice(all, func(i, j int) bool { return len(all[i].form) > len(all[j].form) })
	taken := make([]bool, len(text))
	var out []Mention
	for _, n := range all {
		for off := 0; ; {
			i := strings.Index(text[off:], n.form)
			if i < 0 {
				break
			}
			a, b := off+i, off+i+len(n.form)
			off = a + 1
			free := true
			for k := a; k < b; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := a; k < b; k++ {
				taken[k] = true
			}
			out = append(out, Mention{Key: n.key, Kind: n.kind, Start: a, End: b, Via: "name"})
		}
	}
	return out
}

func summary(evs []Event) []string {
	var out []string
	for _, e := range evs {
		ps := append([]string(nil), e.Participants...)
		sort.Strings(ps)
		s := fmt.Sprintf("%s %s %s", e.Status, e.Kind, strings.Join(ps, "+"))
		if e.Times > 0 {
			s += fmt.Sprintf(" x%d", e.Times)
		}
		out = append(out, s)
	}
	return out
}

var people = map[string]string{
	// en, id, fr, es, de forms
	"Angela Merkel": "merkel", "Merkel": "merkel",
	"Narendra Modi": "modi", "Modi": "modi",
	"Jacinda Ardern": "ardern", "Ardern": "ardern",
	"Luiz Inácio Lula da Silva": "lula", "Lula": "lula",
	"Cyril Ramaphosa": "ramaphosa", "Ramaphosa": "ramaphosa",
	"Anwar Ibrahim": "anwar", "Anwar": "anwar",
	"Ferdinand Marcos": "marcos", "Marcos": "marcos",
	"Justin Trudeau": "trudeau", "Trudeau": "trudeau",
	// ru
	"Ангела Меркель": "merkel", "Меркель": "merkel", "Нарендра Моди": "modi", "Моди": "modi",
	"Лула": "lula", "Рамафоса": "ramaphosa", "Рамафосой": "ramaphosa",
	// zh, ja, ko
	"默克尔": "merkel", "莫迪": "modi", "卢拉": "lula", "拉马福萨": "ramaphosa",
	"メルケル": "merkel", "モディ": "modi", "ルラ": "lula", "ラマポーザ": "ramaphosa",
	"메르켈": "merkel", "모디": "modi", "룰라": "lula", "라마포사": "ramaphosa",
}

var nations = map[string]string{
	"Brazil": "BR", "India": "IN", "South Africa": "ZA",
}

func TestDetectRules(t *testing.T) {
	day := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	cases := []struct {
		name, lang, text string
		want             []string
	}{
		// English
		{"en held", "en", "Angela Merkel met Narendra Modi in Berlin on Tuesday.", []string{"held meeting merkel+modi"}},
		{"en summit cue", "en", "Lula and Ramaphosa held a summit in Pretoria.", []string{"held summit lula+ramaphosa"}},
		{"en call", "en", "Trudeau spoke by phone with Ardern on Monday.", []string{"held call ardern+trudeau"}},
		{"en planned", "en", "Modi is expected to meet Lula next week.", []string{"planned meeting lula+modi"}},
		{"en denied", "en", "Ardern declined to meet Trudeau during the forum.", []string{"denied meeting ardern+trudeau"}},
		{"en count word", "en", "Merkel has met Modi five times since 2014.", []string{"held meeting merkel+modi x5"}},
		{"en ordinal", "en", "It was the second meeting between Lula and Ramaphosa this year.", []string{"held meeting lula+ramaphosa x2"}},
		{"en only once", "en", "Ardern met Anwar only once.", []string{"held meeting anwar+ardern x1"}},
		{"en vague", "en", "Merkel and Modi have met dozens of times.", []string{"held meeting merkel+modi"}},
		{"en letter author excluded", "en", "Anwar received Ardern, who handed him a letter from Justin Trudeau.", []string{"held meeting anwar+ardern"}},
		{"en pronouns", "en", "Marcos arrived in Ottawa on Monday. Trudeau greeted the visitor at the airport. He met him again on Wednesday.", []string{"held meeting marcos+trudeau", "held meeting marcos+trudeau"}},
		{"en pair ref", "en", "Lula flew to Pretoria to see Ramaphosa. The two leaders met for three hours.", []string{"held meeting lula+ramaphosa"}},
		{"en hypothetical", "en", "Analysts say Modi could meet Lula later this year.", nil},
		{"en star counts", "en", "Anwar met Marcos three times, but received Ardern only once.", []string{"held meeting anwar+marcos x3", "held meeting anwar+ardern x1"}},
		{"en clause split", "en", "Trudeau and Modi spoke by phone on Friday, but a planned meeting between the two never took place.", []string{"held call modi+trudeau", "denied meeting modi+trudeau"}},
		{"en countries trilateral", "en", "Brazil, India and South Africa agreed to hold a trilateral summit every year.", []string{"planned summit BR+IN+ZA"}},
		{"en no trigger", "en", "Merkel criticised Modi over the trade dispute.", nil},
		// Indonesian
		{"id held", "id", "Presiden Lula bertemu Ramaphosa di Pretoria, Selasa (12/3).", []string{"held meeting lula+ramaphosa"}},
		{"id planned", "id", "Anwar dijadwalkan bertemu Marcos di Manila pekan depan.", []string{"planned meeting anwar+marcos"}},
		{"id denied", "id", "Ardern menolak bertemu Trudeau selama forum berlangsung.", []string{"denied meeting ardern+trudeau"}},
		{"id count", "id", "Merkel bertemu Modi sebanyak tiga kali tahun ini.", []string{"held meeting merkel+modi x3"}},
		{"id once", "id", "Anwar hanya sekali menerima Ardern.", []string{"held meeting anwar+ardern x1"}},
		{"id vague", "id", "Merkel dan Modi sudah bertemu puluhan kali.", []string{"held meeting merkel+modi"}},
		{"id clitic", "id", "Marcos tiba di Kuala Lumpur pada Senin. Anwar menerimanya di istana.", []string{"held meeting anwar+marcos"}},
		{"id keduanya", "id", "Lula terbang ke Pretoria untuk menemui Ramaphosa. Keduanya menggelar pembicaraan selama dua jam.", []string{"held meeting lula+ramaphosa", "held meeting lula+ramaphosa"}},
		{"id call", "id", "Trudeau berbicara melalui telepon dengan Ardern, Senin.", []string{"held call ardern+trudeau"}},
		{"id letter", "id", "Anwar menerima Ardern yang membawa surat dari Perdana Menteri Justin Trudeau.", []string{"held meeting anwar+ardern"}},
		{"id speculation", "id", "Para analis melihat kemungkinan pertemuan Modi dengan Lula akhir tahun ini.", nil},
		// Russian
		{"ru held", "ru", "Ангела Меркель встретилась с Нарендрой Моди во вторник.", []string{"held meeting merkel+modi"}},
		{"ru held inflected", "ru", "Лула провёл переговоры с Рамафосой в Претории.", []string{"held meeting lula+ramaphosa"}},
		{"ru count", "ru", "Меркель встречалась с Моди четыре раза.", []string{"held meeting merkel+modi x4"}},
		{"ru vague", "ru", "Меркель и Моди встречались десятки раз.", []string{"held meeting merkel+modi"}},
		{"ru planned", "ru", "Лула и Рамафоса встретятся в июне.", []string{"planned meeting lula+ramaphosa"}},
		{"ru denied", "ru", "Меркель отказалась от встречи с Моди.", []string{"denied meeting merkel+modi"}},
		// Chinese
		{"zh held", "zh", "卢拉12日在比勒陀利亚同拉马福萨举行会谈。", []string{"held meeting lula+ramaphosa"}},
		{"zh ordinal", "zh", "这是默克尔与莫迪第三次会晤。", []string{"held meeting merkel+modi x3"}},
		{"zh planned", "zh", "莫迪将于下月会见卢拉。", []string{"planned meeting lula+modi"}},
		{"zh call", "zh", "默克尔同莫迪通电话。", []string{"held call merkel+modi"}},
		// Japanese
		{"ja held", "ja", "ルラ大統領は12日、ラマポーザ大統領と会談した。", []string{"held meeting lula+ramaphosa"}},
		{"ja count digit", "ja", "メルケル氏とモディ氏の会談は3回目となる。", []string{"held meeting merkel+modi x3"}},
		{"ja denied", "ja", "メルケル氏はモディ氏との会談を拒否した。", []string{"denied meeting merkel+modi"}},
		{"ja planned", "ja", "ルラ氏はラマポーザ氏と来月会談する予定だ。", []string{"planned meeting lula+ramaphosa"}},
		// Korean
		{"ko held", "ko", "룰라 대통령은 12일 라마포사 대통령과 정상회담을 했다.", []string{"held summit lula+ramaphosa"}},
		{"ko count", "ko", "메르켈 총리와 모디 총리는 네 차례 만났다.", []string{"held meeting merkel+modi x4"}},
		{"ko round trap", "ko", "메르켈 총리와 모디 총리는 13일 두 번째 회담을 이어갈 예정이다.", []string{"planned meeting merkel+modi"}},
		{"ko denied", "ko", "메르켈 총리와 모디 총리의 만남은 결국 이뤄지지 않았다.", []string{"denied meeting merkel+modi"}},
		// Spanish
		{"es held", "es", "Lula se reunió el martes con Ramaphosa en Pretoria.", []string{"held meeting lula+ramaphosa"}},
		{"es ordinal", "es", "Merkel recibió a Modi por tercera vez.", []string{"held meeting merkel+modi x3"}},
		{"es denied", "es", "Trudeau canceló la reunión con Ardern.", []string{"denied meeting ardern+trudeau"}},
		{"es planned", "es", "Anwar se reunirá con Marcos el próximo mes.", []string{"planned meeting anwar+marcos"}},
		// French
		{"fr held", "fr", "Lula a rencontré mardi Ramaphosa à Pretoria.", []string{"held meeting lula+ramaphosa"}},
		{"fr count", "fr", "Merkel a rencontré Modi trois fois depuis janvier.", []string{"held meeting merkel+modi x3"}},
		{"fr once", "fr", "Ardern n'a reçu Anwar qu'une seule fois.", []string{"held meeting anwar+ardern x1"}},
		{"fr call", "fr", "Trudeau s'est entretenu par téléphone avec Ardern.", []string{"held call ardern+trudeau"}},
		{"fr object pronoun", "fr", "Marcos est arrivé lundi. Trudeau l'a reçu mercredi.", []string{"held meeting marcos+trudeau"}},
		// German
		{"de held", "de", "Lula traf am Dienstag Ramaphosa in Pretoria.", []string{"held meeting lula+ramaphosa"}},
		{"de count", "de", "Merkel und Modi sind sich bereits dreimal begegnet.", []string{"held meeting merkel+modi x3"}},
		{"de denied", "de", "Ein Treffen zwischen Trudeau und Ardern wurde abgesagt.", []string{"denied meeting ardern+trudeau"}},
		{"de stay in touch", "de", "Merkel und Modi vereinbarten, in Kontakt zu bleiben, nach ihrem Gespräch.", nil},
		{"de call", "de", "Trudeau telefonierte am Montag mit Ardern.", []string{"held call ardern+trudeau"}},
		// accepted invitations are plans even though an invitation is mentioned
		{"en accepted invitation", "en", "Modi invited Lula to New Delhi and Lula accepted the invitation to meet him there.", []string{"planned meeting lula+modi"}},
		{"en invitation only", "en", "Modi invited Lula to visit New Delhi for talks.", nil},
		{"ru accepted invitation", "ru", "Моди пригласил Лулу посетить Индию, и Лула приглашение принял.", []string{"planned meeting lula+modi"}},
		{"de accepted invitation", "de", "Lula nahm die Einladung von Modi zu einem Besuch in Indien an.", []string{"planned meeting lula+modi"}},
		// a call in which a meeting was agreed: held call, planned meeting
		{"en call then plan", "en", "Modi and Lula agreed during a telephone call on Monday to meet in Brasília.", []string{"held call lula+modi", "planned meeting lula+modi"}},
		// sources are not participants
		{"en source excluded", "en", "Lula met Modi on Monday, according to Ramaphosa.", []string{"held meeting lula+modi"}},
		{"de source excluded", "de", "Lula traf Modi am Montag, laut Ramaphosa in gelöster Stimmung.", []string{"held meeting lula+modi"}},
		// criticism is no meeting
		{"de criticism", "de", "Ardern kritisierte das Telefonat zwischen Trudeau und Modi.", nil},
		{"en criticism", "en", "Ardern criticized the meeting between Trudeau and Modi.", nil},
		// "first ... since" is no count
		{"en first since", "en", "It was the first face-to-face meeting between Lula and Modi since the pandemic.", []string{"held meeting lula+modi"}},
		// a three-way meeting that did not happen, nobody named in the clause
		{"de no three-way", "de", "Lula, Modi und Ramaphosa standen bei der Parade nebeneinander; zu einem Dreiergipfel kam es jedoch nicht.", []string{"denied summit lula+modi+ramaphosa"}},
		{"ja no three-way", "ja", "パレードではルラ氏、モディ氏、ラマポーザ氏が並んだが、3氏による会談は行われなかった。", []string{"denied meeting lula+modi+ramaphosa"}},
		// "both" after a group: the two persons named last
		{"es both after group", "es", "Lula habló con Modi y con Ramaphosa. Después Modi y Ramaphosa se reunieron; ambos firmaron un acuerdo en una reunión.", []string{"held meeting modi+ramaphosa", "held meeting modi+ramaphosa"}},
		// elliptical coordinated clause with its own count
		{"ru elliptical count", "ru", "Лула встречался с Моди четыре раза, а с Рамафосой — лишь однажды.", []string{"held meeting lula+modi x4", "held meeting lula+ramaphosa x1"}},
		// subject-less verb with a companion (Spanish)
		{"es null subject", "es", "Lula llegó a Nueva Delhi el lunes. Ese día se reunió con Modi en el palacio.", []string{"held meeting lula+modi"}},
		// headline halves separated by a space (Japanese)
		{"ja headline halves", "ja", "メルケル氏、モディ氏と会談　ルラ氏との会談は見送り", []string{"held meeting merkel+modi", "denied meeting lula+merkel"}},
		// compound country pair reference (Korean)
		{"ko compound pair ref", "ko", "메르켈 총리는 모디 총리와 회담했다. 한미 정상의 대면 회담은 1년 만이다.", []string{"held meeting merkel+modi", "held meeting merkel+modi"}},
		// "the three leaders" with two named: the group named last
		{"ko three leaders", "ko", "룰라 대통령은 모디 총리, 라마포사 대통령과 3자 회담을 했다. 모디 총리와 라마포사 대통령에게는 세 정상이 모인 첫 3자 회동이다.", []string{"held meeting lula+modi+ramaphosa", "held meeting lula+modi+ramaphosa"}},
		// the two leaders: the article's main pair, not a side meeting
		// the two: a second pair the article reports, named again as background
		// in the clause before, is the pair meant (not the article's main pair)
		{"en pair returned to in background", "en", "Lula met Modi on Monday. Modi met Lula again on Tuesday. On Wednesday Lula also met Ramaphosa. Ramaphosa first hosted Lula in 2019. The two leaders have now met four times.",
			[]string{"held meeting lula+modi", "held meeting lula+modi", "held meeting lula+ramaphosa", "held meeting lula+ramaphosa", "held meeting lula+ramaphosa x4"}},
		{"ja pair returned to in background", "ja", "ルラ氏は3日、モディ氏と会談した。ルラ氏は4日もモディ氏と会談した。ルラ氏は5日、ラマポーザ氏とも会談した。両氏の前回の会談は2019年だった。両氏の会談は4回目となる。",
			[]string{"held meeting lula+modi", "held meeting lula+modi", "held meeting lula+ramaphosa", "held meeting lula+ramaphosa", "held meeting lula+ramaphosa x4"}},
		// ... but a historical pair never reported as news is not: the main pair is
		{"ko background pair not reported as news", "ko", "룰라 대통령은 19일 모디 총리와 회담했다. 당시 룰라 대통령은 메르켈 총리와 회담했다. 두 정상은 이날 단독 회담을 한 뒤 조약에 서명했다.",
			[]string{"held meeting lula+modi", "held meeting lula+merkel", "held meeting lula+modi"}},
		{"de their last call", "de", "Trudeau telefonierte am Freitag mit Ardern. Ihr letztes Telefonat hatte im Mai 2023 stattgefunden.", []string{"held call ardern+trudeau", "held call ardern+trudeau"}},
		{"fr subject and object pronouns", "fr", "Marcos a reçu Trudeau lundi. Mardi, il l'emmènera visiter Manille.", []string{"held meeting marcos+trudeau", "planned meeting marcos+trudeau"}},
		{"es one named plus both", "es", "Lula llegó a Pretoria el jueves. Ese día se reunió con Ramaphosa, desde donde ambos inauguraron una feria.", []string{"held meeting lula+ramaphosa"}},
		{"id headline negative half", "id", "Anwar Temui Marcos, Tak Ada Pembicaraan dengan Ardern", []string{"held meeting anwar+marcos", "denied meeting anwar+ardern"}},
		{"fr departed person", "fr", "Après le départ de Ardern, Trudeau et son homologue Marcos ont poursuivi leurs discussions.", []string{"held meeting marcos+trudeau"}},
		{"id both-sided cue", "id", "Sebulan setelah Anwar berkunjung ke Manila, Marcos menerima Anwar di istana.", []string{"held meeting anwar+marcos"}},
		{"de accepted invitation of earlier sentence", "de", "Ardern überbrachte eine Einladung von Lula an Modi. Ein Sprecher sagte, der Gast werde die Einladung annehmen.", []string{"planned meeting lula+modi"}},
		{"id fronted phrase", "id", "Selain bertemu Anwar, Marcos juga menggelar pembicaraan dengan Ardern.", []string{"held meeting ardern+marcos"}},
		{"en fronted phrase", "en", "Besides meeting Anwar, Marcos also held talks with Ardern.", []string{"held meeting ardern+marcos"}},
		{"en main pair", "en", "Lula met Modi on Monday. Modi also met Ramaphosa briefly. Ramaphosa left. The two leaders then held talks over dinner.", []string{"held meeting lula+modi", "held meeting modi+ramaphosa", "held meeting lula+modi"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := mentionsOf(c.text, people, nations)
			got := summary(Detect(c.text, c.lang, day, ms))
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("%s\n got: %q\nwant: %q", c.text, got, c.want)
			}
		})
	}
}

func TestApposition(t *testing.T) {
	text := "Modi met the head of the delegation, Lula, on Monday."
	ms := mentionsOf(text, people, nil)
	role := strings.Index(text, "the head of the delegation")
	// a role resolved (wrongly) to Ramaphosa, in apposition to Lula
	ms = append(ms, Mention{Key: "ramaphosa", Kind: Person, Start: role, End: role + len("the head of the delegation"), Via: "role"})
	got := summary(Detect(text, "en", fixedDay, ms))
	if strings.Join(got, "; ") != "held meeting lula+modi" {
		t.Errorf("got %q", got)
	}
}

func TestDetectDates(t *testing.T) {
	day := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC) // Thursday
	cases := []struct{ lang, text, want string }{
		{"en", "Merkel met Modi on Tuesday.", "2024-03-12"},
		{"en", "Merkel met Modi on July 26.", "2023-07-26"},
		{"en", "Merkel met Modi on March 2, 2024.", "2024-03-02"},
		{"en", "Merkel will meet Modi on Saturday.", "2024-03-16"},
		{"id", "Merkel bertemu Modi, Rabu (13/3).", "2024-03-13"},
		{"id", "Merkel bertemu Modi pada 9 Maret 2024.", "2024-03-09"},
		{"ru", "Меркель встретилась с Моди 5 марта.", "2024-03-05"},
		{"zh", "默克尔3月5日会见莫迪。", "2024-03-05"},
		{"de", "Merkel traf Modi am 5. März.", "2024-03-05"},
		{"fr", "Merkel a rencontré Modi le 5 mars.", "2024-03-05"},
		{"es", "Merkel se reunió con Modi el 5 de marzo.", "2024-03-05"},
		{"ko", "메르켈 총리는 12일 모디 총리와 회담했다.", "2024-03-12"},
		{"ko", "메르켈 총리는 28일 모디 총리와 회담했다.", "2024-02-28"},
		{"ja", "メルケル氏は2月5日、モディ氏と会談した。", "2024-02-05"},
	}
	for _, c := range cases {
		ms := mentionsOf(c.text, people, nil)
		evs := Detect(c.text, c.lang, day, ms)
		if len(evs) != 1 {
			t.Errorf("%s: %d events", c.text, len(evs))
			continue
		}
		if evs[0].Date != c.want {
			t.Errorf("%s: date %q, want %q", c.text, evs[0].Date, c.want)
		}
	}
}

func TestAttributionAndPlace(t *testing.T) {
	text := "Merkel met Modi in New Delhi, according to the foreign ministry."
	evs := Detect(text, "en", time.Time{}, mentionsOf(text, people, nil))
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	if evs[0].Attribution != "the foreign ministry" {
		t.Errorf("attribution %q", evs[0].Attribution)
	}
	if evs[0].Place != "New Delhi" {
		t.Errorf("place %q", evs[0].Place)
	}
	text = "Merkel bertemu Modi tiga kali. Hal itu disampaikan Kementerian Luar Negeri di Jakarta."
	evs = Detect(text, "id", time.Time{}, mentionsOf(text, people, nil))
	if len(evs) != 1 || evs[0].Attribution != "Kementerian Luar Negeri di Jakarta" {
		t.Errorf("id attribution in the next sentence: %+v", evs)
	}
	text = "Merkel bertemu Modi di New Delhi, menurut Kementerian Luar Negeri."
	evs = Detect(text, "id", time.Time{}, mentionsOf(text, people, nil))
	if len(evs) != 1 || evs[0].Attribution != "Kementerian Luar Negeri" {
		t.Errorf("id attribution: %+v", evs)
	}
}

func TestDetectUnknownLanguage(t *testing.T) {
	if evs := Detect("Merkel met Modi.", "xx", time.Time{}, nil); evs != nil {
		t.Errorf("unknown language gave %v", evs)
	}
}

var fixedDay = time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)

func BenchmarkDetectEnglish(b *testing.B) {
	text := strings.Repeat("Angela Merkel met Narendra Modi in Berlin on Tuesday, according to the ministry. "+
		"The two leaders had met four times before. Lula is expected to meet Ramaphosa next week. ", 20)
	ms := mentionsOf(text, people, nations)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text, "en", fixedDay, ms)
	}
}

func BenchmarkDetectChinese(b *testing.B) {
	text := strings.Repeat("卢拉12日在比勒陀利亚同拉马福萨举行会谈。这是默克尔与莫迪第三次会晤。莫迪将于下月会见卢拉。", 20)
	ms := mentionsOf(text, people, nations)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text, "zh", fixedDay, ms)
	}
}
