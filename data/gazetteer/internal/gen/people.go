package main

import (
	"strings"

	"parley/data/gazetteer"
)

// person is a hand-written person entry.
type person struct {
	id, name, country string
	names, short      L
	roles             []gazetteer.Role
}

// r builds a role: r("defence_minister", "RU", "2012-11-06", "2024-05-12").
func r(role, country, from string, to ...string) gazetteer.Role {
	x := gazetteer.Role{Role: role, Country: country, From: from}
	if len(to) > 0 {
		x.To = to[0]
	}
	return x
}

// rs is shorthand for a list of roles.
func rs(x ...gazetteer.Role) []gazetteer.Role { return x }

func buildPeople() []gazetteer.Entry {
	var out []gazetteer.Entry
	known := map[string]bool{}
	for _, p := range people {
		known[p.name] = true
	}
	for n := range extraNames {
		if !known[n] {
			panic("extraNames: unknown person " + n)
		}
	}
	for n := range ambiguousForms {
		if !known[n] {
			panic("ambiguousForms: unknown person " + n)
		}
	}
	for _, p := range people {
		id := p.id
		if id == "" {
			id = slug(p.name)
		}
		e := gazetteer.Entry{
			ID: "person:" + id, Kind: gazetteer.Person, Name: p.name, Country: p.country,
			Names: expand(p.names), Short: expand(p.short), Roles: p.roles,
		}
		if e.Names == nil {
			e.Names = map[string][]string{}
		}
		e.Names = merge(e.Names, expand(extraNames[p.name]))
		e.Names, e.Short = applyAmbiguous(p.name, e.Names, e.Short)
		e.Names["en"] = appendUnique([]string{p.name}, e.Names["en"]...)
		out = append(out, e)
	}
	return out
}

// slug makes an id from an English name: "Sergei Shoigu" → "sergei-shoigu".
func slug(s string) string {
	repl := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ü", "u",
		"ö", "o", "ğ", "g", "ş", "s", "ç", "c", "ã", "a", "â", "a", "ô", "o", "ê", "e", "ı", "i", "ř", "r", "č", "c", "ž", "z", "š", "s", "ł", "l", "ő", "o", "ä", "a", "ø", "o", "å", "a", "è", "e", "ë", "e", "ï", "i")
	s = repl.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
