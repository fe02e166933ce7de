package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestContradictionAgrees holds contradiction reading the sentence ranges
// as the terms' runs (nearby's window cut to the context's sentence
// range) to contradiction reading them by sentence number (termRun false:
// nearby compares each term's sentence, the form before the cut) on random
// notes of the fixture's title words, for every fixture code against
// random lists of sentences (repeated, out of order, past the last).
func TestContradictionAgrees(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	pipe := ix.Analyzer()
	codes := []string{"E10.9", "E11.9", "N18.2", "N18.31", "N18.4", "N18.9", "H16.331", "H16.332", "H16.339", "F32.1", "F32.9", "F33.1", "F33.9", "N17.9", "N19"}
	var ids []corpus.ID
	for _, code := range codes {
		id, ok := set.ID(corpus.ICD10CM, code)
		if !ok {
			t.Fatalf("%s not in the fixture", code)
		}
		ids = append(ids, id)
	}
	words := []string{"type", "1", "2", "diabetes", "mellitus", "without", "with", "complications", "chronic", "kidney",
		"disease", "stage", "3a", "4", "mild", "severe", "unspecified", "sclerosing", "keratitis", "right", "left",
		"eye", "major", "depressive", "disorder", "single", "episode", "moderate", "recurrent", "acute", "failure",
		"on", "and", "no", "denies", "CKD", "the", "of", "other", "due"}
	rng := rand.New(rand.NewPCG(40, 1))
	found, checked, runs := 0, 0, 0
	for range 3000 {
		doc := pipe.Analyze(randomNote(rng, words, 10))
		var sr, plain sentenceRanges // each shared by the codes of the note
		sr.index(doc)
		plain.index(doc)
		if !sr.termRun {
			continue // both would read by number
		}
		runs++
		plain.termRun = false // the same ranges, neighbours by sentence number
		ns := len(doc.Sentences)
		for _, id := range ids {
			sents := make([]int, 1+rng.IntN(3))
			for k := range sents {
				sents[k] = rng.IntN(ns + 1) // one past the last now and then
			}
			want, wok := st.contradiction(ix, doc, &plain, sents, nil, id)
			got, ok := st.contradiction(ix, doc, &sr, sents, nil, id)
			if got != want || ok != wok {
				t.Fatalf("%q sentences %v code %d: got %+v %v, want %+v %v", doc.Text, sents, id, got, ok, want, wok)
			}
			checked++
			if ok {
				found++
			}
		}
	}
	t.Logf("%d notes read as runs; %d of %d contradict", runs, found, checked)
	if runs < 1000 || found < 100 || checked-found < 100 {
		t.Fatalf("%d notes read as runs, %d of %d verdicts contradict: the test reads too few of one kind", runs, found, checked)
	}
}

// TestContradictionAgreesDevNotes holds contradiction reading the ranges as
// runs to contradiction reading them by sentence number on the first dev
// notes, for every code with slots
// whose title holds a word of the note, against all the note's sentences
// and a random few.
func TestContradictionAgreesDevNotes(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	st := e.slots
	rng := rand.New(rand.NewPCG(40, 2))
	found, checked := 0, 0
	for _, note := range firstDevNotes(t, 15) {
		doc := e.pipe.Analyze(note)
		var sr, plain sentenceRanges
		sr.index(doc)
		plain.index(doc)
		if !sr.termRun || !sr.positionsReady(doc, e.ix) {
			continue
		}
		plain.termRun = false
		all := make([]int, len(doc.Sentences))
		for s := range all {
			all[s] = s
		}
		for id := range st.dense {
			code := corpus.ID(id)
			if !st.hasRecord(code) || !titleSaid(st, &sr, code) {
				continue
			}
			few := []int{rng.IntN(len(all)), rng.IntN(len(all))}
			for _, sents := range [][]int{all, few} {
				want, wok := st.contradiction(e.ix, doc, &plain, sents, nil, code)
				got, ok := st.contradiction(e.ix, doc, &sr, sents, nil, code)
				if got != want || ok != wok {
					t.Fatalf("dev note %.60q sentences %v code %s: got %+v %v, want %+v %v", note, sents, e.set.CodeString(code), got, ok, want, wok)
				}
				checked++
				if ok {
					found++
				}
			}
		}
	}
	t.Logf("%d of %d contradict", found, checked)
	if found < 100 || checked-found < 100 {
		t.Fatalf("%d of %d verdicts contradict: the test reads too few of one kind", found, checked)
	}
}

// titleSaid reports whether the note of sr (positions ready) holds a word
// of code's title.
func titleSaid(st *slotTable, sr *sentenceRanges, code corpus.ID) bool {
	terms, _ := record(st, st.dense[code].rec-1)
	for _, x := range terms {
		if sr.pos.first(x) >= 0 {
			return true
		}
	}
	return false
}

// randomNote is a note of 1 to 4 sentences of 1 to maxWords of words
// each, drawn by rng, the words parted by spaces or a comma.
func randomNote(rng *rand.Rand, words []string, maxWords int) string {
	var b strings.Builder
	for s := range 1 + rng.IntN(4) {
		if s > 0 {
			b.WriteString(". ")
		}
		for k := range 1 + rng.IntN(maxWords) {
			if k > 0 {
				b.WriteString([]string{" ", " ", " ", ", "}[rng.IntN(4)])
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
	}
	return b.String() + "."
}
