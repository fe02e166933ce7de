package suggest

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestNextCueSent holds nextCueSent's walk to the plain one over every
// sentence: on random lists of cues in note order (empty lists, cues
// before the first sentence and after the last, several cues a sentence,
// lists sharing sentences), the walk visits exactly the sentences where
// sentenceCues reads a cue of some list, and reads there what the plain
// walk reads.
func TestNextCueSent(t *testing.T) {
	r := rand.New(rand.NewPCG(35, 6))
	visited := 0
	for trial := range 4000 {
		nsent := r.IntN(12)
		lists := make([][]cue, 1+r.IntN(6))
		for k := range lists {
			for range r.IntN(7) {
				lists[k] = append(lists[k], cue{sent: r.IntN(nsent+3) - 1, tok: r.IntN(100)})
			}
			slices.SortStableFunc(lists[k], func(a, b cue) int { return a.sent - b.sent })
		}
		type read struct {
			sent int
			cues [][]cue
		}
		var want, got []read
		at := make([]int, len(lists))
		for sent := range nsent {
			var rd read
			any := false
			for k := range lists {
				cs := sentenceCues(lists[k], &at[k], sent)
				any = any || len(cs) > 0
				rd.cues = append(rd.cues, cs)
			}
			if any {
				rd.sent = sent
				want = append(want, rd)
			}
		}
		at = make([]int, len(lists))
		for sent := nextCueSent(lists, at, 0); sent >= 0 && sent < nsent; sent = nextCueSent(lists, at, sent+1) {
			rd := read{sent: sent}
			any := false
			for k := range lists {
				cs := sentenceCues(lists[k], &at[k], sent)
				any = any || len(cs) > 0
				rd.cues = append(rd.cues, cs)
			}
			if !any {
				t.Fatalf("trial %d: sentence %d visited with no cue: %v", trial, sent, lists)
			}
			got = append(got, rd)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: %d sentences, lists %v: walk %v, plain %v", trial, nsent, lists, got, want)
		}
		visited += len(want)
	}
	if visited == 0 {
		t.Fatal("no sentence held a cue: the test compares nothing")
	}
}
