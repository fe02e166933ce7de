package eval

import (
	"reflect"
	"strings"
	"testing"

	"medcode/corpus"
)

func TestSyntheticCases(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus", Children: []string{"E11.9"}},
		{System: corpus.ICD10CM, Code: "E11.9", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus without complications",
			Names: []corpus.Name{{Text: "Type 2 diabetes mellitus without complications", Kind: corpus.NameTitle}, {Text: "Diabetes (mellitus) NOS", Kind: corpus.NameInclusion}}},
		{System: corpus.ICD10CM, Code: "J18.9", Billable: true, Display: "Pneumonia, unspecified organism"},
		{System: corpus.ICD10CM, Code: "S72", Display: "Fracture of femur"}, // not billable: never stated
	}, nil)
	a := SyntheticCases(set, SynthOptions{Cases: 40, Codes: 2, Seed: 7})
	b := SyntheticCases(set, SynthOptions{Cases: 40, Codes: 2, Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed wrote different notes")
	}
	if len(a) != 40 {
		t.Fatalf("%d cases, want 40", len(a))
	}
	seen := map[string]bool{}
	for _, c := range a {
		if len(c.Gold) != 2 || strings.Count(c.Text, ".") < 2 {
			t.Fatalf("case %s: %d gold codes in %q", c.ID, len(c.Gold), c.Text)
		}
		for _, g := range c.Gold {
			seen[g.Code] = true
			if g.Code == "S72" || g.Code == "E11" {
				t.Errorf("non-billable %s stated", g.Code)
			}
		}
		if strings.Contains(c.Text, "(mellitus)") && strings.Contains(c.Text, "Diabetes mellitus NOS") {
			t.Errorf("bracketed words half dropped: %q", c.Text)
		}
	}
	if !seen["E11.9"] || !seen["J18.9"] {
		t.Errorf("codes stated: %v, want both billable codes", seen)
	}
	if SyntheticCases(corpus.NewSet(nil, nil), SynthOptions{}) != nil {
		t.Error("an empty code set writes notes")
	}
}

// TestSyntheticCasesMulti: multi-statement notes state Codes..MaxCodes
// codes of different chapters; distractors name codes that are not gold,
// and family or past mentions leave the history codes undecided.
func TestSyntheticCasesMulti(t *testing.T) {
	var codes []*corpus.Code
	for _, c := range []struct{ code, title string }{
		{"A09", "Infectious gastroenteritis and colitis, unspecified"},
		{"E03.9", "Hypothyroidism, unspecified"},
		{"G43.909", "Migraine, unspecified, not intractable, without status migrainosus"},
		{"I10", "Essential (primary) hypertension"},
		{"J45.909", "Unspecified asthma, uncomplicated"},
		{"K21.9", "Gastro-esophageal reflux disease without esophagitis"},
		{"M54.50", "Low back pain, unspecified"},
		{"N39.0", "Urinary tract infection, site not specified"},
		{"R51.9", "Headache, unspecified"},
		{"Z23", "Encounter for immunization"},
	} {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: c.code, Billable: true, Display: c.title,
			Names: []corpus.Name{{Text: c.title, Kind: corpus.NameTitle}}})
	}
	set := corpus.NewSet(codes, nil)
	o := SynthOptions{Cases: 200, Codes: 2, MaxCodes: 4, Distractors: 3, Seed: 3}
	cs, und := syntheticCases(set, o)
	again, _ := syntheticCases(set, o)
	if !reflect.DeepEqual(cs, again) {
		t.Fatal("the same seed wrote different notes")
	}
	sizes := map[int]bool{}
	distracted, family := 0, 0
	for i, c := range cs {
		sizes[len(c.Gold)] = true
		chapters := map[string]bool{}
		for _, g := range c.Gold {
			ch, _ := chapterOf(corpus.ICD10CM, g.Code)
			if chapters[ch] {
				t.Errorf("case %s: two codes of %s: %v", c.ID, ch, c.Gold)
			}
			chapters[ch] = true
		}
		for _, tpl := range distractorTemplates {
			pre, post, _ := strings.Cut(tpl.text, "%s")
			for _, code := range codes {
				name := lowerFirst(code.Display)
				if !strings.Contains(c.Text, upperFirst(pre+name+post)) && !strings.Contains(c.Text, pre+name+post) {
					continue
				}
				distracted++
				if code.Code >= "R" {
					t.Errorf("case %s: distractor of chapter %s: %q", c.ID, code.Code, c.Text)
				}
				for _, g := range c.Gold {
					if g.Code == code.Code {
						t.Errorf("case %s: distractor %s is gold: %q", c.ID, code.Code, c.Text)
					}
				}
				if tpl.undecided != "" {
					family++
					if len(und[i]) == 0 {
						t.Errorf("case %s: %q leaves nothing undecided", c.ID, c.Text)
					}
				}
			}
		}
	}
	if !sizes[2] || !sizes[4] || sizes[1] || sizes[5] {
		t.Errorf("statements per note: %v, want 2 to 4", sizes)
	}
	if distracted < 50 || family == 0 {
		t.Errorf("%d distractors (%d family or past) in 200 notes", distracted, family)
	}
}
