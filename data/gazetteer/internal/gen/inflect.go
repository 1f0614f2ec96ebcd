package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ruInflectAll returns the oblique case forms (genitive, dative, accusative,
// instrumental, prepositional) of Russian place names, for the patterns that
// decline regularly: a single noun ("Россия", "Иран", "Китай", "Куба"), an
// adjective + noun pair in the feminine ("Южная Корея", "Новая Зеландия")
// and "Республика X" (only "Республика" declines). Indeclinable names
// (abbreviations, names in -о/-е/-и/-у) give nothing. Irregular names are
// listed by hand in the country tables.
func ruInflectAll(names []string) []string {
	var out []string
	for _, n := range names {
		out = appendUnique(out, ruInflect(n)...)
	}
	return out
}

func ruInflect(n string) []string {
	if strings.ContainsAny(n, "-—") && strings.Contains(n, " ") {
		return nil
	}
	words := strings.Fields(n)
	switch len(words) {
	case 1:
		if strings.Contains(n, "-") {
			return nil
		}
		return ruNoun(n)
	case 2:
		if words[0] == "Республика" || words[0] == "Королевство" {
			var out []string
			for _, f := range ruNoun(words[0]) {
				out = append(out, f+" "+words[1])
			}
			return out
		}
		adj := ruFemAdj(words[0])
		noun := ruNoun(words[1])
		if adj == nil || len(noun) != 5 || !strings.HasSuffix(words[1], "я") && !strings.HasSuffix(words[1], "а") {
			return nil
		}
		// noun forms: gen dat acc instr prep
		return []string{
			adj[0] + " " + noun[0], adj[1] + " " + noun[1], adj[2] + " " + noun[2],
			adj[3] + " " + noun[3], adj[4] + " " + noun[4],
		}
	}
	return nil
}

// ruFemAdj declines a feminine adjective in -ая: gen dat acc instr prep.
func ruFemAdj(a string) []string {
	if !strings.HasSuffix(a, "ая") {
		return nil
	}
	s := strings.TrimSuffix(a, "ая")
	return []string{s + "ой", s + "ой", s + "ую", s + "ой", s + "ой"}
}

// ruNoun declines a singular proper noun: gen dat acc instr prep
// (duplicates removed by the caller's appendUnique).
func ruNoun(n string) []string {
	if n == "" || isUpperWord(n) {
		return nil
	}
	last, _ := utf8.DecodeLastRuneInString(n)
	stem := n[:len(n)-utf8.RuneLen(last)]
	prev, _ := utf8.DecodeLastRuneInString(stem)
	velarSib := strings.ContainsRune("кгхжшщч", prev)
	switch last {
	case 'я':
		if strings.HasSuffix(n, "ия") {
			return []string{stem + "и", stem + "и", stem + "ю", stem + "ей", stem + "и"}
		}
		return []string{stem + "и", stem + "е", stem + "ю", stem + "ей", stem + "е"}
	case 'а':
		gen := stem + "ы"
		if velarSib {
			gen = stem + "и"
		}
		instr := stem + "ой"
		if strings.ContainsRune("жшщчц", prev) {
			instr = stem + "ей"
		}
		return []string{gen, stem + "е", stem + "у", instr, stem + "е"}
	case 'й':
		return []string{stem + "я", stem + "ю", stem + "ем", stem + "е"}
	case 'ь':
		if strings.HasSuffix(n, "русь") { // feminine: Беларусь
			return []string{stem + "и", stem + "ью"}
		}
		return []string{stem + "я", stem + "ю", stem + "ем", stem + "е"}
	case 'о', 'е', 'и', 'у', 'ю', 'э', 'ы':
		return nil
	}
	if unicode.Is(unicode.Cyrillic, last) {
		instr := n + "ом"
		if strings.ContainsRune("жшщчц", last) {
			instr = n + "ем"
		}
		return []string{n + "а", n + "у", instr, n + "е"}
	}
	return nil
}

func isUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return n > 1
}

// deNoGenitive lists German country names that take an article and no -s
// genitive (feminine and plural names).
var deNoGenitive = map[string]bool{
	"Ukraine": true, "Türkei": true, "Schweiz": true, "Slowakei": true, "Mongolei": true,
	"Antarktis": true, "Elfenbeinküste": true, "Niederlande": true, "Philippinen": true,
	"Malediven": true, "Seychellen": true, "Komoren": true, "Bahamas": true, "Salomonen": true,
	"USA": true, "Färöer": true, "Marshallinseln": true, "Nördliche Marianen": true,
	"Vereinigte Staaten": true, "Kaimaninseln": true, "Cookinseln": true, "Kokosinseln": true,
	"Falklandinseln": true, "Ålandinseln": true, "Jungferninseln": true, "Tschechei": true,
	"Normandie": true, "Karibik": true, "Vatikanstadt": true, "Emirate": true, "Sowjetunion": true,
	"Réunion": true, "Martinique": true, "Guadeloupe": true, "Westsahara": true, "Bermuda": true,
	"Mayotte": true,
}

