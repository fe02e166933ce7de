package suggest

import "medcode/nlp"

// coveringInjury returns the specific injury a vague code s gives way to
// in injuryOrder, nil when none: the first of specific, of another code,
// whose evidence strictly covers s's (or any, for Z76.89 read on the
// encounter's words alone), and, when s is vague elsewhere (an
// unspecified code outside chapter 19), whose evidence states an injury.
//
// states[k] caches statesInjury of specific[k] (0: unread, 1: no, 2:
// yes) across the note's codes. It is coveringInjuryPlain with the title
// read last: a code that is no vague injury is given way only when vague
// elsewhere, and whether its title says "unspecified" (saysUnspecified,
// the costly part) is asked only once an injury's evidence holds the
// first word of its evidence (coverProbe.holdsFirst), which most codes of
// a note with an injury never see; strictlyCovers stays behind it.
//
// p is the probe of s's evidence (p.evs is s.Evidence), shared with
// injuryTitleReads.
func coveringInjury(doc *nlp.Document, specific []Suggestion, states []int8, s *Suggestion, p *coverProbe) *Suggestion {
	if vagueInjury(s) {
		return coveringInjuryPlain(doc, specific, states, s)
	}
	if !elsewhereCode(s) {
		return nil
	}
	// s is no vague injury, so not Z76.89: only the covering evidence
	// and the injury's statement count, and the title only once.
	said := int8(0) // saysUnspecified of s's title: 0 unread, 1 no, 2 yes
	for k := range specific {
		o := &specific[k]
		if o.Code == s.Code || !p.holdsFirst(o.Evidence) {
			continue
		}
		if said == 0 {
			said = 1
			if saysUnspecified(s.Display) {
				said = 2
			}
		}
		if said == 1 {
			return nil
		}
		if states[k] == 0 {
			states[k] = 1
			if statesInjury(doc, o) {
				states[k] = 2
			}
		}
		// strictlyCovers last, as the rule reads it only of a code
		// vague elsewhere and an injury stated.
		if states[k] == 2 && strictlyCovers(doc, o.Evidence, s.Evidence) {
			return o
		}
	}
	return nil
}

// coveringInjuryPlain is coveringInjury as the rule reads: vague
// elsewhere first, then each injury in turn.
func coveringInjuryPlain(doc *nlp.Document, specific []Suggestion, states []int8, s *Suggestion) *Suggestion {
	elsewhere := vagueElsewhere(s)
	if !elsewhere && !vagueInjury(s) {
		return nil
	}
	for k := range specific {
		o := &specific[k]
		if elsewhere && o.Code != s.Code && states[k] == 0 {
			states[k] = 1
			if statesInjury(doc, o) {
				states[k] = 2
			}
		}
		if o.Code != s.Code && (!elsewhere || states[k] == 2) && (strictlyCovers(doc, o.Evidence, s.Evidence) || s.Code == "Z76.89" && encounterWords(doc, s.Evidence)) {
			return o
		}
	}
	return nil
}

// coverProbe answers strictlyCovers(doc, by, evs) for one evs and many
// by without reading evs's tokens for each: evidenceCovers stops at the
// first non-stop token of evs (spans in order, tokens in text order) that
// no span of by holds, so a by not holding that first word is answered
// no at once; it is found once, on first need, not by a binary search
// per pair. Every other by is asked strictlyCovers itself.
type coverProbe struct {
	doc  *nlp.Document
	evs  []Evidence
	read bool
	// start and end are the first non-stop token's bytes once read; end
	// is 0 when evs holds none (then strictlyCovers is asked).
	start, end int
}

// covers is strictlyCovers(p.doc, by, p.evs).
func (p *coverProbe) covers(by []Evidence) bool {
	return p.holdsFirst(by) && strictlyCovers(p.doc, by, p.evs)
}

// holdsFirst is false when strictlyCovers(p.doc, by, p.evs) is: a span
// of by holds the first non-stop token of p.evs, or p.evs holds none.
func (p *coverProbe) holdsFirst(by []Evidence) bool {
	if !p.read {
		p.read = true
		p.start, p.end = 0, 0
		toks := p.doc.Tokens
	first:
		for k := range p.evs { // by index: not an Evidence or Token copied per step
			// tokenRange's tokens read up to the first non-stop one, not
			// counted to the span's end first.
			ev := &p.evs[k]
			for i := firstTokenAt(p.doc, ev.Start); i < len(toks) && toks[i].End <= ev.End; i++ {
				if t := &toks[i]; !t.Stop {
					p.start, p.end = t.Start, t.End
					break first
				}
			}
		}
	}
	if p.end > 0 {
		held := false
		for k := range by { // by index: not an Evidence copied per span
			if b := &by[k]; b.Start <= p.start && p.end <= b.End {
				held = true
				break
			}
		}
		return held
	}
	return true
}
