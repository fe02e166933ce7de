package suggest

import (
	"math"
	"testing"

	"medcode/corpus"
)

// compareKeys must order as less does, ties and NaN included, and
// sortScored leave the candidates in that order.
func TestCompareKeysAgreesWithLess(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9"}, {System: corpus.ICD10CM, Code: "I10"},
		{System: corpus.CPT, Code: "99213"}, {System: corpus.HCPCS, Code: "G0439"},
	}, nil)
	e := &Engine{set: set}
	var ids []corpus.ID
	for _, sys := range set.Systems() {
		ids = append(ids, set.IDs(sys)...)
	}
	var ks []scored
	for _, conf := range []float64{0.5, 0.7, math.NaN()} {
		for _, z := range []float64{-1, 1} {
			for _, id := range ids {
				ks = append(ks, scored{code: id, conf: conf, z: z, score: 0.8})
			}
		}
	}
	ks = append(ks, scored{code: ids[0], conf: 0.5, z: 1, score: 0.9})
	keys := scoreKeys(nil, ks)
	for i := range ks {
		for j := range ks {
			want := 0
			switch {
			case e.less(&ks[i], &ks[j]):
				want = -1
			case e.less(&ks[j], &ks[i]):
				want = 1
			}
			if got := e.compareKeys(&keys[i], &keys[j]); got != want {
				t.Errorf("compareKeys(%+v, %+v) = %d, less says %d", ks[i], ks[j], got, want)
			}
		}
	}
	// Without NaN (less is no order there): sortScored sorts by less.
	var plain []scored
	for _, k := range ks {
		if !math.IsNaN(k.conf) {
			plain = append(plain, k, k)
		}
	}
	w := &work{}
	e.sortScored(w, plain)
	for i := 1; i < len(plain); i++ {
		if e.less(&plain[i], &plain[i-1]) {
			t.Errorf("sortScored: %+v before %+v", plain[i-1], plain[i])
		}
	}
}
