package suggest

import (
	"math"
	"testing"
)

// TestLog1pInt: the table gives math.Log1p's bits, in and past its range.
func TestLog1pInt(t *testing.T) {
	for n := -1; n < 2*len(log1pSmall); n++ {
		if got, want := log1pInt(n), math.Log1p(float64(n)); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("log1pInt(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestPow10: round's powers of ten are math.Pow's, to the bit, by the
// inlined tests and by pow10Of alone.
func TestPow10(t *testing.T) {
	for d := -3; d <= 12; d++ {
		want := math.Pow(10, float64(d))
		if got := pow10(d); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("pow10(%d) = %v, want %v", d, got, want)
		}
		if got := pow10Of(d); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("pow10Of(%d) = %v, want %v", d, got, want)
		}
	}
}
