package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestListSides holds the packed halves (needOf, sideOf, listNeed.may) to
// mayList over random facts, masks and codes, an empty code among them.
func TestListSides(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 2))
	codes := []string{"A41.9", "B95.2", "E11.9", "I10", "I16.0", "N39.0", "U07.1", "Z51.11", "O98.5", "T40.7X5A", "", "~odd"}
	word := func() string {
		if r.IntN(3) == 0 {
			return "why"
		}
		return ""
	}
	mask := func() uint64 {
		switch r.IntN(4) {
		case 0:
			return 0
		case 1:
			return ^uint64(0)
		default:
			return 1<<(codes[r.IntN(len(codes)-2)][0]&63) | r.Uint64()&r.Uint64()&r.Uint64()
		}
	}
	fact := func() seqFact {
		bits := r.IntN(1 << 10)
		return seqFact{
			ok: bits&1 != 0 || r.IntN(2) == 0, sepsis: bits&2 != 0, drug: bits&4 != 0, nature: bits&8 != 0,
			elsewhere: bits&16 != 0, covid: bits&32 != 0, crisis: bits&64 != 0, hypertensive: bits&128 != 0,
			obstetric: bits&256 != 0, z: bits&512 != 0, first: word(), reason: word(),
			codeFirstAt: mask(), useAdditionalAt: mask(),
		}
	}
	seen := [2]int{}
	for range 200000 {
		a, b := Suggestion{Code: codes[r.IntN(len(codes))]}, Suggestion{Code: codes[r.IntN(len(codes))]}
		fa, fb := fact(), fact()
		above := r.IntN(2) == 0
		want := mayList(&fa, &fb, &a, &b, above)
		n, ok := needOf(&fa, &a, above)
		if !ok {
			if a.Code != "" {
				t.Fatalf("needOf(%+v, %q) not packed", fa, a.Code)
			}
			continue
		}
		s := sideOf(&fb, &b)
		if got := n.may(&s); got != want {
			t.Fatalf("a %q %+v, b %q %+v, above %v: packed %v, mayList %v", a.Code, fa, b.Code, fb, above, got, want)
		}
		if want {
			seen[1]++
		} else {
			seen[0]++
		}
	}
	if seen[0] < 1000 || seen[1] < 1000 {
		t.Fatalf("cases too one-sided: %v", seen)
	}
}
