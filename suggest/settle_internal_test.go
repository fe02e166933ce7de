package suggest

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// settleFamiliesPlain is settleFamilies as first written: every
// suggestion copied into a list rebuilt over the same array.
func settleFamiliesPlain(res *Result, drop map[int]Rejection, promote map[int]float64, rej []Rejection) []Rejection {
	var raised []Suggestion
	kept := res.Suggestions[:0]
	for i, s := range res.Suggestions {
		if r, ok := drop[i]; ok {
			rej = append(rej, r)
			continue
		}
		if c, ok := promote[i]; ok {
			s.Confidence = c
			s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: c, Message: "the documented duration selects this code in its family"})
			raised = append(raised, s)
			continue
		}
		kept = append(kept, s)
	}
	clear(res.Suggestions[len(kept):])
	if len(kept) == 0 {
		kept = nil
	}
	res.Suggestions = kept
	for _, s := range raised {
		insert(res, s)
	}
	return rej
}

// TestSettleFamilies holds settleFamilies to settleFamiliesPlain on
// random lists, drops and promotions: the same suggestions in the same
// order, the same rejections, and the array past the end cleared.
func TestSettleFamilies(t *testing.T) {
	r := rand.New(rand.NewPCG(28, 1))
	for range 3000 {
		n := r.IntN(12)
		var list []Suggestion
		for i := range n {
			list = append(list, Suggestion{System: "CPT", Code: strconv.Itoa(99200 + r.IntN(8)), Confidence: float64(r.IntN(5)) / 4,
				Score: float64(i), Evidence: []Evidence{{Start: i}}})
		}
		drop, promote := map[int]Rejection{}, map[int]float64{}
		for i := range n {
			switch r.IntN(4) {
			case 0:
				drop[i] = Rejection{Code: list[i].Code, Rule: "contradicted"}
			case 1:
				promote[i] = float64(r.IntN(5)) / 4
			}
		}
		a, b := &Result{Suggestions: slices.Clone(list)}, &Result{Suggestions: slices.Clone(list)}
		arrA, arrB := a.Suggestions, b.Suggestions
		rejA := settleFamilies(a, drop, promote, nil)
		rejB := settleFamiliesPlain(b, drop, promote, nil)
		if !reflect.DeepEqual(a.Suggestions, b.Suggestions) || !reflect.DeepEqual(rejA, rejB) {
			t.Fatalf("n %d drop %v promote %v:\nfast %v %v\nplain %v %v", n, drop, promote, a.Suggestions, rejA, b.Suggestions, rejB)
		}
		if (a.Suggestions == nil) != (b.Suggestions == nil) {
			t.Fatalf("nil list: fast %v, plain %v", a.Suggestions == nil, b.Suggestions == nil)
		}
		if !reflect.DeepEqual(arrA, arrB) {
			t.Fatalf("array past the end: fast %v, plain %v", arrA, arrB)
		}
	}
}
