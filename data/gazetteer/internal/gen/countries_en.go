package main

import "strings"

// enBasics gives, for sovereign states without a hand-written entry above,
// the English demonym adjective and the capital (same spelling in the
// Latin-script languages unless noted in the main tables).
// Format: CODE|demonym|capital
const enBasics = `
AD|Andorran|Andorra la Vella
AG|Antiguan|St. John's
AO|Angolan|Luanda
BA|Bosnian|Sarajevo
BB|Barbadian|Bridgetown
BF|Burkinabe|Ouagadougou
BI|Burundian|Gitega
BJ|Beninese|Porto-Novo
BO|Bolivian|Sucre
BS|Bahamian|Nassau
BT|Bhutanese|Thimphu
BW|Botswanan|Gaborone
BZ|Belizean|Belmopan
CD|Congolese|Kinshasa
CF|Central African|Bangui
CG|Congolese|Brazzaville
CI|Ivorian|Yamoussoukro
CM|Cameroonian|Yaoundé
CR|Costa Rican|San José
CV|Cape Verdean|Praia
DJ|Djiboutian|Djibouti
DM|Dominican|Roseau
DO|Dominican|Santo Domingo
EC|Ecuadorian|Quito
ER|Eritrean|Asmara
FJ|Fijian|Suva
FM|Micronesian|Palikir
GA|Gabonese|Libreville
GD|Grenadian|St. George's
GH|Ghanaian|Accra
GM|Gambian|Banjul
GN|Guinean|Conakry
GQ|Equatorial Guinean|Malabo
GT|Guatemalan|Guatemala City
GW|Bissau-Guinean|Bissau
GY|Guyanese|Georgetown
HN|Honduran|Tegucigalpa
HR||Zagreb
HT|Haitian|Port-au-Prince
JM|Jamaican|Kingston
KE||Nairobi
KG||Bishkek
KI|I-Kiribati|Tarawa
KM|Comorian|Moroni
KN|Kittitian|Basseterre
KW||Kuwait City
LC|Saint Lucian|Castries
LI|Liechtensteiner|Vaduz
LK||Colombo
LR|Liberian|Monrovia
LS|Basotho|Maseru
LU|Luxembourgish|Luxembourg
MC|Monegasque|Monaco
ME|Montenegrin|Podgorica
MG|Malagasy|Antananarivo
MH|Marshallese|Majuro
MK|Macedonian|Skopje
ML|Malian|Bamako
MR|Mauritanian|Nouakchott
MT|Maltese|Valletta
MU|Mauritian|Port Louis
MV|Maldivian|Malé
MW|Malawian|Lilongwe
MZ|Mozambican|Maputo
NA|Namibian|Windhoek
NE|Nigerien|Niamey
NI|Nicaraguan|Managua
NP||Kathmandu
NR|Nauruan|Yaren
PA|Panamanian|Panama City
PG|Papua New Guinean|Port Moresby
PW|Palauan|Ngerulmud
PY|Paraguayan|Asunción
RW|Rwandan|Kigali
SB|Solomon Islander|Honiara
SC|Seychellois|Victoria
SI||Ljubljana
SK||Bratislava
SL|Sierra Leonean|Freetown
SM|Sammarinese|San Marino
SN|Senegalese|Dakar
SO|Somali|Mogadishu
SR|Surinamese|Paramaribo
SS|South Sudanese|Juba
ST|São Toméan|São Tomé
SV|Salvadoran|San Salvador
SZ|Swazi|Mbabane
TD|Chadian|N'Djamena
TG|Togolese|Lomé
TJ||Dushanbe
TL|Timorese|
TM||Ashgabat
TN|Tunisian|Tunis
TO|Tongan|Nukuʻalofa
TT|Trinidadian|Port of Spain
TV|Tuvaluan|Funafuti
TZ|Tanzanian|Dodoma
UG|Ugandan|Kampala
UY|Uruguayan|Montevideo
VC|Vincentian|Kingstown
VU|Vanuatuan|Port Vila
WS|Samoan|Apia
XK|Kosovar|Pristina
ZM|Zambian|Lusaka
ZW|Zimbabwean|Harare
DZ||Algiers
BH||Manama
BN|Bruneian|
CY||Nicosia
IS||Reykjavík
AL||Tirana
HK|Hong Kong|
MO|Macanese|
EH|Sahrawi|
`

