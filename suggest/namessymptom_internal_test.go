package suggest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// namesSymptomPlain is namesSymptom without masks or hashes: a name of b
// holding every stem of a's key.
func namesSymptomPlain(a *conflictKeys, b *conflictStems) bool {
	if len(a.key) == 0 {
		return false
	}
	for _, st := range b.stems {
		all := true
		for _, k := range a.key {
			if !slices.Contains(st, k) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// TestNamesSymptomPlain holds namesSymptom (its stemMask and hashBits
// masks, per name) to the plain scan over symptoms of the release beside
// random codes, codes sharing their title's first word and themselves
// (whose names hold their keys), so that both answers are met.
func TestNamesSymptomPlain(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	all, symptoms, byWord := symptomPairCodes(e)
	rng := rand.New(rand.NewPCG(25, 3))
	held := 0
	for n := range 3000 {
		a := symptoms[rng.IntN(len(symptoms))]
		b := all[rng.IntN(len(all))]
		switch n % 3 {
		case 1:
			if f := strings.Fields(strings.ToLower(e.set.Brief(a).Display)); len(f) > 0 {
				l := byWord[f[0]]
				b = l[rng.IntN(len(l))]
			}
		case 2:
			b = a
		}
		ka, sb := e.keysOf(e.conflictNames(a)), e.stemsOf(e.conflictNames(b))
		want := namesSymptomPlain(ka, sb)
		if got := namesSymptom(ka, sb); got != want {
			t.Fatalf("%s beside %s: namesSymptom %v, plain %v", e.set.Brief(a).Code, e.set.Brief(b).Code, got, want)
		}
		if want {
			held++
		}
	}
	if held < 100 {
		t.Fatalf("only %d pairs name the symptom", held)
	}
}

// symptomPairCodes returns the release's ICD-10-CM codes, those of them
// that are symptoms (chapter 18, R), and the codes by their title's first
// word (lower-cased): the pools the symptom-pair tests draw from.
func symptomPairCodes(e *Engine) (all, symptoms []corpus.ID, byWord map[string][]corpus.ID) {
	byWord = map[string][]corpus.ID{}
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		all = append(all, id)
		if f := strings.Fields(strings.ToLower(e.set.Brief(id).Display)); len(f) > 0 {
			byWord[f[0]] = append(byWord[f[0]], id)
		}
		if strings.HasPrefix(e.set.Brief(id).Code, "R") {
			symptoms = append(symptoms, id)
		}
	}
	return all, symptoms, byWord
}
