package suggest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// screeningCues are the words that name a screening in a note ("HIV
// screening", "screened for depression", "depression screen"), as
// one-word phrases: a list of ruleCueLists, whose cues are the tokens of
// the words, found in the rules' one pass over the tokens
// (TestScreeningCuesAreWords holds them to screeningWords).
var screeningCues = phrases("screening|screen|screened")

// objectStops end the object of a screening: a clause word or the
// preposition that introduces the test or the result ("screening for
// colon cancer with colonoscopy", "mammogram for breast cancer
// screening").
var objectStops = map[string]bool{"for": true, "with": true, "by": true, "via": true, "using": true, "was": true,
	"is": true, "were": true, "today": true, "ordered": true, "done": true, "performed": true, "completed": true,
	"negative": true, "positive": true, "normal": true, "unremarkable": true, "results": true, "result": true}

// screeningCode reports the encounter-for-screening codes (Z11-Z13): a
// screening is coded whatever it finds, so the words it looks for,
// hypothetical in the note, are the code's own.
func screeningCode(b corpus.Brief) bool {
	if b.System != corpus.ICD10CM || len(b.Code) < 3 {
		return false
	}
	switch b.Code[:3] {
	case "Z11", "Z12", "Z13":
		return true
	}
	return false
}

// screenings applies the guideline on screening (I.C.21.c.5): a
// screening is the testing for a disease in a person without its signs or
// symptoms, coded with the Alphabetic Index's "Screening (for)" code,
// whatever the result. For each screening the note names, the words it
// looks for (its object: "HIV" in "HIV screening", "depression" in
// "screened for depression") are searched among the names of Z11-Z13
// (the Index paths "Screening, <object>" and the Tabular titles "Encounter
// for screening for <object>"), with the test named beside it
// ("mammogram for breast cancer screening") as a tie-breaker; the code
// found is added. A condition code suggested on the object's words alone
// is dropped: the note does not document it as present.
func (e *Engine) screenings(n *ruleNote, res *Result, rejected []Rejection, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	toks := doc.Tokens
	for _, sc := range n.cues(screeningCues) { // the tokens of the screening words
		j := sc.tok
		t := &toks[j] // read in place
		if t.Assert&nlp.Negated != 0 && t.Assert&nlp.Result == 0 || t.Assert&nlp.Family != 0 {
			continue
		}
		if !screeningHere(doc, j) {
			continue
		}
		obj, test := screeningObject(doc, j)
		if obj.lo >= obj.hi {
			continue
		}
		code, ok := e.screeningSearch(doc, obj, test, conditionNames(doc, res, rejected, obj))
		if !ok {
			continue
		}
		from, to := min(obj.lo, j), max(obj.hi-1, j)
		c := cue{start: toks[from].Start, end: toks[to].End, sent: t.Sent, sec: t.Section, tok: from, last: to}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: []cue{c}, rule: "screening",
			why: "a screening for what the note names; coded whatever its result"})
		if obj != test { // a condition, not the test alone, was screened for
			rej = dropScreened(doc, res, rej, code, obj, j)
		}
	}
	return adds, rej
}

// encounterSections are where a note states the reason for the encounter
// and what it assesses; a statement outside any section counts too.
var encounterSections = map[nlp.SectionKind]bool{"": true, nlp.ChiefComplaint: true, nlp.ReasonForVisit: true,
	nlp.Assessment: true, nlp.AssessmentAndPlan: true, nlp.Diagnoses: true, nlp.Impression: true,
	nlp.Indications: true, nlp.ConsultReason: true, nlp.Procedures: true}

// screeningPlanned say a screening is not done at this encounter
// ("after TB screening", "colonoscopy screening due next year").
var screeningPlanned = phrases("after|before|due|next|will|plan|plans|planned|schedule*|order*|recommend*|consider*|discuss*|refer*|declin*|refus*")

