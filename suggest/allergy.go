package suggest

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// An allergy the patient has is an allergy status code (Z88 drugs, Z91.0
// foods, insects, latex, contrast), coded where it affects care
// (guideline I.C.21.c.3): the assessment or plan takes it up ("cefdinir
// given amoxicillin allergy"). Listed only in the allergies section, the
// status is ranked just below the decision threshold for the coder to
// take when it mattered.

//go:embed allergy.txt
var allergyTable string

// allergyRule is one line of allergy.txt.
type allergyRule struct {
	code    string
	phrases []phrase
}

// allergyWords name an allergy outside the allergies section ("allergic
// to penicillin", "PCN allergy", "sulfa-allergic").
var allergyWords = phrases("allergy|allergies|allergic|allergic to|anaphylaxis|anaphylactic")

// parseAllergyRules reads allergy.txt, keeping the rules whose code is a
// billable ICD-10-CM code of set.
func parseAllergyRules(set *corpus.Set, src string) ([]allergyRule, error) {
	var out []allergyRule
	for n, line := range strings.Split(src, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("suggest: allergy.txt:%d: want code and phrases separated by a tab", n+1)
		}
		if id, ok := set.ID(corpus.ICD10CM, f[0]); !ok || !set.Brief(id).Billable {
			continue
		}
		out = append(out, allergyRule{code: f[0], phrases: phrases(strings.ReplaceAll(f[1], "-", " "))})
	}
	return out, nil
}

// allergyStatus adds the allergy status codes of the patient's documented
// allergies: at the decision threshold when a mention lies in the
// assessment or plan, else just below it.
func (e *Engine) allergyStatus(n *ruleNote, res *Result, adds []addition) []addition {
	doc := n.doc
	// allergic wants an allergies section or an allergy word.
	if !slices.ContainsFunc(doc.Sections, func(s nlp.Section) bool { return s.Kind == nlp.Allergies }) && !n.holdsCue(allergyWords) { // a note without an allergy word states none (TestGateCuesAreHoldsWord)
		return adds
	}
	thr := e.DecisionThreshold()
	found := n.lists(n.tab.allergy, len(e.allergy))
	for ri, r := range e.allergy {
		var ev []cue
		care := false
		for _, c := range found[ri] {
			sec := sectionKind(doc, c.sec)
			if !allergic(n, c, sec) {
				continue
			}
			ev = append(ev, c)
			care = care || takenUp[sec]
		}
		if len(ev) == 0 {
			continue
		}
		conf, why := round(thr-0.01, 4), "an allergy the note lists: code the status when it affects care at this encounter"
		if care {
			conf, why = thr, "an allergy the assessment or plan takes up: allergy status"
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: r.code, conf: conf, ev: ev, rule: "allergy_status", why: why})
	}
	return adds
}

// allergic reports whether cue c names something the patient is allergic
// to: an entry of the allergies section, or words an allergy word stands
// beside, not negated, hypothetical or a relative's.
func allergic(n *ruleNote, c cue, sec nlp.SectionKind) bool {
	if c.assert&(nlp.Negated|nlp.Hypothetical|nlp.Family) != 0 || n.near(c, otherPersonCues, 4, 0) {
		return false
	}
	return sec == nlp.Allergies || n.near(c, allergyWords, 3, 2)
}
