package suggest

import (
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// ruleConfidence is the confidence of a code a coding rule adds on
// explicit words of the note (a drug in the medication list, "Tdap given
// today", "32 weeks gestation"): the rules are not ranked by the model, so
// they carry one fixed confidence above any decision threshold the
// trainer picks, below the certainty of a code the note states outright.
const ruleConfidence = 0.8

// secondaryConfidence is the confidence of a secondary code a rule adds
// (long-term drug therapy, an opening's status, weeks of gestation, the
// outcome of delivery): the decision threshold, so that it is recommended
// and ranked after the documented conditions it accompanies, as such codes
// are sequenced after them.
func (e *Engine) secondaryConfidence() float64 { return e.DecisionThreshold() }

// ruleSlack is how many suggestions beyond Request.MaxResults are ranked
// and rendered for the coding rules, which drop some (a combination's
// parts, a procedure family's undocumented siblings).
const ruleSlack = 8

// addition is a code a coding rule adds to the ranked suggestions.
type addition struct {
	sys   corpus.System
	code  string
	conf  float64
	ev    []cue
	rule  string // the rule's name, shown in the explanation
	why   string // a sentence for the coder
	edits []Edit
	// follow are codes sequenced after this one (the parts a combination
	// code's "use additional code" note keeps).
	follow []string
}

// coderRules applies what coders add to the engine's ranked suggestions:
// the "with" convention's combination codes absorb their parts
// (combination.go), encounter and status Z codes (encounter.go,
// status.go), the E/M level from documented decision making and the
// performed-here check of procedure codes (em.go). Rule codes are not
// ranker candidates: a training request (Request.Features) sees the
// ranker's output alone. w.rn must be reset for doc (Suggest resets it
// before histories, whose cue reads the rules share).
func (e *Engine) coderRules(w *work, doc *nlp.Document, req Request, res *Result, rejected []Rejection) []Rejection {
	if req.Features {
		return rejected
	}
	n := &w.rn // what the rules read of the note, found once (rulenote.go)
	var adds []addition
	var rej []Rejection
	rej = e.performedHere(n, res, rej)
	adds, rej = e.obstetric(n, req, res, rej) // chapter 15 (obstetric.go)
	rej = e.causes(doc, res, rej)
	rej = e.acuity(doc, req, res, rej)
	rej = e.documentedSlot(res, rej) // slot.go
	rej = e.organisms(doc, req, res, rej)
	rej = e.namedOrganisms(doc, req, res, rej) // organismcode.go
	e.etiologyFirst(res)                       // etiology.go
	rej = e.infectionStatus(req, res, rej)     // infectionstatus.go
	adds, rej = e.drugTableCodes(n, res, adds, rej)
	adds, rej = e.neoplasmTableCodes(n, res, adds, rej)
	adds, rej = e.diabetesControl(n, res, adds, rej) // control.go
	rej = e.remission(n, res, rej)                   // remission.go
	adds, rej = e.combinations(n, res, adds, rej, rejected)
	adds, rej = e.sequelae(doc, res, adds, rej, rejected) // sequela.go
	adds = e.drugStatus(n, res, adds)
	adds = e.allergyStatus(n, res, adds)                  // allergy.go
	adds, rej = e.screenings(n, res, rejected, adds, rej) // screening.go
	adds = e.encounterCodes(n, res, adds)
	adds, rej = e.serviceVisits(n, res, adds, rej) // visit.go
	adds, rej = e.bodyMassIndex(n, res, adds, rej)
	adds, rej = e.followUp(n, res, adds, rej)
	adds = e.pastMalignancies(n, res, rejected, adds) // pastcancer.go
	adds, rej = e.vaccineAdmin(n, req, res, adds, rej)
	adds, rej = e.emLevel(n, req, res, adds, rej)
	adds, rej = e.preventiveVisit(n, req, res, adds, rej)
	deeperSubterms(res) // subterm.go
	e.merge(doc, req, res, adds)
	rej = e.injuryOrder(doc, res, rej)
	e.externalCauseAlone(req, res) // extcause.go
	rej = absorbHeaders(res, rej)
	rej = procedureDetail(doc, res, rej)
	if !req.Annotate {
		sequenceAfter(res, adds)
	}
	pregnancyCodesFirst(res) // obstetric.go
	res.Notices = append(res.Notices, e.missingCodes(res)...)
	return append(rejected, rej...)
}

// absorbHeaders drops a suggested category (not billable) when a billable
// code under it is suggested too: the note documents the detail the
// category asks for (Z68 beside the Z68.32 a documented BMI adds).
func absorbHeaders(res *Result, rej []Rejection) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		h := &res.Suggestions[i] // read in place, not copied: used before drop alone
		if h.Billable {
			continue
		}
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			if s.Billable && s.System == h.System && len(s.Code) > len(h.Code) && strings.HasPrefix(s.Code, h.Code) {
				rej = append(rej, drop(res, i, "less_specific", "the note documents "+s.Code+" ("+s.Display+"), a billable code under this category"))
				i--
				break
			}
		}
	}
	return rej
}

