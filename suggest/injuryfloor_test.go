package suggest_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestInjuryFloor: under a ranker whose priors sink every code the
// training notes never used, the injury the note documents in the code
// set's words still reaches the decision threshold, and only it: not its
// other-side sibling, not a nontraumatic tear, not a stenosis read as a
// vessel injury, not a bare "injury".
func TestInjuryFloor(t *testing.T) {
	t.Parallel()
	names := suggest.FeatureNames()
	w := make([]float64, len(names))
	w[slices.Index(names, "prior")] = 1 // the prior alone ranks
	eng := withModel(t, &suggest.Model{Features: names, Weights: w, Threshold: 0.3, Priors: map[string]float64{"default": -9}})
	cases := []struct {
		name, text string
		want       string   // raised to the threshold and listed first
		below      []string // code prefixes that stay below the threshold
	}{
		{"fracture of one side", "Nondisplaced fracture of the right lateral malleolus, initial encounter.", "S82.64XA", []string{"S82.65", "S82.66"}},
		{"eponym", "Closed Colles fracture, right wrist, initial encounter.", "S52.531A", []string{"S62"}},
		{"tear of a ligament is its sprain", "Complete tear of the anterior cruciate ligament of the left knee.", "S83.512A", []string{"S83.511", "S83.519"}},
		{"complication of care", "Superficial incisional surgical site infection, initial encounter.", "T81.41XA", nil},
		{"fracture under care", "CLINICAL HISTORY: Right distal radius fracture 10 weeks ago, persistent pain.\nIMPRESSION: Incomplete healing with persistent fracture line, delayed union.", "S52.501G", []string{"S52.501A", "T14"}},
		{"healed fracture is history", "History of right distal radius fracture 3 years ago, healed.", "", []string{"S"}},
		{"nontraumatic tear", "Nontraumatic complete rotator cuff tear, right shoulder.", "", []string{"S"}},
		{"no injury kind", "Right carotid artery stenosis 70%, asymptomatic.", "", []string{"S"}},
		{"bare injury", "She has not presented symptoms derived from her renal injury.", "", []string{"S"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.text, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 20})
			if err != nil {
				t.Fatal(err)
			}
			thr := eng.DecisionThreshold()
			if tc.want != "" {
				if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.want || res.Suggestions[0].Confidence < thr {
					t.Errorf("got %v, want %s first at the threshold %.2f", top(res), tc.want, thr)
				}
			}
			for _, s := range res.Suggestions {
				for _, p := range tc.below {
					if s.Code != tc.want && len(s.Code) >= len(p) && s.Code[:len(p)] == p && s.Confidence >= thr {
						t.Errorf("%s at %.4f, want below the threshold %.2f", s.Code, s.Confidence, thr)
					}
				}
			}
		})
	}
}

// top lists the suggestions with their confidences.
func top(res *suggest.Result) []string {
	var out []string
	for _, s := range res.Suggestions {
		out = append(out, fmt.Sprintf("%s %.4f", s.Code, s.Confidence))
	}
	return out
}
