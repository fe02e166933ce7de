package suggest

import (
	"slices"
	"testing"
)

// TestSeedIDs: the note's term ids seeded from collect's lookups are the
// ones termID reads itself ("unspecified" is unspecTerm, a stem the index
// lacks -1), and ids of another length are ignored.
func TestSeedIDs(t *testing.T) {
	_, ix := slotFixture(t)
	e := &Engine{ix: ix}
	pipe := ix.Analyzer()
	for _, note := range []string{
		"Type 2 diabetes mellitus without complications; CKD stage 3a.",
		"Sclerosing keratitis, unspecified eye. Zzqxitis of the left knee.",
		"",
	} {
		doc := pipe.Analyze(note)
		var want sentenceRanges
		want.index(doc)
		if len(doc.Terms) > 0 {
			want.termID(doc, ix, 0)
		}
		w := &work{}
		e.noteTermIDs(w, doc, doc.LabelTokens(nil))
		var got sentenceRanges
		got.index(doc)
		got.seedIDs(doc, w.tid)
		if !slices.Equal(got.ids, want.ids) {
			t.Errorf("%q: seeded %v, looked up %v", note, got.ids, want.ids)
		}
		got.index(doc)
		got.seedIDs(doc, append(w.tid, 0))
		if len(got.ids) != 0 {
			t.Errorf("%q: ids of another length seeded %v", note, got.ids)
		}
	}
}
