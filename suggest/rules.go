package suggest

import (
	"fmt"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// historyCode reports codes that themselves say "history of" or a status
// after a procedure, which historical mentions support.
func historyCode(c corpus.Brief) bool {
	if c.System != corpus.ICD10CM || len(c.Code) < 3 {
		return false
	}
	if strings.HasPrefix(c.Code, "I25.2") {
		return true
	}
	cat := c.Code[:3]
	return cat >= "Z85" && cat <= "Z99" // Z89, Z90: acquired absence after a procedure
}

// familyCode reports the family-history codes Z80-Z84.
func familyCode(c corpus.Brief) bool {
	if c.System != corpus.ICD10CM {
		return false
	}
	return familyICD(c.Code)
}

// familyICD is familyCode of an ICD-10-CM code, for the callers that read
// only the code.
func familyICD(code string) bool {
	return code >= "Z80" && code < "Z85"
}

func (t target) anyCode() corpus.ID {
	if t.code != 0 {
		return t.code
	}
	return t.stem
}

// assertionNames lists the flags set in a, in a fixed order.
func assertionNames(a nlp.Assertion) []string {
	var out []string
	for _, x := range []struct {
		f nlp.Assertion
		n string
	}{{nlp.Negated, "negated"}, {nlp.Historical, "historical"}, {nlp.Family, "family"}, {nlp.Hypothetical, "hypothetical"}, {nlp.Uncertain, "uncertain"}} {
		if a&x.f != 0 {
			out = append(out, x.n)
		}
	}
	return out
}

// assertionStatus is the one assertion status of an evidence span shown
// to a coder: "negated", "family", "hypothetical", "uncertain",
// "historical" (including what the note says is over) or "present".
func assertionStatus(a nlp.Assertion) string {
	switch {
	case a&nlp.Negated != 0:
		return "negated"
	case a&nlp.Family != 0:
		return "family"
	case a&nlp.Hypothetical != 0:
		return "hypothetical"
	case a&nlp.Uncertain != 0:
		return "uncertain"
	case a&(nlp.Historical|nlp.Ended) != 0:
		return "historical"
	}
	return "present"
}

// statusFlag is the flag assertionStatus named.
// Most spans are present: one test answers them.
func statusFlag(a nlp.Assertion) nlp.Assertion {
	if a&(nlp.Negated|nlp.Family|nlp.Hypothetical|nlp.Uncertain|nlp.Ended|nlp.Historical) == 0 {
		return 0
	}
	for _, f := range []nlp.Assertion{nlp.Negated, nlp.Family, nlp.Hypothetical, nlp.Uncertain, nlp.Ended, nlp.Historical} {
		if a&f != 0 {
			return f
		}
	}
	return 0
}

// triggerText returns the words that put the span [start, end) under an
// assertion of kind: the trigger of the first assertion span of that kind
// whose scope overlaps it ("denies", "his wife's", "PAST MEDICAL
// HISTORY"), or "". The spans are read in place: one copied per step
// (five words) cost more than the test, and a rejection's reason reads
// some forty of them a note.
func triggerText(doc *nlp.Document, start, end int, kind nlp.Assertion) string {
	if kind == 0 {
		return ""
	}
	for i := range doc.Assertions {
		if a := &doc.Assertions[i]; a.Kind&kind != 0 && a.Scope.Start < end && start < a.Scope.End {
			return doc.Text[a.Trigger.Start:a.Trigger.End]
		}
	}
	return ""
}

// externalCause reports ICD-10-CM chapter 20 codes (V00-Y99): they tell
// how an injury happened, always before the encounter.
func externalCause(c corpus.Brief) bool {
	return c.System == corpus.ICD10CM && externalCauseICD(c.Code)
}

// externalCauseICD is externalCause of an ICD-10-CM code, for the callers
// that read only the code.
func externalCauseICD(code string) bool {
	return code >= "V00" && code < "Z"
}

// procedureCode reports CPT and HCPCS codes: services and supplies of this
// encounter.
func procedureCode(c corpus.Brief) bool {
	return c.System == corpus.CPT || c.System == corpus.HCPCS
}

// susceptibilityCode reports a genetic susceptibility code (Z15): its
// title names the disease the patient is at risk of, which the note
// states as a risk ("susceptibility to breast cancer" is no cancer).
func susceptibilityCode(b corpus.Brief) bool {
	return b.System == corpus.ICD10CM && strings.HasPrefix(b.Code, "Z15")
}

// applyAssertionsFull keeps the mentions the coding rules allow. It
// returns false with the rejection when none is left; the rejection names
// the rule and the words that triggered it. Suggest shows only a
// reportable rejection (reportable reads c as it was: a rejection leaves c
// as is), so an unreportable one is returned empty: its text, built for
// some 45% of the rejections of a note, would be dropped. g is the note's
// sense gates (noteGatesOf): a code none of whose gates can fire in the
// note skips senseGate. applyAssertions (assertfast.go) answers the
// common case itself and leaves the rest to it.
func (e *Engine) applyAssertionsFull(w *work, c *candidate, setting Setting, g noteGates) (Rejection, bool) {
	code := c.tgt.anyCode()
	f := e.fact(code) // asrt: the code's kind (assertfacts.go)
	a := f.asrt
	allowed := allowedBy(&f, setting)
	doc := &w.doc
	var blocked nlp.Assertion
	blockedAt := -1 // the first blocked mention's index (a mention is large: not copied)
	sense := senseRule{}
	var drop uint64 // bit i: mention i is blocked or off-sense (the first 64)
	gated := g.mayGate(&f)
	for i := range c.mentions {
		m := &c.mentions[i] // by pointer: a mention is large
		if x := blockedBy(a, m.assert, allowed); x != 0 {
			if blocked == 0 {
				blockedAt = i
			}
			blocked |= x
			if i < 64 {
				drop |= 1 << i
			}
			continue
		}
		if gated && (sense.rule == "" || i < 64) {
			if why, other := e.senseGate(w, f, m); why != 0 {
				if sense.rule == "" {
					sense = senseVerdict(doc, m, why, other)
				}
				if i < 64 {
					drop |= 1 << i
				}
			}
		}
	}
	kept := c.mentions
	if blocked != 0 || sense.rule != "" {
		// A fresh slice: siblings share the candidate's mentions.
		kept = w.mentionSlice(len(c.mentions))
		for i := range c.mentions {
			m := &c.mentions[i]
			if i < 64 && drop&(1<<i) == 0 || i >= 64 && blockedBy(a, m.assert, allowed) == 0 && (!gated || e.inSense(w, f, m)) {
				kept = append(kept, *m)
			}
		}
	}
	// A history or status code means the past event or the relative: its
	// mentions' flags of that kind are the code's own words ("s/p CABG"
	// for Z95.1), as for the history codes histories() adds.
	if own := allowed & (nlp.Historical | nlp.Ended | nlp.Family); len(kept) > 0 && a&(asrtHistory|asrtFamily) != 0 {
		for i := range kept {
			if kept[i].assert&own != 0 {
				if &kept[0] == &c.mentions[0] {
					kept = append(w.mentionSlice(len(kept)), kept...)
				}
				kept[i].assert &^= own
			}
		}
	}
	if len(kept) > 0 {
		c.mentions = kept
		// The best score is kept beside its index: each mention's score
		// is worked out once (scoreAt: scoreOf in place).
		c.best = 0
		best := c.scoreAt(0)
		for i := 1; i < len(kept); i++ {
			if s := c.scoreAt(i); s > best {
				c.best, best = i, s
			}
		}
		return Rejection{}, true
	}
	if !reportable(c) {
		return Rejection{}, false
	}
	b := e.set.Brief(code)
	rej := Rejection{System: string(b.System), Code: b.Code, Display: b.Display}
	if blocked == 0 {
		rej.Rule, rej.Reason = sense.rule, sense.reason()
		return rej, false
	}
	// No mention is kept: c.mentions are those read above.
	at := &c.mentions[blockedAt]
	by := func(kind nlp.Assertion, parts ...string) string {
		return reasonWith(doc, at, kind, &w.rn.reasons, parts...)
	}
	switch {
	case blocked&nlp.Negated != 0:
		rej.Rule, rej.Reason = "negated", by(nlp.Negated, "every mention is negated")
	case blocked&nlp.Unrelated != 0:
		rej.Rule, rej.Reason = "other_person", by(nlp.Unrelated, "mentioned only for another person", ", not a blood relative: neither the patient's condition nor a family history")
	case blocked&nlp.Hypothetical != 0:
		rej.Rule, rej.Reason = "hypothetical", by(nlp.Hypothetical, "mentioned only as a possibility to watch for")
		if t := triggerText(doc, at.start, at.end, nlp.Hypothetical); strings.HasPrefix(strings.ToLower(t), "screen") {
			rej.Rule, rej.Reason = "screening", fmt.Sprintf("what a screening looks for (%q), not documented as present: coded with the encounter-for-screening code", t)
		}
	case blocked&nlp.Family != 0:
		rej.Rule = "family"
		if c.replacedBy != "" {
			rej.Reason = by(nlp.Family, "mentioned only for a family member", ": coded with the family-history code ", c.replacedBy)
		} else {
			rej.Reason = by(nlp.Family, "mentioned only for a family member", "; family history is coded with Z80-Z84")
		}
	case blocked&nlp.Uncertain != 0:
		rej.Rule, rej.Reason = "uncertain_outpatient", by(nlp.Uncertain, "uncertain diagnosis", ": not coded in the outpatient setting; code the documented symptoms")
	case a&asrtProcedure != 0:
		rej.Rule, rej.Reason = "past_procedure", by(nlp.Historical, "a past service", ": CPT and HCPCS code what is performed or supplied at this encounter")
	default:
		rej.Rule = "historical"
		if c.replacedBy != "" {
			rej.Reason = by(nlp.Ended, "documented as over", ": not a current condition", "; coded with the personal-history code ", c.replacedBy)
		} else {
			rej.Reason = by(nlp.Ended, "documented as over", ": not a current condition")
		}
	}
	return rej, false
}

// reasonWith is parts end to end, the note's trigger of kind over the
// mention at quoted in parentheses after the first ("every mention is
// negated (\"denies\")"), built in one allocation.
func reasonWith(doc *nlp.Document, at *mention, kind nlp.Assertion, buf *reasonBuf, parts ...string) string {
	var q [128]byte
	quoted := q[:0]
	if t := triggerText(doc, at.start, at.end, kind); t != "" {
		quoted = appendQuoted(quoted, t) // render.go: printable ASCII copied as is
	}
	n := len(quoted) + 3
	for _, p := range parts {
		n += len(p)
	}
	// Into buf when there is one (reasonbuf.go: no allocation per
	// reason), else a string of its own.
	var b []byte
	if buf != nil {
		b = buf.take(n)
	} else {
		b = make([]byte, 0, n)
	}
	b = append(b, parts[0]...)
	if len(quoted) > 0 {
		b = append(b, " ("...)
		b = append(b, quoted...)
		b = append(b, ')')
	}
	for _, p := range parts[1:] {
		b = append(b, p...)
	}
	if buf != nil {
		return buf.done(b)
	}
	return string(b)
}

// senseRule is a sense gate's verdict on one mention: rule "" when the
// words are used in the code's sense. Its reason is written only when a
// rejection reads it (reason): most verdicts on a note's mentions are
// never shown (a kept candidate, a later off-sense mention).
type senseRule struct {
	rule  string
	why   senseWhy
	words string // the mention's words
	other string // the vaccine or the procedure's words
}

// senseWhy names the reason of an off-sense verdict.
type senseWhy uint8

const (
	senseAnesthesia senseWhy = 1 + iota
	senseNotPregnant
	senseDrugInstrument
	senseVaccination
	senseSupplyInstrument
)

// reason is the verdict's reason, "" when the words are in the code's
// sense: the sentence of reasonPlain (TestSenseReason), written into one
// buffer rather than by fmt.Sprintf, whose %q and argument boxing cost
// some 2,600 instructions a reason.
func (r senseRule) reason() string {
	var buf [256]byte
	b := appendQuoted(buf[:0], r.words) // render.go: as fmt's %q
	switch r.why {
	case senseAnesthesia:
		b = append(b, " is in the anesthesia section, which records the anesthetic given, not a condition"...)
	case senseNotPregnant:
		b = append(b, ": the note documents no pregnancy, and chapter 15 codes (O00-O9A) are for pregnancy, childbirth and the puerperium"...)
	case senseDrugInstrument:
		b = append(b, " is an instrument of the procedure ("...)
		b = appendQuoted(b, r.other)
		b = append(b, "), not a drug taken"...)
	case senseVaccination:
		b = append(b, " names what a vaccine ("...)
		b = appendQuoted(b, r.other)
		b = append(b, ") protects against: a vaccination is coded Z23 with the vaccine product, not the disease"...)
	case senseSupplyInstrument:
		b = append(b, " is an instrument of the procedure ("...)
		b = appendQuoted(b, r.other)
		b = append(b, "): part of the procedure, not a separately billed supply"...)
	default:
		return ""
	}
	return string(b)
}

// senseGate applies the sense gates: the words of a mention can name the
// code's concept and still be used in another sense.
//   - A disease named as what a vaccine protects against ("tetanus
//     diphtheria booster") is a vaccination (Z23 and the vaccine product),
//     not the disease.
//   - A supply or device named as the instrument of a procedure ("clamped
//     with a hemostat") is part of the procedure, not a billed supply
//     (HCPCS A, E and L codes) nor a drug taken (T36-T50).
//   - Chapter 15 codes (O00-O9A) are for pregnancy, childbirth and the
//     puerperium: a note documenting no pregnancy gets none ("mole" on the
//     skin is a nevus, not a hydatidiform mole).
//
// f is the code's facts: its asrt bits say which gates apply. A gate
// returns why (0 when the words are in the code's sense) and the span of
// the vaccine or the procedure's words, not a verdict of strings:
// applyAssertions asks it of every mention of every candidate (some 600 a
// note) and reads a verdict's words (senseVerdict) only for the first
// off-sense one.
func (e *Engine) senseGate(w *work, f codeFact, m *mention) (senseWhy, nlp.Span) {
	if f.flags&factICD != 0 {
		doc := &w.doc
		if sectionKind(doc, m.section) == nlp.Anesthesia {
			return senseAnesthesia, nlp.Span{}
		}
		if f.asrt&asrtPregnancy != 0 && !w.pregnant() {
			return senseNotPregnant, nlp.Span{}
		}
		if f.asrt&asrtDrug != 0 {
			if v, ok := doc.InstrumentUse(nlp.Span{Start: m.start, End: m.end}); ok {
				return senseDrugInstrument, v
			}
		}
		if f.asrt&asrtVaccine != 0 {
			if v, ok := doc.VaccineTarget(nlp.Span{Start: m.start, End: m.end}); ok {
				return senseVaccination, v
			}
		}
		return 0, nlp.Span{}
	}
	if f.asrt&asrtSupply != 0 {
		if v, ok := w.doc.InstrumentUse(nlp.Span{Start: m.start, End: m.end}); ok {
			return senseSupplyInstrument, v
		}
	}
	return 0, nlp.Span{}
}

// inSense reports whether senseGate finds m's words in the code's sense.
func (e *Engine) inSense(w *work, f codeFact, m *mention) bool {
	why, _ := e.senseGate(w, f, m)
	return why == 0
}

// senseVerdict is the verdict of why on mention m, other the span
// senseGate returned with it.
func senseVerdict(doc *nlp.Document, m *mention, why senseWhy, other nlp.Span) senseRule {
	r := senseRule{why: why}
	switch why {
	case 0:
		return senseRule{}
	case senseAnesthesia:
		r.rule = "not_a_finding"
	case senseNotPregnant:
		r.rule = "not_pregnant"
	case senseDrugInstrument, senseSupplyInstrument:
		r.rule = "instrument"
	case senseVaccination:
		r.rule = "vaccination"
	}
	r.words = doc.Text[m.start:m.end]
	if why >= senseDrugInstrument {
		r.other = doc.Text[other.Start:other.End]
	}
	return r
}
