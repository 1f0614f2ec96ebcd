// Package gen writes deterministic synthetic corpora for benchmarks: N
// realistic articles in the nine languages, built from templates and the
// built-in gazetteer, reporting meetings (held, planned, denied, calls,
// summits) with stated counts and the name variants each language uses.
// The same seed and size always give the same corpus, byte for byte.
//
// Meetings come from a shared pool of events, so several articles report
// the same meeting (on the same day, in the same place), and a count
// sentence states how many times the pair had met by then — the numbers a
// comparison should find.
package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"parley/data/gazetteer"
)

// Focus is the person the generator puts at the centre of the coverage:
// about one article in eight reports one of his meetings.
const Focus = "Kim Jong Un"

// Article is one generated file.
type Article struct {
	Name string // relative path, "0012/012345-en.txt"
	Lang string
	Data []byte
}

type person struct {
	e        gazetteer.Entry
	capitals map[string]string // the person's country's capital per language
}

type event struct {
	a, b   int // people
	kind   string
	status string
	day    time.Time
	nth    int // for held meetings: how many times the pair has met so far
}

// Generator makes the articles of one corpus.
type Generator struct {
	seed   uint64
	n      int
	people []person
	events []event
}

var start = time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)

// New prepares a corpus of n articles for seed, from the gazetteer g.
func New(g *gazetteer.Gazetteer, seed uint64, n int) (*Generator, error) {
	if g == nil {
		return nil, fmt.Errorf("the generator needs a gazetteer")
	}
	gen := &Generator{seed: seed, n: n}
	focus := -1
	for _, e := range g.Entries() {
		if e.Kind != gazetteer.Person || e.Country == "" || !leader(e) {
			continue
		}
		c, ok := g.CountryByCode(e.Country)
		if !ok {
			continue
		}
		p := person{e: e, capitals: map[string]string{}}
		complete := true
		for _, l := range Languages {
			if len(e.Names[l]) == 0 || len(c.Capitals[l]) == 0 {
				complete = false
				break
			}
			p.capitals[l] = c.Capitals[l][0]
		}
		if !complete {
			continue
		}
		if e.Name == Focus {
			focus = len(gen.people)
		}
		gen.people = append(gen.people, p)
	}
	if len(gen.people) < 10 || focus < 0 {
		return nil, fmt.Errorf("the gazetteer has too few people with names in all nine languages (%d)", len(gen.people))
	}
	// Relationships: a pool of pairs, an eighth of them with the focus;
	// events draw pairs with a skewed distribution, so pairs meet again
	// and again, as they do in the news.
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	np := min(max(30, n/100), 2000)
	var rel [][2]int
	for i := range np {
		a := r.IntN(len(gen.people))
		if i%8 == 0 {
			a = focus
		}
		b := r.IntN(len(gen.people))
		for b == a {
			b = r.IntN(len(gen.people))
		}
		rel = append(rel, [2]int{a, b})
	}
	ne := max(50, n/8)
	pairs := map[[2]int]int{}
	for range ne {
		u := r.Float64()
		pr := rel[int(u*u*float64(len(rel)))]
		a, b := pr[0], pr[1]
		ev := event{a: a, b: b, day: start.AddDate(0, 0, r.IntN(8*365))}
		switch x := r.IntN(20); {
		case x < 13:
			ev.kind, ev.status = "meeting", "held"
		case x < 15:
			ev.kind, ev.status = "summit", "held"
		case x < 17:
			ev.kind, ev.status = "call", "held"
		case x < 19:
			ev.kind, ev.status = "meeting", "planned"
		default:
			ev.kind, ev.status = "meeting", "denied"
		}
		gen.events = append(gen.events, ev)
	}
	// number each pair's held meetings in date order
	idx := make([]int, len(gen.events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return gen.events[idx[i]].day.Before(gen.events[idx[j]].day) })
	for _, i := range idx {
		ev := &gen.events[i]
		if ev.status != "held" || ev.kind == "call" {
			continue
		}
		k := [2]int{min(ev.a, ev.b), max(ev.a, ev.b)}
		pairs[k]++
		ev.nth = pairs[k]
	}
	return gen, nil
}