// deGenitives gives the -s genitive of neuter German country names
// ("Russland" → "Russlands", "Nordkorea" → "Nordkoreas").
func deGenitives(names []string) []string {
	var out []string
	for _, n := range names {
		if strings.ContainsAny(n, " -.") || deNoGenitive[n] || isUpperWord(n) ||
			strings.HasSuffix(n, "inseln") || strings.HasSuffix(n, "insel") || strings.HasSuffix(n, "republik") || strings.HasSuffix(n, "stadt") {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(n)
		if strings.ContainsRune("sxzß", last) || !unicode.IsLower(last) {
			continue
		}
		out = append(out, n+"s")
	}
	return out
}

// inflectDemonyms adds the inflected forms of the base adjectives in ru, de,
// fr and es.
func inflectDemonyms(d map[string][]string) map[string][]string {
	if d == nil {
		return nil
	}
	for lg, list := range d {
		var extra []string
		for _, a := range list {
			switch lg {
			case "ru":
				extra = append(extra, ruAdj(a)...)
			case "de":
				extra = append(extra, deAdj(a)...)
			case "fr":
				extra = append(extra, frAdj(a)...)
			case "es":
				extra = append(extra, esAdj(a)...)
			}
		}
		d[lg] = appendUnique(list, extra...)
	}
	return d
}

// ruAdj declines a Russian adjective in -ий/-ый/-ой through all genders,
// cases and numbers.
func ruAdj(a string) []string {
	var stem string
	soft := false // after к г х ж ш щ ч: и instead of ы
	switch {
	case strings.HasSuffix(a, "ий"):
		stem = strings.TrimSuffix(a, "ий")
		soft = true
	case strings.HasSuffix(a, "ый"):
		stem = strings.TrimSuffix(a, "ый")
	case strings.HasSuffix(a, "ой"):
		stem = strings.TrimSuffix(a, "ой")
		prev, _ := utf8.DecodeLastRuneInString(stem)
		soft = strings.ContainsRune("кгхжшщч", prev)
	default:
		return nil
	}
	y := "ы"
	if soft {
		y = "и"
	}
	ends := []string{"ого", "ому", y + "м", "ом", "ая", "ой", "ую", "ое", y + "е", y + "х", y + "ми"}
	out := make([]string, 0, len(ends))
	for _, e := range ends {
		out = append(out, stem+e)
	}
	return out
}

// deAdj gives the strong/weak endings of a German adjective ("russisch").
func deAdj(a string) []string {
	if strings.HasSuffix(a, "e") {
		return nil
	}
	return []string{a + "e", a + "en", a + "er", a + "es", a + "em"}
}

// frAdj gives feminine and plural forms of a French adjective.
func frAdj(a string) []string {
	switch {
	case strings.HasSuffix(a, "en"):
		return []string{a + "ne", a + "s", a + "nes"}
	case strings.HasSuffix(a, "ais"), strings.HasSuffix(a, "ois"):
		return []string{a + "e", a + "es"}
	case strings.HasSuffix(a, "on"):
		return []string{a + "ne", a + "s", a + "nes"}
	case strings.HasSuffix(a, "ec"):
		return []string{a + "que", a + "s", a + "ques"}
	case strings.HasSuffix(a, "e"):
		return []string{a + "s"}
	case strings.HasSuffix(a, "c"):
		s := strings.TrimSuffix(a, "c")
		return []string{s + "que", a + "s", s + "ques"}
	case strings.HasSuffix(a, "x"):
		return []string{strings.TrimSuffix(a, "x") + "se", strings.TrimSuffix(a, "x") + "ses"}
	}
	return []string{a + "e", a + "s", a + "es"}
}

// esAdj gives feminine and plural forms of a Spanish adjective.
func esAdj(a string) []string {
	switch {
	case strings.HasSuffix(a, "o"):
		s := strings.TrimSuffix(a, "o")
		return []string{s + "a", s + "os", s + "as"}
	case strings.HasSuffix(a, "és"):
		s := strings.TrimSuffix(a, "és")
		return []string{s + "esa", s + "eses", s + "esas"}
	case strings.HasSuffix(a, "án"):
		s := strings.TrimSuffix(a, "án")
		return []string{s + "ana", s + "anes", s + "anas"}
	case strings.HasSuffix(a, "ón"):
		s := strings.TrimSuffix(a, "ón")
		return []string{s + "ona", s + "ones", s + "onas"}
	case strings.HasSuffix(a, "ís"):
		s := strings.TrimSuffix(a, "ís")
		return []string{s + "isa", s + "ises", s + "isas"}
	case strings.HasSuffix(a, "ín"):
		s := strings.TrimSuffix(a, "ín")
		return []string{s + "ina", s + "ines", s + "inas"}
	case strings.HasSuffix(a, "ol"):
		return []string{a + "a", a + "es", a + "as"}
	case strings.HasSuffix(a, "í"):
		return []string{a + "es", a + "s"}
	case strings.HasSuffix(a, "e"), strings.HasSuffix(a, "a"):
		return []string{a + "s"}
	}
	return []string{a + "es"}
}
