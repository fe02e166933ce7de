package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestReachedThroughKeepsNames: conflictNames keeps an ASCII Index path's
// prefixes as the code set's own bytes and compares them lower-cased, a
// non-ASCII one lower-cased; reachedThrough finds a code reached through
// subterms of another's path whatever the case, through an ancestor's
// path too, and nothing else.
func TestReachedThroughKeepsNames(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "I10", Display: "Essential (primary) hypertension", Names: []corpus.Name{
			{Text: "Hypertension", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "I12", Display: "Hypertensive chronic kidney disease", Children: []string{"I12.9"}, Names: []corpus.Name{
			{Text: "HYPERTENSION, kidney", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "I12.9", Parent: "I12", Billable: true, Display: "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease"},
		{System: corpus.ICD10CM, Code: "M35.3", Display: "Polymyalgia rheumatica", Names: []corpus.Name{
			{Text: "Sjögren", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "M35.0", Display: "Sicca syndrome", Names: []corpus.Name{
			{Text: "SJÖGREN, syndrome", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "R52", Display: "Pain, unspecified", Names: []corpus.Name{
			{Text: "Pain", Kind: corpus.NameIndex}}},
	}, nil)
	e, id := conflictEngine(t, set)
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"I10", "I12", true},   // "hypertension" continued by "HYPERTENSION, kidney"
		{"I10", "I12.9", true}, // through its parent's path
		{"I12", "I10", false},
		{"M35.3", "M35.0", true}, // a non-ASCII path, lower-cased
		{"R52", "I12", false},
		{"I10", "R52", false},
	} {
		if got := reachedThrough(e.conflictNames(id(tt.a)), e.conflictNames(id(tt.b))); got != tt.want {
			t.Errorf("reachedThrough(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s, lower string
		want     bool
	}{
		{"Hypertension", "hypertension", true},
		{"HYPERTENSION", "hypertension", true},
		{"hypertension", "hypertension", true},
		{"Hypertension", "hypertensio", false},
		{"Hypertension", "Hypertension", false}, // lower is lower-case
		{"sjögren", "sjögren", true},
	} {
		if got := lowerIs(tt.s, tt.lower); got != tt.want {
			t.Errorf("lowerIs(%q, %q) = %v, want %v", tt.s, tt.lower, got, tt.want)
		}
	}
}
