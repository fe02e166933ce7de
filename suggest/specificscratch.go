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
}

// bySentence returns full ordered by sentence, each sentence's readings
// in the order they came (what a stable sort by sentence gives): a
// counting sort over the note's n sentences into the scratch, or the
// stable sort in place when a reading's sentence is outside them.
func (s *specificScratch) bySentence(full []fullReading, n int) []fullReading {
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
	return out
}

// reset forgets the readings, so the pooled scratch holds no candidate.
func (s *specificScratch) reset() {
	clear(s.sorted)
	s.sorted = s.sorted[:0]
}