// screeningHere reports whether the screening word at j is the reason
// for this encounter: stated where the note gives that reason, and not a
// screening planned, ordered or declined.
func screeningHere(doc *nlp.Document, j int) bool {
	t := doc.Tokens[j]
	if !encounterSections[sectionKind(doc, t.Section)] {
		return false
	}
	return !near(doc, cue{start: t.Start, end: t.End, sent: t.Sent, sec: t.Section, tok: j, last: j}, screeningPlanned, 6, 3)
}

// tokRange is a token range [lo, hi).
type tokRange struct{ lo, hi int }

// screeningSearch finds the billable screening code (Z11-Z13) one of
// whose names matches "screening" and the most words of the object, then
// the most words of the test, then the best coverage and score.
func (e *Engine) screeningSearch(doc *nlp.Document, obj, test tokRange, names []string) (string, bool) {
	var q index.Query
	seen := map[string]bool{}
	add := func(stem string) {
		if id, ok := e.ix.TermID(stem); ok && !seen[stem] {
			seen[stem] = true
			q.Terms = append(q.Terms, id)
			q.Pos = append(q.Pos, int32(len(q.Pos)))
		}
	}
	tier := map[string]int{} // 1 object, 2 condition title, 3 test
	within := func(r tokRange, t int) func(nlp.Term) {
		return func(tm nlp.Term) {
			if tm.Tok >= r.lo && tm.Tok < r.hi {
				if tier[tm.Stem] == 0 {
					tier[tm.Stem] = t
				}
				add(tm.Stem)
			}
		}
	}
	for _, t := range e.pipe.Terms("screening") {
		add(t.Stem)
	}
	objTerm, testTerm := within(obj, 1), within(test, 3)
	for _, tm := range doc.Terms {
		objTerm(tm)
	}
	// The titles of the conditions the object's words found bring the
	// words screening names use for them ("diabetes mellitus").
	for _, n := range names {
		for _, st := range e.ix.Stems(n) {
			if tier[st] == 0 {
				tier[st] = 2
			}
			add(st)
		}
	}
	for _, tm := range doc.Terms {
		testTerm(tm)
	}
	type best struct {
		code               string
		objs, names, tests int
		cover, score       float64
	}
	var b best
	for _, h := range e.ix.Search(q, index.SearchOptions{MinCoverage: 0.3, Systems: []corpus.System{corpus.ICD10CM}, Limit: 100}) {
		code := e.ix.Code(h.Code).Code
		id, ok := e.set.ID(corpus.ICD10CM, code)
		// "Encounter for screening, unspecified" says nothing of the
		// object: a coder looks for the specific code.
		if !ok || !e.set.Brief(id).Billable || !screeningCode(e.set.Brief(id)) || strings.Contains(e.set.Brief(id).Display, "unspecified") {
			continue
		}
		c := best{code: code, cover: h.Coverage, score: h.Score}
		for _, st := range e.ix.NameTerms(h.Name) {
			switch tier[st] {
			case 1:
				c.objs++
			case 2:
				c.names++
			case 3:
				c.tests++
			}
		}
		if c.objs == 0 {
			continue // only "screening", a title or the test matched
		}
		if better := cmp.Or(cmp.Compare(c.objs, b.objs), cmp.Compare(c.names, b.names), cmp.Compare(c.tests, b.tests),
			cmp.Compare(c.cover, b.cover), cmp.Compare(c.score, b.score), cmp.Compare(b.code, c.code)); b.code == "" || better > 0 {
			b = c
		}
	}
	return b.code, b.code != ""
}

// conditionNames returns the titles of the ICD-10-CM codes (not Z codes)
// suggested or rejected on evidence inside the object: the condition
// screened for, in the words of the classification ("Type 2 diabetes
// mellitus" for "diabetes").
func conditionNames(doc *nlp.Document, res *Result, rejected []Rejection, obj tokRange) []string {
	lo, hi := doc.Tokens[obj.lo].Start, doc.Tokens[obj.hi-1].End
	var out []string
	take := func(sys, code, display string, evs []Evidence) {
		if sys != string(corpus.ICD10CM) || strings.HasPrefix(code, "Z") || slices.Contains(out, display) {
			return
		}
		for _, ev := range evs {
			if ev.Start >= lo && ev.End <= hi && ev.MatchedKind != "learned" {
				out = append(out, display)
				return
			}
		}
	}
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		take(s.System, s.Code, s.Display, s.Evidence)
	}
	for _, r := range rejected {
		take(r.System, r.Code, r.Display, r.Evidence)
	}
	slices.Sort(out)
	return out
}

