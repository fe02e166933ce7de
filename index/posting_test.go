package index

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

// TestPackedPostings holds the packed posting layout (terms heaviest
// first, each with its w² bound, then in name order) to the name-order
// layout: every
// search finds the same hits with the same scores and positions.
func TestPackedPostings(t *testing.T) {
	texts := []string{
		"patient reports chest pain since morning",
		"pain in the chest, chest pain again",
		"type 2 diabetes with chronic kidney disease stage 3",
		"kidney disease chronic, stage 3, diabetes type 2 mellitus",
		"high blood pressure, on lisinopril",
		"community acquired pneumonia unspecified organism",
	}
	opts := []SearchOptions{{}, {MinCoverage: 0.3}, {MinCoverage: 0.65}, {MinCoverage: 0.8}, {MinCoverage: 0.99}, {Limit: 2}}
	ix := build(t)
	if ix.postTerm != packTerm {
		t.Fatalf("fixture postings not packed")
	}
	reordered := false
	for t0 := range ix.postOff[:len(ix.postOff)-1] {
		rec := ix.post[ix.postOff[t0]:ix.postOff[t0+1]]
		for len(rec) > 0 {
			nt := int(rec[1] & 0xffff)
			body := rec[recordHead : recordHead+nt]
			if body[0]&packTerm != uint32(t0) {
				t.Fatalf("record of name %d under term %d starts with term %d: the search's bound starts from the wrong weight", rec[0], t0, body[0]&packTerm)
			}
			for j := 1; j < len(body); j++ {
				if ix.rarer(body[j]&packTerm, body[j-1]&packTerm) {
					t.Fatalf("record of name %d not heaviest first", rec[0])
				}
			}
			// The name-order copy score reads holds the packed terms,
			// and each packed word its term's w² bound.
			ordered := rec[recordHead+nt : recordHead+2*nt]
			packed := make([]uint32, nt)
			for j, w := range body {
				packed[j] = w & packTerm
				reordered = reordered || packed[j] != ordered[j]
				if got, w2 := wordWeight(w), float64(ix.w2[w&packTerm]); got > w2 || got < w2*(1-1.0/128) {
					t.Fatalf("record of name %d: term %d's word holds w² %v, not a bound within 2^-7 below its %v", rec[0], w&packTerm, got, w2)
				}
			}
			slices.Sort(packed)
			if sorted := slices.Sorted(slices.Values(ordered)); !reflect.DeepEqual(sorted, packed) {
				t.Fatalf("record of name %d: name-order terms %v, packed %v", rec[0], ordered, body)
			}
			rec = rec[ix.recordLen(uint32(nt)):]
		}
	}
	if !reordered {
		t.Fatalf("no fixture name has its terms out of weight order: the test cannot fail")
	}
	var packed [][]Hit
	for _, text := range texts {
		for _, o := range opts {
			packed = append(packed, ix.Search(query(t, ix, text), o))
		}
	}
	names := make([][]string, ix.Len())
	for n := range names {
		names[n] = ix.NameTerms(int32(n))
	}
	ix.layPostings(false)
	if ix.postTerm != math.MaxUint32 {
		t.Fatalf("postings still packed")
	}
	for n, want := range names {
		if got := ix.NameTerms(int32(n)); !reflect.DeepEqual(got, want) {
			t.Errorf("name %d: terms %v after laying the postings out again, %v before", n, got, want)
		}
	}
	i := 0
	for _, text := range texts {
		for _, o := range opts {
			plain := ix.Search(query(t, ix, text), o)
			if len(plain) == 0 && o.MinCoverage < 0.9 {
				t.Errorf("%q %+v: no hits", text, o)
			}
			if !reflect.DeepEqual(packed[i], plain) {
				t.Errorf("%q %+v: packed %+v, plain %+v", text, o, packed[i], plain)
			}
			i++
		}
	}
}
