package suggest

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"medcode/nlp"
)

// evidence turns up to n mentions into evidence spans, in note order.
func (e *Engine) evidence(doc *nlp.Document, c *candidate, n int) []Evidence {
	if len(c.mentions) == 0 {
		return []Evidence{}
	}
	return evidenceInto(doc, c, n, make([]Evidence, 0, evidenceCap(c, n)))
}

// evidenceCap is the capacity of evidence's slice for c: at most n spans.
func evidenceCap(c *candidate, n int) int { return min(n, len(c.mentions)) }

// evidenceInto is evidence into out (empty, of capacity evidenceCap).
func evidenceInto(doc *nlp.Document, c *candidate, n int, out []Evidence) []Evidence {
	// Best mention first, then by position.
	best := c.mentions[c.best]
	push := func(m mention) {
		if len(out) >= n {
			return
		}
		for _, o := range out {
			if o.Start == m.start && o.End == m.end {
				return
			}
		}
		ev := Evidence{Start: m.start, End: m.end, Text: doc.Text[m.start:m.end], Matched: m.name, MatchedKind: m.kind.String(),
			Assertions: sharedAssertionNames(m.assert), Assertion: assertionStatus(m.assert), Trigger: triggerText(doc, m.start, m.end, statusFlag(m.assert))}
		if m.section >= 0 && m.section < len(doc.Sections) {
			ev.Section = string(doc.Sections[m.section].Kind)
		}
		out = append(out, ev)
	}
	push(best)
	for _, m := range c.mentions {
		push(m)
	}
	return out
}

// assertionMask holds the flags assertionNames names.
const assertionMask = nlp.Negated | nlp.Historical | nlp.Family | nlp.Hypothetical | nlp.Uncertain

// assertionLists is assertionNames of every combination of its flags, each
// list full (an append copies it): rendered spans and suggestions share
// these lists rather than allocate one each. Results only read them.
var assertionLists = func() (t [assertionMask + 1][]string) {
	for a := range t {
		l := assertionNames(nlp.Assertion(a))
		t[a] = l[:len(l):len(l)]
	}
	return t
}()

// sharedAssertionNames is assertionNames(a), one of assertionLists.
func sharedAssertionNames(a nlp.Assertion) []string { return assertionLists[a&assertionMask] }

// renderAll renders the returned candidates. Their explanations' parts
// and first evidence spans are cut from two arrays, each suggestion's own
// region of the capacity render and evidence would allocate it: two
// allocations per call, not two per suggestion.
func (e *Engine) renderAll(doc *nlp.Document, final []scored, req Request) []Suggestion {
	out := make([]Suggestion, len(final))
	nev, np := 0, 0
	for i := range final {
		nev += evidenceCap(final[i].c, renderSpans)
		np += partsCap(&final[i])
	}
	parts := make([]Explanation, np)
	evs := make([]Evidence, nev)
	// Every suggestion's "matched ..." message, written into one string
	// and cut from it: one allocation, not one per suggestion.
	var sb strings.Builder
	sb.Grow(matchedSize(final))
	var endA [64]int
	ends := endA[:0]
	for i := range final {
		b := final[i].c.top()
		var a [192]byte // the message's bytes, on the stack when they fit
		sb.Write(appendMatchedMessage(a[:0], b.kind.String(), b.name, b.hit.Coverage, b.hit.Cosine, b.hit.Order))
		ends = append(ends, sb.Len())
	}
	msgs, lo := sb.String(), 0
	for i := range final {
		k := &final[i]
		m, p := evidenceCap(k.c, renderSpans), partsCap(k)
		out[i] = e.render(doc, k, req, msgs[lo:ends[i]], parts[:0:p], evs[:0:m])
		parts, evs, lo = parts[p:], evs[m:], ends[i]
	}
	return out
}

// matchedSize is about the length of final's matched messages: their
// words and quoted names, and three two-decimal numbers under ten each.
func matchedSize(final []scored) int {
	n := 0
	for i := range final {
		b := final[i].c.top()
		n += len(b.kind.String()) + len(b.name) + 52
	}
	return n
}

