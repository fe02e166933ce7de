package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestSaysAt holds saysAt to its bits: everyContext says every position,
// however far past 63.
func TestSaysAt(t *testing.T) {
	for _, c := range []struct {
		said uint64
		b    int
		want bool
	}{{0, 0, false}, {1, 0, true}, {1, 1, false}, {1 << 5, 5, true}, {1 << 5, 4, false}, {1 << 63, 63, true}, {1 << 62, 63, false},
		{everyContext, 0, true}, {everyContext, 63, true}, {everyContext, 64, true}, {everyContext, 130, true}, {1 << 62, 64, false}} {
		if got := saysAt(c.said, c.b); got != c.want {
			t.Errorf("saysAt(%#x, %d) = %v, want %v", c.said, c.b, got, c.want)
		}
	}
}

// TestContradictionSaidMask holds contradiction, which reads beside a slot
// only the neighbours saidContexts finds said, to contradictionIn looking
// up every neighbour (everyContext, the form before the mask) on random
// notes of the fixture's title words, for every fixture code with slots.
// It fails when the mask drops a said neighbour (a contradiction lost) or
// when no verdict is answered by the mask alone.
func TestContradictionSaidMask(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	pipe := ix.Analyzer()
	words := []string{"type", "1", "2", "diabetes", "mellitus", "without", "with", "complications", "chronic", "kidney",
		"disease", "stage", "3a", "4", "mild", "severe", "unspecified", "sclerosing", "keratitis", "right", "left",
		"eye", "major", "depressive", "disorder", "single", "episode", "moderate", "recurrent", "acute", "failure",
		"on", "and", "no", "denies", "CKD", "the", "of", "other", "due"}
	var ids []corpus.ID
	for id := range st.dense {
		if st.hasRecord(corpus.ID(id)) {
			ids = append(ids, corpus.ID(id))
		}
	}
	rng := rand.New(rand.NewPCG(42, 1))
	var n contradictionSaidCounts
	for range 2000 {
		doc := pipe.Analyze(randomNote(rng, words, 8))
		var sr sentenceRanges
		sr.index(doc)
		all := make([]int, len(doc.Sentences))
		for s := range all {
			all[s] = s
		}
		for _, id := range ids {
			n.check(t, st, ix, doc, &sr, all, id)
		}
	}
	n.enough(t)
}

// TestContradictionSaidMaskDevNotes is TestContradictionSaidMask on the
// first dev notes, for every code with slots, against all the note's
// sentences.
func TestContradictionSaidMaskDevNotes(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	st := e.slots
	var n contradictionSaidCounts
	for _, note := range firstDevNotes(t, 10) {
		doc := e.pipe.Analyze(note)
		var sr sentenceRanges
		sr.index(doc)
		all := make([]int, len(doc.Sentences))
		for s := range all {
			all[s] = s
		}
		for id := range st.dense {
			if st.hasRecord(corpus.ID(id)) {
				n.check(t, st, e.ix, doc, &sr, all, corpus.ID(id))
			}
		}
	}
	n.enough(t)
}

// contradictionSaidCounts counts the verdicts of the said mask's tests by
// kind: answered by the mask alone, contradicted, and read but kept.
type contradictionSaidCounts struct{ unsaid, found, kept int }

// check holds contradiction to contradictionIn with everyContext for one
// code of one note and counts the verdict.
func (n *contradictionSaidCounts) check(t *testing.T, st *slotTable, ix *index.Index, doc *nlp.Document, sr *sentenceRanges, sents []int, id corpus.ID) {
	t.Helper()
	got, ok := st.contradiction(ix, doc, sr, sents, nil, id)
	r, said := st.saidContexts(ix, doc, sr, id)
	if !sr.positionsReady(doc, ix) {
		return // no terms: nothing to compare with
	}
	want, wok := st.contradictionIn(ix, doc, sr, sents, st.rec[st.dense[id].rec-1:], everyContext, id)
	if got != want || ok != wok {
		t.Fatalf("%.80q code %d (said %b): got %+v %v, want %+v %v", doc.Text, id, said, got, ok, want, wok)
	}
	switch {
	case said == 0:
		if r != nil && int(r[0]) > 62 {
			t.Fatalf("code %d: a title of %d terms answered by the mask", id, r[0])
		}
		n.unsaid++
	case ok:
		n.found++
	default:
		n.kept++
	}
}

// enough fails the test when it read too few verdicts of a kind.
func (n *contradictionSaidCounts) enough(t *testing.T) {
	t.Helper()
	t.Logf("%d answered by the mask, %d contradicted, %d kept after the scan", n.unsaid, n.found, n.kept)
	if n.unsaid < 100 || n.found < 100 || n.kept < 100 {
		t.Fatalf("too few verdicts of a kind: %d by the mask, %d contradicted, %d kept", n.unsaid, n.found, n.kept)
	}
}
