package suggest

import (
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// A visit's reason is itself coded when the encounter is for a service
// rather than for a condition (chapter 21, guidelines I.C.21.c): a
// preprocedural examination (Z01.81-), a repeat prescription (Z76.0),
// therapeutic drug level monitoring (Z51.81), the follow-up examination
// after completed treatment of a condition that is gone (Z09), aftercare
// following joint replacement (Z47.1) and tobacco counselling (Z71.6).
// Each is taken from the words the Index files it under ("Examination,
// preprocedural", "Issue of repeat prescription", "Monitoring, drug
// level", "Follow-up, after completed treatment", "Aftercare, joint
// replacement", "Counseling, tobacco use"), documented for the patient at
// this encounter: not negated, not a relative's, not in the plan.

var (
	preopCues = phrases("preoperative|pre operative|preop|pre op|preprocedural|pre procedural|preprocedure|pre procedure|presurgical|pre surgical|surgical clearance|medical clearance|cardiac clearance|cardiology clearance|clearance for surgery")
	// examWords make a preprocedural cue an examination ("preoperative
	// exam", "pre-op labs"), not a diagnosis ("preoperative diagnosis").
	examWords          = phrases("exam|exams|examination|evaluation|eval|assessment|clearance|physical|visit|consult|consultation|workup|work up|testing|tests|lab|labs|laboratory|bloodwork|blood work|risk stratification")
	cardioWords        = phrases("cardiovascular|cardiac|cardiology|heart|ecg|ekg|electrocardiogram")
	respWords          = phrases("respiratory|pulmonary|pulmonology|lung")
	labWords           = phrases("lab|labs|laboratory|bloodwork|blood work|blood tests|blood test")
	refillCues         = phrases("medication refill|medication refills|medications refill|med refill|med refills|meds refill|prescription refill|prescription refills|refill visit|refill request|refills requested|repeat prescription|repeat prescriptions|prescription renewal|medication renewal|here for refill|here for refills|here for a refill|needs refill|needs refills|requests refill|requests refills|requesting refill|requesting refills")
	drugLevelCues      = phrases("inr|pt inr|protime|prothrombin time|drug level|drug levels|trough|troughs|therapeutic drug monitoring|" + levelPhrases())
	monitorCues        = phrases("check|checks|checked|recheck|monitor|monitoring|monitored|visit|here for|presents for|drawn|draw")
	followCues         = phrases("follow up|followup|follow-up|recheck|re check|post treatment visit|here for follow")
	completedCues      = phrases("completed|complete|completion|finished|resolved|cured|cleared")
	aftercareCues      = phrases("aftercare|after care|postoperative visit|post operative visit|postop visit|post op visit|postoperative check|postop check|post op check|postoperative follow up|postop follow up|post op follow up")
	tobaccoCounselCues = phrases("counsel*|cessation counseling|cessation education|advised to quit|advised to stop smoking|advised on quitting|educated on quitting")
	tobaccoCues        = phrases("tobacco|smoke|smokes|smoker|smokers|smoking|cigarette*|cigar|cigars|nicotine|vape|vapes|vaping|chew|chewing tobacco|snuff|quitting|quit smoking|cessation")
	notCounselCues     = phrases("declin*|refus*|not interested|will|next visit")
)

// monitoredDrugs are the drugs whose serum level a visit checks.
var monitoredDrugs = []string{"lithium", "digoxin", "phenytoin", "dilantin", "valproate", "valproic acid", "depakote", "carbamazepine", "tegretol", "tacrolimus", "cyclosporine", "sirolimus", "vancomycin", "gentamicin", "tobramycin", "theophylline", "phenobarbital"}

func levelPhrases() string {
	var ps []string
	for _, d := range monitoredDrugs {
		ps = append(ps, d+" level", d+" levels", d+" trough")
	}
	return strings.Join(ps, "|")
}

// visitCue reports whether cue c documents something for the patient at
// this encounter: not negated, hypothetical or a relative's, and where a
// note states what the encounter is for (encounterSections, the present
// illness), not in a medication list or history ("warfarin per INR
// clinic") nor in the plan.
func visitCue(n *ruleNote, c cue) bool {
	doc := n.doc
	k := sectionKind(doc, c.sec)
	return n.patients(c) && (encounterSections[k] || k == nlp.HistoryOfPresentIllness || k == nlp.Subjective)
}

// serviceVisits adds the encounter-reason codes the note documents and
// drops the unspecified code each replaces.
func (e *Engine) serviceVisits(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	adds = e.preprocedural(n, adds)
	adds = e.repeatPrescription(n, res, adds)
	adds = e.drugMonitoring(n, adds)
	adds = e.completedFollowUp(n, res, adds)
	adds, rej = e.jointAftercare(n, res, adds, rej)
	adds, rej = e.tobaccoCounseling(n, res, adds, rej)
	adds = e.newbornRecord(n, adds)      // newborn.go
	adds = e.pregnancyTest(n, res, adds) // newborn.go
	return adds, rej
}

// preprocedural: Z01.81- when the note documents a preoperative or
// preprocedural examination; the cardiovascular (Z01.810), respiratory
// (Z01.811) or laboratory (Z01.812) one when its sentence names it, else
// the other (Z01.818). Listed first, the reason for the surgery after.
func (e *Engine) preprocedural(n *ruleNote, adds []addition) []addition {
	doc := n.doc
	var ev []cue
	code := ""
	for _, c := range n.cues(preopCues) {
		if !visitCue(n, c) || !n.near(c, examWords, 0, 3) && !strings.Contains(strings.ToLower(doc.Text[c.start:c.end]), "clearance") {
			continue
		}
		k := "Z01.818"
		switch {
		case n.near(c, cardioWords, 2, 3):
			k = "Z01.810"
		case n.near(c, respWords, 2, 3):
			k = "Z01.811"
		case n.near(c, labWords, 0, 3):
			k = "Z01.812"
		}
		if code == "" {
			code = k
		}
		if k == code {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: ev, rule: "preprocedural_exam",
		why:   "the encounter is a preprocedural examination",
		edits: []Edit{{Kind: "sequencing", Message: "the preprocedural examination code is listed first; code the reason for the procedure and any findings in addition"}}})
}

// repeatPrescription: Z76.0 when the visit is for a prescription refill
// and no condition is coded: a refill given while managing a condition is
// coded by the condition.
func (e *Engine) repeatPrescription(n *ruleNote, res *Result, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(refillCues) {
		if visitCue(n, c) && !n.near(c, plannedCues, 3, 0) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds
	}
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System == string(corpus.ICD10CM) && s.Code[0] != 'Z' && s.Confidence >= res.Threshold {
			return adds
		}
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z76.0", conf: ruleConfidence, ev: ev, rule: "repeat_prescription",
		why: "the encounter is for the issue of a repeat prescription"})
}

