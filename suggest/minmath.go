package suggest

import "math"

// minMath is math.Min(x, y), which on amd64 is an assembly call the
// compiler cannot inline: the builtin min agrees with it on every input
// but a NaN beside -Inf (math.Min gives -Inf, min NaN), mended here.
func minMath(x, y float64) float64 {
	m := min(x, y)
	if m != m && (x < -math.MaxFloat64 || y < -math.MaxFloat64) { // a NaN, and -Inf beside it
		return math.Inf(-1)
	}
	return m
}
