package suggest

import (
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Remission status. The leukemias, lymphomas and myeloma (C81-C96) carry
// their status in the last character: "not having achieved remission"
// (with failed remission, NOS), "in remission" and "in relapse"; a few
// other codes have a sibling that is them "in remission" (E11.9 and E11.A,
// F10.20 and F10.21). The
// status is a detail of the note, read where the condition is named; the
// sibling that holds it is found in the code set (same parent, the
// status phrase in its title), never in a list.

// remissionStatus is a status a title or a note states.
type remissionStatus int

const (
	remissionUnstated remissionStatus = iota
	remissionNotAchieved
	remissionIn
	remissionRelapse
)

var remissionNames = [...]string{"", "not having achieved remission", "in remission", "in relapse"}

// titleRemission reads the status of an ICD-10-CM title.
func titleRemission(display string) remissionStatus {
	d := strings.ToLower(display)
	switch {
	case strings.Contains(d, "not having achieved remission"):
		return remissionNotAchieved
	case strings.Contains(d, "in remission"):
		return remissionIn
	case strings.Contains(d, "in relapse"):
		return remissionRelapse
	}
	return remissionUnstated
}

var (
	// failedRemissionCues say remission was not reached; "not in
	// remission" is read from the negated "remission" itself.
	failedRemissionCues = phrases("failed remission|failed to achieve remission|never achieved remission|not achieved remission|not yet achieved remission|without remission")
	remissionCues       = phrases("remission")
	relapseCues         = phrases("relapse|relapsed|relapsing|in relapse")
	// remissionGate are the lists of ruleCueLists whose cues a note holds
	// exactly when it holds one of the words every cue noteRemission
	// reads holds one of (remissionWords, TestGateCuesAreHoldsWord): a
	// note without them states no status.
	remissionGate = [][]phrase{remissionCues, relapseCues}
)

// noteRemission reads the status the note states in sentence sent: a
// relapse, a failed or negated remission, or a remission.
func noteRemission(n *ruleNote, sent int) (remissionStatus, cue) {
	if cs := n.inSentence(sent, relapseCues); len(cs) > 0 && cs[0].assert&nlp.Negated == 0 {
		return remissionRelapse, cs[0]
	}
	if cs := n.inSentence(sent, failedRemissionCues); len(cs) > 0 {
		return remissionNotAchieved, cs[0]
	}
	if cs := n.inSentence(sent, remissionCues); len(cs) > 0 {
		if cs[0].assert&nlp.Negated != 0 {
			return remissionNotAchieved, cs[0]
		}
		return remissionIn, cs[0]
	}
	return remissionUnstated, cue{}
}

// remissionSibling is the code under c's parent whose title states st and
// is otherwise c's ("Acute myeloblastic leukemia, in remission" for
// C92.00), 0 when the code set has none.
func remissionSibling(set *corpus.Set, c corpus.ID, st remissionStatus) corpus.ID {
	cc := set.Brief(c) // the brief: the full Code copies names and children per call
	if cc.Parent == "" {
		return 0
	}
	p, ok := set.ID(cc.System, cc.Parent)
	if !ok {
		return 0
	}
	own := titleRemission(cc.Display)
	for _, k := range set.Children(p) {
		b := set.Brief(k)
		if !b.Billable || k == c || titleRemission(b.Display) != st {
			continue
		}
		if own != remissionUnstated || remissionOf(cc.Display, b.Display) {
			return k
		}
	}
	return 0
}

// remissionOf reports whether title r is title t "in remission": every
// word of t but "uncomplicated" is r's ("Type 2 diabetes mellitus without
// complications in remission" of E11.9, "Alcohol dependence, in
// remission" of "Alcohol dependence, uncomplicated").
func remissionOf(t, r string) bool {
	rw := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(r), notWordRune) {
		rw[w] = true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(t), notWordRune) {
		if w != "uncomplicated" && !rw[w] {
			return false
		}
	}
	return true
}

// hasRemissionSibling reports whether a code that states no remission
// status has a sibling that is it "in remission" (E11.9 and E11.A),
// worked out once per code.
func (e *Engine) hasRemissionSibling(code string) bool {
	c, ok := e.set.ID(corpus.ICD10CM, code)
	if !ok {
		return false
	}
	rec := e.coder.records.of(e.set, c)
	if f := rec.flags.Load(); f&ruleRemKnown != 0 {
		return f&ruleRemSibling != 0
	}
	v := remissionSibling(e.set, c, remissionIn) != 0
	f := uint64(ruleRemKnown)
	if v {
		f |= ruleRemSibling
	}
	rec.flags.Or(f)
	return v
}

