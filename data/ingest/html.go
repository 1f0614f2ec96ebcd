package ingest

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The HTML reader builds its own light tree from html.Tokenizer rather than
// using html.Parse: Parse rejects documents nested deeper than 512 elements
// and its tree construction can be quadratic on hostile input, while this
// builder is linear (every element is pushed and popped once, end tags are
// matched through per-tag counters) and caps the depth. Nothing is fetched or
// executed: only text and a few attributes are read.

// maxHTMLDepth caps the element nesting kept in the tree; deeper start tags
// are flattened into their ancestor.
const maxHTMLDepth = 512

// maxHTMLNodes caps the number of nodes built from one page.
const maxHTMLNodes = 2_000_000

type hnode struct {
	tag      string // lower-case element name; "" for a text node
	text     string // text node content (or raw script content for JSON-LD)
	attrs    map[string]string
	parent   *hnode
	children []*hnode

	idx     int // document order
	textLen int // non-space characters of text in the subtree (junk tags excluded)
	rawP    int // characters of <p> text in the subtree, ignoring drops
	keptP   int // the same, skipping dropped subtrees
	drop    dropKind
}

type dropKind uint8

const (
	keep     dropKind = iota
	dropJunk          // navigation, sharing, related stories, ads ...: never content
	dropMeta          // bylines, date boxes: not body text, but dates may be read there
)

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true, "frame": true, "image": true,
}

// blockTags end a paragraph.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true,
	"li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tbody": true, "td": true, "th": true, "tr": true, "ul": true, "br": true,
	"summary": true, "caption": true, "center": true, "html": true, "title": true,
}

// pClosers implicitly close an open <p>.
var pClosers = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "details": true,
	"div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "table": true, "ul": true,
}

// never content, whatever their size
var junkTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "template": true,
	"svg": true, "math": true, "canvas": true, "object": true, "embed": true, "video": true,
	"audio": true, "select": true, "textarea": true, "button": true, "input": true,
	"frameset": true, "frame": true, "map": true, "head": true, "dialog": true,
}

// page furniture by tag: dropped unless it holds most of the page's text
var furnitureTags = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "form": true, "menu": true,
}

// junkWords in class, id or role mark page furniture (several languages).
var junkWords = runeWords(`nav navbar navigation menu menubar submenu megamenu topbar toolbar
	share sharing sharebar shares social socials sharer compartir partage partager teilen condividi bagikan
	related relacionadas relacionados relacionada relacionado connexes lire-aussi aussi verwandte
	terkait lainnya baca-juga readmore read-more more-stories morestories recommended recommend recommendations
	popular populer trending mostread most-read leido lus meistgelesen
	footer sidebar side-bar rail widget widgets promo promotion promoted sponsor sponsored
	ad ads advert advertisement adv banner outbrain taboola newsletter subscribe subscription signup
	paywall comment comments disqus breadcrumb breadcrumbs crumbs cookie cookies consent gdpr
	modal popup overlay login masthead skip skiplink print tags taglist pagination pager
	hidden sr-only visually-hidden screen-reader-text
	tweet twitter-tweet instagram-media embed see-also seealso zum-thema bio author-bio`)

// metaWords mark bylines and date boxes.
var metaWords = runeWords(`byline author authors autor auteur signature meta dateline date time
	timestamp published pubdate posted credit credits source`)

// junkRoles are ARIA roles of page furniture.
var junkRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alertdialog": true,
}

