package suggest

import (
	"math"
	"strings"
	"unicode"

	"medcode/corpus"
)

// deeperSubterms applies the Alphabetic Index's own structure: a subterm
// indented under a term is more specific than the term, and when the
// note states the subterm's words the coder follows it down ("History,
// personal, infection NEC, COVID-19" Z86.16, not "History, personal,
// infection NEC" Z86.19, for "History of COVID-19 infection"). A
// suggestion every evidence of which is an Index path that another
// suggestion's evidence extends by a subterm, on a span covering it,
// gives way to that suggestion: the deeper one takes its confidence, and
// it falls just below. The subterm's words must be in the evidence text:
// a path the engine followed on the term's words alone ("Rash, drug" for
// "Rash") is not stated.
func deeperSubterms(res *Result) {
	index := corpus.NameIndex.String()
	var deepBuf, shallowBuf [64]pathSpan
	for {
		// deep lists the suggestions that can extend another's path: an
		// ICD-10-CM one with some Index evidence (subtermExtends holds for
		// none other), in order; shallow those that can give way to one
		// (every evidence an Index path), in order. Both are read in one walk of the
		// suggestions, with the spans and confidences that rule most
		// pairs out without reading the suggestions again (indexSpans).
		deep, shallow := deepBuf[:0], shallowBuf[:0]
		for j := range res.Suggestions {
			b := &res.Suggestions[j]
			if b.System != string(corpus.ICD10CM) {
				continue
			}
			if d, s, ok := indexSpans(b, index); ok {
				d.at = j
				deep = append(deep, d)
				if s {
					shallow = append(shallow, d)
				}
			}
		}
		moved := false
		k0 := 0 // deep[k0:] are the suggestions after a
		for _, a := range shallow {
			for k0 < len(deep) && deep[k0].at <= a.at {
				k0++
			}
			for _, d := range deep[k0:] {
				// extendsEvery's confidence test, and the span test of
				// subtermExtends for a's whole span: every evidence of a
				// lies within one of b's Index evidence, so within their
				// hull.
				if d.conf >= a.conf || d.lo > a.lo || d.hi < a.hi {
					continue
				}
				i, j := a.at, d.at
				if extendsEvery(&res.Suggestions[j], &res.Suggestions[i], index) {
					giveWayToDeeper(res, i, j)
					moved = true
					break
				}
			}
			if moved {
				break
			}
		}
		if !moved {
			return
		}
	}
}

// pathSpan is a suggestion of deeperSubterms' lists: its place, its
// confidence and the hull lo..hi of its Index evidence spans.
type pathSpan struct {
	at     int
	lo, hi int
	conf   float64
}

// indexSpans returns the hull of s's Index evidence spans and its
// confidence, ok when it has Index evidence, and whether every evidence
// of s is an Index path (for an ICD-10-CM s: whether it can give way to a
// deeper suggestion): one walk of its evidence for both.
func indexSpans(s *Suggestion, index string) (p pathSpan, all, ok bool) {
	all = true
	for k := range s.Evidence {
		ev := &s.Evidence[k]
		if ev.MatchedKind != index {
			all = false
			continue
		}
		if !ok {
			p.lo, p.hi, ok = ev.Start, ev.End, true
			continue
		}
		p.lo, p.hi = min(p.lo, ev.Start), max(p.hi, ev.End)
	}
	p.conf = s.Confidence
	return p, all && ok, ok
}

