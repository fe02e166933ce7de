package suggest

import "testing"

// TestLearnedOnly checks that a candidate found only by learned phrases
// falls below the decision threshold with its reason, one with an official
// name's mention keeps its confidence, and an annotating request changes
// nothing.
func TestLearnedOnly(t *testing.T) {
	e := &Engine{} // untrained: threshold 0.5
	mk := func() []scored {
		return []scored{
			{c: &candidate{mentions: []mention{{learned: true}, {learned: true}}}, conf: 0.9},
			{c: &candidate{mentions: []mention{{learned: true}, {learned: false}}}, conf: 0.9},
			{c: &candidate{mentions: []mention{{learned: true}}}, conf: 0.3},
		}
	}
	ks := mk()
	e.learnedOnly(ks, false)
	if ks[0].conf >= e.DecisionThreshold() || len(ks[0].edits) != 1 || ks[0].edits[0].Kind != "learned_only" {
		t.Errorf("learned only: conf %.3f, edits %+v; want below %.2f with a learned_only edit", ks[0].conf, ks[0].edits, e.DecisionThreshold())
	}
	if ks[1].conf != 0.9 || len(ks[1].edits) != 0 {
		t.Errorf("with an official name: conf %.3f, edits %+v; want 0.9 and none", ks[1].conf, ks[1].edits)
	}
	if ks[2].conf != 0.3 || len(ks[2].edits) != 0 {
		t.Errorf("already below: conf %.3f, edits %+v; want 0.3 and none", ks[2].conf, ks[2].edits)
	}
	ks = mk()
	e.learnedOnly(ks, true)
	if ks[0].conf != 0.9 {
		t.Errorf("annotate: conf %.3f, want 0.9", ks[0].conf)
	}
}
