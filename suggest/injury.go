package suggest

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"medcode/corpus"
	"medcode/nlp"
)

// injuryOrder drops a skin callus that is a fracture's (callus.go) and
// applies two sequencing rules of chapters 19 and 20 to the ranked
// suggestions:
//   - a vague injury code (T14.-, injury of unspecified body region, an
//     unspecified injury of a site) or an unspecified code of another
//     chapter whose every word a specific injury code's evidence holds, and Z76.89
//     read from the words of an encounter ("initial encounter"), give way
//     to a specific injury: the note documents the injury's site and kind;
//   - a code of another chapter found only on words of a suggested
//     injury's title that the injury's evidence holds with more ("torus"
//     of "torus fracture of the distal radius" is no torus of the jaw)
//     gives way to it (injuryTitleReads);
//   - an external cause code (V00-Y99) is never listed before the injury
//     it explains (guidelines I.C.20): the specific injury documented in
//     the same sentence, within four words of the cause's, with most
//     words of its own (not a catch-all "unspecified" or "other
//     specified" injury) moves just above it.
func (e *Engine) injuryOrder(doc *nlp.Document, res *Result, rej []Rejection) []Rejection {
	rej = boneCallus(doc, res, rej) // callus.go
	// The specific injuries the two rules read, in list order: neither
	// drops one (it drops codes outside chapter 19 and vague injuries),
	// so they are listed once; a note without one skips both.
	// The suggestions are read in place, not copied one by one.
	var specific, reads []Suggestion
	for k := range res.Suggestions {
		o := &res.Suggestions[k]
		if !specificInjury(o) || vagueInjury(o) {
			continue
		}
		specific = append(specific, *o)
		if !catchAllInjury(o) && o.Confidence >= res.Threshold {
			reads = append(reads, *o)
		}
	}
	// states[k] is 1 + statesInjury of specific[k] once read (0: not
	// yet): a fact of the injury, read once, not once per vague code.
	var statesBuf [16]int8
	states := statesBuf[:min(len(specific), len(statesBuf))]
	if len(specific) > len(statesBuf) {
		states = make([]int8, len(specific))
	}
	for i := len(res.Suggestions) - 1; i >= 0 && len(specific) > 0; i-- {
		s := &res.Suggestions[i] // read before drop moves it
		p := coverProbe{doc: doc, evs: s.Evidence}
		if o := injuryTitleReads(doc, reads, s, &p); o != nil {
			rej = append(rej, drop(res, i, "specific_injury", "its words are the injury's: the note documents "+o.Code+" ("+o.Display+")"))
			continue
		}
		if o := coveringInjury(doc, specific, states, s, &p); o != nil {
			rej = append(rej, drop(res, i, "specific_injury", "the note documents the injury "+o.Code+" ("+o.Display+"), whose words include these"))
		}
	}
	var injBuf [16]int
	for {
		moved := false
		// inj are the injuries an external cause may place, listed on
		// the first cause of this pass: every cause reads the same few,
		// not every suggestion again.
		var inj []int
		listed := false
		for i := range res.Suggestions {
			x := &res.Suggestions[i]
			// X58 (exposure to other specified factors) names no cause
			// the note states; it places nothing.
			if !externalCauseCode(x) || strings.HasPrefix(x.Code, "X58") {
				continue
			}
			if !listed {
				inj, listed = placeableInjuries(injBuf[:0], res), true
			}
			best := causePlace(doc, res, i, inj)
			if best < i {
				continue
			}
			xc := *x // before the deletion moves the suggestions
			s := res.Suggestions[best]
			res.Suggestions = slices.Delete(res.Suggestions, best, best+1)
			s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: xc.Confidence,
				Message: "coding rule injury_first: the injury is listed before its external cause " + xc.Code})
			s.Confidence = math.Nextafter(xc.Confidence, 1)
			s.Score = max(s.Score, xc.Score)
			insert(res, s)
			moved = true
			break
		}
		if !moved {
			return rej
		}
	}
}

// placeableInjuries appends to out the indices, in order, of the
// suggestions an external cause may place (causePlace): specific
// injuries, not catch-alls.
func placeableInjuries(out []int, res *Result) []int {
	for j := range res.Suggestions {
		if o := &res.Suggestions[j]; specificInjury(o) && !catchAllInjury(o) {
			out = append(out, j)
		}
	}
	return out
}

