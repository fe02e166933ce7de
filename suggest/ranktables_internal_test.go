package suggest

import (
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
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
		asrt   uint16
	}{
		{corpus.Brief{System: corpus.ICD10CM, Code: "R10.9", Display: "Unspecified abdominal pain"}, factICD | factSymptom | factUnspecified, 'R', 4, asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications"}, factICD | factWithoutComp | factCanExplain, 'E', 4, asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.22", Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease"}, factICD | factWithComp | factCanExplain, 'E', 5, asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z87.891", Display: "Personal history of nicotine dependence"}, factICD | factPastHistory, 'Z', 6, asrtHistory},
		{corpus.Brief{System: corpus.ICD10CM, Code: "I25.2", Display: "Old myocardial infarction"}, factICD | factPastHistory | factCanExplain, 'I', 4, asrtHistory | asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z80.0", Display: "Family history of malignant neoplasm of digestive organs"}, factICD, 'Z', 4, asrtFamily},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z12.31", Display: "Encounter for screening mammogram for malignant neoplasm of breast"}, factICD, 'Z', 5, asrtHypothetical | asrtScreening},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z15.01", Display: "Genetic susceptibility to malignant neoplasm of breast"}, factICD, 'Z', 5, asrtHypothetical},
		{corpus.Brief{System: corpus.ICD10CM, Code: "O80", Display: "Encounter for full-term uncomplicated delivery"}, factICD | factCanExplain, 'O', 3, asrtPregnancy | asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "T39.1X1A", Display: "Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter"}, factICD | factCanExplain, 'T', 7, asrtDrug},
		{corpus.Brief{System: corpus.ICD10CM, Code: "U07.1", Display: "COVID-19"}, factICD | factCanExplain, 'U', 4, asrtVaccine},
		{corpus.Brief{System: corpus.ICD10CM, Code: "V43.52XA", Display: "Car driver injured in collision with other motor vehicle in traffic accident, initial encounter"}, factICD | factWithComp | factCanExplain, 'V', 7, asrtExternal},
		{corpus.Brief{System: corpus.CPT, Code: "99213", Display: "office visit, unspecified"}, factUnspecified, '9', 5, asrtProcedure},
		{corpus.Brief{System: corpus.HCPCS, Code: "A4550", Display: "surgical trays"}, 0, 'A', 5, asrtProcedure | asrtSupply},
		{corpus.Brief{System: corpus.HCPCS, Code: "J1100", Display: "dexamethasone injection"}, 0, 'J', 5, asrtProcedure},
		{corpus.Brief{}, 0, 0, 0, 0},
	} {
		f := factOf(tc.b)
		if f.flags&factKnown != 0 {
			t.Errorf("factOf(%s) is marked known", tc.b.Code)
		}
		if f.flags != tc.flags || f.letter != tc.letter || f.length != tc.length || f.asrt != tc.asrt {
			t.Errorf("factOf(%s) = %+v, want flags %b letter %c length %d asrt %b", tc.b.Code, f, tc.flags, tc.letter, tc.length, tc.asrt)
		}
	}
}

// TestAllowedBy: the assertion flags a code's kind allows, per setting,
// and those blockedBy lifts for a test whose result the note states.
func TestAllowedBy(t *testing.T) {
	const always = nlp.Result
	for _, tc := range []struct {
		b         corpus.Brief
		setting   Setting
		want      nlp.Assertion
		negResult nlp.Assertion // blockedBy of a Negated|Result mention
	}{
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.9"}, Outpatient, always | nlp.Historical, nlp.Negated},
		{corpus.Brief{System: corpus.ICD10CM, Code: "E11.9"}, Inpatient, always | nlp.Historical | nlp.Uncertain, nlp.Negated},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z87.891"}, Outpatient, always | nlp.Historical | nlp.Ended, nlp.Negated},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z80.0"}, Outpatient, always | nlp.Historical | nlp.Ended | nlp.Family, nlp.Negated},
		{corpus.Brief{System: corpus.ICD10CM, Code: "Z11.4"}, Outpatient, always | nlp.Historical | nlp.Hypothetical, 0},
		{corpus.Brief{System: corpus.ICD10CM, Code: "W19.XXXA"}, Outpatient, always | nlp.Historical | nlp.Ended, nlp.Negated},
		{corpus.Brief{System: corpus.CPT, Code: "86803"}, Outpatient, always | nlp.Uncertain, 0},
	} {
		f := factOf(tc.b)
		if got := allowedBy(&f, tc.setting); got != tc.want {
			t.Errorf("allowedBy(%s, %v) = %b, want %b", tc.b.Code, tc.setting, got, tc.want)
		}
		if got := blockedBy(f.asrt, nlp.Negated|nlp.Result, allowedBy(&f, tc.setting)); got != tc.negResult {
			t.Errorf("blockedBy(%s, negated result) = %b, want %b", tc.b.Code, got, tc.negResult)
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

// TestCooccur: a candidate's cooc is its best lift with an anchor (an
// ICD-10-CM candidate matched almost exactly on its own words), whatever
// the order of the model's pairs; no anchor, no lift, and a code without
// edges keeps what it had.
func TestCooccur(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9"}, {System: corpus.ICD10CM, Code: "I10"},
		{System: corpus.ICD10CM, Code: "N18.9"}, {System: corpus.ICD10CM, Code: "E78.5"},
		{System: corpus.CPT, Code: "99213"},
	}, nil)
	id := func(sys corpus.System, c string) corpus.ID {
		i, ok := set.ID(sys, c)
		if !ok {
			t.Fatalf("no code %s", c)
		}
		return i
	}
	e11, i10, n18, e78, cpt := id(corpus.ICD10CM, "E11.9"), id(corpus.ICD10CM, "I10"), id(corpus.ICD10CM, "N18.9"), id(corpus.ICD10CM, "E78.5"), id(corpus.CPT, "99213")
	e := &Engine{set: set, cooc: map[corpus.ID][]coocEdge{
		e11: {{i10, 0.4}, {n18, 1.2}, {e78, 0.9}},
		i10: {{e11, 0.4}, {e78, 0.2}},
	}}
	strong := []mention{{hit: index.Hit{Score: 1, Coverage: 1}}}
	weak := []mention{{hit: index.Hit{Score: 0.5, Coverage: 0.5}}}
	for _, tc := range []struct {
		name    string
		anchors map[corpus.ID]bool // the codes of strong, own-word candidates
		want    float64            // E11.9's cooc
	}{
		{"best anchor", map[corpus.ID]bool{i10: true, n18: true, e78: true}, 1.2},
		{"an anchor below the best edge", map[corpus.ID]bool{i10: true, e78: true}, 0.9},
		{"lowest edge", map[corpus.ID]bool{i10: true}, 0.4},
		{"no anchor", map[corpus.ID]bool{}, 0},
	} {
		var cs []*candidate
		for _, k := range []corpus.ID{e11, i10, n18, e78, cpt} {
			c := &candidate{tgt: target{code: k}, mentions: weak}
			if tc.anchors[k] {
				c.mentions = strong
			}
			cs = append(cs, c)
		}
		cs[4].cooc = 0.3 // no edges: kept
		w := &work{cats: map[string]int{}}
		e.countCategories(w, cs) // notes the anchors cooccur reads
		e.cooccur(w, cs)
		if cs[0].cooc != tc.want {
			t.Errorf("%s: E11.9 cooc %v, want %v", tc.name, cs[0].cooc, tc.want)
		}
		if cs[4].cooc != 0.3 {
			t.Errorf("%s: 99213 cooc %v, want 0.3 kept", tc.name, cs[4].cooc)
		}
	}
}
