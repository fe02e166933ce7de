package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestRemission checks that the remission status the note states picks
// the sibling (C81-C96), that a negated remission is "not having achieved
// remission", and that a status the note contradicts is never suggested.
func TestRemission(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct {
		note, first string
		not         []string
	}{
		{"Acute myeloid leukemia in complete remission.", "C92.01", []string{"C92.00", "C92.91"}},
		{"Multiple myeloma, not in remission.", "C90.00", []string{"C90.01"}},
		{"Multiple myeloma, in remission.", "C90.01", []string{"C90.00"}},
		{"Acute lymphoblastic leukemia, relapsed.", "C91.02", []string{"C91.00", "C91.01"}},
		// E11.A is E11.9 "in remission"; a negated remission leaves E11.9.
		{"Type 2 diabetes mellitus in remission.", "E11.A", []string{"E11.9"}},
		{"Type 2 diabetes mellitus, not in remission.", "E11.9", []string{"E11.A"}},
		// No status stated: the Tabular's NOS default.
		{"Acute myeloid leukemia.", "C92.00", []string{"C92.01", "C92.02"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.first {
			t.Errorf("%q: first %v, want %s", tc.note, codes(res), tc.first)
		}
		for _, s := range res.Suggestions {
			for _, n := range tc.not {
				if s.Code == n {
					t.Errorf("%q: %s suggested (%.2f): the note states another status", tc.note, n, s.Confidence)
				}
			}
		}
	}
}
