package suggest

import (
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestWeeksGateIsScan holds weeksOfGestation, which reads no sentence of
// a note with no pregnancy cue that is no pregnancy's, to weeksScan,
// which reads every sentence saying "week", over hand-written notes, the
// sample notes and the dev notes: weeks with and without pregnancy
// words, a pregnancy without them, weeks of other things.
func TestWeeksGateIsScan(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"G2P1 at 32 weeks gestation, here for prenatal visit.", "Cough for 2 weeks. Seen 3 weeks ago.",
		"Pregnant, 12 wks by LMP.", "IUP at 8 weeks; 6 weeks postpartum last time.", "Intrauterine pregnancy, 39+2 weeks.",
		"28 weeks. Prenatal care: G1P0.", "Fever for 1 week, no other complaint.", "Gravida 3, 20 weeks, twin gestation.",
		"Follow up in 6 weeks.", "",
	}
	texts = withSampleNotes(t, texts)
	texts = append(texts, testenv.DevNotes(t)...)
	w := &work{}
	e := &Engine{}
	found, gated := 0, 0
	for _, text := range texts {
		doc := pipe.AnalyzeInto(&w.doc, text)
		w.preg = 0
		w.rn.reset(e, w, doc)
		wk, c, ok := weeksOfGestation(&w.rn)
		wantWk, wantC, wantOK := weeksScan(&w.rn)
		if wk != wantWk || c != wantC || ok != wantOK {
			t.Fatalf("%.60q: weeksOfGestation %d %+v %v, weeksScan %d %+v %v", text, wk, c, ok, wantWk, wantC, wantOK)
		}
		if ok {
			found++
		}
		if len(w.rn.cues(pregnancyCues)) == 0 && !w.rn.pregnant() && gestation.index(text, 0) >= 0 {
			gated++ // a note saying weeks whose scan the gate skips
		}
	}
	if found == 0 || gated == 0 {
		t.Fatalf("%d notes with weeks of gestation, %d gated with weeks said: the test holds nothing", found, gated)
	}
}
