package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestScreening: a screening is coded with the Index's "Screening (for)"
// code, whatever its result, and the condition it looks for is not
// suggested; a screening planned for later adds nothing.
func TestScreening(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text, want string
		not        []string
	}{
		{"HIV screening.", "Z11.4", []string{"B20"}},
		{"Depression screening, negative.", "Z13.31", []string{"F32.9", "F32.A"}},
		{"Diabetes screening, A1c normal, no diabetes.", "Z13.1", []string{"E11.9", "E14.9"}},
		{"Screening for colon cancer with colonoscopy.", "Z12.11", []string{"C18.9"}},
		{"Annual mammogram for breast cancer screening.", "Z12.31", []string{"C50.919"}},
		{"Tuberculosis screening with QuantiFERON, negative.", "Z11.1", []string{"A15.9"}},
		{"Prostate cancer screening with PSA.", "Z12.5", []string{"C61"}},
		{"Start adalimumab after TB screening.", "", []string{"Z11.1", "A15.9"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if tt.want != "" {
			if s := find(res, tt.want); s == nil || s.Confidence < res.Threshold {
				t.Errorf("%q: %s missing or below the threshold in %v", tt.text, tt.want, codes(res))
			}
		}
		for _, c := range tt.not {
			if s := find(res, c); s != nil && s.Confidence >= res.Threshold {
				t.Errorf("%q: %s suggested at %.2f: what a screening looks for is not present", tt.text, c, s.Confidence)
			}
		}
	}
}
