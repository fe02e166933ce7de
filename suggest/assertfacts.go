package suggest

import (
	"medcode/corpus"
	"medcode/nlp"
)

// applyAssertions reads, for every candidate of every note, which
// assertion flags its code's kind allows and which sense gates apply to
// it. Those depend on the code alone, so codeFact.asrt holds them as bits
// worked out once per code (factOf): the rule reads no code string.

// codeFact.asrt bits.
const (
	asrtHistory      uint16 = 1 << iota // historyCode
	asrtFamily                          // familyCode
	asrtHypothetical                    // screeningCode or susceptibilityCode
	asrtScreening                       // screeningCode
	asrtProcedure                       // procedureCode
	asrtExternal                        // externalCause
	asrtPregnancy                       // ICD-10-CM chapter 15 (senseGate's not_pregnant)
	asrtDrug                            // ICD-10-CM T36-T50 (senseGate's instrument)
	asrtVaccine                         // ICD-10-CM below S00, or U (senseGate's vaccination)
	asrtSupply                          // HCPCS A, E or L (senseGate's instrument)
)

// assertFact works out the asrt bits of code b.
func assertFact(b corpus.Brief) uint16 {
	var a uint16
	set := func(bit uint16, on bool) {
		if on {
			a |= bit
		}
	}
	set(asrtHistory, historyCode(b))
	set(asrtFamily, familyCode(b))
	set(asrtHypothetical, screeningCode(b) || susceptibilityCode(b))
	set(asrtScreening, screeningCode(b))
	set(asrtProcedure, procedureCode(b))
	set(asrtExternal, externalCause(b))
	switch b.System {
	case corpus.ICD10CM:
		set(asrtPregnancy, len(b.Code) > 0 && b.Code[0] == 'O')
		set(asrtDrug, b.Code >= "T36" && b.Code < "T51")
		set(asrtVaccine, b.Code < "S00" || b.Code >= "U" && b.Code < "V")
	case corpus.HCPCS:
		set(asrtSupply, len(b.Code) > 0 && (b.Code[0] == 'A' || b.Code[0] == 'E' || b.Code[0] == 'L'))
	}
	return a
}

// allowedBy is the assertion flags the rules allow a mention of a code of
// facts f in setting (applyAssertions), read in place.
func allowedBy(f *codeFact, setting Setting) nlp.Assertion {
	a := f.asrt
	allowed := nlp.Assertion(0)
	if a&asrtHistory != 0 {
		allowed |= nlp.Historical | nlp.Ended
	}
	if a&asrtFamily != 0 {
		allowed |= nlp.Family | nlp.Historical | nlp.Ended
	}
	if a&asrtHypothetical != 0 {
		allowed |= nlp.Hypothetical // screening.go
	}
	// The uncertain-diagnosis rule is about diagnoses: a procedure in a
	// sentence that doubts a finding ("possible pneumonia on chest x-ray")
	// was still performed.
	if setting == Inpatient || f.flags&factICD == 0 {
		allowed |= nlp.Uncertain
	}
	// Historical mentions of a condition stay, flagged and with an edit
	// naming the personal-history code suggested beside them: the coder
	// judges whether the condition is still current ("history of
	// hypertension" usually is). What the note says is over ("status
	// post", "resolved", "quit") is not current, except the external
	// cause of an injury, which is past by nature. A procedure code is for
	// a service performed at this encounter: a past one is not coded.
	if a&asrtProcedure == 0 {
		allowed |= nlp.Historical
		if a&asrtExternal != 0 {
			allowed |= nlp.Ended
		}
	}
	// Result only qualifies Negated: "HIV nonreactive" negates the
	// finding, while the test named there was done.
	return allowed | nlp.Result
}

// blockedBy is the flags of a mention the rules do not allow for a code
// of asrt bits a. A procedure or test whose result the note states ("HCV
// antibody negative") was performed: the negation is of a finding.
func blockedBy(a uint16, as, allowed nlp.Assertion) nlp.Assertion {
	x := as &^ allowed
	if a&(asrtProcedure|asrtScreening) != 0 && as&nlp.Result != 0 {
		// The test was done: its result ("negative") and, for a
		// screening test, what it looked for ("HIV screening") are
		// not the test's absence.
		x &^= nlp.Negated
		if a&asrtProcedure != 0 {
			x &^= nlp.Hypothetical
		}
	}
	return x
}
