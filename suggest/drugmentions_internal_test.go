package suggest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

// TestDrugMentionsRanged holds drugMentions reading only the act
// sentences' token runs (the work's ranges, as discriminate leaves them)
// to its plain reading of every token, over the dev notes, the
// benchmark's notes and a few poisonings.
func TestDrugMentionsRanged(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	notes := devNotesJoined(t, 80)
	files, _ := filepath.Glob("testdata/notes/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, string(b))
	}
	notes = append(notes,
		"Assessment: overdose of acetaminophen, intentional. She also took too many aspirin tablets.\nPlan: admit.",
		"Seen for a rash. Adverse effect of penicillin. Not taking her metformin; ran out of lisinopril.",
		"Tdap given. Poisoning by carbon monoxide, accidental, initial encounter.")
	ranged := 0
	for _, text := range notes {
		w := e.getWork(len(text))
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		w.sr.index(doc)
		w.rn.reset(e, w, doc)
		if w.rn.runRanges() == nil {
			t.Fatalf("note %.60q: the ranges are not runs", text)
		}
		got := e.drugMentions(&w.rn)
		w.sr.tokRun = false // the plain reading
		w.rn.reset(e, w, doc)
		want := e.drugMentions(&w.rn)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("note %.60q:\ngot  %+v\nwant %+v", text, got, want)
		}
		if len(got) > 0 {
			ranged++
		}
		e.putWork(w)
	}
	t.Logf("%d of %d notes name a substance", ranged, len(notes))
	if ranged < 3 {
		t.Fatal("too few notes name a substance: the test reads nothing")
	}
}
