package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/index"
)

// TestStatesSeventhUnowned holds statesSeventhOf to statesSeventh: with
// owned false (seventhWords marked no token) it answers 0 unread, which
// statesSeventh answers too for every candidate of an owner marking none;
// with owned true it is statesSeventh.
func TestStatesSeventhUnowned(t *testing.T) {
	withPos := func(stem corpus.ID, pos ...[]int32) *candidate {
		c := &candidate{tgt: target{stem: stem}}
		for _, p := range pos {
			c.mentions = append(c.mentions, mention{hit: index.Hit{Positions: p}})
		}
		return c
	}
	cands := []*candidate{
		withPos(0),
		withPos(0, nil),
		withPos(0, []int32{0}),
		withPos(7, []int32{0, 1, 2}),
		withPos(0, []int32{1, 2}, []int32{3}),
		withPos(9, []int32{2}, nil, []int32{9}),
		withPos(0, []int32{40}), // past the tokens
	}
	owners := [][]corpus.ID{
		make([]corpus.ID, 5),
		nil,
		{0, 7, 7, 0, 0},
		{5, 5, 5, 5, 5},
		{0, 0, 9, 0, 0},
	}
	for oi, owner := range owners {
		owned := slices.ContainsFunc(owner, func(id corpus.ID) bool { return id != 0 })
		for ci, c := range cands {
			want := statesSeventh(c, owner)
			if got := statesSeventhOf(c, owner, owned); got != want {
				t.Errorf("owner %d, candidate %d: statesSeventhOf %d, statesSeventh %d", oi, ci, got, want)
			}
			if !owned && want != 0 {
				t.Errorf("owner %d marks no token, yet candidate %d states stem %d", oi, ci, want)
			}
		}
	}
}
