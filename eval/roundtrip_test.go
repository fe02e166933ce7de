package eval

import (
	"strings"
	"testing"

	"medcode/corpus"
)

func TestNoteOrder(t *testing.T) {
	tests := []struct{ path, want string }{
		{"Diabetes, diabetic, type 2, with, chronic kidney disease", "type 2 diabetes with chronic kidney disease"},
		{"Anemia, deficiency, iron, secondary to blood loss", "iron deficiency anemia secondary to blood loss"},
		{"Pneumonia, lobar", "lobar pneumonia"},
		{"Hypertension", "Hypertension"},
		{"Disorder, mental NEC", "mental disorder"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NoteOrder(tc.path); got != tc.want {
			t.Errorf("NoteOrder(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	name := func(text string, kind corpus.NameKind) corpus.Name { return corpus.Name{Text: text, Kind: kind} }
	codes := []*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus"},
		{System: corpus.ICD10CM, Code: "E11.22", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease",
			Names: []corpus.Name{name("Type 2 diabetes mellitus with diabetic chronic kidney disease", corpus.NameTitle),
				name("Diabetes, diabetic, type 2, with, chronic kidney disease", corpus.NameIndex),
				name("Diabetes, with, kidney complications", corpus.NameIndex)}},
		{System: corpus.ICD10CM, Code: "E11.29", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus with other diabetic kidney complication",
			Names: []corpus.Name{name("Type 2 diabetes mellitus with other diabetic kidney complication", corpus.NameTitle),
				name("Diabetes, with, kidney complications", corpus.NameIndex)}},
	}
	set := corpus.NewSet(codes, nil)
	got := RoundTrip(set, RoundTripOptions{IndexPaths: true})
	want := []string{
		"title:E11.22|Assessment: Type 2 diabetes mellitus with diabetic chronic kidney disease.",
		"index:E11.22:1|Assessment: type 2 diabetes with chronic kidney disease.",
		"title:E11.29|Assessment: Type 2 diabetes mellitus with other diabetic kidney complication.",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d cases, want %d: %+v", len(got), len(want), got)
	}
	for i, c := range got {
		if c.ID+"|"+c.Text != want[i] || len(c.Gold) != 1 || c.Gold[0].Code != strings.Split(c.ID, ":")[1] {
			t.Errorf("case %d = %s|%s %v, want %s", i, c.ID, c.Text, c.Gold, want[i])
		}
	}
	// A sample is deterministic per seed and holds titles only.
	a := RoundTrip(set, RoundTripOptions{Sample: 1, Seed: 7})
	b := RoundTrip(set, RoundTripOptions{Sample: 1, Seed: 7})
	if len(a) != 1 || a[0].ID != b[0].ID || !strings.HasPrefix(a[0].ID, RoundTripTitle+":") {
		t.Errorf("sample: %v vs %v", a, b)
	}
	// Scores: rank-1 per part and chapter, then all chapters.
	r := &Report{Results: []CaseResult{{RR: 1}, {RR: 0.5}, {RR: 1}}}
	s := RoundTripScores(r, got)
	if len(s) != 4 || s[0].Part != "title" || s[0].Chapter != "ICD-10-CM 4" || s[0].Rank1 != 2 || s[1].Chapter != "all" || s[2].Part != "index" || s[2].Rank1 != 0 {
		t.Errorf("scores: %+v", s)
	}
}
