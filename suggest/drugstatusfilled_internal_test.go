package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestDrugStatusFilled holds ruleNote.filledOf, the status and allergy
// rules drugStatus reads, to the plain scan of every rule's cues (a rule
// without a cue adds nothing), over the dev notes and a few status notes.
func TestDrugStatusFilled(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	notes := append(devNotesJoined(t, 80),
		"Medications: warfarin long term, insulin glargine daily. Colostomy in place. Allergic to penicillin.",
		"On chronic prednisone and aspirin. Status post tracheostomy. Mother on insulin.")
	some := 0
	for _, text := range notes {
		w := e.getWork(len(text))
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		w.rn.reset(e, w, doc)
		n := &w.rn
		for _, r := range [][2]int{{n.tab.status, len(e.status)}, {n.tab.allergy, len(e.allergy)}} {
			var want []int32
			for i, cs := range n.lists(r[0], r[1]) {
				if len(cs) > 0 {
					want = append(want, int32(i))
				}
			}
			got := n.filledOf(r[0], r[1], nil)
			if !slices.Equal(got, want) {
				t.Fatalf("note %.60q lists %d+%d: filledOf %v, plain %v", text, r[0], r[1], got, want)
			}
			some += len(got)
		}
		e.putWork(w)
	}
	t.Logf("%d filled lists over %d notes", some, len(notes))
	if some == 0 {
		t.Fatal("no list holds a cue: the test reads nothing")
	}
}
