package suggest

import (
	"math"
	"math/bits"
)

// A stem's rows score as seventhChoice says: each word of a row the note
// says adds one, each it does not takes 0.3 (a side: one), a row that
// tie-breaks low loses 0.1 and a row starting with the documented
// encounter gains one. The scores are sums of tenths; bestMasked adds
// them up as integers from bit sets of the rows' words, a few operations
// a row, where bestPlain walks every word of every row.

// rowScore is row i's score and whether it is documented (it holds a
// said word that documents a row, or starts with the encounter want),
// saidV telling per word of sr.vocab whether the note says it. The
// float sum is kept in word order: its rounding decides between rows
// whose tenths tie.
func (sr *seventhRows) rowScore(i int, saidV []bool, want encounterBit) (float64, bool) {
	s, distinct := 0.0, false
	for j, k := range sr.wid[i] {
		if saidV[k] {
			s++
			if !distinct && sr.distinct[i][j] {
				distinct = true
			}
		} else if sr.side[i][j] {
			s-- // a side the note does not state is never the documented one
		} else {
			s -= 0.3
		}
	}
	if sr.low[i] {
		s -= 0.1 // on a tie the documented detail wins
	}
	if want != 0 && sr.starts[i]&want != 0 {
		s++
		distinct = true
	}
	return s, distinct
}

// bestPlain returns the row of the best score, the earlier on ties, and
// whether it is documented (-1 when there are no rows).
func (sr *seventhRows) bestPlain(saidV []bool, want encounterBit) (int, bool) {
	best, bestScore, documented := -1, 0.0, false
	for i := range sr.ext {
		if s, d := sr.rowScore(i, saidV, want); best < 0 || s > bestScore {
			best, bestScore, documented = i, s, d
		}
	}
	return best, documented
}

// setMasks fills the rows' bit sets when there are at most 64 rows and
// words, no row repeats a word (it would count twice) and each word's
// flags are the same in every row (sideWord and the title decide them,
// so they are): masked tells.
func (sr *seventhRows) setMasks() {
	sr.masked = false
	if len(sr.vocab) > 64 || len(sr.ext) > 64 || len(sr.wid) != len(sr.ext) {
		return
	}
	mask := make([]uint64, len(sr.wid))
	var side, distinct, seen uint64
	for i, ids := range sr.wid {
		for j, k := range ids {
			b := uint64(1) << k
			if mask[i]&b != 0 {
				return
			}
			mask[i] |= b
			if seen&b == 0 {
				seen |= b
				if sr.side[i][j] {
					side |= b
				}
				if sr.distinct[i][j] {
					distinct |= b
				}
			} else if sr.side[i][j] != (side&b != 0) || sr.distinct[i][j] != (distinct&b != 0) {
				return
			}
		}
	}
	sr.mask, sr.sideMask, sr.distinctMask, sr.masked = mask, side, distinct, true
}

// bestMasked is bestPlain for masked rows, said holding saidV's words as
// bits: each row's score in tenths from three counts; rows tied in
// tenths at the top are told apart by their float sums (rowScore), as
// bestPlain tells them.
func (sr *seventhRows) bestMasked(saidV []bool, said uint64, want encounterBit) (int, bool) {
	top, tied := math.MinInt, uint64(0)
	for i, m := range sr.mask {
		hit, miss := m&said, m&^said
		t := 10*bits.OnesCount64(hit) - 10*bits.OnesCount64(miss&sr.sideMask) - 3*bits.OnesCount64(miss&^sr.sideMask)
		if sr.low[i] {
			t--
		}
		if want != 0 && sr.starts[i]&want != 0 {
			t += 10
		}
		switch {
		case t > top:
			top, tied = t, 1<<i
		case t == top:
			tied |= 1 << i
		}
	}
	if tied == 0 {
		return -1, false
	}
	best := bits.TrailingZeros64(tied)
	if tied&(tied-1) == 0 {
		return best, sr.mask[best]&said&sr.distinctMask != 0 || want != 0 && sr.starts[best]&want != 0
	}
	bestScore, documented := sr.rowScore(best, saidV, want)
	for r := tied & (tied - 1); r != 0; r &= r - 1 {
		i := bits.TrailingZeros64(r)
		if s, d := sr.rowScore(i, saidV, want); s > bestScore {
			best, bestScore, documented = i, s, d
		}
	}
	return best, documented
}
