package suggest

import (
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// knownDisagrees returns what of c's known facts (candidateknown.go)
// its mentions contradict, "" when none does or it has none.
func knownDisagrees(c *candidate) string {
	if c.known == 0 {
		return ""
	}
	past := nlp.Historical | nlp.Family
	switch {
	case c.liveBest() != c.bestScore():
		return "best score"
	case c.bestBoundOf() != bestBound(c):
		return "best bound"
	case c.liveShown() != reportable(c):
		return "shown"
	case c.pastFlags()&past != sharedHistoryFlags(c.mentions)&past:
		return "past flags"
	}
	return ""
}

// TestKnownFactsAgree holds what pendHits keeps of a candidate's
// mentions (liveBest, bestBoundOf, liveShown, pastFlags) to the mentions
// themselves, after collect and siblingsHistories and again after
// assertLive with and without its skip, on dev notes alone and joined
// four at a time. It fails unless some candidates were known.
func TestKnownFactsAgree(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	known := 0
	for _, note := range devNotesJoined(t, 40) {
		for _, k := range []int{0, 20, 100} {
			w := e.getWork(len(note))
			doc := e.pipe.AnalyzeInto(&w.doc, note)
			w.rn.reset(e, w, doc)
			cands := e.siblingsHistories(w, e.collect(w, doc, Request{Text: note}))
			for _, c := range cands {
				if c.known != 0 {
					known++
				}
				if d := knownDisagrees(c); d != "" {
					t.Fatalf("note %.60q: %s collected: its %s is not its mentions'", note, e.set.CodeString(c.tgt.anyCode()), d)
				}
			}
			w.rejected = w.rejected[:0]
			live := e.assertLive(w, doc, cands, Outpatient, noteGatesOf(doc), k)
			for _, c := range live {
				if d := knownDisagrees(c); d != "" {
					t.Fatalf("note %.60q cap %d: %s kept: its %s is not its mentions'", note, k, e.set.CodeString(c.tgt.anyCode()), d)
				}
			}
			e.putWork(w)
		}
	}
	if known == 0 {
		t.Fatal("no candidate was known: the test reads nothing")
	}
	t.Logf("%d candidates known", known)
}
