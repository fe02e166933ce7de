package suggest

import (
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestTermsOfIsSentenceSpan: a sentence's terms read from the ranges are
// sentenceSpan's, the first term's index included when there are any, for
// every sentence of the dev notes and the sentences beyond them.
func TestTermsOfIsSentenceSpan(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sr sentenceRanges
	checked := 0
	for _, note := range append([]string{"", "Fracture.", "no terms here at all. Left knee pain; right hip."}, testenv.DevNotes(t)...) {
		doc := pipe.Analyze(note)
		sr.index(doc)
		for sent := -1; sent <= len(doc.Sentences); sent++ {
			gf, gt := sr.termsOf(doc, sent)
			wf, wt := sentenceSpan(doc, sent)
			if len(gt) != len(wt) || len(wt) > 0 && (gf != wf || &gt[0] != &wt[0]) {
				t.Fatalf("%.40q sentence %d: terms %d at %d, sentenceSpan %d at %d", note, sent, len(gt), gf, len(wt), wf)
			}
			checked += len(wt)
		}
	}
	if checked == 0 {
		t.Fatal("no terms checked")
	}
}
