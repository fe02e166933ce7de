package suggest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestSymptomMayRead holds symptomMayRead to the resolve loop's plain
// form, needMasks then symptomMasks (when read) then maySymptom, over
// random pairs of the release's codes (symptoms mostly, beside codes
// sharing their title's first word half the time), with each support's
// lists and masks read beforehand or not: the answers agree, and so do
// the supports it leaves.
func TestSymptomMayRead(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	all, symptoms, byWord := symptomPairCodes(e)
	rng := rand.New(rand.NewPCG(31, 7))
	seen := map[bool]int{}
	for range 30000 {
		a := symptoms[rng.IntN(len(symptoms))]
		b := all[rng.IntN(len(all))]
		if f := strings.Fields(strings.ToLower(e.set.Brief(a).Display)); len(f) > 0 && rng.IntN(2) == 0 {
			if ws := byWord[f[0]]; len(ws) > 0 {
				b = ws[rng.IntN(len(ws))]
			}
		}
		sa, sb := flaggedSupports(e, a, b, rng.IntN(32)|8, rng.IntN(64))
		ab, bb := e.set.Brief(a), e.set.Brief(b)
		// Some supports come with what a pair before read: a's lists, or
		// its and another code's masks.
		switch rng.IntN(4) {
		case 1:
			e.pairLists(&sa, &ab)
		case 2:
			e.symptomMasks(&sa, &ab, &sb, "")
		case 3:
			o := all[rng.IntN(len(all))]
			e.symptomMasks(&sa, &ab, &sb, e.set.Brief(o).Code)
		}
		read := rng.IntN(4) != 0
		pa, pb := sa, sb
		if read && needMasks(&pa, &pb, bb.Code) {
			e.symptomMasks(&pa, &ab, &pb, bb.Code)
		}
		want := maySymptom(&pa, &pb, bb.Code)
		fa, fb := sa, sb
		got := e.symptomMayRead(&fa, &ab, &fb, bb.Code, read)
		if got != want {
			t.Fatalf("%s beside %s (read %v): symptomMayRead %v, the plain form %v", ab.Code, bb.Code, read, got, want)
		}
		if !reflect.DeepEqual(fa, pa) || !reflect.DeepEqual(fb, pb) {
			t.Fatalf("%s beside %s (read %v): the supports differ from the plain form's", ab.Code, bb.Code, read)
		}
		seen[got]++
	}
	if seen[true] < 100 || seen[false] < 100 {
		t.Fatalf("too one-sided a sample: %v", seen)
	}
}