// causePlace returns the injury the external cause at i places, -1 when
// none: of inj (placeableInjuries of res), the first listed before it, or
// else the one after it with the most words of its own, documented in a
// sentence of the cause within four words of it. Reading inj, not every
// suggestion, is the rule's walk over them all with the suggestions that
// are no specific injury, or a catch-all, passed over first
// (TestCausePlace holds it to that walk).
func causePlace(doc *nlp.Document, res *Result, i int, inj []int) int {
	x := &res.Suggestions[i]
	var xbuf, obuf [8]int // the sentences, without an allocation each
	sents := appendEvidenceSentences(xbuf[:0], doc, x.Evidence)
	best, bestWords := -1, 0
	for _, j := range inj {
		o := &res.Suggestions[j]
		if j == i || !slices.ContainsFunc(appendEvidenceSentences(obuf[:0], doc, o.Evidence), func(s int) bool { return slices.Contains(sents, s) }) ||
			!evidenceNear(doc, o.Evidence, x.Evidence, 4) {
			continue
		}
		if j < i {
			return j // an injury is listed first already
		}
		// The injury's own words: a site or kind the external cause's
		// words do not hold ("drowning" of "drowning due to ... canoe"
		// is the cause's).
		if n := ownWords(doc, o.Evidence, x.Evidence); n > bestWords {
			best, bestWords = j, n
		}
	}
	return best
}

// externalCauseCode reports an ICD-10-CM external cause code (chapter 20).
// The code's first byte is compared first, as a range: injuryOrder asks
// it of every suggestion in each pass, and strings.ContainsRune's call
// and the system's compare cost more than the test of the few codes of
// chapter 20.
func externalCauseCode(s *Suggestion) bool {
	return s.Code != "" && s.Code[0] >= 'V' && s.Code[0] <= 'Y' && s.System == string(corpus.ICD10CM)
}

// titleReadsCode reports an ICD-10-CM code outside chapters 19-21 (a
// first byte other than S, T and V-Z), the codes injuryTitleReads reads:
// the first byte is read first, by a switch rather than a
// strings.ContainsRune call, as the rule asks it of every suggestion.
func titleReadsCode(s *Suggestion) bool {
	if s.Code == "" {
		return false
	}
	switch s.Code[0] {
	case 'S', 'T', 'V', 'W', 'X', 'Y', 'Z':
		return false
	}
	return s.System == string(corpus.ICD10CM)
}

// vagueInjury reports T14.- (injury of unspecified body region), an
// unspecified injury of a site ("Unspecified injury of right lower leg")
// and Z76.89 (encounter in other circumstances).
func vagueInjury(s *Suggestion) bool {
	return s.System == string(corpus.ICD10CM) && (strings.HasPrefix(s.Code, "T14") || s.Code == "Z76.89" ||
		s.Code[0] == 'S' && strings.HasPrefix(s.Display, "Unspecified injury of"))
}

// vagueElsewhere reports an unspecified code outside chapter 19
// ("Unspecified infectious disease", "Disorder of kidney and ureter,
// unspecified"): an injury or complication of care that reads its words
// and more ("surgical site infection", "rejection of kidney transplant")
// is what the note documents.
func vagueElsewhere(s *Suggestion) bool {
	return elsewhereCode(s) && saysUnspecified(s.Display)
}

// elsewhereCode is vagueElsewhere's test of the code alone: an
// ICD-10-CM code outside chapter 19.
func elsewhereCode(s *Suggestion) bool {
	return s.System == string(corpus.ICD10CM) && s.Code != "" && s.Code[0] != 'S' && s.Code[0] != 'T'
}

// saysUnspecified is containsFold(title, "unspecified"), searching for
// its "p" (foldIndexAt): titles hold half as many p's as u's, and
// injuryOrder asks it of every suggestion of a note with an injury.
func saysUnspecified(title string) bool {
	return foldIndexAt(title, "unspecified", 3, 0) >= 0
}

// injuryKinds are the words that name what an injury or a complication
// of care is; a chapter 19 candidate whose evidence holds none is no
// documented injury (an "L5" read as a nerve-root injury).
var injuryKinds = map[string]bool{"fracture": true, "fractures": true, "sprain": true, "strain": true, "contusion": true, "laceration": true,
	"bite": true, "burn": true, "burns": true, "dislocation": true, "subluxation": true, "tear": true, "wound": true, "injury": true, "abrasion": true,
	"puncture": true, "crush": true, "avulsion": true, "amputation": true, "concussion": true, "rupture": true, "infection": true, "infected": true,
	"rejection": true, "failure": true, "dehiscence": true, "disruption": true, "loosening": true, "breakdown": true, "displacement": true,
	"leak": true, "leakage": true, "malfunction": true, "complication": true, "poisoning": true, "overdose": true}

// statesInjury reports whether a suggestion's evidence holds an injury
// kind.
func statesInjury(doc *nlp.Document, s *Suggestion) bool {
	for _, ev := range s.Evidence {
		lo, hi := tokenRange(doc, ev.Start, ev.End)
		for _, t := range doc.Tokens[lo:hi] {
			if injuryKinds[t.Norm] {
				return true
			}
		}
	}
	return false
}

// catchAllInjury reports a vague injury or a residual one ("Other
// specified injuries of right lower leg"): neither names what the
// external cause did.
func catchAllInjury(s *Suggestion) bool {
	return vagueInjury(s) || strings.HasPrefix(s.Display, "Other specified injur") || strings.HasPrefix(s.Display, "Other injur")
}

