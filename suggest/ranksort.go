package suggest

import (
	"math"
	"slices"

	"medcode/corpus"
)

// rankKey is what compareKeys reads of a scored candidate as integers
// that order as it does (descKey), with the candidate's index: compared
// inline by rankBefore, not through a closure and a call a comparison.
type rankKey struct {
	conf, z, score uint64
	code           corpus.ID
	i              int32
}

// descKey maps a number that is not NaN to an integer whose ascending
// order is cmpDesc's: a greater x maps lower, and 0 and -0 (which cmpDesc
// calls equal) map to one integer.
func descKey(x float64) uint64 {
	if x == 0 {
		x = 0 // -0 as +0
	}
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return b // a negative: the greater its magnitude, the later
	}
	return ^b &^ (1 << 63) // a positive: before every negative, the greater the earlier
}

// rankBefore says whether a comes before b by their numbers, then (of the
// same numbers) by index: integers only, so that it inlines into the
// merge; runs of the same numbers are put in code order after
// (codeRuns).
func rankBefore(a, b *rankKey) bool {
	if a.conf != b.conf {
		return a.conf < b.conf
	}
	if a.z != b.z {
		return a.z < b.z
	}
	if a.score != b.score {
		return a.score < b.score
	}
	return a.i < b.i
}

// sameNumbers says whether a and b have the same numbers.
func sameNumbers(a, b *rankKey) bool {
	return a.conf == b.conf && a.z == b.z && a.score == b.score
}

// sortRanked sorts ks by rankKeys: into order when compareKeys is a
// strict total order over them (no NaN, no two the same to it), where
// every sort gives the one order pdqsort gives; it reports false, with
// keys's order undefined, when it is not.
func (e *Engine) sortRanked(w *work, ks []scored) ([]rankKey, bool) {
	n := len(ks)
	keys := w.tail.ranks[:0]
	if cap(keys) < 2*n {
		keys = make([]rankKey, 0, 2*n)
	}
	keys = keys[:2*n]
	w.tail.ranks = keys
	for i := range ks {
		k := &ks[i]
		if k.conf != k.conf || k.z != k.z || k.score != k.score {
			return nil, false
		}
		keys[i] = rankKey{conf: descKey(k.conf), z: descKey(k.z), score: descKey(k.score), code: k.code, i: int32(i)}
	}
	keys, tmp := keys[:n], keys[n:]
	mergeRanked(keys, tmp)
	return keys, e.codeRuns(keys)
}

// codeRuns puts each run of keys with the same numbers (neighbours once
// sorted by rankBefore; few and short) in code order, by insertion with
// compareCodes. It reports false when two of a run are the same to
// compareCodes: compareKeys is then no strict order over them.
func (e *Engine) codeRuns(keys []rankKey) bool {
	for lo := 0; lo+1 < len(keys); {
		hi := lo + 1
		for hi < len(keys) && sameNumbers(&keys[lo], &keys[hi]) {
			hi++
		}
		for i := lo + 1; i < hi; i++ {
			x := keys[i]
			j := i
			for ; j > lo; j-- {
				c := e.compareCodes(x.code, keys[j-1].code)
				if c == 0 {
					return false
				}
				if c > 0 {
					break
				}
				keys[j] = keys[j-1]
			}
			keys[j] = x
		}
		lo = hi
	}
	return true
}

// mergeRanked sorts ks by rankBefore with tmp (as long) as scratch: a
// merge sort, runs of up to eight sorted by insertion first.
func mergeRanked(ks, tmp []rankKey) {
	const run = 8
	n := len(ks)
	for lo := 0; lo < n; lo += run {
		hi := min(lo+run, n)
		for i := lo + 1; i < hi; i++ {
			x := ks[i]
			j := i
			for ; j > lo && rankBefore(&x, &ks[j-1]); j-- {
				ks[j] = ks[j-1]
			}
			ks[j] = x
		}
	}
	src, dst := ks, tmp[:n]
	for width := run; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if rankBefore(&src[j], &src[i]) {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if n > 0 && &src[0] != &ks[0] {
		copy(ks, src)
	}
}

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
