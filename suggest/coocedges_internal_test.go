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

// TestCoocSpan holds where cooccur reads a code's edges, the span its
// fact holds (linkCooc) or else coocSpanAt's (which coocEdges reads too),
// to Engine.cooc's list of the code sorted by lift, as TestCoocEdges
// does: on random tables, with a code of more edges than a fact counts
// (coocSpill), and ids past the facts and the table.
func TestCoocSpan(t *testing.T) {
	rng := rand.New(rand.NewPCG(49, 3))
	for round := range 20 {
		cooc := map[corpus.ID][]coocEdge{}
		for range 1 + rng.IntN(400) {
			a, b := corpus.ID(rng.IntN(300)), corpus.ID(rng.IntN(300))
			cooc[a] = append(cooc[a], coocEdge{b, float64(rng.IntN(5))})
		}
		if round == 0 {
			for i := range coocSpill + 10 {
				cooc[7] = append(cooc[7], coocEdge{corpus.ID(i % 300), float64(i % 3)})
			}
		}
		e := &Engine{cooc: cooc}
		facts := make([]codeFact, 250) // fewer than the codes with edges
		e.linkCooc(facts)
		spilled := false
		for id := corpus.ID(-2); id < 320; id++ {
			want := slices.Clone(cooc[id]) // by lift, highest first, stably (TestCoocEdges)
			slices.SortStableFunc(want, func(a, b coocEdge) int { return cmp.Compare(b.lift, a.lift) })
			at, end := e.coocSpanAt(id)
			if got := e.rank.coocFlat[at:end]; !slices.Equal(got, want) {
				t.Fatalf("round %d code %d: coocSpanAt's edges %v, want %v", round, id, got, want)
			}
			if id < 0 || int(id) >= len(facts) {
				continue
			}
			f := &facts[id]
			if f.ncooc == coocSpill {
				spilled = true
				continue
			}
			if got := e.rank.coocFlat[f.cooc : f.cooc+int32(f.ncooc)]; !slices.Equal(got, want) {
				t.Fatalf("round %d code %d: the fact's edges %v, want %v", round, id, got, want)
			}
		}
		if round == 0 && !spilled {
			t.Fatalf("no fact spilled its edges to coocAt")
		}
	}
}
