package suggest

import (
	"fmt"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// poorControlCues are the Alphabetic Index's words for diabetes out of
// control: "Diabetes, out of control / poorly controlled / inadequately
// controlled - code to Diabetes, by type, with hyperglycemia".
var poorControlCues = phrases("poorly controlled|poor control|poorly-controlled|inadequately controlled|inadequate control|out of control|suboptimally controlled|suboptimal control|not well controlled|not controlled")

// diabetesControl codes diabetes the note calls poorly controlled to its
// type's "with hyperglycemia" code (E08-E13 .65), as the Index directs;
// the type's "without complications" code the same words found gives way
// to it. Uncontrolled diabetes is left alone: the Index sends it to
// hyperglycemia or hypoglycemia by what the note says it means.
func (e *Engine) diabetesControl(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	if !anySuggestedICD(res, "E08", "E09", "E10", "E11", "E13") {
		return adds, rej
	}
	cues := n.cues(poorControlCues)
	if len(cues) == 0 {
		return adds, rej
	}
	for i := 0; i < len(res.Suggestions); i++ {
		// Tested in place: a suggestion is copied only past the test.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) || len(p.Code) < 3 || !strings.Contains("E08 E09 E10 E11 E13", p.Code[:3]) ||
			p.Confidence < e.DecisionThreshold() {
			continue
		}
		s := res.Suggestions[i]
		var ev []cue
		for _, c := range evidenceCues(doc, s) {
			for _, p := range cues {
				if p.sent == c.sent && n.patients(p) && p.assert&nlp.Historical == 0 {
					ev = append(ev, p)
				}
			}
		}
		if len(ev) == 0 {
			continue
		}
		target := s.Code[:3] + ".65"
		id, ok := e.set.ID(corpus.ICD10CM, target)
		if !ok || !e.set.Brief(id).Billable {
			continue
		}
		why := fmt.Sprintf("the note says %q: the Alphabetic Index codes poorly controlled diabetes to %s (%s)",
			doc.Text[ev[0].start:ev[0].end], target, e.set.Brief(id).Display)
		adds = append(adds, addition{sys: corpus.ICD10CM, code: target, conf: max(s.Confidence, ruleConfidence), ev: ev, rule: "diabetes_control", why: why})
		if strings.Contains(s.Display, "without complications") {
			rej = append(rej, drop(res, i, "contradicted", why))
			i--
		}
	}
	return adds, rej
}
