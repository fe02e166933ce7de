package suggest

import (
	"cmp"
	"slices"
)

// specificScratch is specific's memory, pooled in work (work.spec): the
// full readings ordered by sentence and the counts that order them.
type specificScratch struct {
	sorted []fullReading
	at     []int32
	// counted says the readings were ordered by the counting sort: at[s]
	// is then where sentence s's readings end (firstOf).
	counted bool
	// other is the note's saysOther per sentence (saysother.go).
	other otherMemo
}

// bySentence returns full ordered by sentence, each sentence's readings
// in the order they came (what a stable sort by sentence gives): a
// counting sort over the note's n sentences into the scratch, or the
// stable sort in place when a reading's sentence is outside them.
func (s *specificScratch) bySentence(full []fullReading, n int) []fullReading {
	s.counted = false
	for _, f := range full {
		if f.sent < 0 || f.sent >= n {
			slices.SortStableFunc(full, func(a, b fullReading) int { return cmp.Compare(a.sent, b.sent) })
			return full
		}
	}
	at := s.at[:0]
	for range n + 1 {
		at = append(at, 0)
	}
	s.at = at
	for _, f := range full {
		at[f.sent+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	out := slices.Grow(s.sorted[:0], len(full))[:len(full)]
	s.sorted = out
	for _, f := range full {
		out[at[f.sent]] = f
		at[f.sent]++
	}
	s.counted = true
	return out
}

// firstOf returns the index in full, the readings bySentence returned, of
// the first reading of sentence sent or of a later one: the number of
// readings of earlier sentences, as a binary search of full by sentence
// finds it (TestFirstOfAgreesWithSearch). After the counting sort its
// counts answer (the start of sentence s is the end of s-1), without the
// search; after the stable sort, or with no scratch, the search.
func (s *specificScratch) firstOf(full []fullReading, sent int) int {
	if s != nil && s.counted {
		switch n := len(s.at) - 1; {
		case sent <= 0:
			return 0
		case sent > n:
			return len(full)
		default:
			return int(s.at[sent-1])
		}
	}
	lo, _ := slices.BinarySearchFunc(full, sent, func(f fullReading, s int) int { return cmp.Compare(f.sent, s) })
	return lo
}

// reset forgets the readings, so the pooled scratch holds no candidate.
func (s *specificScratch) reset() {
	s.counted = false
	clear(s.sorted)
	s.sorted = s.sorted[:0]
}
