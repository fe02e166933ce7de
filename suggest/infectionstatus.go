package suggest

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"medcode/corpus"
)

// Infection status. An infection the note qualifies as a status - HIV it
// calls asymptomatic or positive, tuberculosis it calls latent, a carrier
// - is coded by the status code (Z21, Z22.-), not the disease (B20,
// A15.-; I.C.1.a.2.d). A status code whose official name (title,
// inclusion term or Index path) the note's words match in a span holding
// the best evidence span of a suggested infectious-disease code (chapter
// 1) and more takes that code's place: "Asymptomatic HIV infection" is Z21,
// "latent TB infection" Z22.7. A learned phrase decides nothing.

// infectionStatusCode reports whether a code is an infection status code.
func infectionStatusCode(code string) bool {
	return strings.HasPrefix(code, "Z21") || strings.HasPrefix(code, "Z22")
}

// holdsMore reports whether one official-name span of b holds the first
// (best) evidence span of a and more, and a reads nothing before it.
func holdsMore(a, b Suggestion) bool {
	if len(a.Evidence) == 0 {
		return false
	}
	x := a.Evidence[0]
	return slices.ContainsFunc(b.Evidence, func(y Evidence) bool {
		if y.MatchedKind == "learned" || y.MatchedKind == "" || x.Start < y.Start || x.End > y.End || x.End-x.Start >= y.End-y.Start {
			return false
		}
		return !slices.ContainsFunc(a.Evidence, func(z Evidence) bool { return z.Start < y.Start })
	})
}

// infectionStatus recodes suggested infectious-disease codes to the
// status code the note's words state (see above). An annotating request
// keeps both, the status code just below.
func (e *Engine) infectionStatus(req Request, res *Result, rej []Rejection) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		// Tested in place: a suggestion is copied only past the test.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) || p.Confidence < res.Threshold || !strings.ContainsAny(p.Code[:1], "AB") {
			continue
		}
		a := res.Suggestions[i]
		j := slices.IndexFunc(res.Suggestions, func(b Suggestion) bool {
			return b.System == a.System && infectionStatusCode(b.Code) && holdsMore(a, b)
		})
		if j < 0 {
			continue
		}
		b := res.Suggestions[j]
		why := fmt.Sprintf("the note states %s (%s), whose words hold those of %s and more: an infection status is coded by its status code (I.C.1)", b.Code, b.Display, a.Code)
		if b.Confidence < a.Confidence {
			res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
			b.Edits = slices.DeleteFunc(b.Edits, func(ed Edit) bool { // the conflict it lost is decided
				return ed.Kind == "excludes1" && strings.Contains(ed.Message, a.Code)
			})
			b.Edits = append(b.Edits, Edit{Kind: "infection_status", Message: why})
			b.Explanation.Children = append(b.Explanation.Children, Explanation{Value: a.Confidence, Message: "coding rule infection_status: " + why})
			b.Confidence, b.Score = a.Confidence, math.Nextafter(a.Score, math.Inf(-1))
			if !req.Annotate {
				b.Score = a.Score
			}
			insert(res, b)
		} else if req.Annotate {
			continue
		}
		if !req.Annotate {
			rej = append(rej, drop(res, has(res, corpus.ICD10CM, a.Code), "infection_status", why))
		}
		i = -1 // the order changed: look again from the top
	}
	return rej
}
