package suggest

import (
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Specific beats unspecified. A candidate whose title says "unspecified"
// (or "without complications", the category's default), found by a name it
// only partly matched, steps aside when every one of its good mentions
// reads words that another candidate's fully matched name reads too, and
// more: "pneumonia" in "pneumonia due to Klebsiella pneumoniae" is J15.0,
// not J18.9; "burn ... degree" in "burn of first degree of trunk" is not
// T30.0. Priors and learned phrases may rank the unspecified code; they do
// not keep it against the documented one.

// vague reports whether a code's title names no detail of its category.
func vague(b corpus.Brief) bool {
	d := strings.ToLower(b.Display)
	return strings.Contains(d, "unspecified") || strings.HasSuffix(d, "without complications")
}

// fullReading is a fully matched mention of a kept candidate.
type fullReading struct {
	c    *candidate
	sent int
	pos  []int32
}

// specific drops the vague candidates whose words a more specific
// candidate reads in full, with the reason, and returns the rest in order.
func (e *Engine) specific(w *work, doc *nlp.Document, live []*candidate) []*candidate {
	var full []fullReading
	for _, c := range live {
		if c.sibling || c.prior || e.set.Brief(c.tgt.anyCode()).System != corpus.ICD10CM {
			continue
		}
		for _, m := range c.mentions {
			if m.hit.Coverage >= 0.99 && m.partNeg == 0 && !m.learned && len(m.hit.Positions) > 1 {
				full = append(full, fullReading{c, m.sent, m.hit.Positions})
			}
		}
	}
	if len(full) == 0 {
		return live
	}
	out := live[:0]
	for _, c := range live {
		b := e.set.Brief(c.tgt.anyCode())
		if b.System != corpus.ICD10CM || c.sibling || c.prior || len(c.mentions) == 0 || !vague(b) {
			out = append(out, c)
			continue
		}
		by := e.readsMore(c, full)
		if by == nil {
			out = append(out, c)
			continue
		}
		bb := e.set.Brief(by.tgt.anyCode())
		w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
			Rule: "less_specific", Reason: fmt.Sprintf("the note documents %s (%s): its words are read there in full", bb.Code, bb.Display), Evidence: e.evidence(doc, c, 3)})
	}
	return out
}

// readsMore returns the candidate of c's chapter whose full reading holds
// every good mention of c, with more words, or nil (another chapter's name
// holding the same word is another condition: "smoker" in "leukokeratosis
// nicotina palati"). c's own full readings keep it.
func (e *Engine) readsMore(c *candidate, full []fullReading) *candidate {
	best := mentionScore(c.mentions[c.best])
	var by *candidate
	for _, m := range c.mentions {
		if mentionScore(m) < 0.8*best {
			continue
		}
		if m.hit.Coverage >= 0.99 && !m.learned {
			return nil // the note says this code's own name in full
		}
		found := false
		for _, f := range full {
			if f.c == c || f.sent != m.sent || len(f.pos) <= len(m.hit.Positions) || f.c.tgt.anyCode() == c.tgt.anyCode() ||
				corpus.ChapterOf(e.set.Brief(f.c.tgt.anyCode()).Code) != corpus.ChapterOf(e.set.Brief(c.tgt.anyCode()).Code) {
				continue
			}
			inside := true
			for _, p := range m.hit.Positions {
				if !slices.Contains(f.pos, p) {
					inside = false
					break
				}
			}
			if inside {
				found, by = true, f.c
				break
			}
		}
		if !found {
			return nil
		}
	}
	return by
}
