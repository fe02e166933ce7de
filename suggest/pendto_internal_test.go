package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// TestPendToFiles holds pendTo, which probes the note's code slots
// itself rather than calling codeSlots.ref, to a map of the candidates:
// over random targets, across the table's growth, each code's mentions
// go to one candidate, made on its first, in order of first mention; an
// invalid target or one without a code drops its pending slot.
func TestPendToFiles(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, span := range []int32{40, 3000, 1 << 30} {
		var w work
		want := map[corpus.ID]*candidate{}
		count := map[corpus.ID]int{}
		var order []corpus.ID
		for step := range 20000 {
			tgt := target{code: corpus.ID(r.Int32N(span))}
			if r.IntN(4) == 0 {
				tgt.stem, tgt.code = corpus.ID(1+r.Int32N(span)), 0
			}
			tgt.invalid = r.IntN(50) == 0
			n := len(w.pend)
			p := w.newPending()
			w.pendTo(&tgt, p)
			k := tgt.anyCode()
			if tgt.invalid || k == 0 {
				if len(w.pend) != n {
					t.Fatalf("span %d step %d: target %+v kept its slot", span, step, tgt)
				}
				continue
			}
			if len(w.pend) != n+1 {
				t.Fatalf("span %d step %d: %d pending, want %d", span, step, len(w.pend), n+1)
			}
			c, seen := want[k]
			if !seen {
				c = p.c
				want[k] = c
				order = append(order, k)
			}
			count[k]++
			if p.c != c || c == nil {
				t.Fatalf("span %d step %d: code %d filed with %p, want %p", span, step, k, p.c, c)
			}
			if got := w.sc.codes.get(k); got != c {
				t.Fatalf("span %d step %d: slot of %d holds %p, want %p", span, step, k, got, c)
			}
		}
		if len(w.order) != len(order) || w.sc.codes.n != len(order) {
			t.Fatalf("span %d: %d candidates, %d codes held, want %d", span, len(w.order), w.sc.codes.n, len(order))
		}
		for i, k := range order {
			if c := w.order[i]; c != want[k] || c.n != count[k] || c.tgt.anyCode() != k {
				t.Fatalf("span %d: candidate %d is %p (code %d, %d mentions), want %p (code %d, %d)", span, i, c, c.tgt.anyCode(), c.n, want[k], k, count[k])
			}
		}
	}
}