func leader(e gazetteer.Entry) bool {
	for _, r := range e.Roles {
		switch r.Role {
		case "head_of_state", "head_of_government", "leader", "foreign_minister", "defence_minister":
			if r.To == "" || r.To >= "2018" {
				return true
			}
		}
	}
	return false
}

// N is the number of articles in the corpus.
func (g *Generator) N() int { return g.n }

// Article returns article i (0 ≤ i < N). It depends only on the seed, N
// and i, so articles can be made in any order and in parallel.
func (g *Generator) Article(i int) Article {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	lang := Languages[i%len(Languages)]
	pk := packs[lang]
	ev := g.events[r.IntN(len(g.events))]
	a, b := g.people[ev.a], g.people[ev.b]
	if r.IntN(2) == 0 && ev.status == "held" {
		a, b = b, a
	}
	place := a.capitals[lang]
	pub := ev.day
	if ev.status == "held" {
		pub = pub.AddDate(0, 0, r.IntN(2))
	}
	outlet := pk.outlets[r.IntN(len(pk.outlets))]
	nameA, nameB := full(r, a.e, lang), full(r, b.e, lang)
	day := ev.day
	fill := func(t string) string {
		return render(t, map[string]string{"A": nameA, "B": nameB, "P": place, "D": pk.day(day),
			"X": strconv.Itoa(2 + r.IntN(40)), "Y": strconv.Itoa(20 + r.IntN(900))})
	}
	var lead []string
	switch {
	case ev.status == "planned":
		lead = append(lead, fill(pick(r, pk.planned)))
	case ev.status == "denied":
		lead = append(lead, fill(pick(r, pk.denied)))
	case ev.kind == "call":
		lead = append(lead, fill(pick(r, pk.call)))
	case ev.kind == "summit":
		lead = append(lead, fill(pick(r, pk.summit)))
	default:
		lead = append(lead, fill(pick(r, pk.held)))
	}
	if ev.nth > 1 && r.IntN(3) > 0 {
		c := strings.Replace(pick(r, pk.count), "{N}", pk.counts[min(ev.nth, 8)-1], 1)
		nameA, nameB = short(r, a.e, lang), short(r, b.e, lang)
		lead = append(lead, fill(c))
	}
	// a second, unrelated pair in some articles
	if r.IntN(4) == 0 {
		o := g.events[r.IntN(len(g.events))]
		if o.status == "held" && o.kind != "call" && o.day.Before(pub) {
			nameA, nameB = full(r, g.people[o.a].e, lang), full(r, g.people[o.b].e, lang)
			place, day = g.people[o.a].capitals[lang], o.day
			lead = append(lead, fill(pick(r, pk.held)))
			nameA, nameB, place, day = full(r, a.e, lang), full(r, b.e, lang), a.capitals[lang], ev.day
		}
	}
	title := fill(pick(r, pk.titles))
	// body: the lead paragraph, then filler paragraphs to about 3 KB
	var paras []string
	paras = append(paras, pk.dateline(place, outlet)+strings.Join(lead[:1], pk.sep))
	rest := lead[1:]
	size := len(title) + len(paras[0])
	target := 2000 + r.IntN(2200)
	order := r.Perm(len(pk.fillers))
	next := 0
	for size < target {
		var sents []string
		for range 2 + r.IntN(3) {
			sents = append(sents, fill(pk.fillers[order[next%len(order)]]))
			next++
		}
		if len(rest) > 0 {
			sents = append(sents[:1], append([]string{rest[0]}, sents[1:]...)...)
			rest = rest[1:]
		}
		p := strings.Join(sents, pk.sep)
		paras = append(paras, p)
		size += len(p) + 2
	}
	var data []byte
	ext := "txt"
	if r.IntN(3) == 0 {
		ext = "html"
		data = html(lang, title, outlet, pub, paras, i)
	} else {
		data = []byte(pk.date(pub) + "\n\n" + title + "\n\n" + strings.Join(paras, "\n\n") + "\n")
	}
	return Article{Name: fmt.Sprintf("%04d/%06d-%s.%s", i/1000, i, lang, ext), Lang: lang, Data: data}
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// full picks one of the full name forms (the first forms of the list).
func full(r *rand.Rand, e gazetteer.Entry, lang string) string {
	ns := e.Names[lang]
	var fulls []string
	for _, n := range ns {
		if strings.ContainsAny(n, " ·・-") || lang == "zh" || lang == "ko" {
			fulls = append(fulls, n)
		}
	}
	if len(fulls) == 0 {
		fulls = ns
	}
	return fulls[r.IntN(min(len(fulls), 3))]
}

// short picks the form used after the first mention: a listed short
// form, else the last word of the name.
func short(r *rand.Rand, e gazetteer.Entry, lang string) string {
	if s := e.Short[lang]; len(s) > 0 && r.IntN(2) == 0 {
		return s[0]
	}
	ns := e.Names[lang]
	for _, n := range ns[1:] {
		if !strings.ContainsAny(n, " ·・") {
			return n
		}
	}
	return ns[0]
}

// render replaces {A}, {B}, ... in t, and picks Korean particles ({은},
// {와}, {을}) after what precedes them.
func render(t string, vals map[string]string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			sb.WriteString(t)
			return sb.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			sb.WriteString(t)
			return sb.String()
		}
		sb.WriteString(t[:i])
		key := t[i+1 : i+j]
		t = t[i+j+1:]
		switch key {
		case "은":
			sb.WriteString(hangulParticle(sb.String(), "은", "는"))
		case "와":
			sb.WriteString(hangulParticle(sb.String(), "과", "와"))
		case "을":
			sb.WriteString(hangulParticle(sb.String(), "을", "를"))
		default:
			sb.WriteString(vals[key])
		}
	}
}

