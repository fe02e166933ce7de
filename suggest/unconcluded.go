package suggest

import (
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// A sign or symptom a whole note describes on the way to its conclusion
// (fatigue in the history of the present illness, restlessness in the
// mental status exam, nocturia in the review of systems) is not coded when
// the note concludes with an assessment, impression or diagnoses of its
// own that do not take it up: guidelines I.B.4-5 and IV.D code signs and
// symptoms when no related definitive diagnosis is established, and the
// note's conclusion says which the provider established. The chief
// complaint and the reason for the study are left to the reason rule
// (reason.go), which keeps an unexplained presenting symptom; a symptom
// the conclusion or plan names ("Chest pain, unclear etiology") stays.
// Likewise any other condition only the history of the present illness,
// the review of systems or the examination tells ("episodes of
// hypoglycemia last year", "enlarged tonsils", a healed "scar"): guideline
// IV.J codes the conditions the encounter addresses, and the assessment
// says which. Status codes (Z) are left to their own rules, and external
// causes (V00-Y99) take their details from the story ("slipped on ice").

// takenUp are the sections in which a note concludes or acts on what it
// found: a symptom named there is addressed.
var takenUp = map[nlp.SectionKind]bool{
	nlp.Assessment: true, nlp.AssessmentAndPlan: true, nlp.Impression: true, nlp.Diagnoses: true,
	nlp.DischargeDiagnoses: true, nlp.PostoperativeDiagnosis: true, nlp.PreoperativeDiagnosis: true,
	nlp.AdmissionDiagnoses: true, nlp.Plan: true, nlp.ProblemList: true,
}

// onTheWay are the sections that tell what led to the assessment, or
// what was done on the way to an operative note's diagnoses: the history
// of the present illness, the review of systems, the examination and the
// description of the procedure.
var onTheWay = map[nlp.SectionKind]bool{
	nlp.HistoryOfPresentIllness: true, nlp.Subjective: true,
	nlp.ReviewOfSystems: true, nlp.PhysicalExam: true, nlp.VitalSigns: true, nlp.Objective: true,
	nlp.ProcedureDescription: true,
}

// presenting are the sections that state why the patient came or why the
// study was done.
var presenting = map[nlp.SectionKind]bool{
	nlp.ChiefComplaint: true, nlp.ReasonForVisit: true, nlp.Indications: true, nlp.ConsultReason: true,
}

// concludesOwn reports whether the note has a section in which it
// concludes (assessment, impression, diagnoses; a radiology report's
// findings alone do not count).
func concludesOwn(doc *nlp.Document) bool {
	for _, s := range doc.Sections {
		if takenUp[s.Kind] && s.Kind != nlp.Plan {
			return true
		}
	}
	return false
}

// symptomCode reports whether ICD-10-CM code is a sign or symptom:
// chapter R or a symptom code of another chapter (pain in a joint or
// limb, back pain, a breast lump; reason.go's explainedBy).
func symptomCode(code string) bool {
	return strings.HasPrefix(code, "R") || symptomPrefix(code) != ""
}

// unconcluded lowers below the decision threshold the signs and symptoms
// named only outside a concluding note's assessment, plan and presenting
// complaint, and the other conditions named only in its history of the
// present illness, review of systems or examination (not for annotation,
// which lists every documented concept). A code a suggested code's notes
// ask for stays. The code stays ranked, with its reason.
func (e *Engine) unconcluded(doc *nlp.Document, ks []scored, marks *sectionMarks, annotate bool) {
	if annotate || !concludesOwn(doc) {
		return
	}
	thr := e.DecisionThreshold()
	// asked reports whether a recommended code's notes ask for this one
	// ("use additional code for associated symptoms" of N40.1), asked
	// last: the mention tests are cheaper and decide most codes.
	asked := askers{e: e, ks: ks, thr: thr}
	e.lowerWhere(ks, func(k *scored) bool {
		if e.set.SystemOf(k.code) != corpus.ICD10CM {
			return false
		}
		// Either way every mention lies in a section with a kind that
		// neither takes it up nor presents it (the onTheWay sections are
		// such sections, TestSectionMarksAgree): the mentions first, then
		// the code (symptomCode's map lookups) for the few left.
		if !everyMentionMarked(k.c, marks, markKnown|markTakenUp|markPresenting, markKnown) {
			return false
		}
		// The brief's system and code are all the rule reads of it.
		code := e.set.CodeString(k.code)
		if symptomCode(code) {
			return !asked.asks(code)
		}
		// Any other condition or finding only the story and the
		// examination tell ("enlarged tonsils", a healed "scar", "history
		// of hypoglycemia"), but a status or an external cause.
		return !strings.HasPrefix(code, "Z") && !externalCauseICD(code) && everyMentionMarked(k.c, marks, markOnTheWay, markOnTheWay) &&
			!asked.asks(code)
	}, "not_concluded", "named only on the way to an assessment that does not take it up: code it when this encounter addresses it and no diagnosis explains it")
}
