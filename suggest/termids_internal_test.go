package suggest

import (
	"testing"
)

// TestTermIDsShared holds sentenceRanges.termID, which reads the ids
// collect looked up (noteTermIDs), to the index's own lookup of every term
// of a note.
func TestTermIDsShared(t *testing.T) {
	e := realEngine(t)
	w := e.getWork()
	defer e.putWork(w)
	notes := []string{
		"Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3. Unspecified essential hypertension, zqxwv.",
		"Chest pain, unspecified. Denies shortness of breath. CKD and CHF noted; zqxw is not a word.",
	}
	for _, text := range notes {
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		e.noteTermIDs(w, doc)
		w.sr.index(doc)
		found := 0
		for j, term := range doc.Terms {
			got, ok := w.sr.termID(doc, e.ix, j)
			want, wok := e.ix.TermID(term.Stem)
			if term.Norm == "unspecified" {
				want, wok = uint32(unspecTerm), true
			}
			if ok != wok || ok && got != want {
				t.Fatalf("%q term %q: termID %d %v, index %d %v", text, term.Stem, got, ok, want, wok)
			}
			if ok {
				found++
			}
		}
		if found == 0 || found == len(doc.Terms) {
			t.Fatalf("%q: %d of %d terms known: the test cannot fail", text, found, len(doc.Terms))
		}
	}
}
