package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestLess: confidence first, then the ranker's log-odds (which the
// isotonic calibration may have flattened onto one confidence), then the
// retrieval score, system and code.
func TestLess(t *testing.T) {
	a := &corpus.Code{System: corpus.ICD10CM, Code: "A00"}
	b := &corpus.Code{System: corpus.ICD10CM, Code: "B00"}
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
			if got := less(&tt.x, &tt.y); got != tt.want {
				t.Errorf("less = %v, want %v", got, tt.want)
			}
			if tt.want && less(&tt.y, &tt.x) {
				t.Error("less is not antisymmetric")
			}
		})
	}
}
