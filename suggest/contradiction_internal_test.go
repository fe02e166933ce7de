package suggest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestContradictionAgrees holds contradiction (nearby's window cut to the
// context's sentence range) to contradictionPlain (nearbyPlain comparing
// each term's sentence) on random notes of the fixture's title words, for
// every fixture code against random lists of sentences (repeated, out of
// order, past the last), with the ranges read as runs and, the same note
// again, through the sentence numbers (termRun false).
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
	found, checked := 0, 0
	for range 3000 {
		var b strings.Builder
		for s := range 1 + rng.IntN(4) {
			if s > 0 {
				b.WriteString(". ")
			}
			for k := range 1 + rng.IntN(10) {
				if k > 0 {
					b.WriteString([]string{" ", " ", " ", ", "}[rng.IntN(4)])
				}
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		doc := pipe.Analyze(b.String() + ".")
		var sr, plain sentenceRanges // each shared by the codes of the note
		sr.index(doc)
		plain.index(doc)
		ns := len(doc.Sentences)
		for _, byNumber := range []bool{false, true} {
			if byNumber {
				sr.termRun = false // the same ranges, neighbours by sentence number
			}
			for _, id := range ids {
				sents := make([]int, 1+rng.IntN(3))
				for k := range sents {
					sents[k] = rng.IntN(ns + 1) // one past the last now and then
				}
				want, wok := st.contradictionPlain(ix, doc, &plain, sents, nil, id)
				got, ok := st.contradiction(ix, doc, &sr, sents, nil, id)
				if got != want || ok != wok {
					t.Fatalf("%q sentences %v code %d (by number %v): got %+v %v, want %+v %v", doc.Text, sents, id, byNumber, got, ok, want, wok)
				}
				checked++
				if ok {
					found++
				}
			}
		}
	}
	t.Logf("%d of %d contradict", found, checked)
	if found < 200 || checked-found < 200 {
		t.Fatalf("%d of %d verdicts contradict: the test reads too few of one kind", found, checked)
	}
}

// TestContradictionAgreesDevNotes holds contradiction to
// contradictionPlain on the first dev notes, for every code with slots
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
		if !sr.positionsReady(doc, e.ix) {
			continue
		}
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
				want, wok := st.contradictionPlain(e.ix, doc, &plain, sents, nil, code)
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
	r := st.rec[st.dense[code].rec-1:]
	for _, x := range r[2 : 2+r[0]] {
		if sr.pos.first(x) >= 0 {
			return true
		}
	}
	return false
}

// contradictionPlain is contradiction as it was before nearby read the
// context's sentence by range: it calls nearbyPlain. TestContradictionAgrees
// and TestContradictionAgreesDevNotes hold contradiction to it.
func (st *slotTable) contradictionPlain(ix *index.Index, doc *nlp.Document, sr *sentenceRanges, sents []int, c *candidate, code corpus.ID) (conflict, bool) {
	if !st.hasRecord(code) {
		return conflict{}, false // no slot, no contradiction
	}
	r := st.rec[st.dense[code].rec-1:]
	nt, ns := int(r[0]), int(r[1])
	t := r[2 : 2+nt]
	slots := r[2+nt : 2+nt+3*ns]
	terms := doc.Terms
	// step moves from note term j to the next (dir 1) or previous (-1)
	// term in its sentence (an abbreviation's expansion words follow it in
	// order: "CKD" -> chronic, kidney, disease); -1 when there is none.
	step := func(j, dir int) int {
		k := j + dir
		if k < 0 || k >= len(terms) || terms[k].Sent != terms[j].Sent {
			return -1
		}
		return k
	}
	inTitle := func(v uint32) bool {
		for _, x := range t {
			if x == v {
				return true
			}
		}
		return false
	}
	// Every term of the note is judged, in one pass for the note's first
	// candidate (positionsReady judges them before it builds the position
	// table): the scan below reads sr.nids directly.
	if !sr.positionsReady(doc, ix) {
		return conflict{}, false // the note has no terms
	}
	for ; len(slots) >= 3; slots = slots[3:] {
		{
			sp := slots[0]
			i, n := int(sp>>1), int(sp&1)+1
			a, left, right := window(t, i, n)
			// The values replacing a between left and right.
			alts := st.altVals[slots[1] : slots[1]+slots[2]]
			for side := range 2 {
				// The note is read beside one of the slot's neighbours
				// (side 0: the slot follows it), in either word order.
				ctx := left
				if side == 1 {
					ctx = right
				}
				if ctx == unknownTerm {
					continue
				}
				supported, found := false, conflict{ctxNote: -1}
				// Only the terms holding ctx are visited (notepos.go), in
				// the plain scan's order: sentence by sentence as sents
				// lists them, in note order within each.
				head := sr.pos.first(ctx)
				if head < 0 {
					continue // the note never says ctx
				}
				cur := newChainCursor(head)
			scan:
				for _, sn := range sents {
					if sn >= len(sr.term) {
						continue
					}
					lo, hi := sr.term[sn][0], sr.term[sn][1]
					for jj := sr.holding(cur.from(sr.pos.next, lo), ctx, lo, hi); jj >= 0; jj = sr.holding(sr.pos.next[jj], ctx, lo, hi) {
						j := int(jj)
						// The note's one- and two-term values beside the context.
						dir := 1 - 2*side
						v1 := step(j, dir)
						if v1 < 0 {
							continue
						}
						// v1 and v2 are of j's sentence, judged above: their
						// note ids are read directly.
						n1 := sr.nids[v1]
						if n1 < 0 {
							continue
						}
						id1 := uint32(n1)
						vals := [2]uint64{pair(id1, noTerm), 0}
						spans := [2]nlp.Span{{Start: terms[v1].Start, End: terms[v1].End}}
						if v2 := step(v1, dir); v2 >= 0 {
							if n2 := sr.nids[v2]; n2 >= 0 {
								id2 := uint32(n2)
								if side == 0 {
									vals[1] = pair(id1, id2)
									spans[1] = nlp.Span{Start: terms[v1].Start, End: terms[v2].End}
								} else {
									vals[1] = pair(id2, id1)
									spans[1] = nlp.Span{Start: terms[v2].Start, End: terms[v1].End}
								}
							}
						}
						// The note fills the slot with the code's value, or with
						// another word of its title ("essential hypertension"
						// for "Essential (primary) hypertension").
						// A coordinated second value ("hepatitis B and C",
						// "renal and respiratory failure") is said too.
						second := uint64(0)
						if vals[1] != 0 {
							if side == 0 {
								second = pair(uint32(vals[1]), noTerm)
							} else {
								second = pair(uint32(vals[1]>>32), noTerm)
							}
						}
						if vals[0] == a || vals[1] == a || second == a || inTitle(id1) && !slices.Contains(alts, vals[0]) || n == 1 && st.nearbyPlain(doc, ix, sr, j, t[i]) {
							supported = true
							break scan
						}
						for q, v := range vals {
							if v == 0 || found.ctxNote >= 0 || !slices.Contains(alts, v) || connectorValue(ix, v, side) || inTitle(uint32(v>>32)) && uint32(v>>32) != unspecTerm && !withWithout(ix, uint32(v>>32)) {
								continue
							}
							found = conflict{said: spans[q], ctxNote: j, at: i, n: n, side: side, val: v, code: code}
						}
					}
				}
				if !supported && found.ctxNote >= 0 {
					return found, true
				}
			}
		}
	}
	return conflict{}, false
}

// nearbyPlain is nearby as it was before it read the sentence by range,
// the form contradictionPlain calls and TestNearbyAgrees holds nearby to:
// nearby reports whether the word a (not a number or a one- or two-letter
// term, which must sit in the slot itself: st.far) is within three terms
// of the context term j in its sentence: "acute on chronic kidney
// failure" keeps "acute kidney failure". The note's terms are compared by
// index term id (sr.ids, filled when j was judged), a term read as
// "unspecified" by its stem.
func (st *slotTable) nearbyPlain(doc *nlp.Document, ix *index.Index, sr *sentenceRanges, j int, a uint32) bool {
	if a == unspecTerm || a == unknownTerm || !st.isFar(a) {
		return false
	}
	terms := doc.Terms
	ids := sr.ids
	for k := max(0, j-4); k < min(len(terms), j+5); k++ {
		if terms[k].Sent != terms[j].Sent {
			continue
		}
		if k < len(ids) && ids[k] != unspecTerm {
			if ids[k] == int64(a) {
				return true
			}
			continue
		}
		if terms[k].Stem == ix.Term(a) {
			return true
		}
	}
	return false
}
