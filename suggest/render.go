package suggest

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"medcode/nlp"
)

// evidence turns up to n mentions into evidence spans, in note order:
// cut from the result's arena (w.res, resultarena.go) when the note has
// one, else an array of their own.
func (e *Engine) evidence(w *work, doc *nlp.Document, c *candidate, n int) []Evidence {
	if len(c.mentions) == 0 {
		return []Evidence{}
	}
	if w.res == nil {
		return evidenceInto(doc, c, n, make([]Evidence, 0, evidenceCap(c, n)))
	}
	// Spans cut before a growth keep the old array; only the end of the
	// newest is appended to.
	a := w.res
	lo := len(a.more)
	a.more = appendEvidence(slices.Grow(a.more, evidenceCap(c, n)), doc, c, n)
	return a.more[lo:len(a.more):len(a.more)]
}

// evidenceCap is the capacity of evidence's slice for c: at most n spans.
func evidenceCap(c *candidate, n int) int { return min(n, len(c.mentions)) }

// evidenceInto is evidence into out (empty, of capacity evidenceCap).
func evidenceInto(doc *nlp.Document, c *candidate, n int, out []Evidence) []Evidence {
	return appendEvidence(out[:0], doc, c, n)
}

// appendEvidence appends to out evidence's up to n spans of c (which has
// mentions), each span once among those it appends.
func appendEvidence(out []Evidence, doc *nlp.Document, c *candidate, n int) []Evidence {
	lo := len(out)
	// Best mention first, then by position; once n spans are in, no
	// further mention adds one.
	if n <= 0 {
		return out
	}
	out = pushEvidence(out, lo, doc, &c.mentions[c.best])
	for i := range c.mentions {
		if len(out)-lo >= n {
			break
		}
		out = pushEvidence(out, lo, doc, &c.mentions[i])
	}
	return out
}

