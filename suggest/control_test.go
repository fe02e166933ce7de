package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestDiabetesControl checks the Index's "poorly controlled" diabetes: the
// type's "with hyperglycemia" code replaces "without complications", and
// nothing changes for controlled diabetes or a relative's.
func TestDiabetesControl(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct{ note, want, not string }{
		{"Poorly controlled T2DM, A1c 11; on metformin.", "E11.65", "E11.9"},
		{"Type 1 diabetes, inadequately controlled.", "E10.65", "E10.9"},
		{"Type 2 diabetes mellitus, well controlled.", "E11.9", "E11.65"},
		{"Mother has poorly controlled type 2 diabetes.", "", "E11.65"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, s := range res.Suggestions {
			if s.Confidence >= eng.DecisionThreshold() {
				got[s.Code] = true
			}
		}
		if tc.want != "" && !got[tc.want] {
			t.Errorf("%q: %s not suggested above the threshold (%v)", tc.note, tc.want, res.Suggestions)
		}
		if got[tc.not] {
			t.Errorf("%q: %s suggested above the threshold", tc.note, tc.not)
		}
	}
}
