package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestRefine: the side, site or with/without the note states picks the
// sibling; the unspecified code stays only when the note leaves the detail
// open, and a sibling naming a further condition the note does not state
// does not take its place.
func TestRefine(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		name  string
		text  string
		first string // the first ICD-10-CM suggestion
		below string // ranked below first when suggested ("" none)
	}{
		{name: "side with implied words", text: "Right carpal tunnel syndrome.", first: "G56.01", below: "G56.00"},
		{name: "bilateral", text: "Bilateral carpal tunnel syndrome.", first: "G56.03", below: "G56.00"},
		{name: "side of a seventh-character stem", text: "Malunion of right Colles fracture.", first: "S52.531P", below: "S52.539P"},
		{name: "with a qualifier", text: "Lumbar spinal stenosis with neurogenic claudication.", first: "M48.062", below: "M48.00"},
		{name: "without a qualifier", text: "Lumbar spinal stenosis without neurogenic claudication.", first: "M48.061", below: "M48.00"},
		{name: "site and side beside an abbreviation", text: "Acute DVT of the right femoral vein.", first: "I82.411", below: "I82.90"},
		{name: "site-specific category", text: "Primary osteoarthritis of the right knee.", first: "M17.11", below: "M19.91"},
		// Refinement adds no detail the note leaves out; the acuity rule
		// (acuity.go) reads "chronic" and makes I50.30 the chronic I50.32.
		{name: "no side the note does not state", text: "Chronic HFpEF, euvolemic today.", first: "I50.32"},
		{name: "the vague code's own other", text: "Chronic osteomyelitis of the right foot.", first: "M86.671", below: "M86.60"},
		{name: "slot left open", text: "Carpal tunnel syndrome.", first: "G56.00"},
		{name: "no further condition", text: "Type 2 DM, stable on metformin.", first: "E11.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			first := ""
			for _, s := range res.Suggestions {
				if s.System == "ICD-10-CM" {
					first = s.Code
					break
				}
			}
			if first != tt.first {
				t.Errorf("first ICD-10-CM suggestion %q, want %s; got %v", first, tt.first, codes(res))
			}
			if tt.below != "" && find(res, tt.below) != nil && find(res, tt.below).Confidence >= find(res, tt.first).Confidence {
				t.Errorf("%s ranks with or above %s; want it below", tt.below, tt.first)
			}
		})
	}
}
