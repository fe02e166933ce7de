package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestPastMalignancy: a malignancy the note places in the past with no
// evidence of disease is coded by its personal-history code (Z85) of the
// site, whether the engine rejected the malignancy or kept it; without a
// word of no evidence of disease no Z85 code is added.
func TestPastMalignancy(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text string
		want []string
		not  []string
	}{
		{"History of melanoma of the back, excised 2016, no recurrence.", []string{"Z85.820"}, []string{"C43.59"}},
		{"Hx of prostate cancer s/p prostatectomy, PSA undetectable.", []string{"Z85.46", "Z90.79"}, []string{"C61"}},
		{"Prostate cancer, PSA rising after radiation.", []string{"C61"}, []string{"Z85.46"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tt.want {
			if s := find(res, c); s == nil || s.Confidence < res.Threshold {
				t.Errorf("%q: %s missing or below the threshold in %v", tt.text, c, codes(res))
			}
		}
		for _, c := range tt.not {
			if s := find(res, c); s != nil && s.Confidence >= res.Threshold {
				t.Errorf("%q: %s suggested at %.2f", tt.text, c, s.Confidence)
			}
		}
	}
}
