package suggest

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"

	"medcode/internal/testenv"
)

// mergeEvidenceBySort is mergeEvidence as it was written first: both
// lists' distinct spans, sorted by sort.Slice, the first five kept.
func mergeEvidenceBySort(a, b []Evidence) []Evidence {
	out := make([]Evidence, 0, len(a)+len(b))
	for _, e := range append(append([]Evidence(nil), a...), b...) {
		out = appendNewSpan(out, e)
	}
	if len(out) == 0 {
		out = nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// TestMergeSpansAgreesWithSort: mergeSpans, in place behind other spans,
// and mergeEvidence merge as the sort.Slice merge did, on random spans
// with shared starts (where only a stable order agrees) and repeats.
func TestMergeSpansAgreesWithSort(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	spans := func(n int) []Evidence {
		var out []Evidence
		for range n {
			st := r.Intn(8)
			out = appendNewSpan(out, Evidence{Start: st, End: st + 1 + r.Intn(3), Text: fmt.Sprint(r.Intn(100))})
		}
		return out
	}
	for trial := range 5000 {
		a, b := spans(r.Intn(6)), spans(r.Intn(6))
		want := mergeEvidenceBySort(a, b)
		if got := mergeEvidence(a, b); fmt.Sprint(got) != fmt.Sprint(want) || (got == nil) != (want == nil) {
			t.Fatalf("trial %d: mergeEvidence(%v, %v) = %v, want %v", trial, a, b, got, want)
		}
		// Big inputs take sort.Slice's own path in mergeEvidence.
		big := spans(20)
		if got, want := mergeEvidence(big, a), mergeEvidenceBySort(big, a); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("trial %d: mergeEvidence(%v, %v) = %v, want %v", trial, big, a, got, want)
		}
		head := spans(r.Intn(4))
		out := append(append([]Evidence(nil), head...), a...)
		out = mergeSpans(out, len(head), b)
		if fmt.Sprint(out[:len(head)]) != fmt.Sprint(head) {
			t.Fatalf("trial %d: mergeSpans changed the spans before lo: %v, had %v", trial, out[:len(head)], head)
		}
		if got := out[len(head):]; fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("trial %d: mergeSpans(%v, %v) = %v, want %v", trial, a, b, got, want)
		}
	}
}
