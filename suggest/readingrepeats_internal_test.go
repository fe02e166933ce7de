package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestReadingRepeats: readingRepeats.before answers as sameReadingBefore
// for every mention of random lists, short and long, with repeated and
// learned readings and sentences -1.
func TestReadingRepeats(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 29))
	repeats := 0
	for trial := 0; trial < 400; trial++ {
		n := 1 + rng.IntN(3*readingRepeatsMin)
		ms := make([]mention, n)
		for i := range ms {
			m := &ms[i]
			m.sent = rng.IntN(6) - 1
			size := rng.IntN(3)
			for range size {
				m.hit.Positions = append(m.hit.Positions, int32(rng.IntN(4)))
			}
			m.learned = rng.IntN(5) == 0
		}
		r := readingRepeatsOf(ms)
		for i := range ms {
			want := sameReadingBefore(ms, i)
			if got := r.before(ms, i); got != want {
				t.Fatalf("trial %d (%d mentions) mention %d %+v: before %v, sameReadingBefore %v", trial, n, i, ms[i], got, want)
			}
			if want {
				repeats++
			}
		}
	}
	if repeats == 0 {
		t.Error("no repeated reading: nothing tested")
	}
}