// specificInjury reports an injury, poisoning or complication code of
// chapter 19 (S00-T88) other than T14.-. The first byte is read first:
// injuryOrder asks of every pair of codes, and most are not S or T.
func specificInjury(s *Suggestion) bool {
	if s.Code == "" || s.Code[0] != 'S' && s.Code[0] != 'T' {
		return false
	}
	return s.System == string(corpus.ICD10CM) && (s.Code[0] == 'S' || s.Code < "T89" && !strings.HasPrefix(s.Code, "T14"))
}

// encounterWords reports whether evidence is only words stating the
// encounter ("initial encounter"), which are an injury's seventh
// character.
func encounterWords(doc *nlp.Document, evs []Evidence) bool {
	var spans []Evidence
	for _, a := range doc.Attributes {
		if a.Kind == nlp.AttrEncounter {
			spans = append(spans, Evidence{Start: a.Span.Start, End: a.Span.End})
		}
	}
	return evidenceCovers(doc, spans, evs)
}

// evidenceNear reports whether a span of a and one of b have at most
// gap tokens between them ("fracture after a fall", "dog bite of the
// leg").
func evidenceNear(doc *nlp.Document, a, b []Evidence, gap int) bool {
	for _, x := range a {
		for _, y := range b {
			lo, hi := min(x.End, y.End), max(x.Start, y.Start)
			if lo >= hi {
				return true // overlapping
			}
			if l, h := tokenRange(doc, lo, hi); h-l <= gap {
				return true
			}
		}
	}
	return false
}

// evidenceSentences lists the sentences of evidence spans.
func evidenceSentences(doc *nlp.Document, evs []Evidence) []int {
	return appendEvidenceSentences(nil, doc, evs)
}

// appendEvidenceSentences appends evidenceSentences(doc, evs) to out:
// injuryOrder asks it per pair of codes, into a buffer on its stack.
func appendEvidenceSentences(out []int, doc *nlp.Document, evs []Evidence) []int {
	for k := range evs { // by index: not an Evidence or Token copied per step
		lo, hi := tokenRange(doc, evs[k].Start, evs[k].End)
		for i := lo; i < hi; i++ {
			if sn := doc.Tokens[i].Sent; !slices.Contains(out, sn) {
				out = append(out, sn)
			}
		}
	}
	return out
}

// strictlyCovers reports whether by covers evs and holds a word evs
// does not: it says more.
func strictlyCovers(doc *nlp.Document, by, evs []Evidence) bool {
	return evidenceCovers(doc, by, evs) && ownWords(doc, by, evs) > 0
}

// ownWords counts the non-stop tokens of evs that no span of other holds.
func ownWords(doc *nlp.Document, evs, other []Evidence) int {
	n := 0
	lo, hi := evidenceRange(doc, evs)
	for _, t := range doc.Tokens[lo:hi] {
		if t.Stop || !slices.ContainsFunc(evs, func(e Evidence) bool { return e.Start <= t.Start && t.End <= e.End }) {
			continue
		}
		if !slices.ContainsFunc(other, func(e Evidence) bool { return e.Start <= t.Start && t.End <= e.End }) {
			n++
		}
	}
	return n
}

// evidenceCovers reports whether every non-stop token of evs lies in a
// span of by.
func evidenceCovers(doc *nlp.Document, by, evs []Evidence) bool {
	if len(evs) == 0 {
		return false
	}
	for _, ev := range evs {
		lo, hi := tokenRange(doc, ev.Start, ev.End)
		for _, t := range doc.Tokens[lo:hi] {
			if t.Stop {
				continue
			}
			if !slices.ContainsFunc(by, func(b Evidence) bool { return b.Start <= t.Start && t.End <= b.End }) {
				return false
			}
		}
	}
	return true
}

// injuryTitleReads returns the suggested specific injury (at or above the
// threshold) whose evidence strictly covers s's and whose title holds
// every word of s's evidence, when s is an ICD-10-CM code outside
// chapters 19-21 (S, T, V-Z).
//
// reads are the suggested specific injuries, not catch-alls, at or above
// the threshold, in list order. The result points into reads; nil when
// none. p is the probe of s's evidence (coverProbe: p.evs is s.Evidence).
func injuryTitleReads(doc *nlp.Document, reads []Suggestion, s *Suggestion, p *coverProbe) *Suggestion {
	if !titleReadsCode(s) || len(s.Evidence) == 0 {
		return nil
	}
	for k := range reads {
		o := &reads[k] // read in place: a suggestion is large
		if !p.covers(o.Evidence) {
			continue
		}
		words := strings.FieldsFunc(strings.ToLower(o.Display), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		all := true
		lo, hi := evidenceRange(doc, s.Evidence)
		for _, t := range doc.Tokens[lo:hi] {
			if t.Stop || !slices.ContainsFunc(s.Evidence, func(e Evidence) bool { return e.Start <= t.Start && t.End <= e.End }) {
				continue
			}
			if !slices.Contains(words, t.Norm) {
				all = false
				break
			}
		}
		if all {
			return o
		}
	}
	return nil
}
