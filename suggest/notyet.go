package suggest

import (
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// A status code (Z95-Z98 device, graft or operation; Z93 opening; Z48
// aftercare) records what the patient has, or what this encounter is for.
// A device the plan or follow-up names ("Plan: phacoemulsification with
// intraocular lens implant"; "Follow-up: suture removal in 1 week"), one
// of an operation to come ("clearance before elective right total hip
// arthroplasty") and one placed at this very encounter ("drug-eluting
// stent ... this admission", coded by the procedure) is no status yet.

var (
	// toComeCues, before a mention in its sentence, put its operation in
	// the future.
	toComeCues = phrases("before|prior to|preoperative|pre operative|preop|pre op|scheduled|planned|elective|upcoming|candidate for|awaiting|clearance")
	// hereCues, anywhere in the sentence, put the operation in this
	// encounter.
	hereCues = phrases("this admission|this hospitalization|during this admission|during this hospitalization")
	// laterSections are where a note says what will be done.
	laterSections = map[nlp.SectionKind]bool{
		nlp.Plan: true, nlp.FollowUp: true, nlp.DischargeInstructions: true, nlp.PatientInstructions: true,
	}
)

// notYet reports whether cue c of a status rule of kind names a device,
// opening or aftercare the patient does not have at this encounter.
//
// The sentence's cues are read from the note's cue table (rulenote.go),
// not found again in the sentence per cue.
func notYet(n *ruleNote, kind string, c cue) bool {
	doc := n.doc
	switch kind {
	case "implant", "opening", "aftercare":
	default:
		return false
	}
	if laterSections[sectionKind(doc, c.sec)] {
		return true
	}
	if kind == "aftercare" {
		return false
	}
	return n.sentenceHas(c.sent, toComeCues, c.tok) || n.sentenceHas(c.sent, hereCues, -1)
}

// laterEncounters lowers below the decision threshold the reasons for an
// encounter (encounterReason) named only in the plan, follow-up or
// instructions: a visit to come, or counselling given while managing what
// the assessment names, is not this encounter's reason (not for
// annotation). The code stays ranked, with its reason.
func (e *Engine) laterEncounters(doc *nlp.Document, ks []scored, marks *sectionMarks, annotate bool) {
	if annotate {
		return
	}
	e.lowerWhere(ks, func(k *scored) bool {
		// The system and the code first: the whole brief (its title)
		// only for a code of chapter 21.
		if e.set.SystemOf(k.code) != corpus.ICD10CM || !strings.HasPrefix(e.set.CodeString(k.code), "Z") || !encounterReason(e.set.Brief(k.code)) {
			return false
		}
		return everyMentionMarked(k.c, marks, markLater, markLater)
	}, "later_encounter", "a reason for an encounter named only in the plan or follow-up (a visit to come, or counselling while managing the assessment's conditions): code it when it is this encounter's reason")
}

// encounterReason reports whether b is a reason for an encounter: an
// "Encounter for ..." code, or one of the blocks of chapter 21 for
// examinations and screening (Z00-Z13), procedures and aftercare
// (Z40-Z53) and counselling and advice (Z69-Z76).
func encounterReason(b corpus.Brief) bool {
	c := b.Code
	return strings.HasPrefix(b.Display, "Encounter for ") || c >= "Z00" && c < "Z14" || c >= "Z40" && c < "Z54" || c >= "Z69" && c < "Z77"
}
