package suggest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"medcode/corpus"
	"medcode/nlp"
)

// seqFact is what sequencing reads of one suggestion, worked out once per
// note: listedBefore judges every pair of suggestions, and the code's id,
// its title's words, its guideline rows and its evidence's sentences do
// not depend on the other code of the pair.
type seqFact struct {
	id  corpus.ID
	icd bool // an ICD-10-CM suggestion
	ok  bool // icd and the code set knows the code (id)
	// The title and code facts liftable and listedBefore test.
	sepsis, drug, nature, elsewhere bool
	covid, crisis, hypertensive     bool // U07.1; I16; I10-I15
	obstetric, z                    bool // chapter 15; a Z code
	first, reason                   string
	// codeFirst and useAdditional are the codes its notes name (the
	// engine's noteRanges).
	codeFirst, useAdditional []codeRange
	// codeFirstAt and useAdditionalAt are the rangeFirsts of codeFirst
	// and useAdditional.
	codeFirstAt, useAdditionalAt uint64
	// sents are the sentences of its evidence (spanSent's, none negative).
	sents []int
	// encounter caches statesEncounter && visitCued: 0 not asked, 1 yes,
	// -1 no.
	encounter int8
}

// seqFacts works out the facts of every suggestion sequenceIn reads: icd
// of all, the rest only of those in the sequenced set (in) or within half
// the threshold thr of it, the only ones whose pairs it judges.
func (e *Engine) seqFacts(sc *seqScratch, doc *nlp.Document, sugs []Suggestion, in []bool, thr float64) []seqFact {
	sc.fs = grown(sc.fs, len(sugs))
	fs := sc.fs
	nev := 0
	for i := range sugs {
		nev += len(sugs[i].Evidence)
	}
	// Every suggestion's sentences, cut from one array (capacity-limited
	// regions, never grown past it: the facts keep pointing into it).
	all := slices.Grow(sc.sents[:0], nev)
	defer func() { sc.sents = all[:0] }()
	for i := range sugs {
		s, f := &sugs[i], &fs[i]
		f.icd = s.System == string(corpus.ICD10CM)
		if !f.icd || !in[i] && s.Confidence < thr/2 {
			continue
		}
		f.id, f.ok = e.seqID(sc.hint, i, s.Code)
		if !f.ok || s.Code == "" {
			f.ok = false
			continue
		}
		c := e.seqCodeOf(f.id, s)
		f.sepsis, f.drug, f.nature, f.elsewhere = c.sepsis, c.drug, c.nature, c.elsewhere
		f.covid, f.crisis, f.hypertensive = c.covid, c.crisis, c.hypertensive
		f.obstetric, f.z = c.obstetric, c.z
		f.first, f.reason = c.first, c.reason
		f.codeFirst, f.useAdditional = c.codeFirst, c.useAdditional
		f.codeFirstAt, f.useAdditionalAt = c.codeFirstAt, c.useAdditionalAt
		lo := len(all)
		for _, ev := range s.Evidence {
			if sn := spanSent(doc, ev.Start, ev.End); sn >= 0 && !slices.Contains(all[lo:], sn) {
				all = append(all, sn)
			}
		}
		if len(all) > lo {
			f.sents = all[lo:len(all):len(all)]
		}
	}
	return fs
}

// seqID is e.set.ID(corpus.ICD10CM, code) for the code of suggestion i:
// hint[i] when that is the ICD-10-CM code spelled code (an ICD-10-CM
// code's own spelling finds its id: TestSeqID), else the lookup.
func (e *Engine) seqID(hint []corpus.ID, i int, code string) (corpus.ID, bool) {
	if i < len(hint) {
		if h := hint[i]; e.set.CodeString(h) == code && e.set.SystemOf(h) == corpus.ICD10CM {
			return h, true
		}
	}
	return e.set.ID(corpus.ICD10CM, code)
}

// seqCodeFacts is what seqFacts reads of a code and its title (display),
// remembered per code id.
type seqCodeFacts struct {
	display                         string
	sepsis, drug, nature, elsewhere bool
	covid, crisis, hypertensive     bool
	obstetric, z                    bool
	first, reason                   string
	codeFirst, useAdditional        []codeRange
	codeFirstAt, useAdditionalAt    uint64 // their rangeFirsts
}

