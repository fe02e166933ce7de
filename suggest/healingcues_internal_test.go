package suggest

import (
	"slices"
	"testing"

	"medcode/nlp"
)

// TestReadHealingCues holds readHealingCues, which reads the sentences of
// the rule note's fracture cues, to readHealing's scan of every sentence
// (namesFracture), and noteHealing, given the rule note, to readHealing;
// and fractureCues to fractureWord.
func TestReadHealingCues(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Follow-up of the left distal radius fracture with delayed union. Callus formation noted.",
		"No fracture of the ulna; healing well. Fx of the tibia, nonunion. Malunited fracture.",
		"Fractures of two ribs: non union at the fracture site, mal union of the other. Delayed healing.",
		"Healing wound, no fracture. Callus on the foot.",
		"Closed fx. fx. Fracture fracture fractures, ununited, healing, callus; delayed union.",
		"Denies any fracture. No fx. Routine healing.",
		"",
	}
	texts = withSampleNotes(t, texts)
	for _, w := range []string{"fracture", "fractures", "fx", "fract", "fracturex", "f", ""} {
		in := slices.ContainsFunc(fractureCues, func(p phrase) bool { return len(p) == 1 && p[0] == w })
		if in != fractureWord(w) || len(fractureCues) != 3 {
			t.Errorf("%q: in fractureCues %v, fractureWord %v", w, in, fractureWord(w))
		}
	}
	e := &Engine{}
	w := &work{}
	read := 0
	for _, text := range texts {
		doc := pipe.AnalyzeInto(&w.doc, text)
		w.rn.reset(e, w, doc)
		var sr sentenceRanges
		sr.index(doc)
		want := readHealing(doc, &sr, nil)
		if !sr.tokRun {
			continue // noteHealing reads every sentence
		}
		read += len(want)
		if got := readHealingCues(doc, &sr, w.rn.cues(fractureCues), nil); !slices.Equal(got, want) {
			t.Errorf("%.40q: readHealingCues %q, readHealing %q", text, got, want)
		}
		sr.heal.rn = &w.rn
		if got := sr.noteHealing(doc); !slices.Equal(got, want) {
			t.Errorf("%.40q: noteHealing %q, readHealing %q", text, got, want)
		}
	}
	if read == 0 {
		t.Error("no note states a healing")
	}
}
