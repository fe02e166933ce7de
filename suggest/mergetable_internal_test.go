package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// TestMergeTable: slot finds what a map of the codes entered finds, and
// enters a code the map does not hold, over random notes of codes with
// repeats (ids small, large and negative), the table reused note to note.
func TestMergeTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 25))
	var mt mergeTable
	for note := range 400 {
		n := rng.IntN(300)
		codes := make([]corpus.ID, n)
		for i := range codes {
			switch rng.IntN(4) {
			case 0:
				codes[i] = corpus.ID(rng.IntN(40)) // many repeats
			case 1:
				codes[i] = corpus.ID(rng.Int32())
			case 2:
				codes[i] = -corpus.ID(rng.IntN(1000)) - 1
			default:
				codes[i] = corpus.ID(rng.IntN(100000))
			}
		}
		mt.reset(n)
		want := map[corpus.ID]int{}
		kept := 0
		for i, id := range codes {
			at, ok := mt.slot(id)
			w, wok := want[id]
			if ok != wok || ok && int(*at) != w {
				t.Fatalf("note %d code %d (#%d): slot = %d, %v; map %d, %v", note, id, i, *at, ok, w, wok)
			}
			if !ok {
				*at = int32(kept)
				want[id] = kept
				kept++
			}
		}
	}
}