// drugMonitoring: Z51.81 when the encounter checks a drug's level or
// effect (INR for warfarin, a lithium level), the long-term drug therapy
// code (Z79) beside it.
func (e *Engine) drugMonitoring(n *ruleNote, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(drugLevelCues) {
		if visitCue(n, c) && n.near(c, monitorCues, 3, 2) && !n.near(c, plannedCues, 4, 0) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z51.81", conf: e.secondaryConfidence(), ev: ev, rule: "drug_monitoring",
		why:   "the encounter monitors a drug's level or effect: therapeutic drug level monitoring",
		edits: []Edit{{Kind: "use_additional", Message: "code the long-term (current) drug therapy (Z79.-) too"}}})
}

// completedFollowUp: Z09 when the encounter follows up a condition whose
// treatment is completed and which the note codes by its personal-history
// code (Z86, Z87) in the same sentence; a malignancy's is Z08 (followUp).
func (e *Engine) completedFollowUp(n *ruleNote, res *Result, adds []addition) []addition {
	doc := n.doc
	var ev []cue
	for _, c := range n.cues(followCues) {
		if !visitCue(n, c) || !n.sentenceHas(c.sent, completedCues, -1) {
			continue
		}
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			b := corpus.Brief{System: corpus.ICD10CM, Code: s.Code}
			if s.System != string(corpus.ICD10CM) || !pastHistoryCode(b) || strings.HasPrefix(s.Code, "I25.2") {
				continue
			}
			for _, h := range evidenceCues(doc, *s) {
				if h.sent == c.sent {
					ev = append(ev, c, h)
					adds = append(adds, addition{sys: corpus.ICD10CM, code: s.Code, conf: e.secondaryConfidence(), ev: []cue{h}, rule: "follow_up_completed",
						why: "the condition's treatment is completed: its personal history is coded beside Z09"})
				}
			}
		}
	}
	if len(ev) == 0 {
		return adds
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z09", conf: ruleConfidence, ev: ev, rule: "follow_up_completed",
		why:   "follow-up examination after completed treatment of a condition other than a malignancy",
		edits: []Edit{{Kind: "sequencing", Message: "Z09 is listed first, the personal-history code (Z86, Z87) beside it"}}})
}

