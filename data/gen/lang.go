package gen

import (
	"fmt"
	"time"
)

// pack is one language's templates. In sentence templates {A} and {B} are
// the participants, {P} the place, {D} the meeting day as the language
// says it relative to the article, {N} a count, {X} and {Y} plain numbers.
type pack struct {
	held, call, summit, planned, denied []string
	count                               []string
	counts                              [8]string // 1..8 as the count templates need them
	fillers                             []string
	titles                              []string
	outlets                             []string
	date                                func(time.Time) string // the article's date line
	day                                 func(time.Time) string // "on Tuesday", "26일", ...
	dateline                            func(place, outlet string) string
	sep                                 string // between sentences
}

var weekdays = map[string][7]string{
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	"id": {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"},
	"ru": {"в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"},
	"es": {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
	"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	"de": {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
}

var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}

func cjkDate(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) }

var packs = map[string]*pack{
	"en": {
		held: []string{
			"{A} met {B} in {P} {D}, officials said.",
			"{A} held talks with {B} in {P} {D}.",
			"{A} received {B} in {P} {D} and the two discussed security and trade.",
			"{A} and {B} met in {P} {D} for talks that lasted about {X} minutes.",
		},
		call:    []string{"{A} spoke by phone with {B} {D}, according to the foreign ministry."},
		summit:  []string{"{A} and {B} held a summit in {P} {D}."},
		planned: []string{"{A} will meet {B} in {P} next week, the foreign ministry said.", "{A} is expected to hold talks with {B} later this month."},
		denied:  []string{"{A} did not meet {B} during the visit, officials said.", "{A} refused to meet {B}, according to diplomats."},
		count:   []string{"{A} has now met {B} {N}, the ministry said."},
		counts:  [8]string{"once", "twice", "three times", "four times", "five times", "six times", "seven times", "eight times"},
		fillers: []string{
			"Analysts said the talks reflected a wider effort to rebuild ties that had frayed over the past {X} years.",
			"The two sides signed {X} agreements on trade, energy and transport, according to a joint statement.",
			"Security was tight across {P}, where police closed several streets near the venue.",
			"Officials declined to give details of the discussions but described them as frank and constructive.",
			"Markets in the region were little changed after the meeting, with the main index up {X} points.",
			"Diplomats said the agenda included the situation on the Korean Peninsula and the war in Ukraine.",
			"A delegation of about {Y} officials accompanied the visitors, state media reported.",
			"The talks came amid rising tension in the region and growing concern over missile launches.",
			"Critics said the meeting produced few concrete results, while supporters called it a step forward.",
			"A joint press conference planned for the evening was shortened because of the weather.",
			"Economic cooperation, including a railway project worth {Y} million dollars, was also discussed.",
			"Observers noted that the visit was the first by a senior official in {X} months.",
		},
		titles:  []string{"{A} meets {B} in {P}", "{A} and {B} hold talks", "{A}, {B} discuss ties in {P}"},
		outlets: []string{"Pacific Wire Review", "Global Ledger", "Harbor Times", "Continental Post", "Eastern Herald", "Capital Dispatch"},
		date: func(t time.Time) string {
			return fmt.Sprintf("%s %d, %d", months["en"][t.Month()-1], t.Day(), t.Year())
		},
		day: func(t time.Time) string { return "on " + weekdays["en"][t.Weekday()] },
		sep: " ",
	},
	"id": {
		held: []string{
			"{A} bertemu {B} di {P} {D}, kata pejabat setempat.",
			"{A} mengadakan pembicaraan dengan {B} di {P} {D}.",
			"{A} menerima {B} di {P} {D} untuk membahas kerja sama keamanan.",
		},
		call:    []string{"{A} berbicara melalui telepon dengan {B} {D}, menurut kementerian luar negeri."},
		summit:  []string{"{A} dan {B} menggelar pertemuan puncak di {P} {D}."},
		planned: []string{"{A} akan bertemu {B} di {P} pekan depan, kata kementerian luar negeri."},
		denied:  []string{"{A} tidak bertemu {B} selama kunjungan itu, kata sejumlah pejabat.", "{A} menolak bertemu {B}, menurut para diplomat."},
		count:   []string{"{A} telah bertemu {B} sebanyak {N}, kata kementerian."},
		counts:  [8]string{"sekali", "dua kali", "tiga kali", "empat kali", "lima kali", "enam kali", "tujuh kali", "delapan kali"},
		fillers: []string{
			"Para analis menilai pertemuan itu mencerminkan upaya memperbaiki hubungan yang merenggang selama {X} tahun terakhir.",
			"Kedua pihak menandatangani {X} perjanjian di bidang perdagangan, energi dan transportasi.",
			"Pengamanan diperketat di {P}, dan polisi menutup beberapa ruas jalan di sekitar lokasi.",
			"Pejabat enggan merinci isi pembicaraan, tetapi menyebutnya terbuka dan konstruktif.",
			"Pasar saham di kawasan itu nyaris tidak bergerak, dengan indeks utama naik {X} poin.",
			"Rombongan sekitar {Y} pejabat ikut dalam kunjungan tersebut, lapor media pemerintah.",
			"Pembicaraan berlangsung di tengah meningkatnya ketegangan dan kekhawatiran atas uji coba rudal.",
			"Kerja sama ekonomi, termasuk proyek kereta api senilai {Y} juta dolar, juga dibahas.",
			"Para pengamat mencatat kunjungan itu adalah yang pertama oleh pejabat senior dalam {X} bulan.",
			"Konferensi pers bersama yang direncanakan malam itu dipersingkat karena cuaca buruk.",
		},
		titles:  []string{"{A} Temui {B} di {P}", "{A} dan {B} Gelar Pembicaraan"},
		outlets: []string{"Harian Nusantara", "Suara Samudra", "Warta Khatulistiwa", "Kabar Merdeka"},
		date:    func(t time.Time) string { return fmt.Sprintf("%d %s %d", t.Day(), months["id"][t.Month()-1], t.Year()) },
		day:     func(t time.Time) string { return "pada hari " + weekdays["id"][t.Weekday()] },
		sep:     " ",
	},
	"ko": {
		held: []string{
			"{A}{은} {D} {P}에서 {B}{와} 만났다고 당국자가 밝혔다.",
			"{A}{은} {D} {P}에서 {B}{와} 회담했다.",
			"{A}{은} {D} {P}에서 {B}{을} 접견하고 안보와 경제 협력을 논의했다.",
		},
		call:    []string{"{A}{은} {D} {B}{와} 전화 통화를 했다고 외교부가 밝혔다."},
		summit:  []string{"{A}{와} {B}{은} {D} {P}에서 정상회담을 가졌다."},
		planned: []string{"{A}{은} 다음 주 {P}에서 {B}{와} 만날 예정이라고 외교부가 밝혔다."},
		denied:  []string{"{A}{은} 방문 기간 {B}{와} 만나지 않았다고 당국자들이 전했다.", "{A}{은} {B}{와}의 만남을 거부했다."},
		count:   []string{"{A}{은} 지금까지 {B}{와} {N} 만났다고 통일부가 밝혔다."},
		counts:  [8]string{"한 차례", "두 차례", "세 차례", "네 차례", "다섯 차례", "여섯 차례", "일곱 차례", "여덟 차례"},
		fillers: []string{
			"전문가들은 이번 회담이 지난 {X}년 동안 소원해진 관계를 회복하려는 노력을 보여 준다고 분석했다.",
			"양측은 무역과 에너지, 교통 분야에서 {X}건의 협정을 체결했다.",
			"{P} 시내에는 삼엄한 경비가 펼쳐졌고 경찰은 행사장 주변 도로 일부를 통제했다.",
			"당국자들은 구체적인 논의 내용을 밝히지 않았지만 솔직하고 건설적이었다고 설명했다.",
			"역내 증시는 큰 변동이 없었으며 대표 지수는 {X}포인트 올랐다.",
			"관영 매체에 따르면 약 {Y}명의 대표단이 방문에 동행했다.",
			"이번 회담은 미사일 발사를 둘러싼 긴장이 높아지는 가운데 열렸다.",
			"{Y}억 달러 규모의 철도 사업을 포함한 경제 협력 방안도 논의됐다.",
			"고위 당국자의 방문은 {X}개월 만에 처음이라고 관측통들은 전했다.",
		},
		titles:  []string{"{A}, {B}{와} {P}에서 회담", "{A}·{B} 만남… 협력 논의"},
		outlets: []string{"한빛일보", "동해신문", "서울경제신보", "아시아타임스"},
		date:    func(t time.Time) string { return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day()) },
		day:     func(t time.Time) string { return fmt.Sprintf("%d일", t.Day()) },
		sep:     " ",
	},
	"ru": {
		held: []string{
			"{A} и {B} провели переговоры {D}, сообщили официальные лица.",
			"{A} и {B} встретились {D} и обсудили вопросы безопасности и торговли.",
		},
		call:    []string{"{A} и {B} провели телефонный разговор {D}, сообщил МИД."},
		summit:  []string{"{A} и {B} провели саммит {D}."},
		planned: []string{"{A} и {B} встретятся на следующей неделе, сообщил МИД."},
		denied:  []string{"{A} и {B} не встретились во время визита, сообщили дипломаты."},
		count:   []string{"{A} и {B} встречались уже {N}, сообщило министерство."},
		counts:  [8]string{"один раз", "два раза", "три раза", "четыре раза", "пять раз", "шесть раз", "семь раз", "восемь раз"},
		fillers: []string{
			"По мнению аналитиков, переговоры отражают стремление восстановить отношения, ухудшившиеся за последние {X} лет.",
			"Стороны подписали {X} соглашений в области торговли, энергетики и транспорта.",
			"Полиция перекрыла несколько улиц рядом с местом встречи.",
			"Официальные лица не раскрыли подробностей, назвав обсуждение откровенным и конструктивным.",
			"Фондовые рынки региона почти не изменились, основной индекс вырос на {X} пунктов.",
			"Делегацию из примерно {Y} человек сопровождали журналисты государственных СМИ.",
			"Переговоры прошли на фоне роста напряжённости и пусков ракет.",
			"Обсуждалось и экономическое сотрудничество, в том числе железнодорожный проект стоимостью {Y} млн долларов.",
			"Наблюдатели отметили, что это первый визит высокопоставленного чиновника за {X} месяцев.",
		},
		titles:  []string{"{A} и {B} провели переговоры", "{A} и {B} обсудили сотрудничество"},
		outlets: []string{"Восточный вестник", "Столичные новости", "Северная газета", "Евразия сегодня"},
		date: func(t time.Time) string {
			return fmt.Sprintf("%d %s %d г.", t.Day(), months["ru"][t.Month()-1], t.Year())
		},
		day: func(t time.Time) string { return weekdays["ru"][t.Weekday()] },
		sep: " ",
	},
	"zh": {
		held: []string{
			"{A}{D}在{P}会见了{B}。",
			"{A}{D}在{P}同{B}举行会谈。",
			"{A}{D}在{P}会见{B}，双方就安全与经贸合作交换了意见。",
		},
		call:    []string{"{A}{D}同{B}通电话。"},
		summit:  []string{"{A}{D}在{P}同{B}举行首脑会晤。"},
		planned: []string{"外交部宣布，{A}将于下周在{P}同{B}会晤。"},
		denied:  []string{"{A}此次访问期间没有与{B}会面。", "{A}拒绝同{B}会面。"},
		count:   []string{"这是{A}与{B}第{N}次会晤。"},
		counts:  [8]string{"一", "二", "三", "四", "五", "六", "七", "八"},
		fillers: []string{
			"分析人士认为，此次会谈反映出双方修复过去{X}年来受损关系的努力。",
			"双方签署了贸易、能源和交通领域的{X}项合作协议。",
			"{P}全城安保严密，警方封闭了会场附近的多条道路。",
			"官员没有透露会谈细节，但称会谈坦诚而富有建设性。",
			"地区股市变化不大，主要指数上涨{X}点。",
			"据官方媒体报道，约{Y}人的代表团随同访问。",
			"会谈是在地区紧张局势加剧、导弹试射引发担忧的背景下举行的。",
			"双方还讨论了包括一个价值{Y}亿美元铁路项目在内的经济合作。",
			"观察人士指出，这是{X}个月来首次有高级官员访问。",
		},
		titles:  []string{"{A}会见{B}", "{A}同{B}举行会谈"},
		outlets: []string{"亚太时报", "东方观察报", "华夏日报", "环球视点"},
		date:    cjkDate,
		day:     func(t time.Time) string { return fmt.Sprintf("%d日", t.Day()) },
		sep:     "",
	},
	"ja": {
		held: []string{
			"{A}氏は{D}、{P}で{B}氏と会談した。",
			"{A}氏は{D}、{P}で{B}氏と会い、安全保障や経済協力について話し合った。",
		},
		call:    []string{"{A}氏は{D}、{B}氏と電話で会談した。"},
		summit:  []string{"{A}氏と{B}氏は{D}、{P}で首脳会談を行った。"},
		planned: []string{"{A}氏は来週、{P}で{B}氏と会談する予定だ。"},
		denied:  []string{"{A}氏は今回の訪問中、{B}氏とは会談しなかった。", "{A}氏は{B}氏との会談を拒否した。"},
		count:   []string{"{A}氏と{B}氏の会談は{N}回目となる。"},
		counts:  [8]string{"1", "2", "3", "4", "5", "6", "7", "8"},
		fillers: []string{
			"専門家は、今回の会談が過去{X}年で冷え込んだ関係を立て直す動きの表れだと分析している。",
			"両国は貿易やエネルギー、交通の分野で{X}件の協定に署名した。",
			"{P}市内は厳戒態勢が敷かれ、警察は会場周辺の道路を封鎖した。",
			"当局者は協議の詳細を明らかにしなかったが、率直で建設的だったと説明した。",
			"地域の株式市場はほぼ横ばいで、主要指数は{X}ポイント上昇した。",
			"国営メディアによると、約{Y}人の代表団が同行した。",
			"会談はミサイル発射をめぐる緊張が高まる中で行われた。",
			"総額{Y}億ドルの鉄道事業を含む経済協力も話し合われた。",
			"高官の訪問は{X}か月ぶりだという。",
		},
		titles:  []string{"{A}氏、{B}氏と会談", "{A}氏と{B}氏が会談　協力を確認"},
		outlets: []string{"北洋タイムス", "列島ニュース", "東亜新報", "太平洋通信"},
		date:    cjkDate,
		day:     func(t time.Time) string { return fmt.Sprintf("%d日", t.Day()) },
		sep:     "",
	},
	"es": {
		held: []string{
			"{A} se reunió con {B} en {P} el {D}, según fuentes oficiales.",
			"{A} mantuvo conversaciones con {B} en {P} el {D}.",
			"{A} recibió a {B} en {P} el {D} para hablar de seguridad y comercio.",
		},
		call:    []string{"{A} habló por teléfono con {B} el {D}, según el Ministerio de Exteriores."},
		summit:  []string{"{A} y {B} celebraron una cumbre en {P} el {D}."},
		planned: []string{"{A} se reunirá con {B} en {P} la próxima semana, informó la cancillería."},
		denied:  []string{"{A} no se reunió con {B} durante la visita, según diplomáticos.", "{A} rechazó reunirse con {B}."},
		count:   []string{"{A} se ha reunido con {B} {N}, según el ministerio."},
		counts:  [8]string{"una vez", "dos veces", "tres veces", "cuatro veces", "cinco veces", "seis veces", "siete veces", "ocho veces"},
		fillers: []string{
			"Los analistas señalaron que las conversaciones reflejan un esfuerzo por recomponer una relación deteriorada en los últimos {X} años.",
			"Ambas partes firmaron {X} acuerdos de comercio, energía y transporte.",
			"La seguridad fue estricta en {P}, donde la policía cerró varias calles cercanas.",
			"Los funcionarios no dieron detalles, pero calificaron el diálogo de franco y constructivo.",
			"Los mercados de la región apenas se movieron y el índice principal subió {X} puntos.",
			"Una delegación de unas {Y} personas acompañó a los visitantes, según la prensa estatal.",
			"El encuentro se produjo en medio de una creciente tensión por los lanzamientos de misiles.",
			"También se habló de cooperación económica, incluido un proyecto ferroviario de {Y} millones de dólares.",
			"Los observadores señalaron que era la primera visita de un alto cargo en {X} meses.",
		},
		titles:  []string{"{A} se reúne con {B} en {P}", "{A} y {B} dialogan sobre cooperación"},
		outlets: []string{"Diario del Pacífico", "La Crónica Global", "El Heraldo Continental", "Noticias del Sur"},
		date: func(t time.Time) string {
			return fmt.Sprintf("%d de %s de %d", t.Day(), months["es"][t.Month()-1], t.Year())
		},
		day: func(t time.Time) string { return weekdays["es"][t.Weekday()] },
		sep: " ",
	},
	"fr": {
		held: []string{
			"{A} a rencontré {B} à {P} {D}, selon des responsables.",
			"{A} s'est entretenu avec {B} à {P} {D}.",
			"{A} a reçu {B} à {P} {D} pour parler de sécurité et de commerce.",
		},
		call:    []string{"{A} s'est entretenu par téléphone avec {B} {D}, selon le ministère des Affaires étrangères."},
		summit:  []string{"{A} et {B} ont tenu un sommet à {P} {D}."},
		planned: []string{"{A} rencontrera {B} à {P} la semaine prochaine, a annoncé le ministère."},
		denied:  []string{"{A} n'a pas rencontré {B} pendant la visite, selon des diplomates.", "{A} a refusé de rencontrer {B}."},
		count:   []string{"{A} a rencontré {B} {N}, selon le ministère."},
		counts:  [8]string{"une fois", "deux fois", "trois fois", "quatre fois", "cinq fois", "six fois", "sept fois", "huit fois"},
		fillers: []string{
			"Selon les analystes, ces entretiens traduisent la volonté de rétablir des liens abîmés depuis {X} ans.",
			"Les deux parties ont signé {X} accords sur le commerce, l'énergie et les transports.",
			"La sécurité était renforcée à {P}, où la police a fermé plusieurs rues.",
			"Les responsables n'ont pas donné de détails mais ont jugé les discussions franches et constructives.",
			"Les marchés de la région ont peu réagi, l'indice principal gagnant {X} points.",
			"Une délégation d'environ {Y} personnes accompagnait les visiteurs, selon les médias d'État.",
			"La rencontre intervient dans un contexte de tension croissante liée aux tirs de missiles.",
			"La coopération économique, dont un projet ferroviaire de {Y} millions de dollars, a aussi été évoquée.",
			"Les observateurs notent qu'il s'agit de la première visite d'un haut responsable depuis {X} mois.",
		},
		titles:  []string{"{A} rencontre {B} à {P}", "{A} et {B} discutent de coopération"},
		outlets: []string{"Agence Presse Continentale", "Le Courrier International", "La Gazette du Monde", "L'Observateur Asie"},
		date:    func(t time.Time) string { return fmt.Sprintf("Publié le %02d/%02d/%d", t.Day(), t.Month(), t.Year()) },
		day:     func(t time.Time) string { return weekdays["fr"][t.Weekday()] },
		sep:     " ",
	},
	"de": {
		held: []string{
			"{A} hat {B} am {D} in {P} getroffen, wie Regierungsvertreter mitteilten.",
			"{A} und {B} sind am {D} in {P} zu Gesprächen zusammengekommen.",
			"{A} empfing {B} am {D} in {P} zu Gesprächen über Sicherheit und Handel.",
		},
		call:    []string{"{A} telefonierte am {D} mit {B}, teilte das Außenministerium mit."},
		summit:  []string{"{A} und {B} kamen am {D} in {P} zu einem Gipfeltreffen zusammen."},
		planned: []string{"{A} wird {B} kommende Woche in {P} treffen, teilte das Außenministerium mit."},
		denied:  []string{"{A} traf {B} während des Besuchs nicht, sagten Diplomaten.", "{A} lehnte ein Treffen mit {B} ab."},
		count:   []string{"{A} und {B} sind sich damit bereits {N} begegnet."},
		counts:  [8]string{"einmal", "zweimal", "dreimal", "viermal", "fünfmal", "sechsmal", "siebenmal", "achtmal"},
		fillers: []string{
			"Analysten zufolge spiegeln die Gespräche das Bemühen wider, die in den vergangenen {X} Jahren belasteten Beziehungen zu verbessern.",
			"Beide Seiten unterzeichneten {X} Abkommen über Handel, Energie und Verkehr.",
			"In {P} galten strenge Sicherheitsvorkehrungen, die Polizei sperrte mehrere Straßen.",
			"Einzelheiten nannten die Beamten nicht, sie sprachen aber von offenen und konstruktiven Gesprächen.",
			"Die Börsen der Region reagierten kaum, der Leitindex stieg um {X} Punkte.",
			"Eine Delegation von rund {Y} Personen begleitete die Gäste, berichteten Staatsmedien.",
			"Das Treffen fand inmitten wachsender Spannungen wegen Raketentests statt.",
			"Auch über wirtschaftliche Zusammenarbeit, darunter ein Bahnprojekt im Wert von {Y} Millionen Dollar, wurde gesprochen.",
			"Beobachter wiesen darauf hin, dass es der erste Besuch eines ranghohen Vertreters seit {X} Monaten war.",
		},
		titles:  []string{"{A} trifft {B} in {P}", "{A} und {B} beraten über Zusammenarbeit"},
		outlets: []string{"Nordischer Kurier", "Allgemeine Rundschau", "Der Weltbote", "Tagespost Ost"},
		date: func(t time.Time) string {
			return fmt.Sprintf("%d. %s %d", t.Day(), months["de"][t.Month()-1], t.Year())
		},
		day: func(t time.Time) string { return weekdays["de"][t.Weekday()] },
		sep: " ",
	},
}

