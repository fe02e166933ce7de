package index

import (
	"slices"
	"testing"

	"medcode/corpus"
)

// A cross-reference name is found by its referring words alone, keeps its
// target as provenance in its text, and loses its main term's variants
// like an index path.
func TestCrossRefNames(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "I65.23", Display: "Occlusion of bilateral carotid arteries", Billable: true,
			Names: []corpus.Name{
				{Text: "Occlusion of bilateral carotid arteries", Kind: corpus.NameTitle},
				{Text: corpus.CrossRefName("Stenosis, stenotic, carotid, bilateral", "Occlusion, artery, carotid, bilateral"), Kind: corpus.NameCrossRef},
			}},
		{System: corpus.ICD10CM, Code: "D25.9", Display: "Leiomyoma of uterus, unspecified", Billable: true,
			Names: []corpus.Name{
				{Text: "Leiomyoma of uterus, unspecified", Kind: corpus.NameTitle},
				{Text: corpus.CrossRefName("Fibroid, uterus", "Leiomyoma, uterus"), Kind: corpus.NameCrossRef},
			}},
	}, nil)
	ix, err := Build(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, code, name string
		cov              float64 // minimum coverage of the top hit
	}{
		{"uterine fibroid", "D25.9", "Fibroid, uterus -> see Leiomyoma, uterus", 0.99},
		{"bilateral carotid stenosis", "I65.23", "Stenosis, carotid, bilateral -> see Occlusion, artery, carotid, bilateral", 0.99},
		{"stenotic carotids, bilateral", "I65.23", "Stenosis, stenotic, carotid, bilateral -> see Occlusion, artery, carotid, bilateral", 0.7},
	}
	for _, tc := range tests {
		hits := ix.Search(query(t, ix, tc.text), SearchOptions{})
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tc.text)
			continue
		}
		h := hits[0]
		if got := ix.Code(h.Code).Code; got != tc.code || ix.NameText(h.Name) != tc.name || h.Coverage < tc.cov {
			t.Errorf("%q: top %s %q (coverage %.2f), want %s %q", tc.text, got, ix.NameText(h.Name), h.Coverage, tc.code, tc.name)
		}
	}
	// The target's words do not find the referring name.
	for _, h := range ix.Search(query(t, ix, "leiomyoma"), SearchOptions{}) {
		if ix.NameKind(h.Name) == corpus.NameCrossRef {
			t.Errorf("leiomyoma: found the cross-reference %q", ix.NameText(h.Name))
		}
	}
}

func TestCrossRefWithoutVariants(t *testing.T) {
	tests := map[string]string{
		corpus.CrossRefName("Stenosis, stenotic, carotid", "Occlusion, artery, carotid"): corpus.CrossRefName("Stenosis, carotid", "Occlusion, artery, carotid"),
		corpus.CrossRefName("Fibroid, uterus", "Leiomyoma, uterus"):                      "",
		"Atrophy, atrophic, thymus": "",
	}
	for in, want := range tests {
		if got := crossRefWithoutVariants(in); got != want {
			t.Errorf("crossRefWithoutVariants(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropRedundantCrossRefs(t *testing.T) {
	var raw []rawName
	for range commonWordNames {
		raw = append(raw, rawName{kind: corpus.NameTitle, stems: []string{"age", "gestat"}})
	}
	raw = append(raw,
		rawName{kind: corpus.NameCrossRef, text: "Age -> see Senility", stems: []string{"age"}},
		rawName{kind: corpus.NameCrossRef, text: "Age, advanced -> see Senility", stems: []string{"age", "advanc"}},
		rawName{kind: corpus.NameCrossRef, text: "Fibroid -> see Leiomyoma", stems: []string{"fibroid"}},
		rawName{kind: corpus.NameIndex, text: "Age", stems: []string{"age"}},
		rawName{kind: corpus.NameCrossRef, text: "Adherent -> see Adhesions", stems: []string{"adher"}},
		rawName{code: 1, kind: corpus.NameTitle, text: "Type 2 diabetes mellitus", stems: []string{"type", "2", "diabet", "mellitus"}},
		rawName{code: 1, kind: corpus.NameCrossRef, text: "Mellitus, diabetes -> see Diabetes", stems: []string{"mellitus", "diabet"}},
		rawName{code: 1, kind: corpus.NameCrossRef, text: "Diabetes, brittle -> see Diabetes, type 1", stems: []string{"diabet", "brittl"}},
		rawName{code: 2, kind: corpus.NameCrossRef, text: "Mellitus, diabetes -> see X", stems: []string{"mellitus", "diabet"}},
	)
	var kept []string
	for _, r := range dropRedundantCrossRefs(raw) {
		if r.text != "" {
			kept = append(kept, r.text)
		}
	}
	want := []string{"Age, advanced -> see Senility", "Fibroid -> see Leiomyoma", "Age", "Type 2 diabetes mellitus",
		"Diabetes, brittle -> see Diabetes, type 1", "Mellitus, diabetes -> see X"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
}
