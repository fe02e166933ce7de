//go:build !amd64

package suggest

// haveAVX is false off amd64: evalDepth3 walks the trees in Go.
func haveAVX() bool { return false }

// sum3x4AVX is never called off amd64 (haveAVX).
func sum3x4AVX(d3 []tree3x4, x0, x1, x2, x3 *[rowPad]float64, width int, z *[4]float64) {
	panic("suggest: sum3x4AVX without AVX")
}

// sum3x8AVX is never called off amd64 (haveAVX).
func sum3x8AVX(d3 []tree3x4, x0, x1, x2, x3, x4, x5, x6, x7 *[rowPad]float64, width int, z *[8]float64) {
	panic("suggest: sum3x8AVX without AVX")
}

// sum3x12AVX is never called off amd64 (haveAVX).
func sum3x12AVX(d3 []tree3x4, x *[12]*[rowPad]float64, width int, z *[12]float64) {
	panic("suggest: sum3x12AVX without AVX")
}
