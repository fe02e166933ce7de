package index

import (
	"math"
	"reflect"
	"testing"
)

// TestPackedPostings holds the packed posting layout (terms heaviest
// first, each with its place in the name) to the name-order layout: every
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
	opts := []SearchOptions{{}, {MinCoverage: 0.3}, {MinCoverage: 0.99}, {Limit: 2}}
	ix := build(t)
	if ix.postTerm != packTerm {
		t.Fatalf("fixture postings not packed")
	}
	reordered := false
	for t0 := range ix.postOff[:len(ix.postOff)-1] {
		rec := ix.post[ix.postOff[t0]:ix.postOff[t0+1]]
		for len(rec) > 0 {
			nt := int(rec[1] & 0xffff)
			body := rec[recordHead : recordHead+2*nt]
			for j := 2; j < len(body); j += 2 {
				if ix.rarer(body[j]&packTerm, body[j-2]&packTerm) {
					t.Fatalf("record of name %d not heaviest first", rec[0])
				}
			}
			for j := 0; j < len(body); j += 2 {
				reordered = reordered || int(body[j]>>packShift) != j/2
			}
			rec = rec[recordHead+2*nt:]
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
	ix.layPostings(false)
	if ix.postTerm != math.MaxUint32 {
		t.Fatalf("postings still packed")
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

func TestSortPairs(t *testing.T) {
	body := []uint32{5, 50, 1, 10, 9, 90, 3, 30}
	sortPairs(body, func(a, b uint32) bool { return a > b })
	want := []uint32{9, 90, 5, 50, 3, 30, 1, 10}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("sortPairs = %v, want %v", body, want)
	}
}
