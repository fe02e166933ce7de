package suggest

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"medcode/internal/testenv"
)

// TestCompetePackedAgrees: compete (sortSpansPacked's order where it
// sorts) gives every candidate the rank and margin, bit for bit, that the
// sweep gives in sortSpans' order (slices.SortFunc's, TestSortSpans), on
// 10,000 random sets of candidates whose best mentions often share a
// sentence and start, some empty, some reversed, some of one key, some
// scored NaN, infinite or -0, some of a negative sentence; both paths are
// taken thousands of times, on sets past
// insertion sort's size too (where pdqsort leaves ties in an order of its
// own).
func TestCompetePackedAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	rng := rand.New(rand.NewPCG(38, 3))
	w, plain := &work{}, &work{}
	packed, fell := 0, 0
	for range 10000 {
		n := rng.IntN(40)
		if rng.IntN(4) == 0 {
			n = 13 + rng.IntN(200) // past insertion sort's 12: pdqsort's ties move
		}
		starts := 2 + rng.IntN(12)
		// Half the sets hold one kind of what the packed order refuses
		// (so that each refusal is the only one of its set).
		odd := -1
		if rng.IntN(2) == 0 {
			odd = rng.IntN(7)
		}
		a, b := make([]*candidate, n), make([]*candidate, n)
		for i := range a {
			start := rng.IntN(starts) * 5
			end := start + 1 + rng.IntN(30)
			sent := rng.IntN(3)
			score := float64(rng.IntN(5)) / 4
			key := "K" + strconv.Itoa(i)
			if odd >= 0 && rng.IntN(6) == 0 {
				switch odd {
				case 0:
					end = start
				case 1:
					end = start - 3
				case 2:
					key = "K0"
				case 3:
					score = math.NaN()
				case 4:
					score = math.Inf(1 - 2*rng.IntN(2))
				case 5:
					sent = -1
				case 6:
					score = math.Copysign(0, -1)
				}
			}
			m := mention{sent: sent, start: start, end: end}
			m.hit.Score = score
			a[i] = &candidate{key: key, mentions: []mention{m}}
			c := *a[i]
			b[i] = &c
		}
		compete(w, a)
		g := competeSpans(plain, b)
		if sortSpansPacked(&plain.rk, append([]span(nil), g...)) {
			packed++
		} else {
			fell++
		}
		sortSpans(&plain.rk, g)
		sweepSpans(g)
		for i := range a {
			if a[i].spanRank != b[i].spanRank || math.Float64bits(a[i].margin) != math.Float64bits(b[i].margin) {
				t.Fatalf("set %v: candidate %d rank %d margin %v, in SortFunc's order %d %v", spansOf(b), i,
					a[i].spanRank, a[i].margin, b[i].spanRank, b[i].margin)
			}
		}
	}
	if packed < 5000 || fell < 1000 {
		t.Fatalf("packed order %d times, fell back %d: the test reads too few of either", packed, fell)
	}
}

// spansOf lists the candidates' best spans and scores, for a failure's
// message.
func spansOf(cs []*candidate) []span {
	var out []span
	for _, c := range cs {
		m := &c.mentions[c.best]
		out = append(out, span{c, m.sent, m.start, m.end, c.bestScore()})
	}
	return out
}
