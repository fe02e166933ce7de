package index

import (
	"math"
	"slices"
	"testing"
)

// TestAppendNameTerms holds AppendNameTerms to the plain form, each of
// the name's term ids read back as its stem (appendTerms, then Term), in
// both posting layouts: appended after a caller's terms, which it keeps,
// and into a buffer too short, which it grows.
func TestAppendNameTerms(t *testing.T) {
	ix := build(t)
	check := func(layout string) {
		for n := range ix.Len() {
			var want []string
			for _, id := range ix.appendTerms(nil, &ix.names[n]) {
				want = append(want, ix.Term(id))
			}
			prefix := []string{"before"}
			if got := ix.AppendNameTerms(prefix, int32(n)); !slices.Equal(got, append([]string{"before"}, want...)) {
				t.Errorf("%s: name %d: AppendNameTerms after a term = %q, want %q", layout, n, got, want)
			}
			var buf [1]string
			if got := ix.AppendNameTerms(buf[:0], int32(n)); !slices.Equal(got, want) {
				t.Errorf("%s: name %d: AppendNameTerms = %q, want %q", layout, n, got, want)
			}
			if got := ix.NameTerms(int32(n)); got == nil || !slices.Equal(got, want) {
				t.Errorf("%s: name %d: NameTerms = %q, want %q", layout, n, got, want)
			}
		}
	}
	if ix.postTerm != packTerm {
		t.Fatalf("the fixture's postings are not packed")
	}
	check("packed")
	ix.layPostings(false)
	if ix.postTerm != math.MaxUint32 {
		t.Fatalf("postings still packed")
	}
	check("plain")
}
