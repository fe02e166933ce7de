package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestCatTopOf holds catTopOf, which reads the category's list from the
// lists laid end to end by category number, to Engine.catTop read by the
// category's name, for every ICD-10-CM code of three characters or more:
// each category's codes given as its usual codes (up to three of its
// billable ones, none for some).
func TestCatTopOf(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := ownEngine(t)
	e.catTop = map[string][]target{}
	for i, id := range e.set.IDs(corpus.ICD10CM) {
		b := e.set.Brief(id)
		if cat := category(b.Code); b.Billable && len(e.catTop[cat]) < 3 && i%7 != 0 {
			e.catTop[cat] = append(e.catTop[cat], target{code: id, from: corpus.ID(i)})
		}
	}
	read, listed := 0, 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		f := e.fact(id)
		if f.flags&factICD == 0 || f.length < 3 {
			continue
		}
		got, want := e.catTopOf(id, &f), e.catTop[e.set.CodeString(id)[:3]]
		if !slices.Equal(got, want) {
			t.Fatalf("%s: catTopOf %v, want %v", e.set.CodeString(id), got, want)
		}
		read++
		if len(got) > 0 {
			listed++
		}
	}
	if read < 10000 || listed == 0 || listed == read {
		t.Fatalf("%d codes read, %d of them with a list: the test reads too little", read, listed)
	}
}