// remission recodes a suggestion whose title states one remission status
// while the note, in the sentence naming the condition, states another,
// to the sibling that states the note's; when the code set has no such
// sibling the suggestion contradicts the note and is dropped. A recoded
// suggestion absorbs a suggestion of its category that states the same
// status for an unspecified type ("Myeloid leukemia, unspecified in
// remission" beside "Acute myeloblastic leukemia, in remission"), and
// gives way to one already suggested.
func (e *Engine) remission(n *ruleNote, res *Result, rej []Rejection) []Rejection {
	doc := n.doc
	if !n.holdsCue(remissionGate...) {
		return rej // the note states no status
	}
	for i := 0; i < len(res.Suggestions); i++ {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) {
			continue
		}
		have := titleRemission(s.Display)
		if have == remissionUnstated && !e.hasRemissionSibling(s.Code) {
			continue
		}
		want, at := remissionUnstated, cue{}
		for _, c := range evidenceCues(doc, s) {
			if st, cu := noteRemission(n, c.sent); st != remissionUnstated {
				want, at = st, cu
				break
			}
		}
		if want == remissionUnstated || want == have || have == remissionUnstated && want != remissionIn {
			continue
		}
		id, ok := e.set.ID(corpus.ICD10CM, s.Code)
		if !ok {
			continue
		}
		said := doc.Text[negatedFrom(doc, at):at.end]
		k := remissionSibling(e.set, id, want)
		if k == 0 {
			rej = append(rej, drop(res, i, "contradicted", fmt.Sprintf("note says %q; %s is %s", said, s.Code, remissionNames[have])))
			i--
			continue
		}
		b := e.set.Brief(k)
		why := fmt.Sprintf("note says %q: %s (%s), not %s (%s)", said, b.Code, remissionNames[want], s.Code, remissionNames[have])
		if has(res, corpus.ICD10CM, b.Code) >= 0 {
			rej = append(rej, drop(res, i, "contradicted", why))
			i--
			continue
		}
		res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
		s.Edits = slices.DeleteFunc(slices.Clone(s.Edits), func(ed Edit) bool {
			return ed.Kind == "specificity" && strings.Contains(ed.Message, s.Code+" assumed") // the default the status replaces
		})
		r := recoded(s, b, "remission", why)
		for j := 0; j < len(res.Suggestions); j++ {
			o := res.Suggestions[j]
			if containsLower(b.Display, "unspecified") || o.System != s.System || len(o.Code) < 3 || o.Code[:3] != b.Code[:3] ||
				titleRemission(o.Display) != want || !containsLower(o.Display, "unspecified") {
				continue
			}
			r.Confidence, r.Score = max(r.Confidence, o.Confidence), max(r.Score, o.Score)
			rej = append(rej, drop(res, j, "less_specific", fmt.Sprintf("the note documents %s (%s)", b.Code, b.Display)))
			j--
		}
		if unspecifiedBeside(res, r, want) {
			rej = append(rej, Rejection{System: r.System, Code: r.Code, Display: r.Display, Rule: "less_specific", Reason: why + "; a more specific code of its category states it", Evidence: r.Evidence})
		} else {
			insert(res, r)
		}
		i = -1 // the order changed: read the list again (a recoded code states the note's status)
	}
	return rej
}

// unspecifiedBeside reports whether r names an unspecified type while a
// suggestion of its category states the same status for a named one.
func unspecifiedBeside(res *Result, r Suggestion, st remissionStatus) bool {
	if !containsLower(r.Display, "unspecified") {
		return false
	}
	for ko := range res.Suggestions {
		o := &res.Suggestions[ko]
		if o.System == r.System && o.Code[:3] == r.Code[:3] && titleRemission(o.Display) == st && !containsLower(o.Display, "unspecified") {
			return true
		}
	}
	return false
}

// negatedFrom is the start of the negation trigger before c ("not" of
// "not in remission"), c's own start when none governs it.
func negatedFrom(doc *nlp.Document, c cue) int {
	from := c.start
	for _, a := range doc.Assertions {
		if a.Kind&nlp.Negated != 0 && a.Trigger.End <= c.start && a.Scope.Start <= c.start && c.end <= a.Scope.End && a.Trigger.Start < from &&
			!strings.ContainsAny(doc.Text[a.Trigger.Start:c.start], ".;") {
			from = a.Trigger.Start
		}
	}
	return from
}