// Languages are the nine languages the generator writes, in order.
var Languages = []string{"en", "id", "ko", "ru", "zh", "ja", "es", "fr", "de"}

func init() {
	packs["en"].dateline = func(p, o string) string { return toUpper(p) + " (" + o + ") – " }
	packs["id"].dateline = func(p, o string) string { return toUpper(p) + ", " + toUpper(o) + " – " }
	packs["ko"].dateline = func(p, o string) string { return "(" + p + "=" + o + ") " }
	packs["ru"].dateline = func(p, o string) string { return toUpper(p) + ". " }
	packs["zh"].dateline = func(p, o string) string { return o + p + "电 " }
	packs["ja"].dateline = func(p, o string) string { return "【" + p + "＝" + o + "】" }
	packs["es"].dateline = func(p, o string) string { return toUpper(p) + ".— " }
	packs["fr"].dateline = func(p, o string) string { return toUpper(p) + " (" + o + ") – " }
	packs["de"].dateline = func(p, o string) string { return toUpper(p) + " – " }
}

// hangulParticle picks the Korean particle form after word: withFinal
// when the last syllable ends in a consonant, else without.
func hangulParticle(word, withFinal, without string) string {
	r := []rune(word)
	if len(r) == 0 {
		return without
	}
	last := r[len(r)-1]
	if last >= 0xAC00 && last <= 0xD7A3 {
		if (last-0xAC00)%28 != 0 {
			return withFinal
		}
		return without
	}
	return withFinal
}
