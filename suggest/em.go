package suggest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Cues of the E/M and performed-here rules.
var (
	mdmCues         = phrases("medical decision making|decision making|decision-making|mdm")
	mdmLevels       = []phrase{{"straightforward"}, {"low"}, {"moderate"}, {"high"}} // levels 2..5
	newPatientCues  = phrases("new patient|new to clinic|new to the clinic|new to practice|establish care|establishing care|initial visit|first visit")
	establishedCues = phrases("established patient|follow up|follow-up|followup|returns|return visit|returning|last seen|seen previously|previously seen|known to")
	edCues          = phrases("emergency department|emergency room|ed visit|er visit|presents to the ed|presented to the ed|presents to the er")
	pastProcCues    = phrases("after|following|since|previous|previously|prior|history|hx|h/o|s/p|status post|ago|last year|in the past")
	awvCues         = phrases("annual wellness visit|medicare wellness|medicare annual wellness|awv")
	initialCues     = phrases("initial|first")
	performedCues   = phrases("today|performed|done|given|administered|obtained|completed|placed|drawn|was|were|underwent|in office|in clinic")
	declinedCues    = phrases("due next|due in|is due|are due|next year|next visit|next month|next week|at next|scheduled|planned|recommended|declin*|refus*|offered|defer*|not given|not administered|not performed|not done|cancel*|postpone*")
	notHereCues     = phrases("will|plan|plans|planned|planning|schedule*|consider*|recommend*|refer*|due|next|future|candidate|offered|discuss*|declin*|refus*|defer*|to be|awaiting|pending")
	emTime          = regexp.MustCompile(`(?i)\btotal (?:time|visit time|face[- ]to[- ]face time)\b[^.\d]{0,40}?(\d{1,3})\s*(?:minutes|mins?)\b|\b(\d{1,3})\s*(?:minutes|mins?)\b[^.]{0,30}?\btotal time\b|\bspent (?:a total of )?(\d{1,3})\s*(?:minutes|mins?)\b`)
)

// totalThen reports whether text holds "total " (any ASCII case) followed
// by t, v or f (either case): every match of emTime's first two
// alternatives holds "total time", "total visit time" or "total face"
// (none of t, v, f is folded to by a rune beyond ASCII).
func totalThen(text string) bool {
	f := newFoldFinder(text, "total ", 0)
	for p := f.next(0); p >= 0; p = f.next(p + 1) {
		if q := p + len("total "); q < len(text) && strings.IndexByte("tvfTVF", text[q]) >= 0 {
			return true
		}
	}
	return false
}

// performedHere rejects CPT and HCPCS codes whose every mention is a
// service not performed at this encounter: past ("status post cataract
// surgery", past surgical history) or planned, recommended, declined
// ("will schedule colonoscopy").
func (e *Engine) performedHere(n *ruleNote, res *Result, rej []Rejection) []Rejection {
	doc := n.doc
	// The three lists' cues, looked up once (on the first span that
	// asks): n.near per span looked each up again.
	var past, notHere, declined []cue
	read := false
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		s := &res.Suggestions[i] // read in place, not copied: used before drop alone
		if s.System == string(corpus.ICD10CM) || len(s.Evidence) == 0 {
			continue
		}
		here, reason := false, ""
		for k := range s.Evidence { // evidenceCues without a slice or a copy
			c := spanCue(doc, s.Evidence[k].Start, s.Evidence[k].End)
			sec := sectionKind(doc, c.sec)
			asks := c.sent >= 0 && c.tok >= 0 // n.near's own test
			if asks && !read {
				past, notHere, declined, read = n.cues(pastProcCues), n.cues(notHereCues), n.cues(declinedCues), true
			}
			switch {
			case c.assert&nlp.Historical != 0 || sec == nlp.PastSurgicalHistory || sec == nlp.PastMedicalHistory || asks && nearIn(past, &c, 3, 2):
				reason = "documented as done before this encounter (history, status post): a procedure is coded only when performed"
			case asks && (nearIn(notHere, &c, 8, 0) || nearIn(declined, &c, 0, 6)):
				reason = "documented as planned, recommended or declined, not performed at this encounter"
			case planSection(sec) && !n.sentenceHas(c.sent, performedCues, -1):
				reason = "listed in the plan without saying it was done at this encounter"
			default:
				here = true
			}
		}
		if !here {
			rej = append(rej, drop(res, i, "not_performed", reason))
		}
	}
	return rej
}

// planSection says whether a section kind lists what is to be done.
func planSection(k nlp.SectionKind) bool {
	return k == nlp.Plan || k == nlp.FollowUp || k == nlp.PatientInstructions || k == nlp.DischargeInstructions
}