// buildTree tokenizes page into a tree.
func buildTree(page string) *hnode {
	root := &hnode{tag: "#document"}
	stack := []*hnode{root}
	open := map[string]int{}    // open elements per tag
	skipped := map[string]int{} // start tags flattened by the depth cap
	nodes := 0
	z := html.NewTokenizer(strings.NewReader(page))
	// rawNode is the element whose raw text (script, style, title ...) the
	// tokenizer returns next; only JSON-LD scripts and titles keep it.
	var rawNode *hnode
	top := func() *hnode { return stack[len(stack)-1] }
	pop := func() {
		n := top()
		open[n.tag]--
		stack = stack[:len(stack)-1]
	}
	// closeIfNear pops an open `tag` when it is among the few innermost
	// elements and no element of `stopAt` lies in between.
	closeIfNear := func(tag string, stopAt map[string]bool) {
		if open[tag] == 0 {
			return
		}
		for i := len(stack) - 1; i > 0 && i >= len(stack)-12; i-- {
			t := stack[i].tag
			if t == tag {
				for len(stack) > i {
					pop()
				}
				return
			}
			if stopAt[t] {
				return
			}
		}
	}
	listStops := map[string]bool{"ul": true, "ol": true, "menu": true, "table": true}
	dlStops := map[string]bool{"dl": true, "table": true}
	pStops := map[string]bool{"table": true, "td": true, "th": true, "button": true, "caption": true}
	cellStops := map[string]bool{"table": true}
	for nodes < maxHTMLNodes {
		tt := z.Next()
		raw := rawNode
		rawNode = nil
		switch tt {
		case html.ErrorToken:
			return root
		case html.TextToken:
			parent := top()
			if raw != nil {
				keepRaw := raw.tag == "title" || (raw.tag == "script" && strings.Contains(strings.ToLower(raw.attrs["type"]), "ld+json"))
				if !keepRaw {
					continue
				}
				parent = raw
			}
			t := string(z.Text())
			if t == "" {
				continue
			}
			if k := len(parent.children); k > 0 && parent.children[k-1].tag == "" {
				parent.children[k-1].text += t
				continue
			}
			nodes++
			parent.children = append(parent.children, &hnode{text: t, parent: parent, idx: nodes})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			n := &hnode{tag: tag}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch ks := string(k); ks {
				case "class", "id", "role", "itemprop", "property", "name", "content", "datetime",
					"type", "lang", "pubdate", "hidden", "aria-hidden", "charset", "http-equiv", "style":
					if n.attrs == nil {
						n.attrs = map[string]string{}
					}
					if _, dup := n.attrs[ks]; !dup {
						n.attrs[ks] = string(v)
					}
				}
			}
			switch {
			case pClosers[tag]:
				closeIfNear("p", pStops)
			case tag == "li":
				closeIfNear("li", listStops)
			case tag == "dt" || tag == "dd":
				closeIfNear("dd", dlStops)
				closeIfNear("dt", dlStops)
			case tag == "tr":
				closeIfNear("td", cellStops)
				closeIfNear("th", cellStops)
				closeIfNear("tr", cellStops)
			case tag == "td" || tag == "th":
				closeIfNear("td", cellStops)
				closeIfNear("th", cellStops)
			case tag == "option":
				closeIfNear("option", map[string]bool{"select": true})
			}
			parent := top()
			n.parent = parent
			parent.children = append(parent.children, n)
			nodes++
			n.idx = nodes
			if tt == html.SelfClosingTagToken || voidTags[tag] {
				continue
			}
			switch tag {
			case "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "noscript", "plaintext":
				rawNode = n
			}
			if len(stack) >= maxHTMLDepth {
				skipped[tag]++
				continue
			}
			stack = append(stack, n)
			open[tag]++
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipped[tag] > 0 {
				skipped[tag]--
				continue
			}
			if open[tag] == 0 {
				continue
			}
			for len(stack) > 1 {
				t := top().tag
				pop()
				if t == tag {
					break
				}
			}
		}
	}
	return root
}

// walkTree calls fn on every node in document order; fn returns false to
// skip a node's children. It uses an explicit stack.
func walkTree(root *hnode, fn func(n *hnode) bool) {
	stack := []*hnode{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(n) {
			continue
		}
		for i := len(n.children) - 1; i >= 0; i-- {
			stack = append(stack, n.children[i])
		}
	}
}

// postOrder visits children before parents.
func postOrder(root *hnode, fn func(n *hnode)) {
	type item struct {
		n    *hnode
		done bool
	}
	stack := []item{{root, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.done {
			fn(it.n)
			continue
		}
		stack = append(stack, item{it.n, true})
		for i := len(it.n.children) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.children[i], false})
		}
	}
}

