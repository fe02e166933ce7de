package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestCrossRefs(t *testing.T) {
	ix := readIndexFixture(t, "icd_index_xref.xml")
	got := map[string]CrossRef{}
	for _, r := range ix.CrossRefs() {
		got[r.From.Text()+" | "+r.Kind] = r
	}
	tests := []struct {
		from, kind string
		to         string // path of the term reached, "" when none
		category   string
		unresolved string
	}{
		{from: "Boxer's finger", kind: "see", to: "Fracture, traumatic, hand, metacarpal"},
		{from: "Calculus, kidney", kind: "see category", category: "N20"},
		{from: "Fibroid", kind: "see", to: "Leiomyoma"},
		{from: "Loss, hearing", kind: "see also", to: "Deafness"},
		{from: "Loss, weight", kind: "see", unresolved: UnresolvedCondition},
		{from: "Occlusion, occluded, artery", kind: "see", to: "Occlusion, occluded"}, // its own main term: named, subterms not copied
		{from: "Stenosis, stenotic, carotid", kind: "see", to: "Occlusion, occluded, artery, carotid"},
		{from: "Stenosis, stenotic, colon", kind: "see", unresolved: UnresolvedTable},
		{from: "Stenosis, stenotic, ureter", kind: "see", unresolved: UnresolvedNoTerm},
		{from: "Stenosis, stenotic, vagina", kind: "see also", unresolved: UnresolvedRange},
		{from: "Tendency", kind: "see", unresolved: UnresolvedLoop},
		{from: "Tinnitus, pulsatile", kind: "see also", category: "H93.3"},
	}
	if len(got) != len(tests) {
		t.Errorf("%d references, want %d: %v", len(got), len(tests), got)
	}
	for _, tc := range tests {
		r, ok := got[tc.from+" | "+tc.kind]
		if !ok {
			t.Errorf("%s (%s): no reference", tc.from, tc.kind)
			continue
		}
		to := ""
		if r.To != nil {
			to = r.To.Text()
		}
		if to != tc.to || r.Category != tc.category || r.Unresolved != tc.unresolved {
			t.Errorf("%s (%s) -> %q: to %q category %q unresolved %q, want %q %q %q",
				tc.from, tc.kind, r.Target, to, r.Category, r.Unresolved, tc.to, tc.category, tc.unresolved)
		}
	}
}

func TestAddCrossRefs(t *testing.T) {
	var codes []*Code
	for _, c := range []string{"D21.9", "D25.1", "D25.9", "H91.2", "H91.9", "H91.90", "H93.19", "H93.3", "I65.2", "I65.22", "I65.23", "I65.8", "I99.8", "N20", "S62", "S62.20", "S62.30"} {
		codes = append(codes, &Code{System: ICD10CM, Code: c})
	}
	b := newICDBuilder(codes)
	b.addCrossRefs(readIndexFixture(t, "icd_index_xref.xml"))
	got := map[string][]string{}
	for _, c := range codes {
		for _, n := range c.Names {
			if n.Kind != NameCrossRef {
				t.Errorf("%s: name %q of kind %v", c.Code, n.Text, n.Kind)
			}
			got[c.Code] = append(got[c.Code], n.Text)
		}
	}
	want := map[string][]string{
		// The referring path names the target; its subterms keep their own words.
		"I65.2":  {"Stenosis, stenotic, carotid -> see Occlusion, artery (common), carotid"},
		"I65.23": {"Stenosis, stenotic, carotid, bilateral -> see Occlusion, artery (common), carotid, bilateral"},
		"I65.22": {"Stenosis, stenotic, carotid, left -> see Occlusion, artery (common), carotid, left"},
		"D21.9":  {"Fibroid -> see Leiomyoma"},
		"D25.9":  {"Fibroid, uterus -> see Leiomyoma, uterus"},
		"D25.1":  {"Fibroid, uterus, intramural -> see Leiomyoma, uterus, intramural"},
		// A target without a code: the category its subterms share.
		"S62":    {"Boxer's finger -> see Fracture, hand, metacarpal -"},
		"S62.30": {"Boxer's finger, fifth -> see Fracture, hand, metacarpal -, fifth"},
		"S62.20": {"Boxer's finger, first -> see Fracture, hand, metacarpal -, first"},
		"N20":    {"Calculus, kidney -> see category N20"},
		// A target above the referring term names its code only.
		"I99.8": {"Occlusion, occluded, artery -> see Occlusion"},
		"H93.3": {"Tinnitus, pulsatile -> see subcategory H93.3-"},
		// "see also" from a term with its own code (Loss, hearing) names
		// the target's subterms only, not the target's own code H91.90.
		"H91.2": {"Loss, hearing, sudden -> see Deafness, sudden"},
	}
	for code, w := range want {
		if !slices.Equal(got[code], w) {
			t.Errorf("%s: names %q, want %q", code, got[code], w)
		}
	}
	for code, g := range got {
		if _, ok := want[code]; !ok {
			t.Errorf("%s: unexpected names %q", code, g)
		}
	}
}

func TestCutCrossRef(t *testing.T) {
	tests := []struct{ text, from, to string }{
		{CrossRefName("Stenosis, carotid", "Occlusion, artery, carotid"), "Stenosis, carotid", "Occlusion, artery, carotid"},
		{"Stenosis, carotid", "Stenosis, carotid", ""},
	}
	for _, tc := range tests {
		from, to, ok := CutCrossRef(tc.text)
		if from != tc.from || to != tc.to || ok != strings.Contains(tc.text, " -> see ") {
			t.Errorf("CutCrossRef(%q) = %q, %q, %v", tc.text, from, to, ok)
		}
	}
}