// screeningObject returns what the screening word at j looks for, as a
// token range: the words after "for" ("screening for colon cancer"), else
// the words before it back to a clause edge or "for" ("Chlamydia and
// gonorrhea screening"), else the test named after it ("screening
// colonoscopy"); and the test named beside the object ("mammogram for
// breast cancer screening", "screening for colon cancer with
// colonoscopy").
func screeningObject(doc *nlp.Document, j int) (obj, test tokRange) {
	toks := doc.Tokens
	slo, shi := sentenceTokens(doc, toks[j].Sent)
	edge := func(k int) bool { return strings.ContainsAny(doc.Text[toks[k-1].End:toks[k].Start], ",;:.()") } // before token k
	forward := func(from, limit int) tokRange {
		n, k := 0, from
		for ; k < shi && n < limit; k++ {
			if k > from && edge(k) || objectStops[toks[k].Norm] {
				break
			}
			if !toks[k].Stop {
				n++
			}
		}
		return tokRange{from, k}
	}
	backward := func(to, limit int) tokRange {
		n, k := 0, to
		for k > slo && n < limit && !edge(k) && !objectStops[toks[k-1].Norm] {
			k--
			if !toks[k].Stop {
				n++
			}
		}
		return tokRange{k, to}
	}
	// the test after the object: "with colonoscopy", "by PSA"
	after := func(o tokRange) tokRange {
		if k := o.hi; k < shi && !edge(k) && (toks[k].Norm == "with" || toks[k].Norm == "by" || toks[k].Norm == "via" || toks[k].Norm == "using") {
			return forward(k+1, 2)
		}
		return tokRange{}
	}
	if j+1 < shi && toks[j+1].Norm == "for" && !edge(j+1) {
		if j+2 < shi && !edge(j+2) {
			obj = forward(j+2, 6)
			return obj, after(obj)
		}
		return tokRange{}, tokRange{}
	}
	if obj = backward(j, 5); obj.lo < obj.hi {
		if k := obj.lo; k-1 > slo && toks[k-1].Norm == "for" && !edge(k) && !edge(k-1) {
			return obj, backward(k-1, 3) // "mammogram for <object> screening"
		}
		return obj, after(tokRange{j, j + 1}) // "<object> screening with Pap smear"
	}
	if j+1 < shi && !edge(j+1) {
		// the test is what the note names ("screening mammogram"): the
		// object and the test at once
		t := forward(j+1, 2)
		return t, t
	}
	return tokRange{}, tokRange{}
}

// dropScreened drops the ICD-10-CM condition codes suggested on words of
// the screening's object: every content word of their evidence lies in
// the object, the screening word at j or the test. The condition is what
// the screening looks for, not what the patient has.
func dropScreened(doc *nlp.Document, res *Result, rej []Rejection, code string, obj tokRange, j int) []Rejection {
	toks := doc.Tokens
	inside := func(k int) bool {
		return k >= obj.lo && k < obj.hi || k == j || toks[k].Stop || objectStops[toks[k].Norm]
	}
	for i := 0; i < len(res.Suggestions); i++ {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || s.Code == code || strings.HasPrefix(s.Code, "Z") || len(s.Evidence) == 0 {
			continue
		}
		all, some := true, false
		for _, ev := range s.Evidence {
			lo, hi := overlapRange(doc, ev.Start, ev.End) // the tokens sharing a byte with ev
			for k := lo; k < hi; k++ {
				if k >= obj.lo && k < obj.hi {
					some = true
				}
				if !inside(k) {
					all = false
				}
			}
		}
		if all && some {
			rej = append(rej, drop(res, i, "screening", fmt.Sprintf("what a screening looks for, not documented as present: coded with the screening code %s", code)))
			i--
		}
	}
	return rej
}
