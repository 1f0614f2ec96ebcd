package main

import "parley/data/gazetteer"

// org is a hand-written organisation entry.
type org struct {
	id, name, country string
	names, short      L
}

func buildOrgs() []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, o := range orgs {
		e := gazetteer.Entry{
			ID: "org:" + o.id, Kind: gazetteer.Organization, Name: o.name, Country: o.country,
			Names: expand(o.names), Short: expand(o.short),
		}
		e.Names["en"] = appendUnique([]string{o.name}, e.Names["en"]...)
		out = append(out, e)
	}
	return out
}
