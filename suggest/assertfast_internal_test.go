package suggest

import (
	"reflect"
	"testing"
)

// TestApplyAssertionsFast holds applyAssertions to applyAssertionsFull:
// for every candidate of the CodiEsp dev notes and the sample notes
// (collect, siblings and histories, as Suggest reads them), in both
// settings, the same verdict, rejection, kept mentions and best mention.
// It checks that the notes reach both the common case applyAssertions
// answers itself and each case it leaves to applyAssertionsFull (a
// blocked mention, a gate that can fire, a history or family code).
func TestApplyAssertionsFast(t *testing.T) {
	t.Parallel()
	e := ownEngine(t)
	notes := firstDevNotes(t, 40)
	notes = withSampleNotes(t, notes)
	var common, blocked, gated, history, rejected int
	for i, text := range notes {
		w := e.getWork(0)
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		w.rn.reset(e, w, doc) // as Suggest does: histories reads it
		g := noteGatesOf(doc)
		for _, c := range e.siblingsHistories(w, e.collect(w, doc, Request{})) {
			f := e.fact(c.tgt.anyCode())
			for _, setting := range []Setting{Outpatient, Inpatient} {
				allowed := allowedBy(&f, setting)
				switch {
				case f.asrt&(asrtHistory|asrtFamily) != 0:
					history++
				case g.mayGate(&f):
					gated++
				default:
					common++
					for k := range c.mentions {
						if blockedBy(f.asrt, c.mentions[k].assert, allowed) != 0 {
							blocked++
							common--
							break
						}
					}
				}
				fast, full := *c, *c
				var rf Rejection
				okf := e.applyAssertions(w, &fast, setting, g, &rf)
				rp, okp := e.applyAssertionsFull(w, &full, setting, g)
				if !okp {
					rejected++
				}
				if okf != okp || !reflect.DeepEqual(rf, rp) || fast.best != full.best || !reflect.DeepEqual(fast.mentions, full.mentions) {
					t.Fatalf("note %d, %s, %s: applyAssertions %v %+v best %d, applyAssertionsFull %v %+v best %d", i, e.set.CodeString(c.tgt.anyCode()), setting, okf, rf, fast.best, okp, rp, full.best)
				}
			}
		}
		e.putWork(w)
	}
	t.Logf("common %d, blocked %d, gated %d, history or family %d; rejected %d", common, blocked, gated, history, rejected)
	if common == 0 || blocked == 0 || gated == 0 || history == 0 || rejected == 0 {
		t.Fatal("a case is never reached: the test does not hold it")
	}
}
