package ingest

import (
	"strings"
	"testing"
	"time"
)

const storyP1 = "North Korean leader Kim Jong Un met Russian Defence Minister Sergei Shoigu four times during the celebrations, the ministry said."
const storyP2 = "The tally offers a rare yardstick of how Pyongyang weighed its two most important guests at a time of tension."

func page(head, body string) string {
	return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body + "</body></html>"
}

func TestParseHTMLMainText(t *testing.T) {
	body := `
<header class="site-header"><a class="logo" href="/">Example Wire</a>
 <nav class="main-nav"><ul><li><a href="/world/">World</a></li><li><a href="/asia/">Asia</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<main>
<div class="breadcrumb"><a href="/">Home</a> &gt; Asia</div>
<article>
<h1>Kim met Shoigu four times</h1>
<p class="byline">By A. Reporter | July 31, 2023</p>
<p>SEOUL — ` + storyP1 + `</p>
<script>document.write("<p>injected by script</p>")</script>
<iframe src="https://ads.example/frame"></iframe>
<p>` + storyP2 + `</p>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">X</a></div>
<aside class="related"><h2>Related coverage</h2><ul><li><a href="/x">Shoygu lands in Pyongyang</a></li></ul></aside>
<div class="newsletter-signup"><p>Sign up for our newsletter to get the news every morning in your inbox.</p></div>
<img src="https://remote.example/photo.jpg" alt="remote image">
</article>
<div class="compartir">Compartir: WhatsApp</div>
<aside class="lo-mas-leido"><h2>Lo más leído</h2><ol><li>Chancay recibe sus primeras naves</li></ol></aside>
<div class="a-lire-aussi"><p>À lire aussi : Véhicules électriques, Bruxelles maintient la pression sur Pékin.</p></div>
<section id="comments"><p>Great article! I have been following this story for a long time and agree.</p></section>
</main>
<footer class="site-footer"><p>&copy; 2023 Example Wire. All rights reserved.</p></footer>
<noscript><p>Please enable JavaScript.</p></noscript>`
	head := `<title>Kim met Shoigu four times | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-07-31T16:05:00+09:00">
<script async src="https://tracker.example/a.js"></script>`
	doc, err := Parse("page.html", []byte(page(head, body)))
	if err != nil {
		t.Fatal(err)
	}
	want := "Kim met Shoigu four times\n\nSEOUL — " + storyP1 + "\n\n" + storyP2
	if doc.Text != want {
		t.Errorf("Text =\n%s\nwant\n%s", doc.Text, want)
	}
	if doc.Title != "Kim met Shoigu four times" || doc.Outlet != "Example Wire" || doc.Dateline != "SEOUL" ||
		doc.Lang != "en" || doc.Format != "html" || doc.Date.Format("2006-01-02") != "2023-07-31" {
		t.Errorf("got title=%q outlet=%q dateline=%q lang=%q format=%q date=%v", doc.Title, doc.Outlet, doc.Dateline, doc.Lang, doc.Format, doc.Date)
	}
}

