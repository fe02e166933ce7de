package suggest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFoldFinder: the occurrences a foldFinder walks through, and
// foldIndexAt's answer from any byte, are those of the plain scan of every
// window of s, on random texts of few letters in both cases (with bytes
// beyond ASCII) and words searched by any of their bytes.
func TestFoldFinder(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 43))
	alphabet := []string{"a", "b", "y", "Y", "A", "B", " ", "1", "-", "é"}
	words := []string{"y", "ab", "aby", "yay", "total ", "b a", "Y1"}
	found := 0
	for range 3000 {
		var sb strings.Builder
		for n := rng.IntN(200); sb.Len() < n; {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := sb.String()
		w := words[rng.IntN(len(words))]
		k := rng.IntN(len(w))
		var want []int
		for p := 0; p+len(w) <= len(s); p++ {
			if strings.EqualFold(s[p:p+len(w)], w) {
				want = append(want, p)
			}
		}
		f := newFoldFinder(s, w, k)
		var got []int
		for p := f.next(0); p >= 0; p = f.next(p + 1) {
			got = append(got, p)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q in %q by byte %d: finder %v, scan %v", w, s, k, got, want)
		}
		found += len(got)
		from := rng.IntN(len(s) + 2)
		first := -1
		if i, ok := slices.BinarySearch(want, from); ok || i < len(want) {
			first = want[i]
		}
		if got := foldIndexAt(s, w, k, from); got != first {
			t.Fatalf("foldIndexAt(%q, %q, %d, %d) = %d, want %d", s, w, k, from, got, first)
		}
		if got := f.next(from); got != first { // back from the end: searched afresh
			t.Fatalf("%q in %q by byte %d: next(%d) after the last = %d, want %d", w, s, k, from, got, first)
		}
	}
	if found == 0 {
		t.Error("no occurrence: nothing tested")
	}
}
