package suggest

import (
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
)

// An external cause code (chapter 20, V00-Y38) says how an injury or a
// health condition came about; it is never coded alone (Official
// Guidelines I.C.20: "used with any code in the range of A00.0-T88.9,
// Z00-Z99 that represents an injury or health condition due to an
// external cause"). A fall the note names with no injury or condition it
// caused ("Frequent falls", R29.6) is no external cause to report.

// causedCondition reports whether a suggestion is an injury, poisoning or
// complication (S00-T88), the kind of code an external cause explains:
// ranked at all, the note names one, even when the engine is unsure of its
// detail.
func causedCondition(s *Suggestion) bool {
	return s.System == string(corpus.ICD10CM) && s.Code != "" && (s.Code[0] == 'S' || s.Code[0] == 'T')
}

// externalCauseAlone puts each suggested external cause code (V00-Y38;
// Y90-Y99 are supplementary) just below the decision threshold when no
// injury, poisoning or complication is ranked beside it, with the reason.
// Annotation keeps it.
func (e *Engine) externalCauseAlone(req Request, res *Result) {
	if req.Annotate {
		return
	}
	thr := e.DecisionThreshold()
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if causedCondition(s) {
			return
		}
	}
	changed := false
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if !externalCauseCode(s) || s.Confidence < thr || strings.HasPrefix(s.Code, "Y9") {
			continue
		}
		s.Confidence = round(max(0, thr-0.01), 4)
		s.Edits = append(s.Edits, Edit{Kind: "external_cause_alone", Message: fmt.Sprintf("%s says how an injury came about; the note documents no injury or poisoning it caused (guideline I.C.20): not coded alone", s.Code)})
		changed = true
	}
	if changed {
		slices.SortStableFunc(res.Suggestions, func(a, b Suggestion) int {
			switch {
			case listsAfter(a, b):
				return -1
			case listsAfter(b, a):
				return 1
			}
			return 0
		})
	}
}
