package suggest

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

var (
	// minutesSaid is a documented duration: "15 minutes", "25 min".
	minutesSaid = regexp.MustCompile(`(?i)\b(\d{1,3})\s*(?:minutes?|mins?)\b`)
	// minutesRange is a procedure name's time range: "3 to 10 minutes",
	// "more than 10 minutes", "30 minutes or less", "at least 30 minutes",
	// "less than 16 minutes".
	minutesRange = regexp.MustCompile(`(?i)(?:(\d+) to (\d+)|(more than|at least|less than) (\d+)) minutes|(\d+) minutes or (?:less|fewer)`)
)

// procedureFamily is procedure suggestions (CPT, HCPCS) whose names share
// a stem and differ only after it ("Chest x-ray, single view" / "Chest
// x-ray, two views"): one service and its billing detail.
type procedureFamily struct {
	stem    string
	members []int // indices into the result's suggestions, in its order
}

// procedureFamilies groups the result's procedure suggestions by system
// and name stem (the name before its last comma), families of two or more
// in order of their first member.
func procedureFamilies(res *Result) []procedureFamily {
	type key struct{ sys, stem string }
	at := map[key]int{}
	var out []procedureFamily
	for i, s := range res.Suggestions {
		if s.System == string(corpus.ICD10CM) || len(s.Evidence) == 0 {
			continue
		}
		cut := strings.LastIndex(s.Display, ", ")
		if cut < 4 {
			continue
		}
		k := key{s.System, s.Display[:cut]}
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, procedureFamily{stem: k.stem})
		}
		out[j].members = append(out[j].members, i)
	}
	return slices.DeleteFunc(out, func(f procedureFamily) bool { return len(f.members) < 2 })
}

// tail is a member's distinguishing words (its name after the stem).
func (f procedureFamily) tail(s Suggestion) string { return s.Display[len(f.stem)+2:] }

// minutesIn reports whether a name's time range holds n minutes, and
// whether the name has a time range at all.
func minutesIn(name string, n int) (in, ranged bool) {
	m := minutesRange.FindStringSubmatch(name)
	if m == nil {
		return false, false
	}
	num := func(s string) int { v, _ := strconv.Atoi(s); return v }
	switch {
	case m[1] != "":
		return n >= num(m[1]) && n <= num(m[2]), true
	case m[3] == "more than":
		return n > num(m[4]), true
	case m[3] == "at least":
		return n >= num(m[4]), true
	case m[3] == "less than":
		return n < num(m[4]), true
	}
	return n <= num(m[5]), true
}

// documentedMinutes returns the duration the note states in the sentence
// of a suggestion's first evidence, -1 when none.
func documentedMinutes(doc *nlp.Document, s Suggestion) int {
	c := spanCue(doc, s.Evidence[0].Start, s.Evidence[0].End)
	if c.tok < 0 || c.sent >= len(doc.Sentences) {
		return -1
	}
	sp := doc.Sentences[c.sent]
	m := minutesSaid.FindStringSubmatch(doc.Text[sp.Start:sp.End])
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// procedureDetail settles procedure families by what the note documents.
// A duration the note states in the service's sentence selects the member
// whose time range holds it (it takes the family's best confidence; the
// others are contradicted). A family the note cannot tell apart - its top
// members tie, nothing preferred one - is one service whose billing
// detail is undocumented: the first in the total order stays, with an
// edit naming the alternatives and the detail to document, and the tied
// others are rejected, so the coder sees one line and a query rather than
// competing claims.
func procedureDetail(doc *nlp.Document, res *Result, rej []Rejection) []Rejection {
	drop := map[int]Rejection{}
	promote := map[int]float64{}
	for _, f := range procedureFamilies(res) {
		best := res.Suggestions[f.members[0]]
		if n := documentedMinutes(doc, best); n >= 0 {
			var fits []int
			ranged := true
			for _, i := range f.members {
				in, r := minutesIn(f.tail(res.Suggestions[i]), n)
				ranged = ranged && r
				if in {
					fits = append(fits, i)
				}
			}
			if ranged && len(fits) == 1 {
				if fits[0] != f.members[0] {
					promote[fits[0]] = best.Confidence
				}
				for _, i := range f.members {
					if i != fits[0] {
						s := res.Suggestions[i]
						drop[i] = Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "contradicted", Evidence: s.Evidence,
							Reason: fmt.Sprintf("note documents %d minutes; %s is %s", n, s.Code, f.tail(s))}
					}
				}
				continue
			}
		}
		var tied []int
		for _, i := range f.members[1:] {
			if math.Abs(res.Suggestions[i].Confidence-best.Confidence) < 1e-9 {
				tied = append(tied, i)
			}
		}
		if len(tied) == 0 {
			continue
		}
		var alts []string
		for _, i := range tied {
			s := res.Suggestions[i]
			alts = append(alts, fmt.Sprintf("%s (%s)", s.Code, f.tail(s)))
			drop[i] = Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "undocumented_detail", Evidence: s.Evidence,
				Reason: fmt.Sprintf("%s differs from %s only in a detail the note does not document; %s is suggested with a query", s.Code, best.Code, best.Code)}
		}
		keep := &res.Suggestions[f.members[0]]
		keep.Edits = append(keep.Edits, Edit{Kind: "undocumented_detail", Message: fmt.Sprintf(
			"the note does not document the detail that tells %s (%s) from %s: document it, or query the provider",
			keep.Code, f.tail(*keep), strings.Join(alts, ", "))})
	}
	if len(drop) == 0 && len(promote) == 0 {
		return rej
	}
	var kept, raised []Suggestion
	for i, s := range res.Suggestions {
		if r, ok := drop[i]; ok {
			rej = append(rej, r)
			continue
		}
		if c, ok := promote[i]; ok {
			s.Confidence = c
			s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: c, Message: "the documented duration selects this code in its family"})
			raised = append(raised, s)
			continue
		}
		kept = append(kept, s)
	}
	res.Suggestions = kept
	for _, s := range raised {
		insert(res, s)
	}
	return rej
}
