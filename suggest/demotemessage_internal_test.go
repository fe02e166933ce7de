package suggest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestDemoteMessageAtRender holds demote's edit, its message written when
// the candidate is rendered (writeLessSpecific), to the plain form that
// wrote it in demote: the same edits in the same order, the specificity
// one naming the code demoted below. Over dev notes, no rendered edit
// keeps lessSpecificPending.
func TestDemoteMessageAtRender(t *testing.T) {
	e := realEngine(t)
	id := func(code string) corpus.ID {
		t.Helper()
		x, ok := e.set.ID(corpus.ICD10CM, code)
		if !ok {
			t.Fatalf("no code %s", code)
		}
		return x
	}
	specific, unspec, other := &candidate{}, &candidate{}, &candidate{}
	unspec.lessThan = specific
	other.lessThan = &candidate{} // not scored: nothing to yield to
	thr := e.DecisionThreshold()
	ks := []scored{
		{c: specific, code: id("I50.22"), conf: thr + 0.1},
		{c: unspec, code: id("I50.9"), conf: thr + 0.2, edits: []Edit{{Kind: "history", Message: "first"}}},
		{c: other, code: id("J44.9"), conf: thr + 0.3},
	}
	e.demote(ks)
	for i := range ks {
		e.writeLessSpecific(&ks[i])
	}
	b := e.set.Brief(id("I50.22"))
	want := []Edit{{Kind: "history", Message: "first"}, {Kind: "specificity", Message: lessSpecificMessage(b.Code, b.Display)}}
	if !slices.Equal(ks[1].edits, want) {
		t.Errorf("demoted edits %q, want %q", ks[1].edits, want)
	}
	if len(ks[0].edits) != 0 || len(ks[2].edits) != 0 {
		t.Errorf("edits on candidates not demoted: %q, %q", ks[0].edits, ks[2].edits)
	}
	written := 0
	for _, note := range firstDevNotes(t, 60) {
		res, err := e.Suggest(context.Background(), Request{Text: note})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Suggestions {
			for _, ed := range s.Edits {
				if ed.Message == lessSpecificPending {
					t.Fatalf("%s: rendered with the pending message", s.Code)
				}
				if ed.Kind == "specificity" && strings.HasPrefix(ed.Message, "less specific than ") {
					written++
				}
			}
		}
	}
	if written == 0 {
		t.Errorf("no dev note's suggestion has demote's edit: the test cannot fail")
	}
}
