package suggest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// dueTo is one "due to" subterm of the Alphabetic Index that sends a
// condition to another category by its cause: "Diabetes, diabetic, due to
// underlying condition" is E08, "..., due to drug or chemical" E09.
type dueTo struct {
	head string // "Diabetes, diabetic"
	cat  string // "E08"
	drug bool   // the cause is a drug or chemical, not a condition
	what string // "underlying condition"
}

// dueToTable reads the Index names ending in "due to underlying
// condition" or "due to drug or chemical".
func dueToTable(set *corpus.Set) []dueTo {
	var out []dueTo
	for _, id := range set.IDs(corpus.ICD10CM) {
		for _, n := range set.Code(id).Names {
			if n.Kind != corpus.NameIndex {
				continue
			}
			for what, drug := range map[string]bool{"underlying condition": false, "drug or chemical": true} {
				if head, ok := strings.CutSuffix(n.Text, ", due to "+what); ok {
					d := dueTo{head: head, cat: category(set.CodeString(id)), drug: drug, what: what}
					if !slices.Contains(out, d) {
						out = append(out, d)
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b dueTo) int { return strings.Compare(a.head+a.cat, b.head+b.cat) })
	return out
}

var (
	// causeCue links a condition to its cause named after it.
	causeCue = regexp.MustCompile(`(?i)\b(?:due to|secondary to|caused by|because of|induced by|as a result of|related to)\b`)
	// drugInduced names a drug or chemical as the cause before the
	// condition ("steroid-induced", "drug induced").
	drugInduced = regexp.MustCompile(`(?i)\b[a-z]+[- ]induced\b`)
)

// causes recodes a condition the note says is caused by another documented
// condition or by a drug to the Index's "due to" category: "diabetes
// mellitus due to chronic pancreatitis" is E08.9, "steroid-induced
// diabetes" E09.9, the code of the same complication (E11.65 -> E08.65).
// It applies to the default code of the head (the Index's plain
// "Diabetes" is type 2): a note stating a type keeps it.
func (e *Engine) causes(doc *nlp.Document, res *Result, rej []Rejection) []Rejection {
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || s.Confidence < res.Threshold {
			continue
		}
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		heads := e.plainHeads(id)
		for di, d := range e.dueTo {
			if !e.isPlainHead(heads, id, di) || category(s.Code) == d.cat {
				continue
			}
			cause, ok := e.statedCause(doc, res, *s, d.drug)
			if !ok {
				continue
			}
			to, ok := e.set.ID(corpus.ICD10CM, d.cat+s.Code[3:])
			if !ok || !e.set.Brief(to).Billable {
				continue
			}
			b := e.set.Brief(to)
			why := fmt.Sprintf("note says %s: the Index's \"%s, due to %s\" is %s, not %s", cause, d.head, d.what, d.cat, s.Code)
			rej = append(rej, Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "due_to", Reason: why, Evidence: s.Evidence})
			res.Suggestions[i] = recoded(*s, b, "due_to", why)
			break
		}
	}
	return rej
}

// plainHeads says, as bit di for each of the first dueBits e.dueTo
// entries, whether id is reached by the entry's Index head (reachesHead),
// worked out once per code and kept in its record's flags; isPlainHead
// reads it.
func (e *Engine) plainHeads(id corpus.ID) uint64 {
	rec := e.coder.records.of(e.set, id)
	if f := rec.flags.Load(); f&ruleDueKnown != 0 {
		return f & dueMask
	}
	var out uint64
	for di := range min(len(e.dueTo), dueBits) {
		if e.reachesHead(id, di) {
			out |= 1 << di
		}
	}
	rec.flags.Or(out | ruleDueKnown)
	return out
}

// isPlainHead says whether id, whose plainHeads are heads, is reached by
// the head of e.dueTo entry di: an entry past the first dueBits (none in
// the code sets) is worked out afresh.
func (e *Engine) isPlainHead(heads uint64, id corpus.ID, di int) bool {
	if di < dueBits {
		return heads&(1<<di) != 0
	}
	return e.reachesHead(id, di)
}

// reachesHead says whether id is reached by the Index head of e.dueTo
// entry di itself or one of the head's "with" subterms (a stated type,
// "type 2", is not a cause-coded diabetes: statedCause).
func (e *Engine) reachesHead(id corpus.ID, di int) bool {
	d := &e.dueTo[di]
	for _, n := range e.set.Code(id).Names {
		if n.Kind == corpus.NameIndex && (n.Text == d.head || strings.HasPrefix(n.Text, d.head+", with, ")) {
			return true
		}
	}
	return false
}

// statedCause returns what the note names as the cause of s in the
// sentence of its evidence: a drug before it ("steroid-induced") when
// drug, else another suggested condition after a cause cue ("due to
// chronic pancreatitis"). A sentence stating a type ("type 2", T2DM) names
// none.
func (e *Engine) statedCause(doc *nlp.Document, res *Result, s Suggestion, drug bool) (string, bool) {
	for _, ev := range s.Evidence { // evidenceCues without a slice
		c := spanCue(doc, ev.Start, ev.End)
		if c.sent < 0 {
			continue
		}
		for _, t := range sentenceTerms(doc, c.sent) {
			if t.Stem == "type" {
				return "", false
			}
		}
		sent := doc.Sentences[c.sent]
		if drug {
			before := doc.Text[sent.Start:c.start]
			if m := drugInduced.FindString(before); m != "" && strings.TrimSpace(before[strings.LastIndex(before, m)+len(m):]) == "" {
				return strings.ToLower(m), true
			}
			continue
		}
		after := doc.Text[c.end:sent.End]
		loc := causeCue.FindStringIndex(after)
		if loc == nil {
			continue
		}
		from := c.end + loc[1]
		for ko := range res.Suggestions {
			o := &res.Suggestions[ko]
			if o.System != string(corpus.ICD10CM) || o.Code == s.Code || o.Confidence < res.Threshold || category(o.Code) == category(s.Code) {
				continue
			}
			for _, ev := range o.Evidence {
				if ev.Start >= from && ev.End <= sent.End && strings.TrimSpace(doc.Text[from:ev.Start]) == "" {
					return fmt.Sprintf("%s %s (%s)", strings.ToLower(doc.Text[c.end+loc[0]:c.end+loc[1]]), ev.Text, o.Code), true
				}
			}
		}
	}
	return "", false
}