// partsCap is the capacity of k's explanation parts: the two every
// suggestion has, one per optional part render adds (at most seven parts
// in all), and one for a coding rule's line (recoded, merge).
func partsCap(k *scored) int {
	n := 3
	for _, on := range [...]bool{k.c.top().dominated, k.f[18] != 0, k.f[10] > 0, k.adj != 0, k.c.historyOf != ""} {
		if on {
			n++
		}
	}
	return n
}

// renderSpans is how many evidence spans a candidate contributes.
const renderSpans = 5

// render builds the explained suggestion of a returned candidate; matched
// is the matched message of its best mention (appendMatchedMessage), parts (empty, of capacity
// partsCap(k)) and evs (empty, of capacity evidenceCap(k.c, renderSpans))
// hold its explanation parts and evidence.
func (e *Engine) render(doc *nlp.Document, k *scored, req Request, matched string, parts []Explanation, evs []Evidence) Suggestion {
	c, code, f := k.c, k.code, k.f
	b := c.top()
	var sentBuf [16]int
	sents := sentBuf[:0] // the distinct sentences of the mentions
	var flags nlp.Assertion
	for i := -1; i < len(k.extra); i++ {
		cc := c
		if i >= 0 {
			cc = k.extra[i]
		}
		for _, m := range cc.mentions {
			if !slices.Contains(sents, m.sent) {
				sents = append(sents, m.sent)
			}
			flags |= m.assert
		}
	}
	parts = parts[:2]
	parts[0] = Explanation{Value: k.score, Message: matched}
	parts[1] = Explanation{Value: float64(len(sents)), Message: "sentences mentioning it"}
	if b.dominated {
		parts = append(parts, Explanation{Value: round(f[7], 3), Message: "words also matched a longer, more specific name"})
	}
	if f[18] != 0 {
		parts = append(parts, Explanation{Value: round(f[18], 3), Message: "prior log-odds in training notes"})
	}
	if f[10] > 0 {
		parts = append(parts, Explanation{Value: round(f[11], 3), Message: "phrase learned from labelled notes"})
	}
	if k.adj != 0 {
		parts = append(parts, Explanation{Value: round(k.adj, 3), Message: "coder feedback adjustment (log-odds)"})
	}
	if c.historyOf != "" {
		parts = append(parts, Explanation{Value: 1, Message: "history code for " + c.historyOf + ", documented as past or in a relative"})
	}
	msg := "untrained confidence from retrieval score"
	if e.model != nil && (len(e.model.Weights) > 0 || len(e.model.Trees) > 0) {
		msg = "calibrated confidence from the trained re-ranker"
	}
	ev := []Evidence{}
	if len(c.mentions) > 0 {
		ev = evidenceInto(doc, c, renderSpans, evs)
	}
	for _, cc := range k.extra {
		ev = mergeEvidence(ev, e.evidence(doc, cc, renderSpans))
	}
	if ev == nil {
		ev = []Evidence{}
	}
	cb := e.set.Brief(code)
	s := Suggestion{
		System: string(cb.System), SystemURI: cb.System.URI(), Code: cb.Code, Display: cb.Display,
		Confidence: k.conf, Score: k.score, Billable: cb.Billable,
		Evidence: ev, Edits: k.edits, Assertions: sharedAssertionNames(flags),
		Explanation: Explanation{Value: k.conf, Message: msg, Children: parts},
	}
	if req.Features {
		s.Features = slices.Clone(f) // f is pooled scratch
	}
	return s
}

// appendMatchedMessage appends fmt.Sprintf("matched %s %q (coverage
// %.2f, cosine %.2f, order %.2f)", kind, name, coverage, cosine, order)
// to buf, without fmt: a suggestion's matched message.
func appendMatchedMessage(buf []byte, kind, name string, coverage, cosine, order float64) []byte {
	buf = append(buf, "matched "...)
	buf = append(buf, kind...)
	buf = append(buf, ' ')
	buf = appendQuoted(buf, name)
	buf = append(buf, " (coverage "...)
	buf = appendFixed2(buf, coverage)
	buf = append(buf, ", cosine "...)
	buf = appendFixed2(buf, cosine)
	buf = append(buf, ", order "...)
	buf = appendFixed2(buf, order)
	return append(buf, ')')
}