func TestParseHTMLMeta(t *testing.T) {
	p := "<p>" + storyP1 + "</p><p>" + storyP2 + "</p>"
	tests := []struct {
		name, head, body            string
		title, outlet, date, format string
	}{
		{"og tags", `<meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Outlet"><meta property="og:published_time" content="2024-01-02">`,
			p, "OG headline", "OG Outlet", "2024-01-02", ""},
		{"title suffix stripped", `<title>Headline here – Le Courrier</title><meta name="application-name" content="Le Courrier">`,
			p, "Headline here", "Le Courrier", "", ""},
		{"title prefix stripped", `<title>Le Courrier | Headline here</title><meta property="og:site_name" content="Le Courrier">`,
			p, "Headline here", "Le Courrier", "", ""},
		{"section and outlet", `<title>习近平同拜登举行会晤_国际_环球时讯网</title><meta property="og:site_name" content="环球时讯网">`,
			p, "习近平同拜登举行会晤", "环球时讯网", "", ""},
		{"suffix kept when not the outlet", `<title>Talks end | Asia</title><meta property="og:site_name" content="Other">`,
			p, "Talks end | Asia", "Other", "", ""},
		{"h1 when no title", ``, "<h1>The H1 headline</h1>" + p, "The H1 headline", "", "", ""},
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"LD headline","datePublished":"2023-03-21T10:00:00Z","publisher":{"@type":"Organization","name":"LD Outlet"}}]}</script>`,
			p, "LD headline", "LD Outlet", "2023-03-21", ""},
		{"time datetime", ``, `<article><h1>T</h1><time datetime="2022-11-19T08:00">19 Nov</time>` + p + `</article>`, "T", "", "2022-11-19", ""},
		{"itemprop datePublished", ``, `<article><h1>T</h1><span itemprop="datePublished" content="2021-05-06">6 May</span>` + p + `</article>`, "T", "", "2021-05-06", ""},
		{"dc.date", `<meta name="DC.date" content="2020-02-03">`, p, "", "", "2020-02-03", ""},
		{"date box text", ``, `<div class="meta"><span class="time">2023-11-16 09:30</span> 来源：环球时讯网</div>` + p, "", "", "2023-11-16", ""},
		{"date line text", ``, `<article><p>28. Juli 2023</p>` + p + `</article>`, "", "", "2023-07-28", ""},
		{"related story dates ignored", ``, p + `<aside class="related"><time datetime="2019-01-01">old</time></aside>`, "", "", "", ""},
		{"event date in body is not the date", ``, "<p>The leaders met on July 28, 2023 in Pyongyang, the agency said in a statement.</p>" + p, "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("x.html", []byte(page(tc.head, tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !doc.Date.IsZero() {
				date = doc.Date.Format("2006-01-02")
			}
			if doc.Title != tc.title || doc.Outlet != tc.outlet || date != tc.date {
				t.Errorf("title=%q outlet=%q date=%q; want %q %q %q", doc.Title, doc.Outlet, date, tc.title, tc.outlet, tc.date)
			}
			if strings.Contains(doc.Text, "ld+json") || strings.Contains(doc.Text, "@context") {
				t.Errorf("script text leaked: %q", doc.Text)
			}
		})
	}
}

func TestParseHTMLBodyChoice(t *testing.T) {
	long := strings.Repeat(storyP1+" ", 3)
	tests := []struct {
		name, body string
		want       []string // substrings that must be in Text
		not        []string // substrings that must not
	}{
		{"no article: most paragraph text wins",
			`<div id="teaser"><p>Short teaser text.</p></div><div id="story"><p>` + long + `</p><p>` + storyP2 + `</p></div><div class="x"><p>Other block.</p></div>`,
			[]string{storyP1, storyP2}, []string{"Short teaser", "Other block"}},
		{"biggest article among cards",
			`<article><p>Card one text.</p></article><article><p>` + long + `</p><p>` + storyP2 + `</p></article><article><p>Card three text.</p></article>`,
			[]string{storyP2}, []string{"Card one", "Card three"}},
		{"wrapper with furniture word is kept",
			`<div class="page has-sidebar"><div class="content"><p>` + long + `</p><p>` + storyP2 + `</p></div><div class="sidebar"><p>Most read today.</p></div></div>`,
			[]string{storyP1, storyP2}, []string{"Most read"}},
		{"no paragraphs, wrapper with furniture word",
			`<div class="layout with-sidebar"><div>` + long + `</div><div class="sidebar">Most read today.</div></div>`,
			[]string{storyP1}, []string{"Most read"}},
		{"form wrapping the whole page (ASP.NET)",
			`<form id="aspnetForm"><div><p>` + long + `</p><p>` + storyP2 + `</p></div></form>`,
			[]string{storyP1, storyP2}, nil},
		{"text in divs and br",
			`<div>` + storyP1 + `<br><br>` + storyP2 + `</div>`,
			[]string{storyP1 + "\n\n" + storyP2}, nil},
		{"hidden elements dropped",
			`<p>` + long + `</p><p hidden>Hidden text.</p><div style="display: none">Invisible text.</div><div aria-hidden="true">Aria hidden.</div>`,
			[]string{storyP1}, []string{"Hidden text", "Invisible", "Aria hidden"}},
		{"unclosed p tags",
			`<article><p>` + storyP1 + `<p>` + storyP2 + `</article>`,
			[]string{storyP1 + "\n\n" + storyP2}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("x.htm", []byte(page("", tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("Text lacks %q:\n%s", w, doc.Text)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(doc.Text, w) {
					t.Errorf("Text has %q:\n%s", w, doc.Text)
				}
			}
		})
	}
}

// Deeply nested pages must neither crash nor take quadratic time. x/net/html
// Parse rejects pages nested deeper than 512 elements; the tokenizer-based
// builder caps the depth and keeps going.
func TestParseHTMLDeepNesting(t *testing.T) {
	build := func(depth int, open, close string) []byte {
		var b strings.Builder
		b.WriteString("<html><body>")
		for range depth {
			b.WriteString(open)
		}
		b.WriteString("<p>" + storyP1 + "</p>")
		for range depth {
			b.WriteString(close)
		}
		b.WriteString("<p>" + storyP2 + "</p></body></html>")
		return []byte(b.String())
	}
	for _, tc := range []struct {
		name, open, close string
		timed             bool
	}{
		{"div", "<div>", "</div>", true},
		{"unclosed div", "<div>", "", false},
		{"inline", "<b><i>", "</i></b>", true},
		{"table", "<table><tr><td>", "</td></tr></table>", false},
		{"unmatched end tags", "<span>", "</div></span>", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// best of several runs, to keep the ratio check stable on a busy machine
			timeIt := func(depth, runs int) time.Duration {
				raw := build(depth, tc.open, tc.close)
				best := time.Duration(1 << 62)
				for range runs {
					start := cpuTime()
					doc, err := Parse("deep.html", raw)
					d := cpuTime() - start
					if err != nil {
						t.Fatalf("depth %d: %v", depth, err)
					}
					if !strings.Contains(doc.Text, storyP1) {
						t.Fatalf("depth %d: story text lost", depth)
					}
					best = min(best, d)
				}
				return best
			}
			if !tc.timed || testing.Short() {
				if d := timeIt(100_000, 1); d > 20*time.Second {
					t.Errorf("100k levels took %v of CPU", d)
				}
				return
			}
			small, big := timeIt(10_000, 3), timeIt(100_000, 3)
			if big > 20*time.Second {
				t.Errorf("100k levels took %v of CPU", big)
			}
			// 10× the input must not take 100× the CPU time (quadratic); the
			// threshold leaves room for garbage collection and noise.
			if small > 2*time.Millisecond && big > 40*small {
				t.Errorf("looks quadratic: 10k levels %v, 100k levels %v of CPU", small, big)
			}
		})
	}
}
