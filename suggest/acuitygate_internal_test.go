package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestAcuityCategoriesHoldEverySibling holds the acuity rule's category
// gate (acuityCategories) to what it stands for: over every ICD-10-CM code
// of the real engine, spelled as the code set spells it (and a sixteenth
// in lower case), a code whose category the gate turns away has no acuity sibling
// (acuityFacts.hasOther false, as the rule reads it), and the gate turns
// away most codes but keeps those that have one.
func TestAcuityCategoriesHoldEverySibling(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	cats := e.coder.rules.per.acuityCategories(e)
	away, kept, others := 0, 0, 0
	for k, id := range e.set.IDs(corpus.ICD10CM) {
		b := e.set.Brief(id)
		codes := []string{b.Code, strings.ToLower(b.Code)}
		if k%16 != 0 {
			codes = codes[:1] // the lower-case spelling of a sixteenth
		}
		for _, code := range codes {
			f := e.acuityFactsOf(code, b.Display)
			sib := f.key != "" && f.hasOther()
			switch {
			case !cats.mayHold(code) && sib:
				t.Fatalf("%q (%s): turned away, but has an acuity sibling %v", code, b.Display, f.sib)
			case !cats.mayHold(code):
				away++
			case sib:
				others++
			default:
				kept++
			}
		}
	}
	t.Logf("turned away %d, kept %d without and %d with a sibling", away, kept, others)
	// The set's meaning itself: every category of three bytes it turns
	// away lists no title in categoryAcuity (those it keeps with none are
	// the few more its parent links add).
	listed, empty := 0, 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		c := e.set.Brief(id).Code
		if len(c) != 3 {
			continue
		}
		n := len(e.categoryAcuity(c))
		switch {
		case n > 0 && !cats.mayHold(c):
			t.Fatalf("category %s: %d acuity titles, turned away", c, n)
		case n > 0:
			listed++
		case cats.mayHold(c):
			empty++
		}
	}
	t.Logf("categories kept: %d listing acuity titles, %d listing none", listed, empty)
	if others == 0 || away < 10*(kept+others) {
		t.Fatalf("turned away %d, kept %d without and %d with a sibling: the gate does not tell them apart", away, kept, others)
	}
}