// appendFixed2 is strconv.AppendFloat(buf, x, 'f', 2, 64). A non-negative
// x under 1e7 is rounded from its product by 100, whose error (under 1e-7)
// can change the rounding only within it of a half: there, and for any
// other x, strconv writes the digits.
func appendFixed2(buf []byte, x float64) []byte {
	y := x * 100
	if !(y >= 0 && y < 1e9) || math.Signbit(x) {
		return strconv.AppendFloat(buf, x, 'f', 2, 64)
	}
	n := math.Floor(y)
	frac := y - n // exact
	if frac > 0.5-1e-6 && frac < 0.5+1e-6 {
		return strconv.AppendFloat(buf, x, 'f', 2, 64)
	}
	if frac > 0.5 {
		n++
	}
	u := uint64(n)
	buf = strconv.AppendUint(buf, u/100, 10)
	return append(buf, '.', byte('0'+u/10%10), byte('0'+u%10))
}

// appendQuoted is strconv.AppendQuote, which copies printable ASCII other
// than a quote or backslash as it is: such a name (most are) is copied
// between quotes without strconv's rune by rune decoding.
func appendQuoted(buf []byte, s string) []byte {
	for i := range len(s) {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(buf, s)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

// alternatives lists, for each suggestion, up to three other returned codes
// whose first evidence overlaps its own, by score (then code, then rank:
// a stable sort's order). The overlaps are found on a compact copy of the
// spans and the best three kept as they come, rather than every overlap
// copied and sorted; spans is the scratch of that copy, returned for reuse.
func alternatives(sugs []Suggestion, spans []altSpan) []altSpan {
	spans = spans[:0]
	for i := range sugs {
		s := &sugs[i]
		if len(s.Evidence) == 0 {
			spans = append(spans, altSpan{})
			continue
		}
		ev := &s.Evidence[0]
		spans = append(spans, altSpan{start: ev.Start, end: ev.End, score: s.Score, ok: true})
	}
	var kept []Alternative // every suggestion's alternatives, cut from one array
	for i, a := range spans {
		if !a.ok {
			continue
		}
		var top [3]int32
		n := 0
		for j, o := range spans {
			if j == i || !o.ok || o.start >= a.end || a.start >= o.end {
				continue
			}
			// The place of j among the best so far: after every one as good
			// (they came first).
			p := n
			for p > 0 && altBefore(sugs, spans, int32(j), top[p-1]) {
				p--
			}
			if p == len(top) {
				continue
			}
			if n < len(top) {
				n++
			}
			copy(top[p+1:n], top[p:n-1])
			top[p] = int32(j)
		}
		if n == 0 {
			continue
		}
		if kept == nil {
			kept = make([]Alternative, 0, 3*(len(sugs)-i))
		}
		lo := len(kept)
		for _, j := range top[:n] {
			o := &sugs[j]
			kept = append(kept, Alternative{Code: o.Code, Display: o.Display, Score: o.Score})
		}
		sugs[i].Alternatives = kept[lo:len(kept):len(kept)]
	}
	return spans
}

// altSpan is a suggestion's first evidence span and its score; ok is
// false for a suggestion without evidence.
type altSpan struct {
	start, end int
	score      float64
	ok         bool
}

// altBefore says whether suggestion j lists before k among alternatives:
// a higher score, or the same and a lesser code (cmp.Compare's order of
// the scores, NaN lowest, as the sort it replaces).
func altBefore(sugs []Suggestion, spans []altSpan, j, k int32) bool {
	if c := cmp.Compare(spans[k].score, spans[j].score); c != 0 {
		return c < 0
	}
	return sugs[j].Code < sugs[k].Code
}

func mergeEvidence(a, b []Evidence) []Evidence {
	out := make([]Evidence, 0, len(a)+len(b))
	for _, e := range a {
		out = appendNewSpan(out, e)
	}
	for _, e := range b {
		out = appendNewSpan(out, e)
	}
	if len(out) == 0 {
		out = nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// appendNewSpan appends e unless out holds its span already.
func appendNewSpan(out []Evidence, e Evidence) []Evidence {
	for _, o := range out {
		if o.Start == e.Start && o.End == e.End {
			return out
		}
	}
	return append(out, e)
}
