package suggest

import (
	"fmt"

	"medcode/corpus"
)

// pastMalignancies applies the follow-up guideline (I.C.2.d) to a
// malignancy the engine rejected because the note places it in the past
// ("History of melanoma of the back, excised 2016, no recurrence"): when
// the note finds no evidence of disease, the personal-history code (Z85)
// of its site is what the note documents, and is added on the same
// evidence. followUp handles a past malignancy still suggested.
func (e *Engine) pastMalignancies(n *ruleNote, res *Result, rejected []Rejection, adds []addition) []addition {
	doc := n.doc
	var ned []cue
	for _, c := range n.cues(nedCues) {
		if n.patients(c) {
			ned = append(ned, c)
		}
	}
	if len(ned) == 0 {
		return adds
	}
	for _, s := range suggestedICD(res, "Z85") {
		if s.Confidence >= res.Threshold {
			return adds // a personal history of malignancy is coded already
		}
	}
	seen := map[string]bool{}
	for _, r := range rejected {
		if r.System != string(corpus.ICD10CM) || r.Rule != "historical" || len(r.Code) < 3 || r.Code[0] != 'C' || r.Code >= "C77" && r.Code < "C81" {
			continue
		}
		s := Suggestion{System: r.System, Code: r.Code, Display: r.Display, Evidence: r.Evidence}
		z, ok := e.personalHistory(s)
		if !ok || seen[z.Code] {
			continue
		}
		seen[z.Code] = true
		adds = append(adds, addition{sys: corpus.ICD10CM, code: z.Code, conf: e.secondaryConfidence(), ev: append(evidenceCues(doc, s), ned...), rule: "follow_up",
			why: fmt.Sprintf("a past malignancy (%s) with no evidence of disease: personal history of it", r.Code)})
	}
	return adds
}
