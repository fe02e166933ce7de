package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// TestCandidateOfFiles holds candidateOf, which probes the note's code
// slots itself rather than calling codeSlots.ref and leaves room in the
// arena for the candidate's next mention, to a map of the candidates and
// a list of each one's mentions: over random targets, across the table's
// and the arena's growth, each code's mentions go to one candidate, made
// on its first, in order of first mention, and keep their order and
// contents as their room moves; an invalid target or one without a code
// has none.
func TestCandidateOfFiles(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, span := range []int32{40, 3000, 1 << 30} {
		var w work
		want := map[corpus.ID]*candidate{}
		steps := map[corpus.ID][]int{}
		var order []corpus.ID
		for step := range 20000 {
			tgt := target{code: corpus.ID(r.Int32N(span))}
			if r.IntN(4) == 0 {
				tgt.stem, tgt.code = corpus.ID(1+r.Int32N(span)), 0
			}
			tgt.invalid = r.IntN(50) == 0
			c := w.candidateOf(&tgt)
			k := tgt.anyCode()
			if tgt.invalid || k == 0 {
				if c != nil {
					t.Fatalf("span %d step %d: target %+v has candidate %p", span, step, tgt, c)
				}
				continue
			}
			if c == nil {
				t.Fatalf("span %d step %d: target %+v has no candidate", span, step, tgt)
			}
			n := len(c.mentions)
			if n == cap(c.mentions) {
				t.Fatalf("span %d step %d: candidate of %d has no room for a mention", span, step, k)
			}
			c.mentions = c.mentions[:n+1] // as pendHits adds one
			m := &c.mentions[n]
			m.sent, m.name = step, "x"
			wc, seen := want[k]
			if !seen {
				wc = c
				want[k] = c
				order = append(order, k)
			}
			steps[k] = append(steps[k], step)
			if c != wc {
				t.Fatalf("span %d step %d: code %d filed with %p, want %p", span, step, k, c, wc)
			}
			if got := w.sc.codes.get(k); got != c {
				t.Fatalf("span %d step %d: slot of %d holds %p, want %p", span, step, k, got, c)
			}
		}
		if len(w.order) != len(order) || w.sc.codes.n != len(order) {
			t.Fatalf("span %d: %d candidates, %d codes held, want %d", span, len(w.order), w.sc.codes.n, len(order))
		}
		moved := 0
		for i, k := range order {
			c := w.order[i]
			if c != want[k] || len(c.mentions) != len(steps[k]) || c.tgt.anyCode() != k {
				t.Fatalf("span %d: candidate %d is %p (code %d, %d mentions), want %p (code %d, %d)", span, i, c, c.tgt.anyCode(), len(c.mentions), want[k], k, len(steps[k]))
			}
			for j, s := range steps[k] {
				if m := c.mentions[j]; m.sent != s || m.name != "x" {
					t.Fatalf("span %d: code %d mention %d is of step %d (%q), want %d", span, k, j, m.sent, m.name, s)
				}
			}
			if len(c.mentions) > firstRoom {
				moved++
			}
		}
		if span == 40 && moved == 0 {
			t.Fatal("no candidate outgrew its first room: the test reads no move")
		}
	}
}