// textOf returns the whitespace-collapsed text of n's subtree, skipping
// junk tags. It stops after max bytes.
func textOf(n *hnode, max int) string {
	var b strings.Builder
	walkTree(n, func(c *hnode) bool {
		if b.Len() > max {
			return false
		}
		if c.tag == "" {
			b.WriteString(c.text)
			return false
		}
		if c != n && junkTags[c.tag] {
			return false
		}
		if blockTags[c.tag] {
			b.WriteByte(' ')
		}
		return true
	})
	return collapseSpace(b.String())
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// classWords splits class and id values into lower-case words and adds
// the joined form of neighbouring words ("share-buttons" → share, buttons,
// sharebuttons; "lo-mas-leido" → lo, mas, leido, ...).
func classWords(s string) []string {
	s = strings.ToLower(s)
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := append([]string(nil), parts...)
	for i := 0; i+1 < len(parts); i++ {
		out = append(out, parts[i]+parts[i+1], parts[i]+"-"+parts[i+1])
	}
	return out
}

// classify decides whether n is furniture (junk), metadata, or content.
func classify(n *hnode, totalP, totalText int) dropKind {
	if junkTags[n.tag] {
		if n.tag == "script" || n.tag == "head" {
			return dropMeta // JSON-LD and <title>/<meta> are read separately
		}
		return dropJunk
	}
	if _, ok := n.attrs["hidden"]; ok {
		return dropJunk
	}
	if strings.EqualFold(n.attrs["aria-hidden"], "true") {
		return dropJunk
	}
	if st := strings.ReplaceAll(strings.ToLower(n.attrs["style"]), " ", ""); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return dropJunk
	}
	switch n.tag {
	case "html", "body", "main", "article", "#document":
		return keep
	}
	// Never drop an element that holds most of the page's paragraph text.
	// Pages without <p> are judged by their text as a whole.
	holdsArticle := (totalP > 0 && n.rawP*2 > totalP) || (totalP == 0 && totalText > 0 && n.textLen*2 > totalText)
	if holdsArticle {
		return keep
	}
	if furnitureTags[n.tag] {
		return dropJunk
	}
	if junkRoles[strings.ToLower(n.attrs["role"])] {
		return dropJunk
	}
	words := classWords(n.attrs["class"] + " " + n.attrs["id"])
	for _, w := range words {
		if junkWords[w] {
			return dropJunk
		}
	}
	for _, w := range words {
		if metaWords[w] {
			return dropMeta
		}
	}
	return keep
}

// htmlMeta holds what the page head and JSON-LD say about the article.
type htmlMeta struct {
	meta      map[string]string // lower-case property/name/itemprop → content (first wins)
	title     string            // <title>
	h1        string
	lang      string
	ldDate    string
	ldTitle   string
	ldOutlet  string
	timeAttrs []string // <time datetime> values outside furniture, in order
	dateTexts []string // texts of date/byline boxes
}

