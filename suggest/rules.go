package suggest

import (
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
	return cat >= "Z85" && cat <= "Z88" || cat >= "Z91" && cat <= "Z99"
}

// familyCode reports the family-history codes Z80-Z84.
func familyCode(c corpus.Brief) bool {
	if c.System != corpus.ICD10CM {
		return false
	}
	return c.Code >= "Z80" && c.Code < "Z85"
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

// applyAssertions keeps the mentions the coding rules allow. It returns
// false with the rejection when none is left.
func (e *Engine) applyAssertions(w *work, c *candidate, setting Setting) (Rejection, bool) {
	code := c.tgt.anyCode()
	allowed := nlp.Assertion(0)
	if historyCode(e.set.Brief(code)) {
		allowed |= nlp.Historical
	}
	if familyCode(e.set.Brief(code)) {
		allowed |= nlp.Family | nlp.Historical
	}
	// The uncertain-diagnosis rule is about diagnoses: a procedure in a
	// sentence that doubts a finding ("possible pneumonia on chest x-ray")
	// was still performed.
	if setting == Inpatient || e.set.Brief(code).System != corpus.ICD10CM {
		allowed |= nlp.Uncertain
	}
	// Historical mentions of a condition stay, flagged and with an edit
	// naming the personal-history code suggested beside them: the coder
	// judges whether the condition is still current.
	allowed |= nlp.Historical
	var blocked nlp.Assertion
	for _, m := range c.mentions {
		blocked |= m.assert &^ allowed
	}
	kept := c.mentions
	if blocked != 0 {
		// A fresh slice: siblings share the candidate's mentions.
		kept = w.mentionSlice(len(c.mentions))
		for _, m := range c.mentions {
			if m.assert&^allowed == 0 {
				kept = append(kept, m)
			}
		}
	}
	if len(kept) > 0 {
		c.mentions = kept
		c.best = 0
		for i, m := range kept {
			if mentionScore(m) > mentionScore(kept[c.best]) {
				c.best = i
			}
		}
		return Rejection{}, true
	}
	rule, reason := "negated", "every mention is negated"
	switch {
	case blocked&nlp.Negated != 0:
	case blocked&nlp.Hypothetical != 0:
		rule, reason = "hypothetical", "mentioned only as a possibility to watch for (hypothetical)"
	case blocked&nlp.Family != 0:
		rule, reason = "family", "mentioned only for a family member; family history is coded with Z80-Z84"
		if c.replacedBy != "" {
			reason = "mentioned only for a family member: coded with the family-history code " + c.replacedBy
		}
	case blocked&nlp.Uncertain != 0:
		rule, reason = "uncertain_outpatient", "uncertain diagnosis (possible, probable, rule out): not coded in the outpatient setting; code the documented symptoms"
	}
	return Rejection{System: string(e.set.Brief(code).System), Code: e.set.Brief(code).Code, Display: e.set.Brief(code).Display, Rule: rule, Reason: reason}, false
}
