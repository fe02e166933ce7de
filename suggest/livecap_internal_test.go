package suggest

import (
	"math"
	"math/rand"
	"slices"
	"testing"

	"medcode/index"
	"medcode/internal/testenv"
)

func TestCapLive(t *testing.T) {
	tests := []struct {
		name   string
		max    int
		scores []float64
		want   []int // indices of the kept candidates, in order
	}{
		{"under the cap", 5, []float64{0.3, 0.9, 0.5}, []int{0, 1, 2}},
		{"at the cap", 3, []float64{0.3, 0.9, 0.5}, []int{0, 1, 2}},
		{"best kept in note order", 2, []float64{0.3, 0.9, 0.5, 0.2}, []int{1, 2}},
		{"ties at the cut go to the earlier", 3, []float64{0.4, 0.9, 0.4, 0.4, 0.1}, []int{0, 1, 2}},
		{"ties above the cut all kept", 2, []float64{0.9, 0.2, 0.9, 0.5}, []int{0, 2}},
		{"zero disables the cap", 0, []float64{0.3, 0.9, 0.5}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Engine{maxLive: tt.max}
			var live []*candidate
			for _, s := range tt.scores {
				live = append(live, &candidate{mentions: []mention{{hit: index.Hit{Score: s}}}})
			}
			all := slices.Clone(live)
			got := e.capLive(&work{}, live, e.maxLive)
			var idx []int
			for _, c := range got {
				idx = append(idx, slices.Index(all, c))
			}
			if !slices.Equal(idx, tt.want) {
				t.Errorf("kept %v, want %v", idx, tt.want)
			}
		})
	}
}

// TestCapLiveDominated: a mention inside a longer name counts at its
// mention score (0.6 of its hit), so a stronger free mention wins the cut.
func TestCapLiveDominated(t *testing.T) {
	e := &Engine{maxLive: 1}
	inside := &candidate{mentions: []mention{{hit: index.Hit{Score: 0.9}, dominated: true}}}
	free := &candidate{mentions: []mention{{hit: index.Hit{Score: 0.6}}}}
	got := e.capLive(&work{}, []*candidate{inside, free}, e.maxLive)
	if len(got) != 1 || got[0] != free {
		t.Errorf("kept %v, want the free mention", got)
	}
}

// TestNthSmallestAsSort: the selected value is the one slices.Sort puts
// at n, over ties, ±0, NaN, sorted and reversed input and long lists.
func TestNthSmallestAsSort(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	pools := [][]float64{
		{0.1, 0.2, 0.3, 0.45, 0.6, 0.9},
		{0, math.Copysign(0, -1), 0.5},
		{0.2, 0.4, math.NaN()},
		{0.7},
	}
	for trial := range 20000 {
		n := 1 + r.Intn(60)
		if trial%20 == 0 {
			n = 1 + r.Intn(2000)
		}
		xs := make([]float64, n)
		pool := pools[trial%len(pools)]
		for i := range xs {
			if trial%7 == 0 {
				xs[i] = r.Float64()
			} else {
				xs[i] = pool[r.Intn(len(pool))]
			}
		}
		switch trial % 3 {
		case 1:
			slices.Sort(xs)
		case 2:
			slices.Sort(xs)
			slices.Reverse(xs)
		}
		want := slices.Clone(xs)
		slices.Sort(want)
		at := r.Intn(n)
		got := nthSmallest(xs, at)
		if w := want[at]; got != w && !(got != got && w != w) {
			t.Fatalf("trial %d: value %d of %v: got %v, want %v", trial, at, want, got, w)
		}
	}
}
