package suggest

import (
	"math"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// A condition a note lists only under its past medical history, in a note
// that concludes with an assessment, impression or diagnoses of its own,
// is not one this encounter addresses (a urology visit's "PMH:
// hypertension, atrial fibrillation"): guideline IV.J codes the coexisting
// conditions that require or affect care at this encounter, and the note
// says which by taking them up in its conclusion, history of the present
// illness or plan. Such a code stays in the ranked list below the decision
// threshold, with the reason, for the coder to take when the encounter
// did address it.

// historySections are where a note lists conditions of the past.
var historySections = map[nlp.SectionKind]bool{
	nlp.PastMedicalHistory: true, nlp.PastSurgicalHistory: true,
}

// concludes reports whether the note has a section of conclusions.
func concludes(doc *nlp.Document) bool {
	for _, s := range doc.Sections {
		if answerSections[s.Kind] {
			return true
		}
	}
	return false
}

// unaddressed lowers below the decision threshold the candidates named
// only in the past medical or surgical history of a note that concludes
// (not for annotation, which lists every documented concept). History and
// status codes (Z80-Z99) are what a past history documents, and stay.
func (e *Engine) unaddressed(doc *nlp.Document, ks []scored, marks *sectionMarks, annotate bool) {
	if annotate || !concludes(doc) {
		return
	}
	e.lowerWhere(ks, func(k *scored) bool {
		if e.set.SystemOf(k.code) == corpus.ICD10CM {
			if code := e.set.CodeString(k.code); strings.HasPrefix(code, "Z8") || strings.HasPrefix(code, "Z9") {
				return false
			}
		}
		return everyMentionMarked(k.c, marks, markHistory, markHistory)
	}, "not_addressed", "listed only in the past history of a note whose assessment does not take it up: code it when this encounter treats or manages it")
}

// learnedOnly lowers below the decision threshold the candidates found only
// by phrases learned from labelled notes, no official name (title,
// inclusion term, Index path, table row, synonym) matching the note: a
// learned phrase may rank a code, but the recommendation rests on the
// code set's own words (not for annotation, which lists every documented
// concept). The code stays ranked, with its reason.
func (e *Engine) learnedOnly(ks []scored, annotate bool) {
	if annotate {
		return
	}
	e.lowerWhere(ks, func(k *scored) bool {
		return everyMentionAt(k.c, func(m *mention) bool { return m.learned })
	}, "learned_only", "found only by a phrase learned from labelled notes, no name of the code set: check the documentation before coding it")
}

// lowerWhere puts each candidate at or above the decision threshold that
// has mentions and satisfies only just below it, with an edit of kind
// saying why: it stays ranked for the coder, not recommended.
func (e *Engine) lowerWhere(ks []scored, only func(*scored) bool, kind, why string) {
	thr := e.DecisionThreshold()
	for i := range ks {
		k := &ks[i]
		if k.conf < thr || len(k.c.mentions) == 0 || !only(k) {
			continue
		}
		k.conf = round(math.Max(0, thr-0.01), 4)
		k.edits = append(k.edits, Edit{Kind: kind, Message: why})
	}
}

// everyMentionAt reports whether f holds for every mention of c, each
// read in place: a callback taking a mention by value would copy it
// (160 bytes) for the one field it tests.
func everyMentionAt(c *candidate, f func(*mention) bool) bool {
	for i := range c.mentions {
		if !f(&c.mentions[i]) {
			return false
		}
	}
	return true
}
