package suggest

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/corpus"
)

// TestCoocEdges holds coocEdges, which reads a code's edges from the
// lists laid end to end by code id, to Engine.cooc's list of the code
// sorted by lift, highest first, stably: on random tables with ties of
// lift, codes without edges between codes with some, and ids past the
// table and negative.
func TestCoocEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(48, 2))
	lifts := []float64{0.5, 0.9, 1.2, 1.2, 2, 3.5}
	for round := range 50 {
		cooc := map[corpus.ID][]coocEdge{}
		for range 1 + rng.IntN(400) {
			a, b := corpus.ID(rng.IntN(300)), corpus.ID(rng.IntN(300))
			cooc[a] = append(cooc[a], coocEdge{b, lifts[rng.IntN(len(lifts))]})
		}
		e := &Engine{cooc: cooc}
		for id := corpus.ID(-2); id < 320; id++ {
			want := slices.Clone(cooc[id])
			slices.SortStableFunc(want, func(a, b coocEdge) int { return cmp.Compare(b.lift, a.lift) })
			if got := e.coocEdges(id); !slices.Equal(got, want) {
				t.Fatalf("round %d code %d: edges %v, want %v", round, id, got, want)
			}
		}
	}
}
