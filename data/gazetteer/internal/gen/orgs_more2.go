package main

func init() { orgs = append(orgs, moreOrgs2...) }

var moreOrgs2 = []org{
	{id: "unesco", name: "UNESCO", names: L{"lat": "UNESCO", "fr": "UNESCO|Unesco", "ru": "ЮНЕСКО", "zh": "联合国教科文组织", "ja": "ユネスコ|国連教育科学文化機関", "ko": "유네스코"}},
	{id: "unicef", name: "UNICEF", names: L{"lat": "UNICEF", "fr": "UNICEF|Unicef", "ru": "ЮНИСЕФ", "zh": "联合国儿童基金会", "ja": "ユニセフ|国連児童基金", "ko": "유니세프"}},
	{id: "unhcr", name: "UNHCR", names: L{"en": "UNHCR|UN Refugee Agency", "id": "UNHCR", "es": "ACNUR", "fr": "HCR|UNHCR", "de": "UNHCR", "ru": "УВКБ ООН", "zh": "联合国难民署", "ja": "国連難民高等弁務官事務所|UNHCR", "ko": "유엔난민기구"}},
	{id: "wfp", name: "World Food Programme", names: L{"en": "World Food Programme|WFP", "id": "Program Pangan Dunia|WFP", "es": "Programa Mundial de Alimentos|PMA", "fr": "Programme alimentaire mondial|PAM", "de": "Welternährungsprogramm|WFP", "ru": "Всемирная продовольственная программа|ВПП", "zh": "世界粮食计划署|世界粮食计划署", "ja": "国連世界食糧計画|WFP", "ko": "세계식량계획|WFP"}},
	{id: "icj", name: "International Court of Justice", names: L{"en": "International Court of Justice|ICJ", "id": "Mahkamah Internasional", "es": "Corte Internacional de Justicia|CIJ", "fr": "Cour internationale de justice|CIJ", "de": "Internationaler Gerichtshof|IGH", "ru": "Международный суд ООН|Международный суд", "zh": "国际法院", "ja": "国際司法裁判所|ICJ", "ko": "국제사법재판소|ICJ"}},
	{id: "un-general-assembly", name: "UN General Assembly", names: L{"en": "UN General Assembly|United Nations General Assembly|UNGA", "id": "Majelis Umum PBB", "es": "Asamblea General de la ONU|Asamblea General de las Naciones Unidas", "fr": "Assemblée générale de l'ONU|Assemblée générale des Nations unies", "de": "UN-Generalversammlung|UN-Vollversammlung", "ru": "Генеральная Ассамблея ООН|Генассамблея ООН", "zh": "联合国大会|联大", "ja": "国連総会", "ko": "유엔총회"}},
	{id: "un-human-rights-council", name: "UN Human Rights Council", names: L{"en": "UN Human Rights Council|UNHRC", "id": "Dewan HAM PBB", "es": "Consejo de Derechos Humanos de la ONU", "fr": "Conseil des droits de l'homme de l'ONU", "de": "UN-Menschenrechtsrat", "ru": "Совет ООН по правам человека|СПЧ ООН", "zh": "联合国人权理事会", "ja": "国連人権理事会", "ko": "유엔 인권이사회"}},
	{id: "interpol", name: "Interpol", names: L{"lat": "Interpol|INTERPOL", "ru": "Интерпол", "zh": "国际刑警组织", "ja": "国際刑事警察機構|インターポール", "ko": "인터폴|국제형사경찰기구"}},
	{id: "mercosur", name: "Mercosur", names: L{"lat": "Mercosur|Mercosul", "ru": "МЕРКОСУР|Меркосур", "zh": "南方共同市场", "ja": "メルコスール|南米南部共同市場", "ko": "메르코수르|남미공동시장"}},
	{id: "non-aligned-movement", name: "Non-Aligned Movement", names: L{"en": "Non-Aligned Movement|NAM", "id": "Gerakan Non-Blok|GNB", "es": "Movimiento de Países No Alineados", "fr": "Mouvement des non-alignés", "de": "Bewegung der Blockfreien Staaten|Blockfreie Bewegung", "ru": "Движение неприсоединения", "zh": "不结盟运动", "ja": "非同盟運動", "ko": "비동맹운동"}},
	{id: "council-of-europe", name: "Council of Europe", names: L{"en": "Council of Europe", "es": "Consejo de Europa", "fr": "Conseil de l'Europe", "de": "Europarat", "ru": "Совет Европы", "zh": "欧洲委员会", "ja": "欧州評議会", "ko": "유럽평의회"}},
	{id: "asean-plus-three", name: "ASEAN Plus Three", names: L{"en": "ASEAN Plus Three|ASEAN+3", "id": "ASEAN Plus Three|ASEAN+3", "es": "ASEAN+3", "fr": "ASEAN+3", "de": "ASEAN+3", "ru": "АСЕАН+3", "zh": "东盟与中日韩|10+3", "ja": "ASEAN+3|ASEANプラス3", "ko": "아세안+3|아세안 플러스 3"}},
	{id: "hamas", name: "Hamas", country: "PS", names: L{"lat": "Hamas", "es": "Hamás", "ru": "ХАМАС", "zh": "哈马斯", "ja": "ハマス", "ko": "하마스"}},
	{id: "hezbollah", name: "Hezbollah", country: "LB", names: L{"en": "Hezbollah|Hizbollah", "id": "Hizbullah|Hezbollah", "es": "Hezbolá|Hezbollah", "fr": "Hezbollah", "de": "Hisbollah", "ru": "Хезболла|Хизбалла", "zh": "真主党", "ja": "ヒズボラ", "ko": "헤즈볼라"}},
	{id: "taliban", name: "Taliban", country: "AF", names: L{"en": "Taliban", "id": "Taliban", "es": "talibanes|Talibán", "fr": "talibans|Taliban", "de": "Taliban", "ru": "Талибан|движение «Талибан»", "zh": "塔利班", "ja": "タリバン|タリバーン", "ko": "탈레반"}},
	{id: "houthis", name: "Houthis", country: "YE", names: L{"en": "Houthis|Houthi movement|Ansar Allah", "id": "Houthi", "es": "hutíes|Hutíes", "fr": "Houthis|houthistes", "de": "Huthi|Huthis|Huthi-Miliz", "ru": "хуситы|Ансар Алла", "zh": "胡塞武装|胡塞", "ja": "フーシ派", "ko": "후티 반군|후티"}},
	// Companies that appear in diplomatic coverage (energy, nuclear, chips).
	{id: "gazprom", name: "Gazprom", country: "RU", names: L{"lat": "Gazprom", "ru": "Газпром|Газпрома", "zh": "俄罗斯天然气工业股份公司|俄气", "ja": "ガスプロム", "ko": "가스프롬"}},
	{id: "rosatom", name: "Rosatom", country: "RU", names: L{"lat": "Rosatom", "ru": "Росатом|Росатома", "zh": "俄罗斯国家原子能公司", "ja": "ロスアトム", "ko": "로사톰"}},
	{id: "huawei", name: "Huawei", country: "CN", names: L{"lat": "Huawei", "ru": "Huawei|Хуавэй", "zh": "华为", "zh-Hant": "華為", "ja": "ファーウェイ|華為技術", "ko": "화웨이"}},
	{id: "samsung-electronics", name: "Samsung Electronics", country: "KR", names: L{"lat": "Samsung Electronics|Samsung", "ru": "Samsung Electronics|Samsung", "zh": "三星电子|三星", "ja": "サムスン電子|サムスン", "ko": "삼성전자|삼성"}},
	{id: "hyundai-motor", name: "Hyundai Motor", country: "KR", names: L{"lat": "Hyundai Motor|Hyundai", "ru": "Hyundai Motor|Хёндэ", "zh": "现代汽车", "ja": "現代自動車", "ko": "현대자동차|현대차"}},
	{id: "tsmc", name: "TSMC", country: "TW", names: L{"en": "TSMC|Taiwan Semiconductor Manufacturing Company", "id": "TSMC", "es": "TSMC", "fr": "TSMC", "de": "TSMC", "ru": "TSMC", "zh": "台积电|台湾积体电路制造", "zh-Hant": "台積電", "ja": "TSMC|台湾積体電路製造", "ko": "TSMC|대만 TSMC"}},
	{id: "nvidia", name: "Nvidia", country: "US", names: L{"lat": "Nvidia|NVIDIA", "ru": "Nvidia", "zh": "英伟达", "ja": "エヌビディア", "ko": "엔비디아"}},
	{id: "boeing", name: "Boeing", country: "US", names: L{"lat": "Boeing", "ru": "Boeing|Боинг", "zh": "波音公司|波音", "ja": "ボーイング", "ko": "보잉"}},
	{id: "aramco", name: "Saudi Aramco", country: "SA", names: L{"lat": "Saudi Aramco|Aramco", "ru": "Saudi Aramco|Сауди Арамко", "zh": "沙特阿美", "ja": "サウジアラムコ", "ko": "아람코|사우디 아람코"}},
}