func toUpper(s string) string {
	return strings.Map(unicode.ToUpper, s)
}

func html(lang, title, outlet string, pub time.Time, paras []string, i int) []byte {
	var sb strings.Builder
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	fmt.Fprintf(&sb, "<!DOCTYPE html>\n<html lang=%q>\n<head>\n<meta charset=\"utf-8\">\n<title>%s | %s</title>\n", lang, esc.Replace(title), esc.Replace(outlet))
	fmt.Fprintf(&sb, "<meta property=\"og:site_name\" content=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n", esc.Replace(outlet), esc.Replace(title))
	fmt.Fprintf(&sb, "<meta property=\"article:published_time\" content=\"%sT09:00:00Z\">\n</head>\n<body>\n", pub.Format("2006-01-02"))
	sb.WriteString("<header><nav><ul><li><a href=\"/world/\">World</a></li><li><a href=\"/asia/\">Asia</a></li><li><a href=\"/politics/\">Politics</a></li></ul></nav></header>\n<main>\n<article>\n")
	fmt.Fprintf(&sb, "<h1>%s</h1>\n", esc.Replace(title))
	for _, p := range paras {
		fmt.Fprintf(&sb, "<p>%s</p>\n", esc.Replace(p))
	}
	fmt.Fprintf(&sb, "</article>\n<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a/%d\">More from %s</a></li></ul></aside>\n</main>\n", i, esc.Replace(outlet))
	sb.WriteString("<footer><p>© All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>\n</body>\n</html>\n")
	return []byte(sb.String())
}

// Write writes the corpus under dir (in sub-folders of 1000 files) and
// returns the number of bytes written.
func (g *Generator) Write(ctx context.Context, dir string) (int64, error) {
	var total int64
	made := map[string]bool{}
	for i := range g.n {
		if i%256 == 0 && ctx.Err() != nil {
			return total, ctx.Err()
		}
		a := g.Article(i)
		p := filepath.Join(dir, filepath.FromSlash(a.Name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return total, fmt.Errorf("creating the corpus folder: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			return total, fmt.Errorf("writing the corpus: %w", err)
		}
		total += int64(len(a.Data))
	}
	return total, nil
}

// All yields every article in order, in memory.
func (g *Generator) All(yield func(Article) bool) {
	for i := range g.n {
		if !yield(g.Article(i)) {
			return
		}
	}
}
