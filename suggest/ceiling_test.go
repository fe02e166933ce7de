package suggest_test

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestCeiling: the ceiling is evaluated with the corpus features at 0 and
// bounds the confidence; without it the main re-ranker's confidence stands.
func TestCeiling(t *testing.T) {
	t.Parallel()
	prior := slices.Index(suggest.FeatureNames(), "prior")
	// A stump on the prior: hi for a real prior (always below -1), lo at 0.
	stump := func(hi, lo float64) suggest.Tree {
		return suggest.Tree{Feature: []int{prior, -1, -1}, Threshold: []float64{-1, 0, 0}, Left: []int{1, -1, -1}, Right: []int{2, -1, -1}, Value: []float64{0, hi, lo}}
	}
	sig := func(z float64) float64 { return math.Round(1/(1+math.Exp(-z))*1e4) / 1e4 }
	tests := []struct {
		name    string
		ceiling *suggest.Ceiling
		want    float64
	}{
		{"no ceiling", nil, sig(4)},
		{"the ceiling sees no prior", &suggest.Ceiling{Trees: []suggest.Tree{stump(4, -2)}}, sig(-2)},
		{"a ceiling above changes nothing", &suggest.Ceiling{Trees: []suggest.Tree{stump(-6, 6)}}, sig(4)},
		{"the ceiling's own calibration", &suggest.Ceiling{Trees: []suggest.Tree{stump(-6, 6)}, CalibX: []float64{0, 1}, CalibY: []float64{0, 0.5}}, 0.5 * sig(6)},
		{"the lesser recalibrated", &suggest.Ceiling{Trees: []suggest.Tree{stump(4, -2)}, LesserX: []float64{0, 1}, LesserY: []float64{0.5, 1}}, 0.5 + 0.5*sig(-2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := &suggest.Model{Version: suggest.ModelVersion, Features: suggest.FeatureNames(), Trees: []suggest.Tree{stump(4, -4)}, Threshold: 0.3, Ceiling: tt.ceiling,
				Priors: map[string]float64{"ICD-10-CM|J01.90": -3}}
			eng := withModel(t, m)
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: "Assessment: Acute sinusitis.", Systems: []corpus.System{corpus.ICD10CM}})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Suggestions) == 0 {
				t.Fatal("no suggestions")
			}
			for _, s := range res.Suggestions {
				if math.Abs(s.Confidence-tt.want) > 1e-3 && !slices.ContainsFunc(s.Edits, func(e suggest.Edit) bool {
					return e.Kind == "less_specific" || e.Kind == "excludes1" || e.Kind == "integral_symptom" ||
						e.Kind == "specificity" && strings.HasPrefix(e.Message, "less specific than") // below the threshold by design (sameCondition)
				}) {
					t.Errorf("%s at %.4f, want %.4f", s.Code, s.Confidence, tt.want)
				}
			}
		})
	}
}

// TestCeilingRefusesBadTrees: a malformed ceiling is refused like the main
// trees.
func TestCeilingRefusesBadTrees(t *testing.T) {
	base := engine(t)
	m := &suggest.Model{Version: suggest.ModelVersion, Features: suggest.FeatureNames(), Trees: []suggest.Tree{{Feature: []int{-1}, Threshold: []float64{0}, Left: []int{-1}, Right: []int{-1}, Value: []float64{1}}},
		Ceiling: &suggest.Ceiling{Trees: []suggest.Tree{{Feature: []int{0, -1}, Threshold: []float64{0}, Left: []int{1, -1}, Right: []int{1, -1}, Value: []float64{0, 1}}}}}
	if _, err := suggest.New(base.Set(), base.Index(), suggest.Options{Model: m}); err == nil {
		t.Error("a ceiling with trees of arrays of different lengths should be refused")
	}
}

// TestWithoutCorpus: WithoutCorpus zeroes exactly the corpus features of each row.
func TestWithoutCorpus(t *testing.T) {
	names := suggest.FeatureNames()
	w := len(names)
	rows := make([]float64, 2*w)
	for i := range rows {
		rows[i] = float64(i + 1)
	}
	got := suggest.WithoutCorpus(nil, rows, w)
	for i, v := range got {
		corpusFeature := slices.Contains(suggest.CorpusFeatures(), names[i%w])
		if corpusFeature && v != 0 || !corpusFeature && v != rows[i] {
			t.Errorf("column %s of row %d is %v", names[i%w], i/w, v)
		}
	}
	if rows[slices.Index(names, "prior")] == 0 {
		t.Error("WithoutCorpus changed its input")
	}
}
