package suggest

import (
	"fmt"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// liveReading is what the passes after the cap read of a note's
// candidates: the capped live candidates (code, best mention and its
// score, mention count) in order, and the rejections shown with their
// evidence; and the kept candidates without their key.
type liveReading struct {
	live     []string
	rejected []string
	unkeyed  []string // kept candidates whose key is not their code's (keyed)
}

// readLive runs Suggest's front on note up to the cap, with assertLive's
// skip when skip is set (k passed to assertLive) or without (k 0, then
// capped), and returns what it read.
func readLive(e *Engine, note string, k int, skip bool) (liveReading, int) {
	w := e.getWork(len(note))
	defer e.putWork(w)
	doc := e.pipe.AnalyzeInto(&w.doc, note)
	w.rn.reset(e, w, doc)
	cands := e.siblingsHistories(w, e.collect(w, doc, Request{Text: note}))
	w.rejected = w.rejected[:0]
	gates := noteGatesOf(doc)
	cap := 0
	if skip {
		cap = k
	}
	live := e.assertLive(w, doc, cands, Outpatient, gates, cap)
	n := len(live)
	var r liveReading
	for _, c := range live {
		if want := e.set.CodeString(c.tgt.anyCode()); c.key != want {
			r.unkeyed = append(r.unkeyed, fmt.Sprintf("%q, not %q", c.key, want))
		}
	}
	live = e.capLive(&work{}, live, k)
	for _, c := range live {
		r.live = append(r.live, fmt.Sprintf("%s best %d %.9g of %d", e.set.CodeString(c.tgt.anyCode()), c.best, c.bestScore(), len(c.mentions)))
	}
	from := 0
	for i, rej := range w.rejected {
		evs := w.tail.evs[from:w.tail.evEnds[i]]
		from = w.tail.evEnds[i]
		r.rejected = append(r.rejected, fmt.Sprintf("%s %s %s %v", rej.Code, rej.Rule, rej.Reason, evs))
	}
	return r, n
}

// TestAssertLiveAgrees holds assertLive's skip of the weak candidates
// past the cap to the filter run over every candidate: the same capped
// live candidates in the same order, with the same best mentions, and
// the same rejections shown, and every kept candidate with its key
// (keyed), on dev notes alone and joined four at a time (dense notes,
// where the skip happens), at caps from 5 to 100. It fails unless the
// skip left out some candidates.
func TestAssertLiveAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	notes := devNotesJoined(t, 40)
	skipped := 0
	for _, note := range notes {
		for _, k := range []int{5, 20, 60, 100} {
			want, all := readLive(e, note, k, false)
			got, some := readLive(e, note, k, true)
			if len(got.unkeyed) > 0 || len(want.unkeyed) > 0 {
				t.Fatalf("note %.60q cap %d: kept candidates' keys %q (skip) %q (all)", note, k, got.unkeyed, want.unkeyed)
			}
			if !slices.Equal(got.live, want.live) || !slices.Equal(got.rejected, want.rejected) {
				t.Fatalf("note %.60q cap %d:\ngot  %q\n     %q\nwant %q\n     %q", note, k, got.live, got.rejected, want.live, want.rejected)
			}
			skipped += all - some
		}
	}
	t.Logf("%d candidates skipped", skipped)
	if skipped == 0 {
		t.Fatal("the skip never happened: the test reads nothing")
	}
}
