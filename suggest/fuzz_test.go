package suggest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/suggest"
)

// fuzzEngine is the untrained engine over a small hand-written code set:
// it builds in milliseconds, so each fuzz worker starts at once and runs
// thousands of notes a second, through the same pipeline, rules and
// ranking as the full code sets.
func fuzzEngine(tb testing.TB) *suggest.Engine {
	tb.Helper()
	icd := func(code, display, parent string, billable bool, names ...string) *corpus.Code {
		c := &corpus.Code{System: corpus.ICD10CM, Code: code, Display: display, Parent: parent, Billable: billable}
		for _, n := range names {
			c.Names = append(c.Names, corpus.Name{Text: n, Kind: corpus.NameIndex})
		}
		return c
	}
	codes := []*corpus.Code{
		icd("E11", "Type 2 diabetes mellitus", "", false),
		icd("E11.9", "Type 2 diabetes mellitus without complications", "E11", true, "Diabetes, type 2", "DM2"),
		icd("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease", "E11", true),
		icd("I10", "Essential (primary) hypertension", "", true, "Hypertension", "HTN"),
		icd("N18.31", "Chronic kidney disease, stage 3a", "", true, "CKD stage 3a"),
		icd("R07.9", "Chest pain, unspecified", "", true, "Chest pain"),
		icd("I26.99", "Other pulmonary embolism without acute cor pulmonale", "", true, "Pulmonary embolism"),
		icd("J18.9", "Pneumonia, unspecified organism", "", true, "Pneumonia"),
		icd("R50.9", "Fever, unspecified", "", true, "Fever"),
		icd("Z80.3", "Family history of malignant neoplasm of breast", "", true, "Family history of breast cancer"),
		icd("S52.501", "Unspecified fracture of the lower end of right radius", "", false, "Fracture of distal radius"),
		{System: corpus.CPT, Code: "99213", Display: "Office visit, established patient, low complexity", Billable: true},
		{System: corpus.HCPCS, Code: "J1100", Display: "Injection, dexamethasone sodium phosphate, 1 mg", Billable: true},
	}
	codes[0].Children = []string{"E11.9", "E11.22"}
	codes[10].SevenChr = []corpus.Extension{{Char: "A", Text: "initial encounter for closed fracture"}, {Char: "D", Text: "subsequent encounter"}}
	set := corpus.NewSet(codes, []corpus.Release{{System: corpus.ICD10CM, Name: "fixture"}})
	ix, err := index.Build(set, index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	eng, err := suggest.New(set, ix, suggest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return eng
}

// FuzzSuggest: any text either fails with a sentinel error or yields
// suggestions whose evidence is the note's own bytes; never a panic.
func FuzzSuggest(f *testing.F) {
	paths, _ := filepath.Glob("testdata/notes/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("h/o HTN, DM2, CKD3a, s/p CABG; denies CP. r/o PE vs pneumonia.")
	f.Add("Fx R distal radius, subsequent encounter. Mother w/ breast CA.")
	f.Add("ALLERGIES: PCN (hives), sulfa.\nMEDS: ibuprofen p.r.n.,\nDESCRIPTION OF PROCEDURE: adhesions lysed.\nA/P: OM; cefdinir given PCN allergy. FHx of colon CA.")
	f.Add("")
	eng := fuzzEngine(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, setting := range []suggest.Setting{suggest.Outpatient, suggest.Inpatient} {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, Setting: setting})
			if err != nil {
				if suggest.CheckNote(text) == nil {
					t.Fatalf("valid note failed: %v", err)
				}
				return
			}
			for _, s := range res.Suggestions {
				for _, e := range s.Evidence {
					if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
						t.Fatalf("%s: evidence [%d,%d) is not the note's text", s.Code, e.Start, e.End)
					}
				}
			}
		}
	})
}
