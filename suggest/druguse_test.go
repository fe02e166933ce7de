package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestDrugUseRegular checks that a medication taken as needed is no
// long-term drug therapy, nor a local form of a drug whose code is for
// systemic use, while a regular entry of the same list is.
func TestDrugUseRegular(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note, code string
		want             bool
	}{
		{"daily NSAID", "MEDICATIONS: Meloxicam 15 mg daily, lisinopril 10 mg daily.", "Z79.1", true},
		{"as needed NSAID", "MEDICATIONS: Lisinopril 10 mg daily, ibuprofen p.r.n.", "Z79.1", false},
		{"PRN first", "MEDICATIONS: PRN naproxen for back pain; lisinopril 10 mg daily.", "Z79.1", false},
		{"as needed in words", "MEDICATIONS: Naproxen 500 mg as needed, lisinopril 10 mg daily.", "Z79.1", false},
		{"systemic steroid", "MEDICATIONS: Prednisone 10 mg daily, lisinopril 10 mg daily.", "Z79.52", true},
		{"topical steroid", "MEDICATIONS: Hydrocortisone 1% cream twice daily, lisinopril 10 mg daily.", "Z79.52", false},
		{"anticoagulant", "MEDICATIONS: Apixaban 5 mg twice daily.", "Z79.01", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, s := range res.Suggestions {
				got = got || s.Code == tc.code
			}
			if got != tc.want {
				t.Errorf("%s suggested %v, want %v: %+v", tc.code, got, tc.want, res.Suggestions)
			}
		})
	}
}
