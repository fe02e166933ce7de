package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestLess: confidence first, then the ranker's log-odds (which the
// isotonic calibration may have flattened onto one confidence), then the
// retrieval score, system and code.
func TestLess(t *testing.T) {
	// IDs in the reverse of code order: the tie is broken by the code.
	e := &Engine{set: corpus.NewSet([]*corpus.Code{{System: corpus.ICD10CM, Code: "B00"}, {System: corpus.ICD10CM, Code: "A00"}}, nil)}
	a, _ := e.set.ID(corpus.ICD10CM, "A00")
	b, _ := e.set.ID(corpus.ICD10CM, "B00")
	for _, tt := range []struct {
		name string
		x, y scored
		want bool
	}{
		{"confidence", scored{conf: 0.6, z: -1, score: 0.1, code: b}, scored{conf: 0.5, z: 2, score: 0.9, code: a}, true},
		{"log-odds breaks a confidence tie", scored{conf: 0.5, z: 0.3, score: 0.1, code: b}, scored{conf: 0.5, z: 0.2, score: 0.9, code: a}, true},
		{"score breaks a log-odds tie", scored{conf: 0.5, z: 0.2, score: 0.9, code: b}, scored{conf: 0.5, z: 0.2, score: 0.1, code: a}, true},
		{"code last", scored{conf: 0.5, z: 0.2, score: 0.5, code: b}, scored{conf: 0.5, z: 0.2, score: 0.5, code: a}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.less(&tt.x, &tt.y); got != tt.want {
				t.Errorf("less = %v, want %v", got, tt.want)
			}
			if tt.want && e.less(&tt.y, &tt.x) {
				t.Error("less is not antisymmetric")
			}
		})
	}
}
