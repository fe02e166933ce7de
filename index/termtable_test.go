package index

import (
	"testing"

	"medcode/internal/testenv"
)

// TestTermTableFindsWhatAMapFinds looks up every term of the snapshot,
// every stem and word of CodiEsp dev, and each with a letter added or
// removed, in the term table (one by one and by AppendTermIDs) and in a
// map of the terms: the answers agree
// (short stems are told apart by the table's inline bytes alone, long
// ones by the arena).
func TestTermTableFindsWhatAMapFinds(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, _ := sentenceQueries(t)
	if !ix.termsOK {
		t.Fatalf("no term table")
	}
	want := make(map[string]uint32, ix.Terms())
	var stems []string
	for i := range ix.Terms() {
		s := ix.Term(uint32(i))
		want[s] = uint32(i)
		stems = append(stems, s, s+"s", s[:len(s)-1], s+"\x00")
	}
	for _, text := range testenv.DevNotes(t)[:50] {
		for _, tm := range ix.Analyzer().Analyze(text).Terms {
			stems = append(stems, tm.Stem, tm.Norm)
		}
	}
	ids := ix.AppendTermIDs(nil, stems)
	long := 0
	for i, s := range stems {
		if w, ok := want[s]; ok && ids[i] != int32(w) || !ok && ids[i] != -1 {
			t.Fatalf("%q: AppendTermIDs %d, map %d %v", s, ids[i], w, ok)
		}
		w, wok := want[s]
		g, gok := ix.TermID(s)
		if w != g || wok != gok {
			t.Fatalf("%q: table %d %v, map %d %v", s, g, gok, w, wok)
		}
		if wok && len(s) > termInline {
			long++
		}
	}
	if long == 0 {
		t.Fatalf("no term longer than %d bytes: the arena comparison is not tested", termInline)
	}
}