// emFamily says whether a CPT code is an office, outpatient or emergency
// department visit code.
func emFamily(code string) bool {
	return code >= "99202" && code <= "99215" || code >= "99281" && code <= "99285"
}

// emLevel sets the office or emergency department E/M level from the
// documented complexity of medical decision making, or total time where
// that gives a higher office level (CPT 2021+ office visit rules), new or
// established from the note; the other visit codes are rejected. An
// inpatient note is left to the ranker.
func (e *Engine) emLevel(n *ruleNote, req Request, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	if req.Setting == Inpatient || len(req.Systems) > 0 && !contains(req.Systems, corpus.CPT) {
		return adds, rej
	}
	level, ev, basis := 0, []cue(nil), ""
	for _, c := range n.cues(mdmCues) {
		if c.assert&nlp.Negated != 0 {
			continue
		}
		// The level is stated in the cue's sentence, or in the next one
		// when the cue is a heading ("Medical decision making: moderate").
		for _, s := range [2]int{c.sent, c.sent + 1} {
			found := false
			for l, lv := range findLevels(doc, s) {
				if lv != nil {
					found = true
					if l+2 > level {
						level, ev, basis = l+2, []cue{c, *lv}, "medical decision making of "+mdmLevels[l][0]+" complexity"
					}
				}
			}
			if found {
				break
			}
		}
		if level > 0 {
			break
		}
	}
	ed := false // an ED visit of this encounter, not one last week
	for _, c := range n.cues(edCues) {
		ed = ed || c.assert&(nlp.Historical|nlp.Negated|nlp.Hypothetical) == 0 && !n.near(c, pastCues, 4, 4) && !n.sentenceHas(c.sent, pastCues, -1)
	}
	newPt := false
	for _, c := range n.cues(newPatientCues) {
		if c.assert&(nlp.Negated|nlp.Hypothetical) == 0 {
			newPt = true
			ev = append(ev, c)
			break
		}
	}
	var edits []Edit
	if !ed {
		// Every alternative of emTime holds \d\s*min.
		if m := emTimeMatch(doc.Text); m != nil {
			var minutes int
			var at [2]int
			for g := 1; g <= 3; g++ {
				if m[2*g] >= 0 {
					minutes, _ = strconv.Atoi(doc.Text[m[2*g]:m[2*g+1]])
					at = [2]int{m[0], m[1]}
				}
			}
			if tl := timeLevel(minutes, newPt); tl > level {
				level, basis = tl, fmt.Sprintf("%d minutes total time on the date of the encounter", minutes)
				ev = append(ev, cue{start: at[0], end: at[1], sent: -1, sec: -1})
			}
		}
	}
	if level == 0 {
		return adds, rej
	}
	var code string
	switch {
	case ed:
		code = fmt.Sprintf("9928%d", level)
	case newPt:
		code = fmt.Sprintf("9920%d", level)
	default:
		code = fmt.Sprintf("9921%d", level)
		if len(n.cues(establishedCues)) == 0 {
			edits = append(edits, Edit{Kind: "documentation", Message: "the note does not say new or established patient; established assumed (new: 9920x)"})
		}
	}
	if _, ok := e.set.ID(corpus.CPT, code); !ok {
		res.Notices = append(res.Notices, Edit{Kind: "cpt_not_loaded", Message: fmt.Sprintf("the documented %s supports E/M code %s, which is not in the loaded CPT file", basis, code)})
		return adds, rej
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		if s := &res.Suggestions[i]; s.System == string(corpus.CPT) && emFamily(s.Code) && s.Code != code {
			rej = append(rej, drop(res, i, "em_level", fmt.Sprintf("the documented %s gives %s", basis, code)))
		}
	}
	return append(adds, addition{sys: corpus.CPT, code: code, conf: ruleConfidence, ev: ev, rule: "em_level", why: basis, edits: edits}), rej
}

// findLevels returns, per MDM level, its first cue in sentence sent.
func findLevels(doc *nlp.Document, sent int) []*cue {
	out := make([]*cue, len(mdmLevels))
	for l, p := range mdmLevels {
		if cs := findCuesIn(doc, sent, []phrase{p}); len(cs) > 0 && cs[0].assert&nlp.Negated == 0 {
			out[l] = &cs[0]
		}
	}
	return out
}

// timeLevel is the office E/M level total time supports (2..5; 0 below
// the lowest).
func timeLevel(minutes int, newPt bool) int {
	limits := []int{10, 20, 30, 40} // established 99212..99215
	if newPt {
		limits = []int{15, 30, 45, 60} // new 99202..99205
	}
	level := 0
	for i, l := range limits {
		if minutes >= l {
			level = i + 2
		}
	}
	return level
}

