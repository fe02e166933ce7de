package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestGroundingIndexed: groundingIndexed answers as grounding reading
// g.said through a closure, for real codes' groundTerms and random ones
// (ids of the note, of titles, past the index's terms), for every set of
// one or two sentences of each note.
func TestGroundingIndexed(t *testing.T) {
	e := realEngine(t)
	if e.slots == nil {
		t.Skip("no code slots")
	}
	var real []*groundTerms
	var probe []uint32
	for _, code := range []string{"M10.071", "E11.9", "M17.12", "D25.1", "K57.32", "N18.30", "I10", "D50.9"} {
		id, ok := e.set.ID("ICD-10-CM", code)
		if !ok {
			t.Fatalf("no code %s", code)
		}
		if tf := e.groundTermsOf(id); tf != nil {
			real = append(real, tf)
		}
		probe = append(probe, e.titleTermsOf(e.titleCode(id))...)
	}
	terms := e.ix.Terms()
	probe = append(probe, 0, uint32(terms-1), uint32(terms), uint32(terms+70), unspecTerm, unknownTerm)
	rng := rand.New(rand.NewPCG(22, 5))
	pick := func(ids []uint32) []uint32 {
		var out []uint32
		for range rng.IntN(6) {
			out = append(out, ids[rng.IntN(len(ids))])
		}
		return out
	}
	for _, note := range groundNotes {
		doc := e.pipe.Analyze(note)
		var sr sentenceRanges
		sr.index(doc)
		var g groundIndex
		g.build(&sr, doc, e.ix)
		if !g.ok {
			t.Fatalf("%q: not indexed", note)
		}
		ids := slices.Clone(probe)
		for j := range doc.Terms {
			if id, ok := sr.noteTermID(doc, e.ix, j); ok {
				ids = append(ids, id, id+1)
			}
		}
		tfs := slices.Clone(real)
		for range 200 {
			tfs = append(tfs, &groundTerms{has: true, own: pick(ids), parent: rng.IntN(4) != 0, distinct: pick(ids), sibling: pick(ids)})
		}
		for a := range sr.term {
			for b := a; b < len(sr.term); b++ {
				m := g.mask([]int{a, b})
				for _, tf := range tfs {
					t1, d1, s1 := tf.groundingIndexed(&g, m)
					t2, d2, s2 := tf.grounding(func(t uint32) bool { return g.said(t, m) })
					if t1 != t2 || d1 != d2 || s1 != s2 {
						t.Fatalf("%q sentences %d,%d %+v: groundingIndexed = %v %v %v, grounding = %v %v %v", note, a, b, tf, t1, d1, s1, t2, d2, s2)
					}
				}
			}
		}
	}
}
