package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// htnHead is the Alphabetic Index main term of hypertension.
const htnHead = "Hypertension, hypertensive"

// htnCode is one code of hypertension's combination family as the Index
// and the Tabular List describe it: heart involvement when its Index path
// under the main term names the heart ("heart", "cardiorenal"), kidney
// involvement when it names the kidney ("kidney", "cardiorenal"), heart
// failure when the path says "with heart failure"; asks are the codes its
// "use additional code" notes ask for (I11.0: I50.-; I12.9: N18.1-N18.4,
// N18.9).
type htnCode struct {
	id                     corpus.ID
	code                   string
	heart, kidney, failure bool
	asks                   []string
}

// hypertensionTable derives the family from the loaded code set: the main
// term's own code (I10) and the billable codes of its chapter whose Index
// paths under it name the heart or the kidney as their first subterm.
func (e *Engine) hypertensionTable() []htnCode {
	var out []htnCode
	plain, chapter := corpus.ID(0), ""
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		c := e.set.Code(id)
		b := e.set.Brief(id)
		if !b.Billable {
			continue
		}
		h := htnCode{id: id, code: b.Code}
		member := false
		for _, n := range c.Names {
			if n.Kind != corpus.NameIndex {
				continue
			}
			if n.Text == htnHead && plain == 0 {
				plain, chapter, member = id, c.Chapter, true
			}
			rest, ok := strings.CutPrefix(n.Text, htnHead+", ")
			if !ok {
				continue
			}
			// The involvement is the first subterm (after "with"): "heart",
			// "kidney", "cardiorenal", "with, heart failure"; deeper ones
			// qualify another kind ("pulmonary, with, ... heart disease").
			el := strings.Split(strings.ToLower(rest), ", ")
			if el[0] == "with" && len(el) > 1 {
				el = el[1:]
			}
			words := strings.Fields(el[0])
			if slices.Contains(words, "heart") || slices.Contains(words, "cardiorenal") {
				h.heart, member = true, true
			}
			if slices.Contains(words, "kidney") || slices.Contains(words, "cardiorenal") {
				h.kidney, member = true, true
			}
			if strings.Contains(rest, "with heart failure") || strings.Contains(rest, "with, heart failure") {
				h.failure = true
			}
		}
		if member {
			out = append(out, h)
		}
	}
	out = slices.DeleteFunc(out, func(h htnCode) bool { return e.set.Code(h.id).Chapter != chapter })
	for i := range out {
		out[i].asks = e.askedCodes(out[i].id)
	}
	return out
}

// askedCodes lists the billable codes the "use additional code" notes of
// id or its ancestors name, alone or in a range.
func (e *Engine) askedCodes(id corpus.ID) []string {
	var cats []string
	for a := id; a != 0; {
		for _, n := range e.set.Notes(a).UseAdditional {
			for _, m := range rangeRef.FindAllStringSubmatch(n, -1) {
				cats = append(cats, category(m[1]))
				if m[2] != "" {
					cats = append(cats, category(m[2]))
				}
			}
		}
		a = e.parent(a)
	}
	slices.Sort(cats)
	var out []string
	var walk func(corpus.ID)
	walk = func(c corpus.ID) {
		if b := e.set.Brief(c); b.Billable && e.asksFor(id, b.Code) {
			out = append(out, b.Code)
		}
		for _, k := range e.set.Children(c) {
			walk(k)
		}
	}
	for _, c := range slices.Compact(cats) {
		if cid, ok := e.set.ID(corpus.ICD10CM, c); ok {
			walk(cid)
		}
	}
	return out
}

