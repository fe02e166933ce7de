package suggest

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"testing"

	"medcode/corpus"
)

// TestPutWorkEmptiesTail: a pooled work keeps no note's rejection
// systems nor its date's cover of the releases.
func TestPutWorkEmptiesTail(t *testing.T) {
	e := &Engine{}
	w := e.getWork(0)
	w.tail.rej.systems = append(w.tail.rej.systems, "ICD-10-CM")
	w.tail.dated = append(w.tail.dated, systemCover{system: corpus.ICD10CM})
	e.putWork(w)
	if len(w.tail.rej.systems) != 0 || len(w.tail.dated) != 0 || slices.ContainsFunc(w.tail.rej.systems[:cap(w.tail.rej.systems)], func(s string) bool { return s != "" }) {
		t.Errorf("pooled work keeps the tail's state: %v %v", w.tail.rej.systems, w.tail.dated)
	}
}

// codeKey identifies a suggested code.
type codeKey struct{ system, code string }

// dedupeByMaps is dedupeRejected as it was first written, with maps of
// the suggested codes and of the rejections seen.
func dedupeByMaps(rs []Rejection, kept []Suggestion) []Rejection {
	type rk struct{ system, code, rule string }
	has, seen := map[codeKey]bool{}, map[rk]bool{}
	for _, s := range kept {
		has[codeKey{s.System, s.Code}] = true
	}
	var out []Rejection
	for _, r := range rs {
		k := rk{r.System, r.Code, r.Rule}
		if seen[k] || has[codeKey{r.System, r.Code}] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// TestDedupeRejectedAgreesWithMaps: on rejections sorted as Suggest sorts
// them, the run and search dedupe keeps what the maps did, in order.
func TestDedupeRejectedAgreesWithMaps(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	w := (&Engine{}).getWork(0)
	sys := []string{"CPT", "ICD-10-CM"}
	codes := []string{"A", "B", "C", "D", "E"}
	for trial := range 3000 {
		var rs []Rejection
		for i := range r.Intn(14) {
			rs = append(rs, Rejection{System: sys[r.Intn(2)], Code: codes[r.Intn(5)], Rule: codes[r.Intn(3)], Reason: string(rune('a' + i))})
		}
		var kept []Suggestion
		for range r.Intn(4) {
			kept = append(kept, Suggestion{System: sys[r.Intn(2)], Code: codes[r.Intn(5)]})
		}
		sortRejections(rs, &w.tail.rej)
		want := dedupeByMaps(rs, kept)
		got := dedupeRejected(slices.Clone(rs), kept, &w.tail.rej)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("trial %d: got %v, want %v", trial, got, want)
		}
	}
}

// TestSortScoredAsIndices: comparing the keys puts candidates in the order
// sorting indices into them with compareScored did, ties and NaN
// included (the comparisons, and so the sort's moves, are the same).
func TestSortScoredAsIndices(t *testing.T) {
	e, ids := orderEngine()
	r := rand.New(rand.NewSource(1))
	w := e.getWork(0)
	vals := []float64{0.5, 0.7, 0.9, math.NaN()}
	for trial := range 500 {
		ks := make([]scored, r.Intn(60))
		for i := range ks {
			ks[i] = scored{code: ids[r.Intn(len(ids))], conf: vals[r.Intn(4)], z: vals[r.Intn(4)], score: vals[r.Intn(4)], adj: float64(i)}
		}
		idx := make([]int32, len(ks))
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortFunc(idx, func(a, b int32) int { return e.compareScored(&ks[a], &ks[b]) })
		e.sortScored(w, ks)
		for i, j := range idx {
			if ks[i].adj != float64(j) {
				t.Fatalf("trial %d: place %d holds candidate %v, the index sort put %d there", trial, i, ks[i].adj, j)
			}
		}
	}
}
