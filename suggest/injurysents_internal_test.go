package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/nlp"
)

// TestAppendEvidenceSentences holds injuryOrder's buffered form to
// evidenceSentences (a fresh slice) on random spans of a note, the
// buffer reused as injuryOrder reuses it.
func TestAppendEvidenceSentences(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Fell from a ladder. Fracture of the left wrist; laceration of the scalp. Struck by a falling object at work. Pain in the knee."
	doc := pipe.Analyze(text)
	rng := rand.New(rand.NewPCG(22, 74))
	var buf [8]int
	for range 5000 {
		var evs []Evidence
		for range rng.IntN(4) {
			a, b := rng.IntN(len(text)+1), rng.IntN(len(text)+1)
			evs = append(evs, Evidence{Start: min(a, b), End: max(a, b)})
		}
		if got, want := appendEvidenceSentences(buf[:0], doc, evs), evidenceSentences(doc, evs); !slices.Equal(got, want) {
			t.Fatalf("%v: buffered %v, evidenceSentences %v", evs, got, want)
		}
	}
}
