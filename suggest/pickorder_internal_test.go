package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPickOrder holds pickOrder, which scans only the sequenced codes per
// pick, to applyOrder's plain loop scanning every suggestion, over random
// constraint graphs (cycles too) and priorities.
func TestPickOrder(t *testing.T) {
	plain := func(in []bool, indeg, prio []int, succ [][]int) []int {
		n := len(in)
		done := make([]bool, n)
		var seq []int
		for {
			pick := -1
			for i := range n {
				if in[i] && !done[i] && indeg[i] == 0 && (pick < 0 || prio[i] < prio[pick] || prio[i] == prio[pick] && i < pick) {
					pick = i
				}
			}
			if pick < 0 {
				return seq
			}
			done[pick] = true
			seq = append(seq, pick)
			for _, j := range succ[pick] {
				indeg[j]--
			}
		}
	}
	r := rand.New(rand.NewPCG(19, 6))
	for range 5000 {
		n := 1 + r.IntN(30)
		in := make([]bool, n)
		prio := make([]int, n)
		succ := make([][]int, n)
		for i := range n {
			in[i] = r.IntN(3) > 0
			prio[i] = r.IntN(n)
			for range r.IntN(3) {
				succ[i] = append(succ[i], r.IntN(n))
			}
		}
		indeg := make([]int, n)
		for i := range n {
			for _, j := range succ[i] {
				if in[i] {
					indeg[j]++
				}
			}
		}
		var ins []int
		for i := range n {
			if in[i] {
				ins = append(ins, i)
			}
		}
		want := plain(in, slices.Clone(indeg), prio, succ)
		got := pickOrder(nil, ins, make([]bool, n), slices.Clone(indeg), prio, succ)
		if !slices.Equal(got, want) {
			t.Fatalf("in %v prio %v succ %v: pickOrder %v, plain %v", in, prio, succ, got, want)
		}
	}
}
