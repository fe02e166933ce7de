package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// TestCodeSlots holds codeSlots to a map through random puts, gets,
// refs (a get and a put in one probe) and resets, across growth, with codes from a narrow range (collisions and
// long probe runs) and a wide one.
func TestCodeSlots(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cands := make([]candidate, 64)
	for _, span := range []int32{300, 1 << 30} {
		var s codeSlots
		want := map[corpus.ID]*candidate{}
		for step := range 100000 {
			k := corpus.ID(1 + r.Int32N(span))
			switch op := r.IntN(1000); {
			case op == 0:
				s.reset()
				clear(want)
			case op < 300:
				c := &cands[r.IntN(len(cands))]
				s.put(k, c)
				want[k] = c
			case op < 400:
				p := s.ref(k)
				if *p != want[k] {
					t.Fatalf("span %d step %d: ref(%d) holds %p, want %p", span, step, k, *p, want[k])
				}
				c := &cands[r.IntN(len(cands))]
				*p = c
				want[k] = c
			default:
				if got := s.get(k); got != want[k] {
					t.Fatalf("span %d step %d: get(%d) = %p, want %p", span, step, k, got, want[k])
				}
			}
			if s.n != len(want) {
				t.Fatalf("span %d step %d: %d codes held, want %d", span, step, s.n, len(want))
			}
		}
		for k, c := range want {
			if got := s.get(k); got != c {
				t.Fatalf("span %d: get(%d) = %p, want %p", span, k, got, c)
			}
		}
	}
}
