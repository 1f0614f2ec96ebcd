package main

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"parley/data/gazetteer"
)

// isoCodes is ISO 3166-1 alpha-2 (249 codes) plus XK (Kosovo, user-assigned
// but in general use) and SU (the Soviet Union, ISO 3166-3, still named in
// historical background).
const isoCodes = `AW AF AO AI AX AL AD AE AR AM AS AQ TF AG AU AT AZ BI BE BJ BQ BF BD BG BH
BS BA BL BY BZ BM BO BR BB BN BT BV BW CF CA CC CH CL CN CI CM CD CG CK CO KM CV CR CU CW CX KY
CY CZ DE DJ DM DK DO DZ EC EG ER EH ES EE ET FI FJ FK FR FO FM GA GB GE GG GH GI GN GP GM GW GQ
GR GD GL GT GF GU GY HK HM HN HR HT HU ID IM IN IO IE IR IQ IS IL IT JM JE JO JP KZ KE KG KH KI
KN KR KW LA LB LR LY LC LI LK LS LT LU LV MO MF MA MC MD MG MV MX MH MK ML MT MM ME MN MP MZ MR
MS MQ MU MW MY YT NA NC NE NF NG NI NU NL NO NP NR NZ OM PK PA PN PE PH PW PG PL PR KP PT PY PS
PF QA RE RO RU RW SA SD SN SG GS SH SJ SB SL SV SM SO PM RS SS ST SR SK SI SE SZ SX SC SY TC TD
TG TH TJ TK TM TL TO TT TN TR TV TW TZ UG UA UM UY US UZ VA VC VE VG VI VN VU WF WS YE ZA ZM ZW
XK SU`

// cx holds the hand-written part of a country entry.
type cx struct {
	name   string // canonical English name when it differs from CLDR
	noCLDR bool   // CLDR names unusable (SAR suffixes, "Congo - Kinshasa"): use names only
	names  L      // extra names, short forms and inflected forms (put first)
	short  L      // ambiguous forms
	dem    L      // demonym adjectives: base forms; inflections are generated
	caps   L      // capitals used as metonyms
	abbr   L      // one-character / compound-part abbreviations
}

var allLangs = append(append([]string{}, langs...), "zh-Hant")

func buildCountries() []gazetteer.Entry {
	applyENBasics()
	applyMoreDemonyms()
	var out []gazetteer.Entry
	for _, code := range strings.Fields(isoCodes) {
		x := countryExtra[code]
		e := gazetteer.Entry{
			ID:      "country:" + code,
			Kind:    gazetteer.Country,
			Country: code,
			Names:   map[string][]string{},
		}
		e.Names = merge(e.Names, expand(x.names))
		if !x.noCLDR {
			if r, err := language.ParseRegion(code); err == nil {
				for _, lg := range allLangs {
					n := display.Regions(language.MustParse(lg)).Name(r)
					e.Names[lg] = appendUnique(e.Names[lg], cleanCLDR(lg, n)...)
				}
			}
		}
		// zh-Hant only keeps forms that differ from the simplified ones.
		if h, ok := e.Names["zh-Hant"]; ok {
			var keep []string
			for _, n := range h {
				if !contains(e.Names["zh"], n) {
					keep = append(keep, n)
				}
			}
			if len(keep) == 0 {
				delete(e.Names, "zh-Hant")
			} else {
				e.Names["zh-Hant"] = keep
			}
		}
		e.Name = x.name
		if e.Name == "" && len(e.Names["en"]) > 0 {
			e.Name = e.Names["en"][0]
		}
		if e.Name == "" {
			continue
		}
		// Make sure the canonical name leads the English list.
		e.Names["en"] = appendUnique([]string{e.Name}, e.Names["en"]...)
		e.Names["ru"] = appendUnique(e.Names["ru"], ruInflectAll(e.Names["ru"])...)
		e.Names["de"] = appendUnique(e.Names["de"], deGenitives(e.Names["de"])...)
		e.Short = expand(x.short)
		e.Demonyms = inflectDemonyms(expand(x.dem))
		e.Capitals = expandOverride(x.caps)
		if ru := e.Capitals["ru"]; len(ru) > 0 {
			e.Capitals["ru"] = appendUnique(ru, ruInflectAll(ru)...)
		}
		e.Abbrev = expand(x.abbr)
		for k, v := range e.Names {
			if len(v) == 0 {
				delete(e.Names, k)
			}
		}
		out = append(out, e)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cleanCLDR turns a CLDR display name into usable surface forms.
func cleanCLDR(lg, n string) []string {
	n = strings.TrimSpace(n)
	if n == "" {
		return nil
	}
	var out []string
	if strings.ContainsAny(n, "(（") {
		return nil // "Myanmar (Burma)", "Виргинские о-ва (США)": listed by hand
	}
	if lg == "ru" {
		n = strings.ReplaceAll(n, "о-ва", "острова")
		n = strings.ReplaceAll(n, "о-в", "остров")
		n = strings.ReplaceAll(n, "Св.", "Святой")
	}
	out = append(out, n)
	if strings.Contains(n, "’") {
		out = append(out, strings.ReplaceAll(n, "’", "'"))
	}
	if lg == "en" {
		if strings.Contains(n, " & ") {
			out = append(out, strings.ReplaceAll(n, " & ", " and "))
		}
		if strings.HasPrefix(n, "St. ") {
			out = append(out, "Saint "+strings.TrimPrefix(n, "St. "))
		}
	}
	return out
}
