package suggest

import (
	"testing"

	"medcode/nlp"
)

// TestRefineContentExtra: the words a reading adds beyond the vague
// code's are counted against each vague title in turn; the per-token memo
// of one title never answers for the next.
func TestRefineContentExtra(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipe.Analyze("acute deep vein thrombosis of the right femoral vein")
	tok := func(norm string) int32 {
		for i, x := range doc.Tokens {
			if x.Norm == norm {
				return int32(i)
			}
		}
		t.Fatalf("no token %q", norm)
		return -1
	}
	stem := func(norm string) string { return doc.Tokens[tok(norm)].Stem }
	pos := []int32{tok("deep"), tok("vein"), tok("thrombosis")}
	ext := []int32{tok("acute"), tok("deep"), tok("vein"), tok("thrombosis"), tok("of"), tok("right"), tok("femoral")}
	tests := []struct {
		vt   []string
		want int
	}{
		{[]string{stem("deep"), stem("vein"), stem("thrombosis")}, 3},                // acute, right, femoral
		{[]string{stem("acute"), stem("deep"), stem("vein"), stem("thrombosis")}, 2}, // acute is the title's
		{[]string{stem("femoral"), stem("right")}, 1},
		{nil, 3},
	}
	var sc refineScratch
	for i, tc := range tests {
		sc.nextVague(len(doc.Tokens))
		if got := sc.contentExtra(doc, pos, ext, tc.vt); got != tc.want {
			t.Errorf("%d: contentExtra = %d, want %d", i, got, tc.want)
		}
	}
}
