package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestPairedBits: pairedWith, filtering by the category's bit, answers as
// pairedScan, comparing to every prefix, does for random paired prefixes
// (short ones too) and codes; and none with no paired prefix pairs a
// code (resolveConflicts' decide asks only the replacements with one).
func TestPairedBits(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2))
	alphabet := []byte("ABEINRZ01259.")
	str := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		paths, paired := r.IntN(3), r.IntN(5)
		var strs []string
		for range paths {
			strs = append(strs, str(r.IntN(8)))
		}
		for range paired {
			n := 3 + r.IntN(4)
			if r.IntN(20) == 0 {
				n = r.IntN(3)
			}
			strs = append(strs, str(n))
		}
		n := &conflictNames{strs: packStrings(strs), nPaths: int32(paths), nPaired: int32(paired)}
		n.setPairedBits()
		for range 8 {
			code := str(r.IntN(7))
			if r.IntN(3) == 0 && paired > 0 {
				code = n.pairedAt(r.IntN(paired)) + str(r.IntN(3))
			}
			if got, want := pairedWith(n, code), pairedScan(n, code); got != want {
				t.Fatalf("pairedWith(%q, %q) = %v, pairedScan %v", strs[paths:], code, got, want)
			}
			if paired == 0 && pairedWith(n, code) {
				t.Fatalf("pairedWith(no paired prefix, %q) = true", code)
			}
		}
	}
}
