package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// The newborn's own birth record is coded with its liveborn code (Z38,
// guidelines I.C.16.a.2): single or twin, born in or outside hospital,
// delivered vaginally or by cesarean. The outcome of delivery (Z37)
// belongs on the mother's record, never beside it. A pregnancy test that
// is the reason for the encounter is coded by its result (Z32.0-).

var (
	liveBornCues = phrases("liveborn|live born|newborn|neonate|live birth")
	bornCues     = phrases("born|delivered|delivery|birth")
	// motherCues say the record is the mother's: she delivered the infant.
	motherCues     = phrases("delivery of|delivered of|delivered a|delivered her|gave birth|postpartum|gravida|primigravida|multigravida|para|she|her baby|her infant|mother delivered")
	outsideCues    = phrases("born at home|home birth|home delivery|born en route|born outside|outside hospital|outside the hospital|out of hospital|born in the car|birth center")
	hospitalCues   = phrases("in hospital|in the hospital|in this hospital|hospital birth|born here|in our hospital")
	cesareanCues   = phrases("cesarean|caesarean|c section|csection|c/s")
	vaginalCues    = phrases("vaginal|vaginally|svd|nsvd")
	pregTestCues   = phrases("pregnancy test|preg test|urine hcg|serum hcg|beta hcg|hcg test|upt")
	positiveCues   = phrases("positive|confirmed|confirms")
	negativeResult = phrases("negative")
)

// newbornRecord: Z38.x on the newborn's record; the Z37 additions of the
// same note are dropped (they are the mother's).
func (e *Engine) newbornRecord(n *ruleNote, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(liveBornCues) {
		if c.assert&(nlp.Negated|nlp.Family|nlp.Hypothetical) == 0 && n.sentenceHas(c.sent, bornCues, -1) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 || len(n.cues(motherCues)) > 0 {
		return adds
	}
	has := func(ps []phrase) bool { return len(n.cues(ps)) > 0 }
	twin := has(twinCues)
	code := ""
	switch {
	case has(tripletCues):
		return adds // Z38.6-/Z38.7- need the number of the multiple; left to the coder
	case has(outsideCues):
		code = map[bool]string{false: "Z38.1", true: "Z38.4"}[twin]
	case has(cesareanCues):
		code = map[bool]string{false: "Z38.01", true: "Z38.31"}[twin]
	case has(vaginalCues) || has(hospitalCues):
		code = map[bool]string{false: "Z38.00", true: "Z38.30"}[twin]
	default:
		code = map[bool]string{false: "Z38.2", true: "Z38.5"}[twin]
	}
	adds = slices.DeleteFunc(adds, func(a addition) bool { return strings.HasPrefix(a.code, "Z37") })
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: ev, rule: "liveborn",
		why:   "the newborn's birth record: liveborn infant by place and mode of delivery",
		edits: []Edit{{Kind: "sequencing", Message: "the liveborn code is listed first on the newborn's birth record (I.C.16.a.2)"}}})
}

// workupFloor is the confidence from which a condition named beside a
// pregnancy test counts as the workup the test belongs to.
const workupFloor = 0.01

// pregnancyTest: Z32.01/Z32.02/Z32.00 when a pregnancy test is the
// encounter's reason: the note names no condition (workupFloor).
func (e *Engine) pregnancyTest(n *ruleNote, res *Result, adds []addition) []addition {
	doc := n.doc
	var ev []cue
	for _, c := range n.cues(pregTestCues) {
		k := sectionKind(doc, c.sec)
		if c.assert&(nlp.Family|nlp.Hypothetical) == 0 && !n.near(c, otherPersonCues, 4, 0) && (encounterSections[k] || k == nlp.HistoryOfPresentIllness || k == nlp.Subjective) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds
	}
	// A condition the note names beside the test ("Irregular menses;
	// urine pregnancy test negative"), even one left below the
	// threshold, is what the test is part of the workup of.
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		// An abnormal finding of a test (R70-R94) reads the test's own
		// result ("positive ... test"), not a condition.
		if s.System == string(corpus.ICD10CM) && s.Code[0] != 'Z' && !(s.Code >= "R70" && s.Code < "R95") && s.Confidence >= workupFloor {
			return adds
		}
	}
	code := "Z32.00"
	switch {
	case n.sentenceHas(ev[0].sent, positiveCues, -1):
		code = "Z32.01"
	case n.sentenceHas(ev[0].sent, negativeResult, -1):
		code = "Z32.02"
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: ev[:1], rule: "pregnancy_test",
		why: "the encounter is for a pregnancy test, coded by its result"})
}
