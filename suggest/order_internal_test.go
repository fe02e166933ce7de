package suggest

import (
	"math"
	"testing"

	"medcode/corpus"
)

// compareScored must order as less does, ties and NaN included.
func TestCompareScoredAgreesWithLess(t *testing.T) {
	e, ids := orderEngine()
	var ks []scored
	for _, conf := range []float64{0.5, 0.7, math.NaN()} {
		for _, z := range []float64{-1, 1} {
			for _, id := range ids {
				ks = append(ks, scored{code: id, conf: conf, z: z, score: 0.8})
			}
		}
	}
	ks = append(ks, scored{code: ids[0], conf: 0.5, z: 1, score: 0.9})
	for i := range ks {
		for j := range ks {
			want := 0
			switch {
			case e.less(&ks[i], &ks[j]):
				want = -1
			case e.less(&ks[j], &ks[i]):
				want = 1
			}
			if got := e.compareScored(&ks[i], &ks[j]); got != want {
				t.Errorf("compareScored(%+v, %+v) = %d, less says %d", ks[i], ks[j], got, want)
			}
		}
	}
}

// orderEngine is an engine over four codes of three systems, and their
// ids, for the ordering tests.
func orderEngine() (*Engine, []corpus.ID) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9"}, {System: corpus.ICD10CM, Code: "I10"},
		{System: corpus.CPT, Code: "99213"}, {System: corpus.HCPCS, Code: "G0439"},
	}, nil)
	e := &Engine{set: set}
	var ids []corpus.ID
	for _, sys := range set.Systems() {
		ids = append(ids, set.IDs(sys)...)
	}
	return e, ids
}