// drop removes the suggestion at i and returns its rejection.
func drop(res *Result, i int, rule, reason string) Rejection {
	s := res.Suggestions[i]
	res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
	return Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: rule, Reason: reason, Evidence: s.Evidence}
}

// has returns the index of a suggested code, -1 when absent. It tests
// the code before the system, and the code's last byte before the whole
// code: the rules ask it of every suggestion hundreds of times a note,
// and nearly every suggestion has the sought code's system and many its
// length, so the plain order's two string compares each ran memequal.
func has(res *Result, sys corpus.System, code string) int {
	n := len(code)
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if len(s.Code) == n && (n == 0 || s.Code[n-1] == code[n-1]) && s.Code == code && s.System == string(sys) {
			return i
		}
	}
	return -1
}

// merge adds the rules' codes: a code already suggested keeps its place
// unless the rule is surer, gains the rule's evidence and edits; a new one
// is inserted in confidence order. Codes outside the loaded sets or not
// billable are left out (missingCodes reports the CPT ones).
func (e *Engine) merge(doc *nlp.Document, req Request, res *Result, adds []addition) {
	for _, a := range adds {
		id, ok := e.set.ID(a.sys, a.code)
		if !ok || len(req.Systems) > 0 && !contains(req.Systems, a.sys) || !e.set.Brief(id).Billable || a.conf < req.MinConfidence {
			continue
		}
		ev := cueEvidence(doc, a.ev)
		expl := Explanation{Value: a.conf, Message: "coding rule " + a.rule + ": " + a.why}
		if i := has(res, a.sys, a.code); i >= 0 {
			s := res.Suggestions[i]
			s.Evidence = mergeEvidence(s.Evidence, ev)
			s.Edits = append(s.Edits, a.edits...)
			s.Explanation.Children = append(s.Explanation.Children, expl)
			res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
			if a.conf > s.Confidence {
				s.Confidence = a.conf
			}
			insert(res, s)
			continue
		}
		b := e.set.Brief(id)
		if ev == nil {
			ev = []Evidence{}
		}
		insert(res, Suggestion{System: string(b.System), SystemURI: b.System.URI(), Code: b.Code, Display: b.Display,
			Confidence: a.conf, Score: a.conf, Billable: b.Billable, Evidence: ev, Edits: a.edits,
			Explanation: Explanation{Value: a.conf, Message: "added by a coding rule", Children: []Explanation{expl}}})
	}
	if len(res.Suggestions) > req.MaxResults {
		res.Suggestions = res.Suggestions[:req.MaxResults]
	}
}

// insert places s in the result's total order: confidence desc, score
// desc, system and code asc.
func insert(res *Result, s Suggestion) {
	i := 0
	for i < len(res.Suggestions) && listsAfterRef(&res.Suggestions[i], &s) {
		i++
	}
	res.Suggestions = slices.Insert(res.Suggestions, i, s)
}

// listsAfter says whether s comes after p in the result's total order
// (insert's): confidence desc, score desc, system and code asc.
func listsAfter(p, s Suggestion) bool {
	return listsAfterRef(&p, &s)
}

