package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// randomSentenceMentions returns n mentions whose sentences run in order,
// repeat, jump back (as a merged candidate's interleave) and are sometimes
// -1, with scores spread so that sentencesOf's good filter drops some.
func randomSentenceMentions(rng *rand.Rand, n int) []mention {
	ms := make([]mention, n)
	s := rng.IntN(5)
	for i := range ms {
		switch rng.IntN(10) {
		case 0:
			s = rng.IntN(s + 1) // back
		case 1, 2:
			// the same sentence again
		case 3:
			s += 64 + rng.IntN(200) // past a bitset word or several
		default:
			s += 1 + rng.IntN(3)
		}
		ms[i].sent = s
		if rng.IntN(20) == 0 {
			ms[i].sent = -1
		}
		ms[i].hit.Score = 0.5 + rng.Float64()/2
	}
	return ms
}

// TestSentSetAgreesWithScan: sentencesOf and distinctSentences give what
// the plain scan of the list gives, at every size around the scan limit,
// in sentence order (distinctSentences' pass) or not.
func TestSentSetAgreesWithScan(t *testing.T) {
	testenv.SkipUnderRace(t)
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 3000; trial++ {
		n := 1 + rng.IntN(4*sentScanMax)
		if trial%50 == 0 {
			n = 2000 + rng.IntN(3000)
		}
		c := &candidate{mentions: randomSentenceMentions(rng, n)}
		if trial%3 == 1 { // in sentence order, as most candidates' are
			slices.SortStableFunc(c.mentions, func(a, b mention) int { return a.sent - b.sent })
		}
		for i := range c.mentions {
			if c.mentions[i].hit.Score > c.mentions[c.best].hit.Score {
				c.best = i
			}
		}
		for _, good := range []bool{false, true} {
			var want []int
			best := c.bestScore()
			for i := range c.mentions {
				m := &c.mentions[i]
				if (good && c.scoreAt(i) < 0.8*best) || m.sent < 0 || slices.Contains(want, m.sent) {
					continue
				}
				want = append(want, m.sent)
			}
			if got := sentencesOf(c, good, []int{7, 7}); !slices.Equal(got, want) {
				t.Fatalf("trial %d (%d mentions, good %v): sentencesOf = %v, want %v", trial, n, good, got, want)
			}
		}
		var all []int
		for i := range c.mentions {
			if !slices.Contains(all, c.mentions[i].sent) {
				all = append(all, c.mentions[i].sent)
			}
		}
		if got := distinctSentences(c.mentions); got != len(all) {
			t.Fatalf("trial %d (%d mentions): distinctSentences = %d, want %d", trial, n, got, len(all))
		}
	}
}
