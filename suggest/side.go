package suggest

import (
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// The side a header's default child leaves unspecified. A name that
// reaches a header ("Osteoarthritis, knee, unilateral" is M17.1-) resolves
// to its default child, the unspecified one (M17.10 "..., unspecified
// knee"); when the sentence of the mention states one side (right, left
// or bilateral) and a sibling's title is the default's title with that
// side in place of "unspecified", that sibling is the code the note
// documents ("Left knee OA" is M17.12). A sentence stating two sides, or
// none, leaves the default.

// sides moves each candidate resolved from a header to its default child
// onto the sibling holding the side its best mention's sentence states
// (sideChild): the side's word joins that mention's reading, and the
// candidate carries the edit saying so.
func (e *Engine) sides(doc *nlp.Document, live []*candidate) {
	for _, c := range live {
		if c.tgt.from == 0 || c.tgt.stem != 0 || c.sibling || len(c.mentions) == 0 {
			continue
		}
		k, tok, ed, ok := e.sideChild(doc, c, c.tgt.code)
		if !ok {
			continue
		}
		c.tgt.code, c.tgt.edit, c.sideEdit = k, 0, ed
		m := &c.mentions[c.best]
		if !slices.Contains(m.hit.Positions, int32(tok)) {
			m.hit.Positions = append(slices.Clip(m.hit.Positions), int32(tok))
		}
	}
}

// sideChild returns the sibling of the header default code that holds the
// side the sentence of c's best mention states, that side's token and
// the edit, or ok false.
func (e *Engine) sideChild(doc *nlp.Document, c *candidate, code corpus.ID) (corpus.ID, int, *Edit, bool) {
	if e.slots == nil {
		return code, -1, nil, false
	}
	sp, ok := e.slots.termSpan(code)
	if !ok {
		return code, -1, nil, false
	}
	t := e.slots.terms[sp[0] : sp[0]+sp[1]]
	at := slices.Index(t, uint32(unspecTerm))
	if at < 0 {
		return code, -1, nil, false
	}
	side, tok, ok := e.statedSide(doc, c.mentions[c.best].sent)
	if !ok {
		return code, -1, nil, false
	}
	p := e.parent(code)
	if p == 0 {
		return code, -1, nil, false
	}
	for _, k := range e.set.Children(p) {
		kp, ok := e.slots.termSpan(k)
		if !ok || k == code || kp[1] != sp[1] || !e.set.Brief(k).Billable {
			continue
		}
		kt := e.slots.terms[kp[0] : kp[0]+kp[1]]
		if kt[at] == side && e.slots.sibling(code, kt, at, side) {
			from, b := e.set.Brief(c.tgt.from), e.set.Brief(k)
			return k, tok, &Edit{Kind: "specificity", Message: fmt.Sprintf("%s is a category, not billable; %s: the side the note states", from.Code, b.Code)}, true
		}
	}
	return code, -1, nil, false
}

// statedSide returns the index term and token of the one side sentence
// sent states (right, left or bilateral), ok false when it states none or
// more than one.
func (e *Engine) statedSide(doc *nlp.Document, sent int) (uint32, int, bool) {
	var side uint32
	tok, found := -1, false
	for _, t := range sentenceTerms(doc, sent) {
		switch t.Norm {
		case "right", "left", "bilateral":
		default:
			continue
		}
		if t.Assert&nlp.Negated != 0 && !appositive(doc, t.Tok) {
			continue
		}
		id, ok := e.ix.TermID(t.Stem)
		if !ok {
			continue
		}
		if found && id != side {
			return 0, -1, false
		}
		side, tok, found = id, t.Tok, true
	}
	return side, tok, found
}

// appositive reports whether token i opens a clause of its own after a
// comma ("Acute otitis media without TM rupture, left ear"): a side set
// off so qualifies the condition, not what a negation before the comma
// denies.
func appositive(doc *nlp.Document, i int) bool {
	if i <= 0 || i >= len(doc.Tokens) {
		return false
	}
	return strings.TrimSpace(doc.Text[doc.Tokens[i-1].End:doc.Tokens[i].Start]) == "," || doc.Tokens[i-1].Norm == ","
}