// jointAftercare: Z47.1 when the encounter is aftercare and the note
// documents a joint replacement (Z96.6-) in the same sentence; the
// unspecified aftercare code (Z51.89) gives way to it.
func (e *Engine) jointAftercare(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	joints := make(map[int][]cue)
	for _, s := range suggestedICD(res, "Z96.6") {
		for _, c := range evidenceCues(doc, s) {
			joints[c.sent] = append(joints[c.sent], c)
		}
	}
	for _, a := range adds {
		if strings.HasPrefix(a.code, "Z96.6") {
			for _, c := range a.ev {
				joints[c.sent] = append(joints[c.sent], c)
			}
		}
	}
	var ev []cue
	for _, c := range n.cues(aftercareCues) {
		if visitCue(n, c) && len(joints[c.sent]) > 0 {
			ev = append(ev, c)
			ev = append(ev, joints[c.sent]...)
		}
	}
	if len(ev) == 0 {
		return adds, rej
	}
	if i := has(res, corpus.ICD10CM, "Z51.89"); i >= 0 {
		rej = append(rej, drop(res, i, "less_specific", "aftercare following joint replacement surgery is Z47.1"))
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z47.1", conf: ruleConfidence, ev: ev, rule: "joint_aftercare",
		why:   "aftercare following joint replacement surgery",
		edits: []Edit{{Kind: "use_additional", Message: "code the joint prosthesis status (Z96.6-) beside Z47.1"}}}), rej
}

// tobaccoCounseling: Z71.6 when the patient is counselled on tobacco use
// (in the sentence that names it); the unspecified counselling code
// (Z71.9) gives way to it.
func (e *Engine) tobaccoCounseling(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	var ev []cue
	for _, c := range n.cues(tobaccoCounselCues) {
		if visitCue(n, c) && n.sentenceHas(c.sent, tobaccoCues, -1) && !n.near(c, notCounselCues, 3, 0) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds, rej
	}
	if i := has(res, corpus.ICD10CM, "Z71.9"); i >= 0 {
		rej = append(rej, drop(res, i, "less_specific", "the counselling is on tobacco use: Z71.6"))
	}
	// Z71.6's use additional code note lists the tobacco use after it
	// (sequence.go) at no more than its confidence: it takes the
	// confidence of the tobacco use the note documents.
	conf := e.secondaryConfidence()
	for _, s := range suggestedICD(res, "F17", "Z72.0") {
		conf = max(conf, s.Confidence)
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z71.6", conf: conf, ev: ev, rule: "tobacco_counseling",
		why: "tobacco use counselling documented; code the tobacco use or dependence too"}), rej
}