// seqCodeOf returns the seqCodeFacts of s (code id): remembered per id, worked
// out afresh for a title other than the remembered one.
func (e *Engine) seqCodeOf(id corpus.ID, s *Suggestion) *seqCodeFacts {
	rec := e.coder.records.of(e.set, id)
	if c := rec.seq.Load(); c != nil && c.display == s.Display {
		return c
	}
	n := e.codeNotes(id)
	c := &seqCodeFacts{
		display:       s.Display,
		sepsis:        sepsisCode(*s),
		drug:          drugEffect(*s),
		nature:        nature(s.Code),
		elsewhere:     elsewhere(s.Display),
		covid:         s.Code == "U07.1",
		crisis:        strings.HasPrefix(s.Code, "I16"),
		hypertensive:  s.Code >= "I10" && s.Code < "I16",
		obstetric:     s.Code[0] == 'O',
		z:             s.Code[0] == 'Z',
		first:         firstListedRow(s.Code),
		reason:        reasonFirstRow(s.Code),
		codeFirst:     n.codeFirst,
		useAdditional: n.useAdditional,
	}
	c.codeFirstAt, c.useAdditionalAt = rangeFirsts(c.codeFirst), rangeFirsts(c.useAdditional)
	if got := rec.seq.Load(); got != nil && got.display != s.Display {
		return c // another title for the id: not remembered
	}
	return keep(&rec.seq, c)
}

// shareSents is shareSentence of two suggestions' facts.
func shareSents(a, b *seqFact) bool {
	for _, s := range a.sents {
		if slices.Contains(b.sents, s) {
			return true
		}
	}
	return false
}

// rangesName is notesName over ranges worked out already: whether a code
// or range of rs names code.
func rangesName(rs []codeRange, code string) bool {
	for _, r := range rs {
		if r.hi == "" && strings.HasPrefix(code, r.lo) || r.hi != "" && code >= r.lo && (code <= r.hi || strings.HasPrefix(code, r.hi)) {
			return true
		}
	}
	return false
}

// rangeFirsts is the set of first bytes (byte c as bit c&63) of the
// codes one of rs may name (rangesName): a code whose first byte's bit is
// clear is named by none, and listedBefore, judging every pair of
// suggestions, answers most pairs without comparing a code to a range.
func rangeFirsts(rs []codeRange) uint64 {
	var m uint64
	for _, r := range rs {
		var lo, hi byte
		switch {
		case r.lo == "" && r.hi == "":
			return ^uint64(0) // names every code
		case r.hi == "":
			lo, hi = r.lo[0], r.lo[0] // a prefix: the code starts with its byte
		default:
			// lo <= code <= hi, or code starts with hi: the code's
			// first byte is within the two's.
			if r.lo != "" {
				lo = r.lo[0]
			}
			hi = r.hi[0]
		}
		if int(hi)-int(lo) >= 63 {
			return ^uint64(0)
		}
		for c := int(lo); c <= int(hi); c++ {
			m |= 1 << (c & 63)
		}
	}
	return m
}

// firstIn reports whether code's first byte is in rangeFirsts at (an
// empty code is let through): rangesName(rs, code) is false when
// firstIn(rangeFirsts(rs), code) is.
func firstIn(at uint64, code string) bool {
	return code == "" || at>>(code[0]&63)&1 != 0
}

// encounterStated is statesEncounter(doc, s) && visitCued(doc, s), asked
// once per suggestion.
func (f *seqFact) encounterStated(doc *nlp.Document, s *Suggestion) bool {
	if f.encounter == 0 {
		f.encounter = -1
		if statesEncounter(doc, *s) && visitCued(doc, *s) {
			f.encounter = 1
		}
	}
	return f.encounter > 0
}

// reachable marks in seen (len(succ), cleared first) every node reachable
// from from in succ, from itself included; stack is scratch, returned for
// reuse.
func reachable(succ [][]int, from int, seen []bool, stack []int) []int {
	clear(seen)
	stack = append(stack[:0], from)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		stack = append(stack, succ[n]...)
	}
	return stack
}

// lowerHas is strings.Contains(strings.ToLower(s), pat) (prefix:
// strings.HasPrefix) for a lower-case ASCII pat, without lowering an
// ASCII s (two other runes lower to ASCII letters: such an s is lowered).
func lowerHas(s, pat string, prefix bool) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			if prefix {
				return strings.HasPrefix(strings.ToLower(s), pat)
			}
			return strings.Contains(strings.ToLower(s), pat)
		}
	}
	if prefix {
		return lowerAt(s, 0, pat)
	}
	for i := 0; i+len(pat) <= len(s); i++ {
		if lowerAt(s, i, pat) {
			return true
		}
	}
	return false
}

// lowerAt reports whether the ASCII s[i:] starts with pat once its
// letters are lowered.
func lowerAt(s string, i int, pat string) bool {
	if len(s)-i < len(pat) {
		return false
	}
	for j := range len(pat) {
		b := s[i+j]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != pat[j] {
			return false
		}
	}
	return true
}
