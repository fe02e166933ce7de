package suggest

import (
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestSidedAtIsSidedSentences holds sidedAt, which reads a sentence's
// terms on first use, to sidedSentences, which reads every term, over the
// dev notes and a few of its own: with the note's ranges, and without
// them (termsOf then finds the sentence's terms by search).
func TestSidedAtIsSidedSentences(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sr, none sentenceRanges
	var sc refineScratch
	sided := 0
	for _, note := range append([]string{"", "Fracture.", "Left knee pain; no side here. Rt hip pain. right", "Pain. Pain. Left."}, testenv.DevNotes(t)...) {
		doc := pipe.Analyze(note)
		sr.index(doc)
		want := sidedSentences(doc, nil)
		for _, r := range []*sentenceRanges{&sr, &none} {
			sc.sided = sidedUnread(doc, sc.sided)
			for pass := range 2 { // the first reads, the second the memo
				for s := -1; s <= len(doc.Sentences); s++ {
					w := s >= 0 && s < len(want) && want[s]
					if got := sc.sidedAt(doc, r, s); got != w {
						t.Fatalf("%.40q sentence %d (ranges %v, pass %d): sidedAt %v, sidedSentences %v", note, s, r == &sr, pass, got, w)
					}
					if w && pass == 0 && r == &sr {
						sided++
					}
				}
			}
		}
	}
	if sided == 0 {
		t.Fatal("no sided sentence checked")
	}
}
