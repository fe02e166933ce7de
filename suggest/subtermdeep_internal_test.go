package suggest

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// deeperSubtermsPlain is deeperSubterms comparing every later suggestion
// with each Index-path one, not only those with an Index path of their
// own: the form TestDeeperSubtermsAgreesWithPlain holds it to.
func deeperSubtermsPlain(res *Result) {
	index := corpus.NameIndex.String()
	for {
		moved := false
		for i := range res.Suggestions {
			if !onIndexPaths(&res.Suggestions[i], index) {
				continue
			}
			for j := i + 1; j < len(res.Suggestions); j++ {
				if extendsEvery(&res.Suggestions[j], &res.Suggestions[i], index) {
					giveWayToDeeper(res, i, j)
					moved = true
					break
				}
			}
			if moved {
				break
			}
		}
		if !moved {
			return
		}
	}
}

// onIndexPaths says whether a can give way to a deeper suggestion: an
// ICD-10-CM suggestion every evidence of which is an Index path
// (deeperSubterms reads it from indexSpans, with the evidence's hull).
func onIndexPaths(a *Suggestion, index string) bool {
	if a.System != string(corpus.ICD10CM) || len(a.Evidence) == 0 {
		return false
	}
	for k := range a.Evidence {
		if a.Evidence[k].MatchedKind != index {
			return false
		}
	}
	return true
}

// TestDeeperSubtermsAgreesWithPlain holds deeperSubterms to
// deeperSubtermsPlain on random suggestion lists: systems, Index and other
// evidence, nested paths stated or not, up to past the 64 suggestions
// deeperSubterms lists on its stack.
func TestDeeperSubtermsAgreesWithPlain(t *testing.T) {
	testenv.SkipUnderRace(t)
	rng := rand.New(rand.NewPCG(14, 16))
	texts := []string{"History of COVID-19 infection", "Rash", "GERD with esophagitis, no bleeding", "Anemia in pregnancy"}
	paths := []string{"History, personal, infection NEC", "History, personal, infection NEC, COVID-19", "Rash", "Rash, drug",
		"Reflux, with esophagitis", "Reflux, with esophagitis, with bleeding", "Anemia", "Anemia, in pregnancy", "Anemia, NEC"}
	kinds := []string{corpus.NameIndex.String(), corpus.NameIndex.String(), corpus.NameTitle.String()}
	systems := []string{string(corpus.ICD10CM), string(corpus.ICD10CM), string(corpus.ICD10CM), string(corpus.CPT)}
	moves := 0
	for r := range 3000 {
		n := 1 + rng.IntN(12)
		if r%50 == 0 {
			n = 60 + rng.IntN(20)
		}
		var ss []Suggestion
		for range n {
			s := Suggestion{System: systems[rng.IntN(len(systems))], Code: "Z86." + string(rune('0'+rng.IntN(6))),
				Confidence: round(rng.Float64(), 4), Score: rng.Float64() * 3}
			for range 1 + rng.IntN(3) {
				text := texts[rng.IntN(len(texts))]
				lo := rng.IntN(3)
				s.Evidence = append(s.Evidence, Evidence{Start: lo, End: lo + len(text) - rng.IntN(3), Text: text,
					Matched: paths[rng.IntN(len(paths))], MatchedKind: kinds[rng.IntN(len(kinds))]})
			}
			ss = append(ss, s)
		}
		slicesSortByConfidence(ss)
		a := &Result{Suggestions: cloneSuggestions(ss)}
		b := &Result{Suggestions: cloneSuggestions(ss)}
		deeperSubterms(a)
		deeperSubtermsPlain(b)
		if !reflect.DeepEqual(a.Suggestions, b.Suggestions) {
			t.Fatalf("round %d: deeperSubterms\n%v\nplain\n%v", r, a.Suggestions, b.Suggestions)
		}
		if !reflect.DeepEqual(a.Suggestions, ss) {
			moves++
		}
	}
	if moves == 0 {
		t.Fatal("no list moved: the test holds nothing")
	}
}

// cloneSuggestions copies ss and each one's evidence.
func cloneSuggestions(ss []Suggestion) []Suggestion {
	out := make([]Suggestion, len(ss))
	for i, s := range ss {
		s.Evidence = append([]Evidence(nil), s.Evidence...)
		out[i] = s
	}
	return out
}

// slicesSortByConfidence orders ss as a result lists them: highest
// confidence first.
func slicesSortByConfidence(ss []Suggestion) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].Confidence > ss[j-1].Confidence; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}