// missingCodes tells the coder what the note documents that the loaded
// CPT/HCPCS files cannot code: the product of a vaccine given (Z23 is
// suggested, no vaccine product code is).
func (e *Engine) missingCodes(res *Result) []Edit {
	if has(res, corpus.ICD10CM, "Z23") < 0 {
		return nil
	}
	if slices.ContainsFunc(res.Suggestions, func(s Suggestion) bool {
		d := strings.ToLower(s.Display)
		return s.System != string(corpus.ICD10CM) && !adminCode(s.Code) && (strings.Contains(d, "vaccin") || strings.Contains(d, "toxoid") || strings.Contains(d, "immune globulin"))
	}) {
		return nil
	}
	return []Edit{{Kind: "cpt_not_loaded", Message: "a vaccine is given but no vaccine product code of the loaded CPT/HCPCS files matches it: add the product code"}}
}

// preventiveVisit chooses the preventive medicine visit code of a routine
// examination (adds holds a routine_exam addition) by the patient's age
// band and new or established patient (9938x new, 9939x established);
// the other preventive visit codes are rejected. Without a documented age
// the ranker's codes stay.
func (e *Engine) preventiveVisit(n *ruleNote, req Request, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	if !slices.ContainsFunc(adds, func(a addition) bool { return a.rule == "routine_exam" }) || len(req.Systems) > 0 && !contains(req.Systems, corpus.CPT) {
		return adds, rej
	}
	// Medicare's annual wellness visit has its own HCPCS codes.
	if awv := n.cues(awvCues); len(awv) > 0 && n.patients(awv[0]) {
		return e.wellnessVisit(n, res, awv, adds, rej)
	}
	a := n.age()
	if a < 0 {
		return adds, rej
	}
	band := 7
	for i, upTo := range []int{0, 4, 11, 17, 39, 64} {
		if a <= upTo {
			band = i + 1
			break
		}
	}
	newPt := false
	for _, c := range n.cues(newPatientCues) {
		newPt = newPt || c.assert&(nlp.Negated|nlp.Hypothetical) == 0
	}
	code, who := fmt.Sprintf("9939%d", band), "established"
	if newPt {
		code, who = fmt.Sprintf("9938%d", band), "new"
	}
	basis := fmt.Sprintf("routine examination of a %s patient aged %d", who, a)
	if _, ok := e.set.ID(corpus.CPT, code); !ok {
		res.Notices = append(res.Notices, Edit{Kind: "cpt_not_loaded", Message: fmt.Sprintf("the %s supports preventive visit code %s, which is not in the loaded CPT file", basis, code)})
		return adds, rej
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		if s := &res.Suggestions[i]; s.System == string(corpus.CPT) && s.Code >= "99381" && s.Code <= "99397" && s.Code != code {
			rej = append(rej, drop(res, i, "preventive_visit", basis+" gives "+code))
		}
	}
	var edits []Edit
	if !newPt && len(n.cues(establishedCues)) == 0 {
		edits = append(edits, Edit{Kind: "documentation", Message: "the note does not say new or established patient; established assumed (new: 9938x)"})
	}
	return append(adds, addition{sys: corpus.CPT, code: code, conf: ruleConfidence, rule: "preventive_visit", why: basis, edits: edits}), rej
}

// wellnessVisit codes Medicare's annual wellness visit: G0438 the first,
// G0439 a later one; preventive medicine visit codes are rejected.
func (e *Engine) wellnessVisit(n *ruleNote, res *Result, awv []cue, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	code, basis := "G0439", "a subsequent Medicare annual wellness visit"
	if n.near(awv[0], initialCues, 3, 0) {
		code, basis = "G0438", "an initial Medicare annual wellness visit"
	}
	if _, ok := e.set.ID(corpus.HCPCS, code); !ok {
		res.Notices = append(res.Notices, Edit{Kind: "hcpcs_not_loaded", Message: fmt.Sprintf("%s is coded %s, which is not in the loaded HCPCS file", basis, code)})
		return adds, rej
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		if s := &res.Suggestions[i]; s.System == string(corpus.CPT) && s.Code >= "99381" && s.Code <= "99397" {
			rej = append(rej, drop(res, i, "preventive_visit", basis+" is coded "+code))
		}
	}
	return append(adds, addition{sys: corpus.HCPCS, code: code, conf: ruleConfidence, ev: awv[:1], rule: "wellness_visit", why: basis}), rej
}
