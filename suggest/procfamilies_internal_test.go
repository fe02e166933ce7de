package suggest

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"testing"

	"medcode/corpus"
)

// procedureFamiliesPlain is procedureFamilies as a map from (system,
// stem) to family, the form procedureFamilies is held to (both read the
// stem with procedureStem: this holds the grouping).
func procedureFamiliesPlain(res *Result) []procedureFamily {
	type key struct{ sys, stem string }
	at := map[key]int{}
	var out []procedureFamily
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		stem, ok := procedureStem(s)
		if !ok {
			continue
		}
		k := key{s.System, stem}
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, procedureFamily{stem: k.stem})
		}
		out[j].members = append(out[j].members, i)
	}
	return slices.DeleteFunc(out, func(f procedureFamily) bool { return len(f.members) < 2 })
}

// TestProcedureFamiliesPlain: procedureFamilies groups random results as
// procedureFamiliesPlain does, past its stack buffers too.
func TestProcedureFamiliesPlain(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	systems := []string{string(corpus.ICD10CM), "CPT", "HCPCS"}
	stems := []string{"X-ray", "Radiologic exam, chest", "Echo", "CT head", "MRI"}
	tails := []string{"one view", "two views", "with contrast", ""}
	families := 0
	for round := range 2000 {
		var res Result
		for range rng.Intn(60) {
			s := Suggestion{System: systems[rng.Intn(len(systems))], Display: stems[rng.Intn(len(stems))]}
			if tail := tails[rng.Intn(len(tails))]; tail != "" {
				s.Display += ", " + tail
			}
			if rng.Intn(5) > 0 {
				s.Evidence = []Evidence{{Text: "x"}}
			}
			res.Suggestions = append(res.Suggestions, s)
		}
		got, want := procedureFamilies(&res), procedureFamiliesPlain(&res)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		families += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: procedureFamilies = %v, want %v", round, fmt.Sprint(got), fmt.Sprint(want))
		}
	}
	if families == 0 {
		t.Fatal("no result formed a family")
	}
}