// pushEvidence appends m's span (read in place: a mention is large) to
// out unless one of out[lo:] has its start and end.
func pushEvidence(out []Evidence, lo int, doc *nlp.Document, m *mention) []Evidence {
	for i := lo; i < len(out); i++ { // by index: an Evidence is large to copy
		if out[i].Start == m.start && out[i].End == m.end {
			return out
		}
	}
	section := ""
	if m.section >= 0 && m.section < len(doc.Sections) {
		section = string(doc.Sections[m.section].Kind)
	}
	// Written in place, field by field, every field: append(out,
	// Evidence{...}) builds the literal in a zeroed temporary and copies
	// it (TestPushEvidenceWritesEveryField).
	if len(out) == cap(out) {
		out = slices.Grow(out, 1)
	}
	out = out[:len(out)+1]
	ev := &out[len(out)-1]
	ev.Start, ev.End, ev.Text, ev.Section = m.start, m.end, doc.Text[m.start:m.end], section
	ev.Matched, ev.MatchedKind, ev.Assertions = m.name, m.kind.String(), sharedAssertionNames(m.assert)
	ev.Assertion, ev.Trigger = assertionStatus(m.assert), triggerText(doc, m.start, m.end, statusFlag(m.assert))
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

// renderAll renders the returned candidates into a's arrays. Their
// explanations' parts and evidence spans are cut from two arrays: the
// spans are appended to a.evs in place (renderEvidence), its capacity
// first grown to a bound of their number (renderBound), so no span is
// copied from a scratch; the parts from an array of room for the most
// each can have (partsMax). The suggestions' array keeps the rest of its
// capacity as room for the codes the coding rules insert (merge).
//
// Each candidate is rendered in one visit, its evidence, matched message
// and suggestion in turn, while its candidate, mentions and features are
// in cache: a pass each re-read them from memory.
func (e *Engine) renderAll(w *work, doc *nlp.Document, final []scored, req Request, a *resultArena) []Suggestion {
	out := reuse(&a.sugs, len(final))[:len(final)] // never nil: JSON []
	evs := reuse(&a.evs, renderBound(final))
	parts := reuse(&a.parts, partsMax*len(final))[:partsMax*len(final)]
	// Every suggestion's "matched ..." message is written into one
	// builder and cut from it: a string the builder returns stays as it
	// is while it grows, so one allocation (of a guess) serves most notes.
	var sb strings.Builder
	sb.Grow(matchedGuess * len(final))
	var mb [192]byte // a message's bytes, on the stack when they fit: zeroed once, not per suggestion
	np, lo := 0, 0
	for i := range final {
		k := &final[i]
		elo := len(evs)
		evs = e.renderEvidence(w, doc, k, evs)
		b := k.c.topRef()
		sb.Write(appendMatchedMessage(mb[:0], b.kind.String(), b.name, b.hit.Coverage, b.hit.Cosine, b.hit.Order))
		msgs := sb.String()
		p := partsLen(k)
		e.render(&out[i], k, req, msgs[lo:], parts[np:np:np+p], evs[elo:len(evs):len(evs)])
		np, lo = np+p, len(msgs)
	}
	a.evs = evs[:0]
	a.parts = parts[:np] // its length the end of what render writes (Engine.Release)
	return out
}

// partsMax is the most explanation parts partsLen gives a suggestion.
const partsMax = 7

// matchedGuess is about the length of a matched message (appendMatchedMessage)
// the builder of renderAll's has room for ahead: some 52 bytes of words
// and numbers, the name's kind and the name.
const matchedGuess = 128

// renderBound bounds the number of evidence spans renderEvidence holds at
// once for final: up to renderSpans of a candidate's, and, while a merged
// candidate's are merged in (mergeSpans), up to renderSpans more than the
// renderSpans kept.
func renderBound(final []scored) int {
	n := 0
	for i := range final {
		k := &final[i]
		if len(k.extra) > 0 {
			n += 2 * renderSpans
			continue
		}
		n += min(renderSpans, len(k.c.mentions))
	}
	return n
}

// renderEvidence appends to out the evidence spans of k's suggestion: up
// to renderSpans of its candidate's (evidence), merged with its merged
// candidates' as mergeEvidence merges them.
func (e *Engine) renderEvidence(w *work, doc *nlp.Document, k *scored, out []Evidence) []Evidence {
	lo := len(out)
	if len(k.c.mentions) > 0 {
		out = appendEvidence(out, doc, k.c, renderSpans)
	}
	for _, cc := range k.extra {
		b := w.tail.evb[:0]
		if len(cc.mentions) > 0 {
			b = appendEvidence(b, doc, cc, renderSpans)
		}
		out = mergeSpans(out, lo, b)
		clear(b)
		w.tail.evb = b[:0]
	}
	return out
}

// mergeSpans merges b into out[lo:] in place: b's spans new to
// out[lo:] (whose spans are distinct) appended, out[lo:] sorted by start
// and cut to five spans.
func mergeSpans(out []Evidence, lo int, b []Evidence) []Evidence {
	for _, x := range b {
		if !hasSpan(out[lo:], x) {
			out = append(out, x)
		}
	}
	sortEvidence(out[lo:])
	if len(out)-lo > 5 {
		out = out[:lo+5]
	}
	return out
}

// hasSpan says whether out holds e's span.
func hasSpan(out []Evidence, e Evidence) bool {
	for i := range out {
		if out[i].Start == e.Start && out[i].End == e.End {
			return true
		}
	}
	return false
}

// sortEvidence orders evidence by start as sort.Slice does: stably up to
// twelve spans (sort.Slice sorts so few by insertion), without its
// allocations; more through sort.Slice itself.
func sortEvidence(out []Evidence) {
	if len(out) > 12 {
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		return
	}
	slices.SortStableFunc(out, func(a, b Evidence) int { return cmp.Compare(a.Start, b.Start) })
}

// partsLen is the number of k's explanation parts: the two every
// suggestion has and one per optional part render adds (at most seven in
// all, partsMax). A coding rule's line (recoded, merge) grows the slice.
func partsLen(k *scored) int {
	n := 2 // one test each, not an array of the five built per call
	if k.c.topRef().dominated {
		n++
	}
	if k.f[18] != 0 {
		n++
	}
	if k.f[10] > 0 {
		n++
	}
	if k.adj != 0 {
		n++
	}
	if k.c.historyOf != "" {
		n++
	}
	return n
}

// renderSpans is how many evidence spans a candidate contributes.
const renderSpans = 5

// render writes into dst the explained suggestion of a returned candidate; matched
// is the matched message of its best mention (appendMatchedMessage), parts
// (empty, of capacity partsLen(k)) hold its explanation parts and ev its
// evidence (renderEvidence).
func (e *Engine) render(dst *Suggestion, k *scored, req Request, matched string, parts []Explanation, ev []Evidence) {
	c, code, f := k.c, k.code, k.f
	nSents, flags := mentionFacts(k)
	parts = parts[:2]
	parts[0] = Explanation{Value: k.score, Message: matched}
	parts[1] = Explanation{Value: float64(nSents), Message: "sentences mentioning it"}
	if c.topRef().dominated {
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
	if ev == nil {
		ev = []Evidence{}
	}
	cb := e.set.Brief(code)
	var feats []float64
	if req.Features {
		feats = slices.Clone(f) // f is pooled scratch
	}
	// Written in place (a Suggestion is large to return and copy), field
	// by field: *dst = Suggestion{...} builds the literal in a zeroed
	// temporary and copies it. Every field is written, Alternatives too
	// (TestRenderWritesEveryField).
	dst.System, dst.SystemURI, dst.Code, dst.Display = string(cb.System), cb.System.URI(), cb.Code, cb.Display
	dst.Confidence, dst.Score, dst.Billable = k.conf, k.score, cb.Billable
	dst.Evidence, dst.Assertions, dst.Edits = ev, sharedAssertionNames(flags), k.edits
	dst.Explanation.Value, dst.Explanation.Message, dst.Explanation.Children = k.conf, msg, parts
	dst.Alternatives, dst.Features = nil, feats
}

// mentionFacts is the number of distinct sentences of the mentions of
// k's candidates and the union of their assertions (mentionFactsSet).
// A suggestion of one candidate (most) counts its sentences as
// distinctSentences does, in one pass where the mentions come in
// sentence order, not through a set of the sentences seen
// (TestMentionFacts holds the two equal).
func mentionFacts(k *scored) (int, nlp.Assertion) {
	if len(k.extra) > 0 {
		return mentionFactsSet(k)
	}
	var flags nlp.Assertion
	ms := k.c.mentions
	for j := range ms {
		flags |= ms[j].assert
	}
	return distinctSentences(ms), flags
}

// mentionFactsSet is mentionFacts through a set of the sentences seen,
// over k's candidate and its merged candidates.
func mentionFactsSet(k *scored) (int, nlp.Assertion) {
	var sentBuf [16]int
	sents := sentBuf[:0] // the distinct sentences of the mentions
	var seen sentSet
	var flags nlp.Assertion
	for i := -1; i < len(k.extra); i++ {
		cc := k.c
		if i >= 0 {
			cc = k.extra[i]
		}
		for j := range cc.mentions {
			m := &cc.mentions[j] // in place: a mention is large
			if !seen.has(sents, m.sent) {
				sents = append(sents, m.sent)
				seen.added(sents, m.sent)
			}
			flags |= m.assert
		}
	}
	return len(sents), flags
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
// other x, strconv writes the digits. TestAppendFixed2 holds it to strconv.
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
	if u < 1000 {
		// One digit before the point (coverage, cosine and order are
		// under 1): its four bytes as one word, without AppendUint.
		return binary.LittleEndian.AppendUint32(buf, digits3(uint32(u)))
	}
	buf = strconv.AppendUint(buf, u/100, 10)
	return append(buf, '.', byte('0'+u/10%10), byte('0'+u%10))
}

// digits3 is the four bytes of u (under 1000) over 100 with two decimals,
// "d.dd", as a little-endian word: its digits by multiplying and shifting
// (u*41>>12 is u/100 below 1000, r*205>>11 is r/10 below 100), with
// neither the compiler's 64-bit divisions nor four byte stores.
// TestDigits3 holds it to strconv for every u.
func digits3(u uint32) uint32 {
	h := u * 41 >> 12
	r := u - h*100
	t := r * 205 >> 11
	return ('0' + h) | '.'<<8 | ('0'+t)<<16 | ('0'+r-t*10)<<24
}

// appendQuoted is strconv.AppendQuote, which copies printable ASCII other
// than a quote or backslash as it is: such a name (most are) is copied
// between quotes without strconv's rune by rune decoding.
func appendQuoted(buf []byte, s string) []byte {
	if !plainQuoted(s) {
		return strconv.AppendQuote(buf, s)
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

// plainQuoted says whether every byte of s is printable ASCII other than
// a quote or backslash (c < ' ' || c > '~' || c == '"' || c == '\\' for
// none): eight bytes at a time (quotedBad), the last eight of a string of
// eight or more read as one more word (its bytes read before answer as
// they did), a shorter string byte by byte.
func plainQuoted(s string) bool {
	if len(s) < 8 {
		for i := range len(s) {
			if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 <= len(s); i += 8 {
		if quotedBad(word8(s, i)) {
			return false
		}
	}
	return !quotedBad(word8(s, len(s)-8))
}

// word8 is the eight bytes of s at i as a little-endian word.
func word8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// quotedBad reports whether a byte of the word v is not one plainQuoted
// copies: a byte of 0x7f or more (its high bit set by adding one; the
// carry out of 0xff only marks bytes above one already marked), a byte
// under ' ' (exact as an any-test: a borrow only marks bytes above a
// marked one), or a byte equal to '"' or '\\' (a zero byte of the xor).
func quotedBad(v uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote, bslash := v^'"'*ones, v^'\\'*ones
	bad := (v + ones) | v | (v-' '*ones)&^v | (quote-ones)&^quote | (bslash-ones)&^bslash
	return bad&highs != 0
}

// alternatives lists, for each suggestion, up to three other returned codes
// whose first evidence overlaps its own, by score (then code, then rank:
// a stable sort's order). The overlaps are found on a compact copy of the
// spans (s.spans), sorted by start (s.byStart): overlap is symmetric, so
// each pair is met once, from the span of the earlier key, whose scan
// stops at the first span starting at or after its end; both of the pair
// are offered to each other (altTop.offer). The best three are kept as
// they come, in altBefore's total order, so the order of the offers does
// not matter; then every suggestion's alternatives are cut from one array
// of the exact size.
func alternatives(sugs []Suggestion, s *altScratch, buf *[]Alternative) {
	spans, byStart := s.spans[:0], s.byStart[:0]
	for i := range sugs {
		s := &sugs[i]
		if len(s.Evidence) == 0 {
			spans = append(spans, altSpan{})
			continue
		}
		ev := &s.Evidence[0]
		spans = append(spans, altSpan{start: ev.Start, end: ev.End, score: s.Score})
		byStart = append(byStart, startKey(ev.Start, i))
	}
	slices.Sort(byStart) // by start, then index: no comparison function called per pair
	s.spans, s.byStart = spans, byStart
	tops := slices.Grow(s.tops[:0], len(sugs))[:len(sugs)]
	clear(tops)
	s.tops = tops
	for x, key := range byStart {
		i := int32(uint32(key))
		a := &spans[i]
		// The later keys start at or after a.start: one overlaps a when it
		// starts before a's end and ends after a's start (an empty span at
		// a.start does not).
		for _, key := range byStart[x+1:] {
			j := int32(uint32(key))
			o := &spans[j]
			if o.start >= a.end {
				break
			}
			if a.start >= o.end {
				continue
			}
			tops[i].offer(sugs, spans, j)
			tops[j].offer(sugs, spans, i)
		}
	}
	total := 0
	for i := range tops {
		total += int(tops[i].n)
	}
	if total == 0 {
		return
	}
	kept := reuse(buf, total) // every suggestion's alternatives
	for i := range tops {
		t := &tops[i]
		if t.n == 0 {
			continue
		}
		lo := len(kept)
		for _, j := range t.top[:t.n] {
			o := &sugs[j]
			kept = append(kept, Alternative{Code: o.Code, Display: o.Display, Score: o.Score})
		}
		sugs[i].Alternatives = kept[lo:len(kept):len(kept)]
	}
	*buf = kept // its length the end of what is written (Engine.Release)
}

// offer keeps suggestion j among t's best three when it lists before one
// of them (altBefore), in its place.
func (t *altTop) offer(sugs []Suggestion, spans []altSpan, j int32) {
	p := t.n
	for ; p > 0; p-- {
		// altBefore(j, k), the scores compared here first: only equal
		// scores, or a NaN, call it.
		k := t.top[p-1]
		if sj, sk := spans[j].score, spans[k].score; sj < sk || !(sj > sk) && !altBefore(sugs, spans, j, k) {
			break
		}
	}
	if int(p) == len(t.top) {
		return
	}
	if int(t.n) < len(t.top) {
		t.n++
	}
	for q := t.n - 1; q > p; q-- { // at most two moves: no memmove call
		t.top[q] = t.top[q-1]
	}
	t.top[p] = j
}

// altScratch is alternatives' scratch: the suggestions' spans, the keys
// of those with evidence by start (startKey), and each one's best three
// overlaps.
type altScratch struct {
	spans   []altSpan
	byStart []uint64
	tops    []altTop
}

// startKey orders suggestion i by its first evidence's start, a byte
// offset into the note (below 2^32: a note is at most MaxNoteBytes),
// then by i, which its low 32 bits hold.
func startKey(start, i int) uint64 { return uint64(start)<<32 | uint64(uint32(i)) }

// altTop is the best n (at most three) alternatives of a suggestion, as
// indices of the suggestions, best first.
type altTop struct {
	top [3]int32
	n   int32
}

// altSpan is a suggestion's first evidence span and its score (zero for
// a suggestion without evidence, which has no key in byStart).
type altSpan struct {
	start, end int
	score      float64
}

// altBefore says whether suggestion j lists before k among alternatives:
// a higher score (cmp.Compare's order of the scores, NaN lowest, as the
// sort it replaces), or the same and a lesser code, or the same code and
// an earlier rank (the stable sort's order of overlaps taken by rank).
func altBefore(sugs []Suggestion, spans []altSpan, j, k int32) bool {
	if c := cmp.Compare(spans[k].score, spans[j].score); c != 0 {
		return c < 0
	}
	if a, b := sugs[j].Code, sugs[k].Code; a != b {
		return a < b
	}
	return j < k
}

// mergeEvidence is a's and b's distinct spans in a new array, sorted by
// start and cut to five (mergeSpans), nil when there are none.
func mergeEvidence(a, b []Evidence) []Evidence {
	out := make([]Evidence, 0, len(a)+len(b))
	for _, e := range a {
		out = appendNewSpan(out, e)
	}
	if out = mergeSpans(out, 0, b); len(out) == 0 {
		return nil
	}
	return out
}

// appendNewSpan appends e unless out holds its span already.
func appendNewSpan(out []Evidence, e Evidence) []Evidence {
	if hasSpan(out, e) {
		return out
	}
	return append(out, e)
}
