package index

import "math/rand/v2"

// randomQuery is a query of 1 to maxTerms terms drawn from the first
// vocab term ids (a small vocab makes terms repeat), at positions 0, 1, 2
// and on, or with gaps (each position 0 or 1 past its place) when gaps is
// set; a third of the queries have their positions shuffled, out of note
// order. The agreement tests draw their random queries here.
func randomQuery(rng *rand.Rand, maxTerms, vocab int, gaps bool) Query {
	var q Query
	n := 1 + rng.IntN(maxTerms)
	for i := range n {
		q.Terms = append(q.Terms, uint32(rng.IntN(vocab)))
		p := int32(i)
		if gaps {
			p += int32(rng.IntN(2))
		}
		q.Pos = append(q.Pos, p)
	}
	if rng.IntN(3) == 0 {
		rng.Shuffle(n, func(i, j int) { q.Pos[i], q.Pos[j] = q.Pos[j], q.Pos[i] })
	}
	return q
}
