package suggest

import (
	"math"
	"slices"
)

// Packed keys: a confidence rounded to four decimals (confidences,
// round) and a log-odds rounded to six, as integers, with the index in
// one word, sorted as integers (slices.Sort, no comparison called);
// runs of the same two numbers are then put in score, then code order
// (scoreRuns).
const (
	packIndexBits = 24      // the index: a note's candidates are fewer than 2^24
	packZBits     = 26      // the log-odds' millionths plus 2^25
	packZSpan     = 1 << 25 // |log-odds| in millionths below it
)

// packKey is k's confidence and log-odds in the order of compareKeys with
// i below them; ok is false when a number is not so rounded (or is NaN,
// or the score is): integers of that many decimals are exact and ordered
// as the numbers (q/1e4 and q/1e6 are monotone and distinct over the
// integers of their ranges), which the round trip checks.
func packKey(k *scored, i int) (uint64, bool) {
	// RoundToEven is one instruction where math.Round is a function's
	// bit work: any integer passes that the round trip below checks.
	qc := math.RoundToEven(k.conf * 1e4)
	qz := math.RoundToEven(k.z * 1e6)
	if !(qc >= 0 && qc <= 1e4) || qc/1e4 != k.conf || !(qz > -packZSpan && qz < packZSpan) || qz/1e6 != k.z || k.score != k.score {
		return 0, false
	}
	c := uint64(1e4 - qc)                     // 14 bits; -0 as 0
	z := uint64(int64(packZSpan) - int64(qz)) // below 2^26
	return c<<(packZBits+packIndexBits) | z<<packIndexBits | uint64(i), true
}

// packedOrder is sortScored's order of ks as indices into idx, by packed
// keys; ok is false when a number is not packed (packKey) or two
// candidates are the same to compareKeys.
func (e *Engine) packedOrder(w *work, ks []scored, idx []int32) ([]int32, bool) {
	if len(ks) >= 1<<packIndexBits {
		return idx, false
	}
	keys := w.tail.packed[:0]
	for i := range ks {
		p, ok := packKey(&ks[i], i)
		if !ok {
			w.tail.packed = keys
			return idx, false
		}
		keys = append(keys, p)
	}
	w.tail.packed = keys
	slices.Sort(keys)
	for _, p := range keys {
		idx = append(idx, int32(uint32(p)&(1<<packIndexBits-1)))
	}
	return idx, e.scoreRuns(keys, idx, ks)
}

// scoreRuns puts each run of idx whose keys have the same numbers (the
// bits above the index) in the order compareKeys gives their scores and
// codes, by insertion; it reports false when two of a run are the same
// to it.
func (e *Engine) scoreRuns(keys []uint64, idx []int32, ks []scored) bool {
	for lo := 0; lo+1 < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]>>packIndexBits == keys[lo]>>packIndexBits {
			hi++
		}
		for i := lo + 1; i < hi; i++ {
			x := idx[i]
			j := i
			for ; j > lo; j-- {
				a, b := &ks[x], &ks[idx[j-1]]
				c := cmpDesc(a.score, b.score)
				if c == 0 && a.code != b.code {
					c = e.compareCodes(a.code, b.code)
				}
				if c == 0 {
					return false
				}
				if c > 0 {
					break
				}
				idx[j] = idx[j-1]
			}
			idx[j] = x
		}
		lo = hi
	}
	return true
}