// parseHTML extracts an article from a decoded page.
func parseHTML(doc *Document, page string) {
	root := buildTree(page)

	// Text and paragraph text sizes, ignoring drops.
	postOrder(root, func(n *hnode) {
		if n.tag == "" {
			for _, r := range n.text {
				if !unicode.IsSpace(r) {
					n.textLen++
				}
			}
			return
		}
		if junkTags[n.tag] || n.tag == "title" {
			return
		}
		for _, c := range n.children {
			n.textLen += c.textLen
			n.rawP += c.rawP
		}
		if n.tag == "p" {
			n.rawP = n.textLen
		}
	})
	totalP := root.rawP
	walkTree(root, func(n *hnode) bool {
		if n.tag == "" {
			return false
		}
		if n.parent != nil && n.parent.drop != keep {
			n.drop = n.parent.drop
			if n.drop == dropJunk {
				return true
			}
		}
		if k := classify(n, totalP, root.textLen); k > n.drop {
			n.drop = k
		}
		return true
	})
	postOrder(root, func(n *hnode) {
		if n.tag == "" || n.drop != keep {
			return
		}
		if n.tag == "p" {
			n.keptP = n.rawP
			return
		}
		for _, c := range n.children {
			n.keptP += c.keptP
		}
	})

	m := collectMeta(root)
	doc.Outlet = firstNonEmpty(m.meta["og:site_name"], m.meta["application-name"], m.ldOutlet,
		m.meta["publisher"], m.meta["dc.publisher"], m.meta["article:publisher"])
	if strings.HasPrefix(doc.Outlet, "http") {
		doc.Outlet = ""
	}
	doc.Title = htmlTitle(m, doc.Outlet)

	body := chooseBody(root)
	paras := blockTexts(body)
	// Drop the headline (it comes first anyway) and repeated blocks.
	out := paras[:0]
	seen := map[string]bool{}
	for _, p := range paras {
		if p == "" || seen[p] || strings.EqualFold(p, doc.Title) {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	paras = out

	lang := DetectLanguage(doc.Title + "\n" + strings.Join(paras, "\n"))
	if lang == "" && m.lang != "" {
		lang = strings.ToLower(strings.SplitN(strings.SplitN(m.lang, "-", 2)[0], "_", 2)[0])
	}
	doc.Lang = lang

	doc.Date = htmlDate(m, paras, lang)

	if len(paras) > 0 {
		if dl, ok := parseDateline(paras[0]); ok {
			doc.Dateline = dl.place
			if doc.Outlet == "" {
				doc.Outlet = dl.credit
			}
		}
	}
	doc.Text = joinText(doc.Title, paras)
}

func joinText(title string, paras []string) string {
	var b strings.Builder
	if title != "" {
		b.WriteString(title)
	}
	for _, p := range paras {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = collapseSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// collectMeta reads <meta>, <title>, the first <h1>, <html lang>, JSON-LD,
// <time datetime> and date boxes.
func collectMeta(root *hnode) htmlMeta {
	m := htmlMeta{meta: map[string]string{}}
	walkTree(root, func(n *hnode) bool {
		if n.tag == "" {
			return false
		}
		if n.drop == dropJunk {
			// Furniture: related stories carry their own dates and titles.
			return false
		}
		switch n.tag {
		case "html":
			if m.lang == "" {
				m.lang = n.attrs["lang"]
			}
		case "meta":
			content := n.attrs["content"]
			if content == "" {
				content = n.attrs["datetime"]
			}
			for _, k := range []string{"property", "name", "itemprop"} {
				key := strings.ToLower(strings.TrimSpace(n.attrs[k]))
				if key != "" && content != "" {
					if _, ok := m.meta[key]; !ok {
						m.meta[key] = content
					}
				}
			}
		case "title":
			if m.title == "" && (n.parent == nil || n.parent.tag != "svg") {
				m.title = textOf(n, 4096)
			}
			return false
		case "h1":
			if m.h1 == "" && n.drop != dropJunk {
				m.h1 = textOf(n, 4096)
			}
		case "script":
			if strings.Contains(n.attrs["type"], "ld+json") {
				readJSONLD(&m, textOf(n, 1<<20))
			}
			return false
		case "time":
			if v := strings.TrimSpace(n.attrs["datetime"]); v != "" && len(m.timeAttrs) < 20 {
				if _, ok := n.attrs["pubdate"]; ok || strings.EqualFold(n.attrs["itemprop"], "datePublished") {
					m.timeAttrs = append([]string{v}, m.timeAttrs...)
				} else {
					m.timeAttrs = append(m.timeAttrs, v)
				}
			}
		}
		if n.drop == dropMeta && n.tag != "script" && n.tag != "head" && n.parent != nil &&
			n.parent.drop != dropMeta && len(m.dateTexts) < 20 {
			if t := textOf(n, 400); t != "" && len(t) < 300 {
				m.dateTexts = append(m.dateTexts, t)
			}
		}
		if v := n.attrs["itemprop"]; strings.EqualFold(v, "datePublished") && n.tag != "meta" {
			if c := firstNonEmpty(n.attrs["datetime"], n.attrs["content"], textOf(n, 200)); c != "" {
				if _, ok := m.meta["datepublished"]; !ok {
					m.meta["datepublished"] = c
				}
			}
		}
		return true
	})
	return m
}

// readJSONLD pulls datePublished, headline and publisher.name from JSON-LD.
func readJSONLD(m *htmlMeta, raw string) {
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if s, ok := x["datePublished"].(string); ok && m.ldDate == "" {
				m.ldDate = s
			}
			if s, ok := x["headline"].(string); ok && m.ldTitle == "" {
				m.ldTitle = s
			}
			if m.ldOutlet == "" {
				m.ldOutlet = ldName(x["publisher"], 0)
			}
		}
	}
	visit(v, 0)
}

func ldName(v any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "http") || strings.HasPrefix(x, "#") {
			return ""
		}
		return x
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return s
		}
	case []any:
		for _, e := range x {
			if s := ldName(e, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// titleSeparators split "Headline | Outlet" style titles.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » ", "_", "｜", " – "}

// htmlTitle picks og:title, then <title> (or the <h1> it starts with), then
// the first <h1>, and strips an outlet suffix or prefix.
func htmlTitle(m htmlMeta, outlet string) string {
	t := firstNonEmpty(m.meta["og:title"], m.meta["twitter:title"], m.ldTitle)
	if t == "" {
		title := collapseSpace(m.title)
		switch {
		case m.h1 != "" && strings.HasPrefix(title, m.h1):
			t = m.h1
		case title != "":
			t = title
		default:
			t = m.h1
		}
	}
	return stripOutlet(t, outlet)
}

// stripOutlet removes " | Outlet" (or "Outlet | ") from a title when the
// part equals the outlet name; for "Headline_Section_Outlet" it also drops
// the short section part.
func stripOutlet(t, outlet string) string {
	if outlet == "" {
		return t
	}
	lo := strings.ToLower(outlet)
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && strings.ToLower(strings.TrimSpace(t[i+len(sep):])) == lo {
			head := strings.TrimSpace(t[:i])
			// "Headline_Section_Outlet": drop a short section too.
			if j := strings.LastIndex(head, sep); j > 0 && utf8.RuneCountInString(head[j+len(sep):]) <= 6 {
				head = strings.TrimSpace(head[:j])
			}
			return head
		}
		if i := strings.Index(t, sep); i > 0 && strings.ToLower(strings.TrimSpace(t[:i])) == lo {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return t
}

// chooseBody picks the element holding the story: the <article> (or an
// articleBody element) with most paragraph text when it holds at least half
// of the page's kept paragraph text, otherwise the element whose direct <p>
// children (and grandchildren, at half weight) carry the most text.
func chooseBody(root *hnode) *hnode {
	var best *hnode
	walkTree(root, func(n *hnode) bool {
		if n.tag == "" || n.drop == dropJunk {
			return false
		}
		if isArticleElement(n) && (best == nil || n.keptP > best.keptP) {
			best = n
		}
		return true
	})
	if best != nil && best.keptP > 0 && best.keptP*2 >= root.keptP {
		return best
	}
	scores := map[*hnode]int{}
	walkTree(root, func(n *hnode) bool {
		if n.tag == "" || n.drop != keep {
			return false
		}
		if n.tag == "p" && n.parent != nil {
			scores[n.parent] += n.keptP
			if gp := n.parent.parent; gp != nil {
				scores[gp] += n.keptP / 2
			}
			return false
		}
		return true
	})
	var top *hnode
	for n, s := range scores {
		if top == nil || s > scores[top] || (s == scores[top] && n.idx < top.idx) {
			top = n
		}
	}
	if top != nil {
		return top
	}
	if best != nil {
		return best
	}
	return root
}

func isArticleElement(n *hnode) bool {
	if n.tag == "article" || strings.EqualFold(n.attrs["itemprop"], "articleBody") {
		return true
	}
	for _, w := range classWords(n.attrs["class"] + " " + n.attrs["id"]) {
		switch w {
		case "article-body", "articlebody", "story-body", "storybody", "entry-content", "post-content",
			"article-content", "articlecontent", "article-text", "story-content", "post-body":
			return true
		}
	}
	return false
}

// blockTexts returns the paragraphs under n, skipping dropped elements.
func blockTexts(n *hnode) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapseSpace(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	type item struct {
		n   *hnode
		end bool
	}
	stack := []item{{n, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := it.n
		if it.end {
			flush()
			continue
		}
		if c.tag == "" {
			cur.WriteString(c.text)
			continue
		}
		if c.drop != keep && c != n {
			if blockTags[c.tag] {
				flush()
			} else {
				cur.WriteByte(' ')
			}
			continue
		}
		if c.tag == "img" || c.tag == "meta" || c.tag == "link" {
			continue
		}
		if blockTags[c.tag] {
			flush()
			stack = append(stack, item{c, true})
		}
		for i := len(c.children) - 1; i >= 0; i-- {
			stack = append(stack, item{c.children[i], false})
		}
	}
	flush()
	return paras
}

// htmlDate finds the publication date: meta tags, JSON-LD, <time>, date
// boxes, then a date line at the top of the text.
func htmlDate(m htmlMeta, paras []string, lang string) time.Time {
	keys := []string{"article:published_time", "og:published_time", "og:article:published_time",
		"article.published", "datepublished", "published_time", "pubdate", "publishdate", "publish-date",
		"publish_date", "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
		"dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
		"article.created", "originalpublicationdate", "citation_publication_date"}
	for _, k := range keys {
		if v := m.meta[k]; v != "" {
			if t, ok := ParseDate(v, lang); ok {
				return t
			}
		}
	}
	if m.ldDate != "" {
		if t, ok := ParseDate(m.ldDate, lang); ok {
			return t
		}
	}
	for _, v := range m.timeAttrs {
		if t, ok := ParseDate(v, lang); ok {
			return t
		}
	}
	for _, v := range m.dateTexts {
		if t, ok := ParseDate(v, lang); ok {
			return t
		}
	}
	for i, p := range paras {
		if i >= 3 {
			break
		}
		if isDateLine(p, lang) {
			if t, ok := ParseDate(p, lang); ok {
				return t
			}
		}
	}
	return time.Time{}
}
