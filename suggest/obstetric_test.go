package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestObstetric: chapter 15 as a coder codes it. The trimester and fetus
// characters follow the weeks and the fetus the note documents, the
// chapter 15 code comes before another chapter's code for the same
// condition, which stays only when the chapter 15 code's note asks for it,
// and a note documenting no pregnancy gets no chapter 15 code.
func TestObstetric(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		note   string
		first  string
		also   []string
		before [][2]string // code a ranks above code b
		never  []string
	}{
		// Trimester from the weeks: 13 weeks first, 14 second, 27 second, 28 third.
		{"Preterm labor without delivery at 28 weeks.", "O60.03", []string{"Z3A.28"}, nil, []string{"O60.00", "O60.02"}},
		{"Assessment: pre-eclampsia, severe, at 27 weeks gestation.", "O14.12", []string{"Z3A.27"}, nil, []string{"O14.10"}},
		{"Assessment: severe preeclampsia at 27 weeks gestation.", "O14.12", nil, nil, []string{"O14.10"}},
		{"Gestational edema at 14 weeks.", "O12.02", nil, nil, []string{"O12.00", "O12.01"}},
		{"Gestational edema at 13 weeks.", "O12.01", nil, nil, []string{"O12.00", "O12.02"}},
		// Fetus: a singleton is 0 however the title says "fetus"; "twin B" is fetus 2.
		{"Maternal care for transverse lie, singleton, 36 weeks.", "O32.2XX0", nil, nil, []string{"O32.2XX1"}},
		{"Decreased fetal movements of twin B, third trimester.", "O36.8132", nil, nil, []string{"O36.8190", "O36.8130"}},
		// Chapter 15 first; the other chapter's code only where asked for.
		{"Urinary tract infection in pregnancy at 22 weeks.", "O23.42", nil, nil, []string{"N39.0"}},
		{"Iron deficiency anemia in a pregnant patient at 30 weeks.", "O99.013", []string{"D50.9"}, [][2]string{{"O99.013", "D50.9"}}, nil},
		// Supervision: first or later pregnancy, advanced maternal age, previous cesarean.
		{"Prenatal visit, G1P0 at 30 weeks.", "Z34.03", []string{"Z3A.30"}, nil, []string{"Z34.83", "Z34.93"}},
		{"Prenatal visit, G4P3 at 12 weeks.", "Z34.81", nil, nil, []string{"Z34.01"}},
		{"Advanced maternal age, multigravida, 25 weeks.", "O09.522", nil, nil, []string{"Z34.82"}},
		{"Currently pregnant at 33 weeks; previous cesarean with low transverse incision.", "O34.211", nil, nil, nil},
		// A newborn's gestational age is P07's, never Z3A (maternal record only).
		{"Premature newborn, 33 completed weeks gestation.", "P07.36", nil, nil, []string{"P07.30", "Z3A.33"}},
		{"Twin gestation, dichorionic diamniotic, at 16 weeks.", "", []string{"O30.042"}, nil, []string{"O30.049"}},
		{"Well newborn exam, 12 days old, feeding well.", "", nil, nil, []string{"Z00.110"}},
		{"Newborn weight check; baby is 3 days old.", "", []string{"Z00.110"}, nil, []string{"Z00.111"}},
		// No pregnancy documented: no chapter 15 code.
		{"Iron deficiency anemia. Urine pregnancy test negative.", "D50.9", nil, nil, []string{"O99.011", "O99.012", "O99.013", "O99.019"}},
		{"Cough for 2 weeks.", "", nil, nil, []string{"Z3A.02"}},
	}
	for _, tc := range tests {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, Systems: []corpus.System{corpus.ICD10CM}})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, s := range res.Suggestions {
			codes = append(codes, s.Code)
		}
		if tc.first != "" && (len(codes) == 0 || codes[0] != tc.first) {
			t.Errorf("%q: first %v, want %s", tc.note, codes[:min(4, len(codes))], tc.first)
		}
		for _, c := range tc.also {
			if !slices.Contains(codes, c) {
				t.Errorf("%q: %v lacks %s", tc.note, codes, c)
			}
		}
		for _, p := range tc.before {
			if i, j := slices.Index(codes, p[0]), slices.Index(codes, p[1]); i < 0 || j < 0 || i > j {
				t.Errorf("%q: %v: want %s before %s", tc.note, codes, p[0], p[1])
			}
		}
		// Never coded: absent, or ranked below the threshold as a code that
		// gives way to another (conflict.go), with the rule as an edit.
		for _, n := range tc.never {
			i := slices.Index(codes, n)
			if i >= 0 && (res.Suggestions[i].Confidence >= res.Threshold || !slices.ContainsFunc(res.Suggestions[i].Edits, func(e suggest.Edit) bool {
				return e.Kind == "less_specific" || e.Kind == "integral_symptom" || e.Kind == "excludes1"
			})) {
				t.Errorf("%q: suggests %s: %v", tc.note, n, codes)
			}
		}
		for _, s := range res.Suggestions {
			for _, ev := range s.Evidence {
				if tc.note[ev.Start:ev.End] != ev.Text {
					t.Errorf("%q: %s evidence %q at [%d,%d)", tc.note, s.Code, ev.Text, ev.Start, ev.End)
				}
			}
		}
	}
}
