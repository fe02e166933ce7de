package suggest

import (
	"cmp"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// alternativesBySort is alternatives as it was written first: every
// overlap copied, stably sorted, the first three kept.
func alternativesBySort(sugs []Suggestion) {
	for i := range sugs {
		s := &sugs[i]
		if len(s.Evidence) == 0 {
			continue
		}
		ev := s.Evidence[0]
		var alts []Alternative
		for j := range sugs {
			o := &sugs[j]
			if j == i || len(o.Evidence) == 0 {
				continue
			}
			if oe := o.Evidence[0]; oe.Start < ev.End && ev.Start < oe.End {
				alts = append(alts, Alternative{Code: o.Code, Display: o.Display, Score: o.Score})
			}
		}
		slices.SortStableFunc(alts, func(a, b Alternative) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return strings.Compare(a.Code, b.Code)
		})
		if len(alts) > 0 {
			s.Alternatives = alts[:min(len(alts), 3)]
		}
	}
}

// TestAlternativesAgreesWithSort: the best-three selection lists what the
// stable sort did, on random spans with tied scores, repeated codes, NaN
// scores and suggestions without evidence.
func TestAlternativesAgreesWithSort(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	var scratch altScratch
	for trial := range 4000 {
		n := r.Intn(12)
		if trial%4 == 0 {
			n = r.Intn(60) // windows among many spans
		}
		a, b := make([]Suggestion, n), make([]Suggestion, n)
		for i := range a {
			s := Suggestion{Code: string(rune('A' + r.Intn(4))), Display: string(rune('a' + i)), Score: float64(r.Intn(4)) / 4}
			if r.Intn(20) == 0 {
				s.Score = math.NaN()
			}
			if r.Intn(8) > 0 {
				st := r.Intn(30)
				s.Evidence = []Evidence{{Start: st, End: st + r.Intn(11)}} // empty spans too
				if r.Intn(10) == 0 {
					s.Evidence[0].End = st + r.Intn(40) // a long one
				}
			}
			a[i], b[i] = s, s
		}
		alternatives(a, &scratch, new([]Alternative))
		alternativesBySort(b)
		for i := range a {
			if fmt.Sprint(a[i].Alternatives) != fmt.Sprint(b[i].Alternatives) || (a[i].Alternatives == nil) != (b[i].Alternatives == nil) { // NaN scores: compare printed
				t.Fatalf("trial %d suggestion %d: %v, sort gives %v", trial, i, a[i].Alternatives, b[i].Alternatives)
			}
		}
	}
}
