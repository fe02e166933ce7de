package suggest

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestDFTableAgrees holds dfTable's look-up to the map it lays out, bit
// for bit: every stem of the trained model's TermDF and of the sample
// notes' tokens (mostly stems the model lacks), and a small table's odd
// values and stems; and a table it cannot lay out is nil.
func TestDFTableAgrees(t *testing.T) {
	m, err := ReadModel(filepath.Join(testenv.DataDir(t), "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.TermDF) == 0 {
		t.Fatal("the trained model has no TermDF: the test cannot fail")
	}
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var stems []string
	for s := range m.TermDF {
		stems = append(stems, s, s+"x", s[:len(s)-1])
	}
	for _, text := range withSampleNotes(t, nil) {
		doc := pipe.Analyze(text)
		for i := range doc.Tokens {
			stems = append(stems, doc.Tokens[i].Stem, doc.Tokens[i].Norm)
		}
	}
	small := map[string]float64{"a": math.Copysign(0, -1), "ab": math.NaN(), "abc": 0.25, strings.Repeat("z", dfWordMax): 1, "with": 0.998}
	for _, df := range []map[string]float64{m.TermDF, small} {
		tab := newDFTable(df)
		if tab == nil {
			t.Fatalf("no table of %d stems", len(df))
		}
		extra := []string{"", "b", "abcd", strings.Repeat("z", dfWordMax+1), strings.Repeat("z", dfWordMax-1)}
		hits := 0
		for _, s := range append(stems, extra...) {
			want, ok := df[s]
			if ok {
				hits++
			}
			if got := tab.get(s); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("stem %q: %v (%#x), want %v (%#x)", s, got, math.Float64bits(got), want, math.Float64bits(want))
			}
		}
		if hits == 0 {
			t.Fatalf("no stem of %d found: the test cannot fail", len(df))
		}
	}
	for _, df := range []map[string]float64{nil, {"": 0.5}, {strings.Repeat("z", dfWordMax+1): 0.5}} {
		if newDFTable(df) != nil {
			t.Fatalf("a table of %v", df)
		}
	}
}