// applyENBasics adds the enBasics demonyms and capitals where the hand
// tables have none. It runs after every init has filled countryExtra.
func applyENBasics() {
	for _, line := range strings.Split(strings.TrimSpace(enBasics), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			panic("enBasics: bad line " + line)
		}
		x := countryExtra[f[0]]
		if f[1] != "" {
			if x.dem == nil {
				x.dem = L{}
			}
			if x.dem["en"] == "" {
				x.dem["en"] = f[1]
			}
		}
		if f[2] != "" {
			if x.caps == nil {
				x.caps = L{}
			}
			if x.caps["lat"] == "" && x.caps["en"] == "" {
				x.caps["lat"] = f[2]
			}
		}
		countryExtra[f[0]] = x
	}
}

// moreDemonyms: CODE|ru|de|fr|es base adjectives for states without a
// hand-written demonym entry (inflections are generated).
const moreDemonyms = `
EC|эквадорский|ecuadorianisch|équatorien|ecuatoriano
BO|боливийский|bolivianisch|bolivien|boliviano
UY|уругвайский|uruguayisch|uruguayen|uruguayo
PY|парагвайский|paraguayisch|paraguayen|paraguayo
TN|тунисский|tunesisch|tunisien|tunecino
GH|ганский|ghanaisch|ghanéen|ghanés
SN|сенегальский|senegalesisch|sénégalais|senegalés
SO|сомалийский|somalisch|somalien|somalí
ML|малийский|malisch|malien|maliense
NE|нигерский|nigrisch|nigérien|nigerino
RW|руандийский|ruandisch|rwandais|ruandés
TZ|танзанийский|tansanisch|tanzanien|tanzano
UG|угандийский|ugandisch|ougandais|ugandés
ZW|зимбабвийский|simbabwisch|zimbabwéen|zimbabuense
AO|ангольский|angolanisch|angolais|angoleño
MZ|мозамбикский|mosambikanisch|mozambicain|mozambiqueño
CM|камерунский|kamerunisch|camerounais|camerunés
LU|люксембургский|luxemburgisch|luxembourgeois|luxemburgués
MT|мальтийский|maltesisch|maltais|maltés
ME|черногорский|montenegrinisch|monténégrin|montenegrino
BA|боснийский|bosnisch|bosnien|bosnio
XK|косовский|kosovarisch|kosovar|kosovar
MK|северомакедонский|nordmazedonisch|macédonien|macedonio
NI|никарагуанский|nicaraguanisch|nicaraguayen|nicaragüense
PA|панамский|panamaisch|panaméen|panameño
GT|гватемальский|guatemaltekisch|guatémaltèque|guatemalteco
HN|гондурасский|honduranisch|hondurien|hondureño
SV|сальвадорский|salvadorianisch|salvadorien|salvadoreño
HT|гаитянский|haitianisch|haïtien|haitiano
CD|конголезский|kongolesisch|congolais|congoleño
CG|конголезский|kongolesisch|congolais|congoleño
DO|доминиканский|dominikanisch|dominicain|dominicano
CR|костариканский|costa-ricanisch|costaricien|costarricense
JM|ямайский|jamaikanisch|jamaïcain|jamaicano
FJ|фиджийский|fidschianisch|fidjien|fiyiano
ER|эритрейский|eritreisch|érythréen|eritreo
SS|южносуданский|südsudanesisch|sud-soudanais|sursudanés
TD|чадский|tschadisch|tchadien|chadiano
MV|мальдивский|maledivisch|maldivien|maldivo
BT|бутанский|bhutanisch|bhoutanais|butanés
`

func applyMoreDemonyms() {
	for _, line := range strings.Split(strings.TrimSpace(moreDemonyms), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 5 {
			panic("moreDemonyms: bad line " + line)
		}
		x := countryExtra[f[0]]
		if x.dem == nil {
			x.dem = L{}
		}
		for i, lg := range []string{"ru", "de", "fr", "es"} {
			if x.dem[lg] == "" {
				x.dem[lg] = f[i+1]
			}
		}
		countryExtra[f[0]] = x
	}
}
