package corpus

import (
	"context"
	"math/rand/v2"
	"testing"

	"medcode/internal/testenv"
)

// BenchmarkBrief reads the brief of codes in random order, as the suggest
// rules do for a note's candidates, and looks each code up again.
func BenchmarkBrief(b *testing.B) {
	set, err := Load(context.Background(), Options{Dir: testenv.DataDir(b) + "/codesets"})
	if err != nil {
		b.Fatal(err)
	}
	ids := set.IDs(ICD10CM)
	r := rand.New(rand.NewPCG(1, 2))
	order := make([]ID, 1<<16)
	for i := range order {
		order[i] = ids[r.IntN(len(ids))]
	}
	b.Run("Brief", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, id := range order {
				n += len(set.Brief(id).Parent)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(order)), "ns/brief")
	})
	b.Run("ID", func(b *testing.B) {
		codes := make([]string, len(order))
		for i, id := range order {
			codes[i] = set.Brief(id).Code
		}
		for b.Loop() {
			for _, c := range codes {
				if _, ok := set.ID(ICD10CM, c); !ok {
					b.Fatal(c)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(order)), "ns/id")
	})
}