// hypertensionCode applies the "with" convention to hypertension, which
// the guidelines (I.C.9.a) presume causes documented heart failure and
// chronic kidney disease, and which the Index codes with heart involvement
// ("hypertensive heart disease") in its own family. From the documented
// hypertension codes, heart failure codes (what a heart member's notes ask
// for) and CKD stages (what a kidney member's notes ask for), it picks the
// one family code with that heart involvement, heart failure and kidney
// involvement whose notes ask for every documented stage: I11.0 with heart
// failure, I12.9 or I12.0 by stage, I13.x with both, I11.9 for
// hypertensive heart disease. The heart failure type and the CKD stage
// stay, as the combination codes' notes ask, sequenced after it.
func (e *Engine) hypertensionCode(n *ruleNote, res *Result, adds []addition, absorbed *absorbedCodes) []addition {
	doc := n.doc
	roles := e.htnRoles()
	// The parts are read in place (res does not change here): no copy
	// of a suggestion per part.
	var htn, failures, stages []*Suggestion
	var named []*Suggestion             // plain hypertension the note names, scored below the threshold
	lowHeart, lowKidney := false, false // heart failure, CKD stages scored below it
	heart, kidney, failure := false, false, false
	var memberStages []string // stages a documented kidney member asks for
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || slices.Contains(s.Assertions, "historical") {
			continue
		}
		// One lookup of the code's role: a code with none is no member
		// and no part a member's notes ask for, and nothing below reads it.
		r, known := roles.role(s.Code)
		if !known {
			continue
		}
		var h *htnCode // its member facts, when ok
		ok := r.member >= 0
		if ok {
			h = &e.htn[r.member]
		}
		if s.Confidence < res.Threshold {
			// Hypertensive heart disease the note names in full is heart
			// involvement, however the ranker scored its code; so is
			// hypertension the note names (hypertension.go's statesHypertension).
			if ok && h.heart && !assumedChild(*s) && e.statesHeart(*s) {
				heart = true
			}
			if ok && !h.heart && !h.kidney && e.statesHypertension(*s) {
				named = append(named, s)
			}
			lowHeart = lowHeart || r.askedHeart
			lowKidney = lowKidney || r.askedKidney
			continue
		}
		switch {
		case ok:
			htn = append(htn, s)
			if assumedChild(*s) {
				// A header's default child (I13 -> I13.0) documents only the
				// header's words: heart failure or CKD must come from the note.
				break
			}
			heart = heart || h.heart && (h.failure || e.statesHeart(*s))
			failure = failure || h.failure
			if h.kidney {
				kidney = true
				memberStages = append(memberStages, h.asks...)
			}
		case r.askedHeart:
			failures = append(failures, s)
			heart, failure = true, true
		case r.askedKidney:
			stages = append(stages, s)
			kidney = true
		}
	}
	// The presumption rests on the documented words: hypertension the note
	// names beside a recommended heart failure or CKD stage is coded in
	// their combination, at their confidence, however the ranker scored
	// the plain code.
	sure := len(htn) > 0
	// A part of the other kind scored below the threshold leaves the
	// combination to the ranker: I11.0 for I13.0 would code less than the
	// note may say.
	if !sure && len(named) > 0 && len(failures)+len(stages) > 0 && !(lowHeart && len(failures) == 0) && !(lowKidney && len(stages) == 0) {
		htn = named[:1]
	}
	if len(htn) == 0 || !heart && !kidney {
		return adds
	}
	var pick []htnCode
	for _, h := range e.htn {
		if h.heart != heart || h.failure != failure || h.kidney != kidney {
			continue
		}
		fits := true
		for _, s := range stages {
			fits = fits && slices.Contains(h.asks, s.Code)
		}
		if len(stages) == 0 && kidney {
			fits = slices.ContainsFunc(h.asks, func(c string) bool { return slices.Contains(memberStages, c) })
		}
		if fits {
			pick = append(pick, h)
		}
	}
	if len(pick) != 1 {
		return adds
	}
	code, id := pick[0].code, pick[0].id
	parts := append(append(append([]*Suggestion(nil), htn...), failures...), stages...)
	for _, p := range parts {
		if e.unrelated(n, htn[0], p) {
			return adds
		}
	}
	conf, ev := 1.0, []cue(nil)
	var names []string
	for k, p := range parts {
		if k > 0 || sure {
			conf = min(conf, p.Confidence)
		}
		ev = append(ev, evidenceCues(doc, *p)...)
		names = append(names, p.Code)
	}
	var what []string
	if heart && !failure {
		what = append(what, "heart involvement")
	}
	if failure {
		what = append(what, "heart failure")
	}
	if kidney {
		what = append(what, "chronic kidney disease")
	}
	slices.Sort(names)
	names = slices.Compact(names)
	adds = append(adds, addition{sys: corpus.ICD10CM, code: code, conf: conf, ev: ev, rule: "with_convention",
		why: "hypertension with " + strings.Join(what, " and ") + " (" + strings.Join(names, ", ") + "): a causal relationship is presumed unless the note says otherwise"})
	for _, p := range parts {
		switch {
		case p.Code == code:
		case e.asksFor(id, p.Code):
			adds[len(adds)-1].follow = append(adds[len(adds)-1].follow, p.Code)
		default:
			absorbed.set(p.Code, code)
		}
	}
	return adds
}

// statesHeart reports whether s's evidence names the heart ("hypertensive
// heart disease", "cardiorenal").
func (e *Engine) statesHeart(s Suggestion) bool {
	for _, ev := range s.Evidence {
		for _, t := range e.pipe.Terms(ev.Text) {
			if t.Stem == "heart" || strings.HasPrefix(t.Stem, "cardi") {
				return true
			}
		}
	}
	return false
}

// statesHypertension reports whether s's evidence names hypertension
// ("HTN", "hypertensive"): the main term's word, abbreviations expanded.
func (e *Engine) statesHypertension(s Suggestion) bool {
	want := e.pipe.Terms("hypertension")
	for _, ev := range s.Evidence {
		have := e.pipe.Terms(ev.Text)
		if !slices.ContainsFunc(want, func(w nlp.Term) bool {
			return !slices.ContainsFunc(have, func(t nlp.Term) bool { return t.Stem == w.Stem })
		}) {
			return true
		}
	}
	return false
}

// htnRole is what hypertensionCode reads of one code: the family member
// it is (an index of e.htn, -1 when none; the first of equal codes), and
// whether a heart member (heart, not kidney) or a kidney member (kidney,
// not heart) asks for it.
type htnRole struct {
	member                  int
	askedHeart, askedKidney bool
}

// htnRoles holds the htnRole of every code the family names, and a
// filter of those codes: most suggestions a note gets are none of them,
// and the filter answers them without hashing the code.
type htnRoles struct {
	by  map[string]htnRole
	may stemMay
}

// role returns code's role; known false when the family does not name it.
func (t *htnRoles) role(code string) (r htnRole, known bool) {
	if !t.may.may(code) {
		return r, false
	}
	r, known = t.by[code]
	return r, known
}

// htnRoles returns the roles of the codes the family names, worked out
// once per engine: hypertensionCode looks each suggestion up once.
func (e *Engine) htnRoles() *htnRoles {
	e.coder.htnOnce.Do(func() {
		m := map[string]htnRole{}
		role := func(code string) htnRole {
			if r, ok := m[code]; ok {
				return r
			}
			return htnRole{member: -1}
		}
		for i, h := range e.htn {
			if r := role(h.code); r.member < 0 {
				r.member = i
				m[h.code] = r
			}
			for _, a := range h.asks {
				r := role(a)
				if h.heart && !h.kidney {
					r.askedHeart = true
				}
				if h.kidney && !h.heart {
					r.askedKidney = true
				}
				m[a] = r
			}
		}
		e.coder.htn.by = m
		for code := range m {
			e.coder.htn.may.add(code)
		}
	})
	return &e.coder.htn
}
