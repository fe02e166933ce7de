package suggest

import (
	"fmt"
	"strings"

	"medcode/corpus"
)

// Cues of the vaccine administration rule.
var (
	counselCues = phrases("counsel*|vis given|vis provided|vaccine information statement|vaccine information statements|risks and benefits|discussed risks|discussed the risks")
	mucosalCues = phrases("intranasal|nasal spray|by mouth|oral vaccine|flumist|rotavirus|rotateq|rotarix|oral typhoid|vivotif")
)

// vaccineAdmin adds the administration codes of the vaccines given at
// this encounter (Z23 is among the additions): 90460 through age 18 when
// the physician counsels, else 90471 for the first injection (90473 by
// mouth or nose) and 90472/90474 for each further vaccine. Other
// administration codes are rejected. A code the loaded CPT file lacks is
// a notice.
func (e *Engine) vaccineAdmin(n *ruleNote, req Request, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	var z23 *addition
	for i := range adds {
		if adds[i].code == "Z23" && adds[i].sys == corpus.ICD10CM {
			z23 = &adds[i]
		}
	}
	if z23 == nil || len(req.Systems) > 0 && !contains(req.Systems, corpus.CPT) {
		return adds, rej
	}
	var products []Suggestion
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System != string(corpus.ICD10CM) && !adminCode(s.Code) && strings.Contains(strings.ToLower(s.Display), "vaccine") {
			products = append(products, *s)
		}
	}
	mucosal := func(s Suggestion) bool {
		d := strings.ToLower(s.Display)
		return strings.Contains(d, "by mouth") || strings.Contains(d, "nose") || strings.Contains(d, "nasal")
	}
	var codes []string
	why := ""
	switch a := n.age(); {
	case a >= 0 && a <= 18 && len(n.cues(counselCues)) > 0:
		codes, why = []string{"90460"}, "a vaccine given with counseling to a patient through age 18 (90460 per vaccine, 90461 per further component)"
	default:
		inj, muc := 0, 0
		for _, p := range products {
			if mucosal(p) {
				muc++
			} else {
				inj++
			}
		}
		if len(products) == 0 {
			if len(n.cues(mucosalCues)) > 0 {
				muc = 1
			} else {
				inj = 1
			}
		}
		switch {
		case inj > 0:
			codes = append(codes, "90471")
			for range inj - 1 {
				codes = append(codes, "90472")
			}
			for range muc {
				codes = append(codes, "90474")
			}
		default:
			codes = append(codes, "90473")
			for range muc - 1 {
				codes = append(codes, "90474")
			}
		}
		why = fmt.Sprintf("%d vaccine(s) by injection and %d by mouth or nose given at this encounter", inj, muc)
	}
	chosen := map[string]bool{}
	for _, c := range codes {
		chosen[c] = true
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		if s := &res.Suggestions[i]; s.System == string(corpus.CPT) && adminCode(s.Code) && !chosen[s.Code] {
			rej = append(rej, drop(res, i, "vaccine_administration", why+": administration coded "+strings.Join(codes, ", ")))
		}
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			continue // a repeated add-on is one more unit of the same code
		}
		seen[c] = true
		if _, ok := e.set.ID(corpus.CPT, c); !ok {
			res.Notices = append(res.Notices, Edit{Kind: "cpt_not_loaded", Message: fmt.Sprintf("the vaccine administration code %s is not in the loaded CPT file", c)})
			continue
		}
		var edits []Edit
		if n := strings.Count(strings.Join(codes, " "), c); n > 1 {
			edits = append(edits, Edit{Kind: "units", Message: fmt.Sprintf("report %s × %d", c, n)})
		}
		adds = append(adds, addition{sys: corpus.CPT, code: c, conf: z23.conf, ev: z23.ev, rule: "vaccine_administration", why: why, edits: edits})
	}
	return adds, rej
}

// adminCode says whether a CPT code is a vaccine administration code.
func adminCode(code string) bool {
	return code == "90460" || code == "90461" || code >= "90471" && code <= "90474"
}
