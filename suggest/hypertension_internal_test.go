package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestHypertensionNamed: hypertension the note names is coded in its
// combination with a recommended heart failure or CKD stage, at their
// confidence, however the ranker scored I10; without a recommended
// partner, or when the evidence does not name hypertension, nothing is
// presumed.
func TestHypertensionNamed(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{set: set, pipe: pipe}
	e.htn = e.hypertensionTable()
	type part struct {
		code, said string
		conf       float64
	}
	tests := []struct {
		note  string
		parts []part
		want  string // the combination code, "" for none
		conf  float64
	}{
		{"HTN with acute on chronic systolic CHF exacerbation.", []part{{"I10", "HTN", 0.2}, {"I50.23", "acute on chronic systolic CHF", 0.31}}, "I11.0", 0.31},
		{"Hypertension, CKD stage 3b and chronic systolic heart failure.", []part{{"I10", "Hypertension", 0.28}, {"I50.22", "chronic systolic heart failure", 0.8}, {"N18.32", "CKD stage 3b", 0.45}}, "I13.0", 0.45},
		// A CKD stage below the threshold beside the heart failure: I11.0
		// would say less than the note may; the ranker keeps the choice.
		{"Hypertension, CKD stage 3b, and chronic diastolic CHF.", []part{{"I10", "Hypertension", 0.2}, {"N18.32", "CKD stage 3b", 0.28}, {"I50.32", "chronic diastolic CHF", 0.45}}, "", 0},
		// The partner is not recommended either.
		{"HTN with acute on chronic systolic CHF exacerbation.", []part{{"I10", "HTN", 0.2}, {"I50.23", "acute on chronic systolic CHF", 0.2}}, "", 0},
		// The plain code's evidence does not name hypertension.
		{"Elevated pressures with acute on chronic systolic CHF.", []part{{"I10", "Elevated pressures", 0.2}, {"I50.23", "acute on chronic systolic CHF", 0.31}}, "", 0},
	}
	for _, tc := range tests {
		doc := e.pipe.Analyze(tc.note)
		res := &Result{Threshold: 0.29}
		for _, p := range tc.parts {
			at := strings.Index(tc.note, p.said)
			res.Suggestions = append(res.Suggestions, Suggestion{System: string(corpus.ICD10CM), Code: p.code, Confidence: p.conf,
				Evidence: []Evidence{{Start: at, End: at + len(p.said), Text: p.said}}})
		}
		w := &work{}
		n := &w.rn
		n.reset(e, w, doc)
		adds := e.hypertensionCode(n, res, nil, new(absorbedCodes))
		got, conf := "", 0.0
		if len(adds) > 0 {
			got, conf = adds[0].code, adds[0].conf
		}
		if got != tc.want || conf != tc.conf {
			t.Errorf("%q %v: %q at %v, want %q at %v", tc.note, tc.parts, got, conf, tc.want, tc.conf)
		}
	}
}
