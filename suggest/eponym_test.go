package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestEponymSaid checks that a common word stemming like an eponym ("good",
// "well") does not suggest the eponym's condition, while the eponym written
// as a name does.
func TestEponymSaid(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		note, code string
		want       bool
	}{
		{"Reports good adherence to metformin.", "D83.8", false},
		{"Blood pressure well controlled on lisinopril.", "L98.3", false},
		{"Assessment: Good's syndrome.", "D83.8", true},
		{"Assessment: Wells' disease.", "L98.3", true},
		{"Assessment: crohn's disease.", "K50.90", true},
	}
	for _, tc := range cases {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, s := range res.Suggestions {
			got = got || s.Code == tc.code
		}
		if got != tc.want {
			t.Errorf("%q: %s suggested %v, want %v", tc.note, tc.code, got, tc.want)
		}
	}
}
