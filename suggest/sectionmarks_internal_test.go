package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/nlp"
)

// TestSectionMarksAgree holds the mention tests unaddressed and
// unconcluded make over sectionMarks to their plain forms over the
// section tables (everyMention and sectionKind), on random notes whose
// sections take every kind the tables know, other kinds and none, and
// whose mentions lie in sections the note has and does not have
// (-1, past the end). everyMentionAt is held to everyMention too.
func TestSectionMarksAgree(t *testing.T) {
	var kinds []nlp.SectionKind
	for _, tab := range []map[nlp.SectionKind]bool{historySections, takenUp, presenting, onTheWay, answerSections, laterSections} {
		for k := range tab {
			kinds = append(kinds, k)
		}
	}
	// unconcluded tests its symptom mask before onTheWay's: an onTheWay
	// section is one with a kind that neither takes up nor presents.
	for k := range onTheWay {
		if k == "" || takenUp[k] || presenting[k] {
			t.Errorf("onTheWay holds %q, which is empty, takes up or presents", k)
		}
	}
	slices.Sort(kinds) // the maps' order is not fixed: the trials are
	kinds = append(kinds, "", nlp.SocialHistory, nlp.Medications, "unknown_kind")
	r := rand.New(rand.NewPCG(26, 5))
	for trial := range 4000 {
		doc := &nlp.Document{}
		for range r.IntN(30) { // past the callers' 24-byte buffers too
			doc.Sections = append(doc.Sections, nlp.Section{Kind: kinds[r.IntN(len(kinds))]})
		}
		c := &candidate{}
		for range 1 + r.IntN(4) {
			c.mentions = append(c.mentions, mention{section: r.IntN(len(doc.Sections)+3) - 1, learned: r.IntN(3) > 0})
		}
		var buf [24]uint8
		bits := sectionBitsOf()
		hist := newSectionMarks(doc, buf[:], bits)
		want := everyMention(c, func(m mention) bool { return historySections[sectionKind(doc, m.section)] })
		if got := everyMentionMarked(c, &hist, markHistory, markHistory); got != want {
			t.Fatalf("trial %d: history: marked %v, plain %v", trial, got, want)
		}
		later := newSectionMarks(doc, buf[:], bits)
		want = everyMention(c, func(m mention) bool { return laterSections[sectionKind(doc, m.section)] })
		if got := everyMentionMarked(c, &later, markLater, markLater); got != want {
			t.Fatalf("trial %d: later: marked %v, plain %v", trial, got, want)
		}
		marks := newSectionMarks(doc, buf[:], bits)
		want = everyMention(c, func(m mention) bool {
			kind := sectionKind(doc, m.section)
			return kind != "" && !takenUp[kind] && !presenting[kind]
		})
		if got := everyMentionMarked(c, &marks, markKnown|markTakenUp|markPresenting, markKnown); got != want {
			t.Fatalf("trial %d: symptom: marked %v, plain %v", trial, got, want)
		}
		want = everyMention(c, func(m mention) bool { return onTheWay[sectionKind(doc, m.section)] })
		if got := everyMentionMarked(c, &marks, markOnTheWay, markOnTheWay); got != want {
			t.Fatalf("trial %d: on the way: marked %v, plain %v", trial, got, want)
		}
		want = everyMention(c, func(m mention) bool { return m.learned })
		if got := everyMentionAt(c, func(m *mention) bool { return m.learned }); got != want {
			t.Fatalf("trial %d: learned: at %v, plain %v", trial, got, want)
		}
	}
}

// everyMention is the plain form the marked and in-place readings are
// held to: whether f holds for every mention of c, each taken by value.
func everyMention(c *candidate, f func(mention) bool) bool {
	for _, m := range c.mentions {
		if !f(m) {
			return false
		}
	}
	return true
}
