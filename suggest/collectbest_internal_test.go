package suggest

import (
	"testing"

	"medcode/internal/testenv"
)

// TestCollectBest holds the best mention collect finds with the best's
// score kept (topScore) to the plain scan scoring both sides of every
// comparison: over the CodiEsp dev notes, each candidate's best is the
// first of its mentions scoring highest.
func TestCollectBest(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel()
	e := SharedEngine(t)
	notes := firstDevNotes(t, 60)
	ties := 0
	for i, text := range notes {
		doc := e.pipe.Analyze(text)
		w := e.getWork(0)
		for _, c := range e.collect(w, doc, Request{}) {
			want := 0
			for n := 1; n < len(c.mentions); n++ {
				if mentionScore(c.mentions[n]) > mentionScore(c.mentions[want]) {
					want = n
				}
				if mentionScore(c.mentions[n]) == mentionScore(c.mentions[want]) && n != want {
					ties++
				}
			}
			if c.best != want {
				t.Fatalf("note %d, %s: best mention %d, want %d", i, e.set.CodeString(c.tgt.anyCode()), c.best, want)
			}
		}
		e.putWork(w)
	}
	if ties == 0 {
		t.Fatal("no tied mentions: the first-of-equals order is untested")
	}
}
