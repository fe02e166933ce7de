package suggest

import (
	"slices"
	"testing"

	"medcode/index"
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
			got := e.capLive(&work{}, live)
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
	got := e.capLive(&work{}, []*candidate{inside, free})
	if len(got) != 1 || got[0] != free {
		t.Errorf("kept %v, want the free mention", got)
	}
}
