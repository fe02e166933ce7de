package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestSiteWordsHeld holds siteWords' shared word sets (a candidate of the
// sentence and window read last reads them as they are) to the sets a
// fresh scratch reads, for windows around every third token of every
// sentence of the dev notes, each asked twice in a row and after others.
func TestSiteWordsHeld(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	if e.sites == nil {
		t.Skip("no sites table")
	}
	checked := 0
	for _, note := range testenv.DevNotes(t) {
		doc := e.pipe.Analyze(note)
		var sr sentenceRanges
		sr.index(doc)
		var held siteScratch
		held.begin(len(doc.Terms))
		if e.sites.ids.ix == e.ix && len(doc.Terms) > 0 {
			sr.termID(doc, e.ix, 0)
			held.known = sr.ids
		}
		for sent := range doc.Sentences {
			lo, hi := sr.tok[sent][0], sr.tok[sent][1]
			for p := lo; p < hi; p += 3 {
				pos := []int32{p, min(p+2, hi-1)}
				for range 2 {
					held.toks = append(held.toks, 1) // as fit leaves them
					got := e.siteWords(&held, &sr, doc, sent, pos)
					var fresh siteScratch
					fresh.begin(len(doc.Terms))
					fresh.known = held.known
					want := e.siteWords(&fresh, &sr, doc, sent, pos)
					if !slices.Equal(held.saidList, fresh.saidList) || !slices.Equal(held.mappedList, fresh.mappedList) ||
						!slices.Equal(held.phr, fresh.phr) || got.lo != want.lo || got.hi != want.hi || len(got.terms) != len(want.terms) {
						t.Fatalf("%.40q sentence %d at %v: held said %v mapped %v phrases %v, fresh %v %v %v",
							note, sent, pos, held.saidList, held.mappedList, held.phr, fresh.saidList, fresh.mappedList, fresh.phr)
					}
					for _, it := range fresh.saidList {
						if at, ok := got.saidAt(it.id); !ok || at != int(it.tok) {
							t.Fatalf("%.40q sentence %d at %v: stem %d said at %d %v, fresh %d", note, sent, pos, it.id, at, ok, it.tok)
						}
					}
					for _, it := range fresh.mappedList {
						if at, ok := got.mappedAt(it.id); !ok || at != int(it.tok) {
							t.Fatalf("%.40q sentence %d at %v: stem %d mapped at %d %v, fresh %d", note, sent, pos, it.id, at, ok, it.tok)
						}
					}
					if len(held.toks) != 0 {
						t.Fatalf("held scratch keeps fit's tokens %v", held.toks)
					}
					checked += len(fresh.saidList) + len(fresh.mappedList)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no words checked")
	}
}
