package suggest

import (
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestTermWindow holds termWindow, a binary search, to the scan it
// replaces (every term of a sentence whose token lies in the window), and
// holds nlp to the order it relies on: a Document's terms in token order.
// It reads every sentence of the dev notes with windows around every
// token.
func TestTermWindow(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sr sentenceRanges
	checked := 0
	for _, note := range append([]string{"", "Fracture.", "no terms here at all. Left knee pain; right hip. CA of the pre-eclampsia NKDA."}, testenv.DevNotes(t)...) {
		doc := pipe.Analyze(note)
		for i := 1; i < len(doc.Terms); i++ {
			if doc.Terms[i].Tok < doc.Terms[i-1].Tok {
				t.Fatalf("%.40q: term %d at token %d after token %d", note, i, doc.Terms[i].Tok, doc.Terms[i-1].Tok)
			}
		}
		sr.index(doc)
		for sent := range doc.Sentences {
			_, terms := sr.termsOf(doc, sent)
			tl, th := int(sr.tok[sent][0]), int(sr.tok[sent][1])
			for lo := tl - siteWindow - 1; lo <= th; lo++ {
				for _, hi := range []int{lo - 1, lo, lo + siteWindow, lo + 2*siteWindow + 3} {
					a, b := termWindow(terms, lo, hi)
					for i := range terms {
						in := terms[i].Tok >= lo && terms[i].Tok <= hi
						if in != (i >= a && i < b) {
							t.Fatalf("%.40q sentence %d window %d..%d: termWindow [%d,%d), term %d at token %d", note, sent, lo, hi, a, b, i, terms[i].Tok)
						}
						checked++
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no terms checked")
	}
}
