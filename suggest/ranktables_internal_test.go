package suggest

import (
	"testing"

	"medcode/corpus"
)

func TestIDBits(t *testing.T) {
	var b idBits
	for _, id := range []corpus.ID{3, 64, 200, 3, -1} {
		b.add(id)
	}
	for _, tc := range []struct {
		id   corpus.ID
		want bool
	}{{3, true}, {64, true}, {200, true}, {4, false}, {63, false}, {-1, false}, {100000, false}} {
		if got := b.has(tc.id); got != tc.want {
			t.Errorf("has(%d) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if len(b.ids) != 3 {
		t.Errorf("ids %v, want 3 distinct", b.ids)
	}
	b.reset()
	for _, id := range []corpus.ID{3, 64, 200} {
		if b.has(id) {
			t.Errorf("has(%d) after reset", id)
		}
	}
}

func TestFactOf(t *testing.T) {
	for _, tc := range []struct {
		b      corpus.Brief
		flags  uint8
		letter uint8
		length int16
	}{
		{corpus.Brief{System: corpus.ICD10CM, Code: "R10.9", Display: "Unspecified abdominal pain"}, factICD | factSymptom | factUnspecified, 'R', 4},
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications"}, factICD | factWithoutComp | factCanExplain, 'E', 4},
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.22", Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease"}, factICD | factWithComp | factCanExplain, 'E', 5},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z87.891", Display: "Personal history of nicotine dependence"}, factICD, 'Z', 6},
		{corpus.Brief{System: corpus.CPT, Code: "99213", Display: "office visit, unspecified"}, factUnspecified, '9', 5},
		{corpus.Brief{}, 0, 0, 0},
	} {
		f := factOf(tc.b)
		if f.flags&factKnown != 0 {
			t.Errorf("factOf(%s) is marked known", tc.b.Code)
		}
		if f.flags != tc.flags || f.letter != tc.letter || f.length != tc.length {
			t.Errorf("factOf(%s) = %+v, want flags %b letter %c length %d", tc.b.Code, f, tc.flags, tc.letter, tc.length)
		}
	}
}

func TestCountCategories(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9"}, {System: corpus.ICD10CM, Code: "E11.65"},
		{System: corpus.ICD10CM, Code: "I10"}, {System: corpus.CPT, Code: "99213"},
	}, nil)
	e := &Engine{set: set}
	id := func(sys corpus.System, c string) corpus.ID {
		i, ok := set.ID(sys, c)
		if !ok {
			t.Fatalf("no code %s", c)
		}
		return i
	}
	live := []*candidate{
		{tgt: target{code: id(corpus.ICD10CM, "E11.9")}},
		{tgt: target{stem: id(corpus.ICD10CM, "E11.65")}},
		{tgt: target{code: id(corpus.ICD10CM, "I10")}},
		{tgt: target{code: id(corpus.CPT, "99213")}},
		{tgt: target{}},
		{tgt: target{}},
		{tgt: target{code: 9999}}, // past the set: no category, as ""
	}
	w := &work{cats: map[string]int{}}
	for round := 0; round < 2; round++ { // the counts start from zero each note
		e.countCategories(w, live)
		for i, want := range []int{1, 1, 0, 0, 2, 2, 2} {
			if live[i].catCount != want {
				t.Errorf("round %d: candidate %d catCount %d, want %d", round, i, live[i].catCount, want)
			}
		}
	}
}
