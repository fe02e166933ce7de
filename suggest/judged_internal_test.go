package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestJudged holds sentenceRanges.judged, the note's terms judged in one
// pass, to noteTermID's judgement term by term, on fresh ranges and on
// ranges where noteTermID judged some of the terms first (as titleGrounding
// does for a note of more than 64 sentences), over the ground notes and
// the first dev notes.
func TestJudged(t *testing.T) {
	e := realEngine(t)
	rng := rand.New(rand.NewPCG(27, 2))
	notes := append(slices.Clone(groundNotes), firstDevNotes(t, 40)...)
	for ni, note := range notes {
		doc := e.pipe.Analyze(note)
		var plain sentenceRanges
		plain.index(doc)
		want := make([]int64, len(doc.Terms))
		for j := range doc.Terms {
			want[j] = -1
			if id, ok := plain.noteTermID(doc, e.ix, j); ok {
				want[j] = int64(id)
			}
		}
		for trial := range 3 {
			var sr sentenceRanges
			sr.index(doc)
			if trial > 0 {
				for j := range doc.Terms {
					if rng.IntN(3*trial) == 0 {
						sr.noteTermID(doc, e.ix, j)
					}
				}
			}
			if got := sr.judged(doc, e.ix); !slices.Equal(got, want) {
				t.Fatalf("note %d trial %d: judged %v, want %v", ni, trial, got, want)
			}
			if got := sr.judged(doc, e.ix); !slices.Equal(got, want) {
				t.Fatalf("note %d trial %d: judged again %v, want %v", ni, trial, got, want)
			}
		}
	}
}
