package suggest

import "golang.org/x/sys/cpu"

// haveAVX says whether the processor (and the operating system, which
// saves its registers) runs AVX: sum3x4AVX.
func haveAVX() bool { return cpu.X86.HasAVX }

// sum3x4AVX is sum3x4 over trees laid out for it (tree3x4), with the
// same sums to the bit (TestSum3x4AVXAgreesWithSum3x4): it writes the
// four rows' sums to z. It lays the rows' first width features (a
// multiple of four, at most rowPad) side by side in its frame, each
// feature's four values together, and walks them there.
//
//go:noescape
func sum3x4AVX(d3 []tree3x4, x0, x1, x2, x3 *[rowPad]float64, width int, z *[4]float64)

// sum3x8AVX is sum3x4AVX over eight rows, two groups of four walked side
// by side (each node's feature offset, threshold and leaves read once
// for both), with the same sums to the bit
// (TestSum3x4AVXAgreesWithSum3x4): it writes the eight rows' sums to z.
// Each feature's eight values lie side by side in its frame.
//
//go:noescape
func sum3x8AVX(d3 []tree3x4, x0, x1, x2, x3, x4, x5, x6, x7 *[rowPad]float64, width int, z *[8]float64)

// sum3x12AVX is sum3x4AVX over the twelve rows x points to, three groups
// of four walked side by side (each node's feature offset, threshold and
// leaves read once for the three), with the same sums to the bit
// (TestSum3x4AVXAgreesWithSum3x4): it writes the twelve rows' sums to z,
// where it keeps them as it walks. Each feature's twelve values lie side
// by side in its frame.
//
//go:noescape
func sum3x12AVX(d3 []tree3x4, x *[12]*[rowPad]float64, width int, z *[12]float64)