// listsAfterRef is listsAfter of suggestions read in place: insert asks
// it of every suggestion above the place, and a Suggestion copied per
// step cost more than the compare.
func listsAfterRef(p, s *Suggestion) bool {
	switch {
	case p.Confidence != s.Confidence:
		return p.Confidence > s.Confidence
	case p.Score != s.Score:
		return p.Score > s.Score
	case p.System != s.System:
		return p.System < s.System
	}
	return p.Code < s.Code
}

// insertBeside inserts, for an annotating request, s recoded to b just
// below s, with an edit of kind saying why: the annotation keeps both.
func insertBeside(res *Result, s Suggestion, b corpus.Brief, kind, why string) {
	t := s
	t.Code, t.Display, t.Billable = b.Code, b.Display, b.Billable
	t.Score = math.Nextafter(s.Score, math.Inf(-1))
	t.Edits = append(slices.Clone(s.Edits), Edit{Kind: kind, Message: why})
	insert(res, t)
}

// recoded is s recoded to b by coding rule kind, with its edit and a
// line of explanation saying why.
func recoded(s Suggestion, b corpus.Brief, kind, why string) Suggestion {
	s.Code, s.Display, s.Billable = b.Code, b.Display, b.Billable
	s.Edits = append(s.Edits, Edit{Kind: kind, Message: why})
	s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: s.Confidence, Message: "coding rule " + kind + ": " + why})
	return s
}

// cueEvidence turns cues into evidence spans, in note order, at most five.
func cueEvidence(doc *nlp.Document, cs []cue) []Evidence {
	var out []Evidence
	for _, c := range cs {
		ev := Evidence{Start: c.start, End: c.end, Text: doc.Text[c.start:c.end], MatchedKind: "rule", Assertions: sharedAssertionNames(c.assert)}
		if k := sectionKind(doc, c.sec); k != "" {
			ev.Section = string(k)
		}
		out = append(out, ev)
	}
	return mergeEvidence(nil, out)
}

// anySuggestedICD reports whether an ICD-10-CM code with a prefix is
// suggested: len(suggestedICD(res, prefixes...)) > 0 without copying the
// suggestions out (TestAnySuggestedICD).
func anySuggestedICD(res *Result, prefixes ...string) bool {
	return nextSuggestedICD(res, 0, prefixes) >= 0
}

// suggestedICD lists the suggested ICD-10-CM codes with a prefix.
func suggestedICD(res *Result, prefixes ...string) []Suggestion {
	var out []Suggestion
	for i := nextSuggestedICD(res, 0, prefixes); i >= 0; i = nextSuggestedICD(res, i+1, prefixes) {
		out = append(out, res.Suggestions[i])
	}
	return out
}

// nextSuggestedICD is the index of the first suggestion from from on
// that is an ICD-10-CM code with one of the prefixes, or -1.
func nextSuggestedICD(res *Result, from int, prefixes []string) int {
	// firsts is the set of the prefixes' first bytes (every byte with an
	// empty prefix, which every code has): a code starting with another
	// has none of the prefixes, and most codes a rule asks of are such.
	var firsts [4]uint64
	for _, p := range prefixes {
		if p == "" {
			firsts = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			break
		}
		firsts[p[0]>>6] |= 1 << (p[0] & 63)
	}
	for i := from; i < len(res.Suggestions); i++ {
		s := &res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) {
			continue
		}
		if c := s.Code; c != "" && firsts[c[0]>>6]&(1<<(c[0]&63)) == 0 {
			continue
		}
		for _, p := range prefixes {
			// strings.HasPrefix, the first bytes compared inline: most
			// codes differ there, and a rule asks of every suggestion.
			if c := s.Code; len(c) >= len(p) && (len(p) == 0 || c[0] == p[0]) && c[:len(p)] == p {
				return i
			}
		}
	}
	return -1
}

// evidenceCues are a suggestion's evidence as cues (for a rule that adds a
// code on another's evidence).
func evidenceCues(doc *nlp.Document, s Suggestion) []cue {
	return appendEvidenceCues(nil, doc, s.Evidence)
}

// appendEvidenceCues appends evidence evs as cues to out: a rule reading
// them once passes a buffer on its stack.
func appendEvidenceCues(out []cue, doc *nlp.Document, evs []Evidence) []cue {
	for _, ev := range evs {
		out = append(out, spanCue(doc, ev.Start, ev.End))
	}
	return out
}
