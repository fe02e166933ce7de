package suggest

import "medcode/nlp"

// noteGates are the sense gates (senseGate) a note can trip: applyAssertions
// asks senseGate of every mention of every candidate (some 600 a note)
// and almost every answer is no, as most codes of most notes meet no gate
// that can fire (a code below S00 is gated on vaccine words, which most
// notes lack). Worked out once a note, the gates let it skip a
// candidate's mentions at once (mayGate).
type noteGates struct {
	// anesthesia: a section of the note is an anesthesia section, where
	// every ICD-10-CM code's words are off-sense.
	anesthesia bool
	// icd are the asrt bits of an ICD-10-CM code whose gate can fire in
	// the note: drug and pregnancy always (senseGate reads the
	// instrument's words and the pregnancy per mention), vaccine only
	// when a token is a vaccine word.
	icd uint16
}

// noteGatesOf are doc's gates.
func noteGatesOf(doc *nlp.Document) noteGates {
	g := noteGates{icd: asrtDrug | asrtPregnancy}
	for i := range doc.Sections {
		if doc.Sections[i].Kind == nlp.Anesthesia {
			g.anesthesia = true
			break
		}
	}
	// Over the whole note VaccineTarget reads every token for a word of
	// vaccineAny, and its other words (vaccineWords, read after and
	// before a span) are among those: without one no span is a vaccine's
	// target.
	if _, ok := doc.VaccineTarget(nlp.Span{Start: 0, End: len(doc.Text)}); ok {
		g.icd |= asrtVaccine
	}
	return g
}

// mayGate reports whether senseGate can find a mention of a code of facts
// f off-sense in a note of gates g; when it cannot, every mention is in
// the code's sense.
func (g noteGates) mayGate(f *codeFact) bool {
	if f.flags&factICD != 0 {
		return g.anesthesia || f.asrt&g.icd != 0
	}
	return f.asrt&asrtSupply != 0
}
