package suggest_test

import (
	"context"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestGrounded: at least half a learned phrase's content words must occur
// in the names of its code or an ancestor's.
func TestGrounded(t *testing.T) {
	eng := engine(t)
	g := suggest.NewGrounder(eng.Set(), eng.Index().Stems)
	for _, tt := range []struct {
		code, phrase string
		want         bool
	}{
		{"E11.9", "diabetic", true},               // "diabetes" in the title
		{"E11.9", "metformin twice daily", false}, // no word of any name
		{"I10", "blood pressure", false},
		{"I10", "hypertensive", true},
		{"N39.0", "urinary infection", true},
		{"R69", "history of present illness", false}, // "illness" alone of three words
		{"R58", "deep vein thrombosis", false},       // "vein" only, from "Rupture, splenic vein"
		{"I82.409", "deep vein thrombosis", true},
		{"E11.9", "diabetic follow", true}, // half the words
		{"J18.9", "community acquired pneumonia", false},
		{"Z87.891", "coronary disease", false}, // "disease" only, from an ancestor's name
		{"I25.10", "coronary disease", true},
		{"R69", "present", false},
		{"Z99.99", "anything", false}, // not a code
	} {
		if got := g.Grounded(corpus.ICD10CM, tt.code, tt.phrase); got != tt.want {
			t.Errorf("Grounded(%s, %q) = %v, want %v", tt.code, tt.phrase, got, tt.want)
		}
	}
}

// TestUngroundedLearnedDropped: a model's learned phrase sharing no word
// with its code's names is dropped at load; a grounded one still finds
// its code.
func TestUngroundedLearnedDropped(t *testing.T) {
	t.Parallel()
	m := &suggest.Model{Learned: []suggest.LearnedName{
		{System: "ICD-10-CM", Code: "E11.9", Text: "metformin twice daily", Weight: 0.9},
		{System: "ICD-10-CM", Code: "E11.9", Text: "diabetic follow", Weight: 0.9},
	}}
	eng := withModel(t, m)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Plan: metformin twice daily.", false},
		{"Reason for visit: diabetic follow up.", true},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 50})
		if err != nil {
			t.Fatal(err)
		}
		if s := find(res, "E11.9"); (s != nil) != tt.want {
			t.Errorf("%q: E11.9 suggested = %v, want %v", tt.text, s != nil, tt.want)
		}
	}
}
