package suggest

import (
	"math"
	"slices"
	"strings"

	"medcode/corpus"
)

// soleCode is a code a "code first" note names alone, and the words
// the note describes it by ("COVID-19" in "COVID-19 (U07.1)").
type soleCode struct {
	code  string
	words []string
}

// soleCodeFirst returns the codes the "code first" notes of id and its
// ancestors name each alone: a note naming one code, not a list or a
// range of possible etiologies. Worked out once per code (read only).
func (e *Engine) soleCodeFirst(id corpus.ID) []soleCode {
	rec := e.coder.records.of(e.set, id)
	if got := rec.soleFirst.Load(); got != nil {
		return *got
	}
	out := e.readSoleCodeFirst(id)
	return *keep(&rec.soleFirst, &out)
}

// readSoleCodeFirst is soleCodeFirst read from the Tabular's notes.
func (e *Engine) readSoleCodeFirst(id corpus.ID) []soleCode {
	var out []soleCode
	for c := id; c != 0; c = e.parent(c) {
		for _, note := range e.set.Notes(c).CodeFirst {
			m := rangeRef.FindAllStringSubmatchIndex(note, -1)
			if len(m) != 1 || m[0][4] >= 0 {
				continue
			}
			desc, _, _ := strings.Cut(note[:m[0][0]], "(")
			out = append(out, soleCode{code: note[m[0][2]:m[0][3]], words: wordRE.FindAllString(strings.ToLower(desc), -1)})
		}
	}
	return out
}

// statesAll reports whether the evidence of s holds every word.
func statesAll(s Suggestion, words []string) bool {
	var said []string
	for _, ev := range s.Evidence {
		said = append(said, wordRE.FindAllString(strings.ToLower(ev.Text), -1)...)
	}
	for _, w := range words {
		if !slices.Contains(said, w) {
			return false
		}
	}
	return len(words) > 0
}

// etiologyFirst lifts the etiology a suggested code's own words state:
// when the Tabular's "code first" note of a recommended code names one
// code exactly, and that code is a candidate read within the recommended
// code's evidence ("COVID-19 pneumonia" is J12.82, whose note says "code
// first COVID-19 (U07.1)"; the "COVID-19" of it is U07.1), the note
// documents the etiology: it takes the manifestation's confidence and is
// listed just before it (I.A.13). An etiology read elsewhere, or a note
// naming a range, lifts nothing: the ranker decides those.
func (e *Engine) etiologyFirst(res *Result) {
	// The suggested codes, which a lift moves but never adds to or
	// drops: a "code first" note's code outside them is not looked for
	// among the suggestions (has would find none).
	var codes codeBits
	for i := range res.Suggestions {
		codes.add(res.Suggestions[i].Code)
	}
	for i := 0; i < len(res.Suggestions); i++ {
		b := &res.Suggestions[i] // read in place, not copied: used before the list changes alone
		if b.System != string(corpus.ICD10CM) || b.Confidence < res.Threshold {
			continue
		}
		idb, _ := e.set.ID(corpus.ICD10CM, b.Code)
		for _, sc := range e.soleCodeFirst(idb) {
			if !codes.may(sc.code) {
				continue // not suggested
			}
			j := has(res, corpus.ICD10CM, sc.code)
			if j < 0 || res.Suggestions[j].Confidence >= b.Confidence || !within(res.Suggestions[j], *b) || !statesAll(*b, sc.words) {
				continue
			}
			a := res.Suggestions[j]
			why := "the words of " + b.Code + " state its etiology, which its code first note names (Tabular List, I.A.13)"
			a.Confidence, a.Score = b.Confidence, math.Nextafter(max(a.Score, b.Score), math.Inf(1))
			a.Edits = append(a.Edits, Edit{Kind: "etiology", Message: why})
			a.Explanation.Children = append(a.Explanation.Children, Explanation{Value: a.Confidence, Message: "coding rule etiology: " + why})
			res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
			insert(res, a)
			i = -1 // the order changed: look again from the top
			break
		}
	}
}
