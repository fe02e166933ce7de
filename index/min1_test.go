package index

import (
	"math"
	"testing"
)

// TestMin1 holds min1 to math.Min(1, x), bit for bit, on the special
// values and either side of 1.
func TestMin1(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1, math.Nextafter(1, 0), math.Nextafter(1, 2), 0.5, 2, -3} {
		if got, want := min1(x), math.Min(1, x); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("min1(%v) = %v, want %v", x, got, want)
		}
	}
}
