package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// groundNotes exercise groundIndex: terms affirmed in one sentence and
// negated in another, "without", and repeated words.
var groundNotes = []string{
	"Gout flare, right great toe. No fever. Type 2 diabetes mellitus without complications.",
	"Left knee osteoarthritis. Denies knee pain on the right. Chronic kidney disease stage 3. Hypertension.",
	"Uterine fibroid, intramural. Iron deficiency anemia. No anemia now. Sigmoid diverticulitis with perforation.",
}

// TestGroundIndex: for every set of one or two sentences of a note, the
// index says a term is affirmed (said and saidSparse alike) exactly when
// titleGrounding's marks of those sentences' affirmed terms do, for the
// note's own terms, title terms, and ids past the index's terms.
func TestGroundIndex(t *testing.T) {
	e := realEngine(t)
	var probe []uint32
	for _, code := range []string{"M10.071", "E11.9", "M17.12", "D25.1", "K57.32", "N18.30"} {
		id, ok := e.set.ID("ICD-10-CM", code)
		if !ok {
			t.Fatalf("no code %s", code)
		}
		if e.slots != nil {
			probe = append(probe, e.titleTermsOf(e.titleCode(id))...)
		}
	}
	terms := e.ix.Terms()
	probe = append(probe, 0, uint32(terms-1), uint32(terms), uint32(terms+70), unspecTerm, unknownTerm)
	for _, note := range groundNotes {
		doc := e.pipe.Analyze(note)
		var sr sentenceRanges
		sr.index(doc)
		var g groundIndex
		g.build(&sr, doc, e.ix)
		if !g.ok {
			t.Fatalf("%q: not indexed", note)
		}
		own := slices.Clone(probe)
		for j := range doc.Terms {
			if id, ok := sr.noteTermID(doc, e.ix, j); ok {
				own = append(own, id, id+1)
			}
		}
		var sets [][]int
		for a := range sr.term {
			sets = append(sets, []int{a})
			for b := a + 1; b < len(sr.term); b++ {
				sets = append(sets, []int{a, b})
			}
		}
		for _, sents := range sets {
			var said []uint32
			for _, s := range sents {
				for j := sr.term[s][0]; j < sr.term[s][1]; j++ {
					if id, ok := sr.noteTermID(doc, e.ix, int(j)); ok {
						said = append(said, id)
					}
				}
			}
			var rk rankScratch
			rk.markSaid(terms, said, sents)
			m := g.mask(sents)
			for _, id := range own {
				want, known := rk.saidMarked(id)
				if !known {
					want = slices.Contains(said, id)
				}
				if got := g.said(id, m); got != want {
					t.Errorf("%q sentences %v: said(%d) = %v, want %v", note, sents, id, got, want)
				}
				if got := g.saidSparse(id, m); got != want {
					t.Errorf("%q sentences %v: saidSparse(%d) = %v, want %v", note, sents, id, got, want)
				}
			}
		}
	}
}

// TestMentionMask holds mentionMask to the mask of the sentences
// sentencesOf lists, over random candidates: repeated sentences, negative
// ones and sentences past 64, and randomSentenceMentions'.
func TestMentionMask(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 1))
	var g groundIndex
	for trial := range 20000 {
		var ms []mention
		if trial%4 == 0 {
			ms = randomSentenceMentions(rng, 1+rng.IntN(40))
		} else {
			ms = make([]mention, rng.IntN(12))
			for i := range ms {
				ms[i].sent = rng.IntN(70) - 2
				if i > 0 && rng.IntN(3) == 0 {
					ms[i].sent = ms[rng.IntN(i)].sent
				}
			}
		}
		c := &candidate{mentions: ms}
		if got, want := mentionMask(c), g.mask(sentencesOf(c, false, nil)); got != want {
			t.Fatalf("mentions %+v: mentionMask %x, want %x", ms, got, want)
		}
	}
}
