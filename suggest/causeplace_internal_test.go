package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/nlp"
)

// causePlacePlain is causePlace as injuryOrder read it: every suggestion
// in turn, the ones that are no specific injury, or a catch-all, passed
// over.
func causePlacePlain(doc *nlp.Document, res *Result, i int) int {
	x := &res.Suggestions[i]
	sents := evidenceSentences(doc, x.Evidence)
	best, bestWords := -1, 0
	for j := range res.Suggestions {
		o := &res.Suggestions[j]
		if j == i || !specificInjury(o) || catchAllInjury(o) || !slices.ContainsFunc(evidenceSentences(doc, o.Evidence), func(s int) bool { return slices.Contains(sents, s) }) ||
			!evidenceNear(doc, o.Evidence, x.Evidence, 4) {
			continue
		}
		if j < i {
			best = j
			break
		}
		if n := ownWords(doc, o.Evidence, x.Evidence); n > bestWords {
			best, bestWords = j, n
		}
	}
	return best
}

// TestCausePlace holds causePlace over placeableInjuries to the walk over
// every suggestion, on random lists of injuries (specific, vague, catch-all,
// T14 and T89 on), external causes, other codes and CPT codes with random
// evidence spans of a note, for every external cause of a list.
func TestCausePlace(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Fell from a ladder at home and fractured the left wrist. Dog bite of the right leg; laceration of the scalp after a fall. Struck by a falling object at work, contusion of the knee. Pain in the knee."
	doc := pipe.Analyze(text)
	type code struct{ code, display string }
	codes := []code{
		{"S52.501A", "Unspecified fracture of the lower end of right radius"}, {"S61.411A", "Laceration without foreign body of right hand"},
		{"S01.01XA", "Laceration without foreign body of scalp"}, {"S89.91XA", "Unspecified injury of right lower leg"},
		{"S80.01XA", "Contusion of right knee"}, {"S89.81XA", "Other specified injuries of right lower leg"},
		{"S09.8XXA", "Other injuries of head"}, {"T14.90XA", "Injury, unspecified"}, {"T07.XXXA", "Unspecified multiple injuries"},
		{"T90.8", "Sequelae of other specified injuries of head"}, {"W11.XXXA", "Fall on and from ladder"}, {"W54.0XXA", "Bitten by dog"},
		{"W20.8XXA", "Other cause of strike by thrown, projected or falling object"}, {"X58.XXXA", "Exposure to other specified factors"},
		{"Y92.009", "Unspecified place in unspecified non-institutional (private) residence as the place of occurrence"},
		{"V00.01XA", "Pedestrian on foot injured in collision with roller-skater"}, {"M25.561", "Pain in right knee"},
		{"Z76.89", "Persons encountering health services in other specified circumstances"}, {"", ""},
	}
	rng := rand.New(rand.NewPCG(35, 20))
	placed, causes := 0, 0
	for range 3000 {
		res := &Result{}
		for range rng.IntN(14) {
			c := codes[rng.IntN(len(codes))]
			sys := string(corpus.ICD10CM)
			if rng.IntN(8) == 0 {
				sys = string(corpus.CPT)
			}
			s := Suggestion{System: sys, Code: c.code, Display: c.display}
			for range rng.IntN(3) {
				a := rng.IntN(len(text) + 1)
				b := min(len(text), a+rng.IntN(40))
				s.Evidence = append(s.Evidence, Evidence{Start: a, End: b})
			}
			res.Suggestions = append(res.Suggestions, s)
		}
		var buf [16]int
		inj := placeableInjuries(buf[:0], res)
		for i := range res.Suggestions {
			if !externalCauseCode(&res.Suggestions[i]) {
				continue
			}
			causes++
			got, want := causePlace(doc, res, i, inj), causePlacePlain(doc, res, i)
			if got != want {
				t.Fatalf("cause %d of %+v: causePlace %d, the plain walk %d", i, res.Suggestions, got, want)
			}
			if want >= 0 {
				placed++
			}
		}
	}
	if causes == 0 || placed == 0 {
		t.Fatalf("%d causes, %d placed: the test compares nothing", causes, placed)
	}
	t.Logf("%d causes, %d placed", causes, placed)
}