// extendsEvery says whether b, a later suggestion of a's system for
// another code and of lower confidence, has for every evidence of a one
// whose Index path extends it by a stated subterm (subtermExtends).
func extendsEvery(b, a *Suggestion, index string) bool {
	if b.System != a.System || b.Code == a.Code || b.Confidence >= a.Confidence {
		return false
	}
	for ka := range a.Evidence {
		found := false
		for kb := range b.Evidence {
			if subtermExtends(&b.Evidence[kb], &a.Evidence[ka], index) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// subtermExtends says whether deep's Index path is shallow's followed by
// a subterm the deep evidence's text states, on a span covering
// shallow's.
func subtermExtends(deep, shallow *Evidence, index string) bool {
	// The span test first: most pairs lie apart.
	if deep.Start > shallow.Start || deep.End < shallow.End || deep.MatchedKind != index || shallow.MatchedKind != index {
		return false
	}
	n := len(shallow.Matched)
	return len(deep.Matched) >= n+2 && deep.Matched[n:n+2] == ", " && deep.Matched[:n] == shallow.Matched &&
		statesWords(deep.Text, deep.Matched[n+2:])
}

// giveWayToDeeper moves suggestion j (the deeper) into i's place: j takes
// i's confidence and score, i falls just below, and both are put back in
// the result's order.
func giveWayToDeeper(res *Result, i, j int) {
	av, bv := res.Suggestions[i], res.Suggestions[j]
	bv.Confidence, bv.Score = av.Confidence, av.Score
	av.Confidence = round(math.Max(0, av.Confidence-0.0001), 4)
	av.Score = math.Nextafter(av.Score, math.Inf(-1))
	res.Suggestions = append(res.Suggestions[:j], res.Suggestions[j+1:]...)
	res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
	insert(res, bv)
	insert(res, av)
}

// subtermFiller are Index words that state nothing of their own.
var subtermFiller = map[string]bool{"nec": true, "nos": true, "with": true, "without": true, "due": true, "to": true, "of": true, "in": true,
	"and": true, "or": true, "the": true, "a": true, "by": true, "for": true, "specified": true, "other": true, "see": true, "also": true}

// negators before a word say the note denies it.
var negators = map[string]bool{"no": true, "without": true, "not": true, "denies": true, "negative": true, "non": true}

// statesWords reports whether text holds every word of path (an Index
// subterm chain) but filler, case-insensitively and not after a negator; false when path has no
// such word. ASCII text and path, the usual case, are read in place;
// others through statesWordsFold's lower-cased word lists.
func statesWords(text, path string) bool {
	if !isASCII(text) || !isASCII(path) {
		return statesWordsFold(text, path)
	}
	some := false
	for i := 0; ; {
		s, e := nextASCIIWord(path, i)
		if s == e {
			return some
		}
		i = e
		if w := path[s:e]; !inLowerSet(subtermFiller, w) {
			if !statesWord(text, w) {
				return false
			}
			some = true
		}
	}
}

// statesWord reports whether ASCII text holds word w, ignoring case, not
// right after a negator.
func statesWord(text, w string) bool {
	negated := false // the previous word is a negator
	for i := 0; ; {
		s, e := nextASCIIWord(text, i)
		if s == e {
			return false
		}
		i = e
		t := text[s:e]
		if !negated && strings.EqualFold(t, w) {
			return true
		}
		negated = inLowerSet(negators, t)
	}
}

// nextASCIIWord returns the bounds of the first word of ASCII s at or
// after byte i: a run of letters and digits (what unicode.IsLetter and
// IsDigit accept of ASCII); start == end when there is none.
func nextASCIIWord(s string, i int) (start, end int) {
	alnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	for i < len(s) && !alnum(s[i]) {
		i++
	}
	j := i
	for j < len(s) && alnum(s[j]) {
		j++
	}
	return i, j
}

// inLowerSet reports whether set holds the lower-case copy of ASCII word
// w, made on the stack: every key of the sets asked (subtermFiller,
// negators) is shorter than its buffer.
func inLowerSet(set map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// statesWordsFold is statesWords over lower-cased word lists, for text
// or a path that is not all ASCII.
func statesWordsFold(text, path string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]bool{}
	words := split(text)
	for i, w := range words {
		if i > 0 && negators[words[i-1]] {
			continue // "no bleeding" does not state "with bleeding"
		}
		have[w] = true
	}
	some := false
	for _, w := range split(path) {
		if subtermFiller[w] {
			continue
		}
		if !have[w] {
			return false
		}
		some = true
	}
	return some
}
