package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// plainRefineReadings is refineReadings as two passes: the vague
// candidates' mentions mark their sentences, then every ICD-10-CM
// candidate's mentions are read again for the readings, each
// candidate's category read on its first kept reading.
func plainRefineReadings(e *Engine, w *work, live []*candidate, bits []titleBits, vagueIn []bool) []refineReading {
	for i, v := range live {
		if b := bits[i]; !b.vagueICD(b.billable() || v.tgt.stem != 0) || v.sibling {
			continue
		}
		for mi := range v.mentions {
			m := &v.mentions[mi]
			if !m.learned && len(m.hit.Positions) > 0 && m.sent >= 0 && m.sent < len(vagueIn) {
				vagueIn[m.sent] = true
			}
		}
	}
	var rs []refineReading
	for ci, c := range live {
		if bits[ci]&titleICD == 0 || c.sibling {
			continue
		}
		code, cat := c.tgt.anyCode(), uint32(0)
		for i := range c.mentions {
			m := &c.mentions[i]
			if m.hit.Length-m.hit.Matched > maxImplied {
				continue
			}
			if !m.learned && m.partNeg == 0 && (m.sent < 0 || m.sent >= len(vagueIn) || vagueIn[m.sent]) {
				if cat == 0 {
					cat = w.liveTitle.cat(e, ci)
				}
				rs = append(rs, refineReading{c: c, m: m, code: code, cat: cat, sent: int32(m.sent), slack: m.hit.Length - m.hit.Matched, titleOther: bits[ci]&titleOther != 0})
			}
		}
	}
	return rs
}

// TestRefineReadingsFused holds refineReadings' one pass over the
// candidates' mentions, and the readings specific hands refine, to the
// two passes they fused (plainRefineReadings): the same sentences marked
// and the same readings in the same order, on the live candidates of dev
// notes alone and joined four at a time, as refine sees them. It fails unless some mentions were kept as readings
// and some not.
func TestRefineReadingsFused(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := SharedEngine(t)
	kept, dropped := 0, 0
	for _, note := range devNotesJoined(t, 60) {
		w := e.getWork(len(note))
		doc := e.pipe.AnalyzeInto(&w.doc, note)
		w.rn.reset(e, w, doc)
		cands := e.siblingsHistories(w, e.collect(w, doc, Request{Text: note}))
		w.rejected = w.rejected[:0]
		live := e.assertLive(w, doc, cands, Outpatient, noteGatesOf(doc), e.maxLive)
		live = e.capLive(w, live, e.maxLive)
		live = e.discriminate(w, doc, live, documentAttribute(doc, "encounter"))
		e.sides(doc, live)
		e.specific(w, doc, live)
		w.liveTitle.of(e, live)
		bits := w.liveTitle.bitsOf(len(live))
		sc := &w.refine
		if !sc.readFor(live, len(doc.Sentences)) && len(live) > 0 {
			t.Fatalf("note %.60q: specific read no readings for refine", note)
		}
		handed := e.keptReadings(w, slices.Clone(sc.rs), sc.vagueIn)
		wantIn, gotIn := make([]bool, len(doc.Sentences)), make([]bool, len(doc.Sentences))
		want := plainRefineReadings(e, w, live, bits, wantIn)
		got := e.refineReadings(w, live, bits, gotIn, nil)
		if !slices.Equal(gotIn, wantIn) || !slices.Equal(got, want) {
			t.Fatalf("note %.60q: %d readings, sentences %v; want %d, %v", note, len(got), gotIn, len(want), wantIn)
		}
		if len(live) > 0 && (!slices.Equal(sc.vagueIn, wantIn) || !slices.Equal(handed, want)) {
			t.Fatalf("note %.60q: specific's %d readings, sentences %v; want %d, %v", note, len(handed), sc.vagueIn, len(want), wantIn)
		}
		sc.done()
		kept += len(got)
		all := 0
		for _, c := range live {
			all += len(c.mentions)
		}
		dropped += all - len(got)
		e.putWork(w)
	}
	t.Logf("%d readings kept, %d mentions not", kept, dropped)
	if kept == 0 || dropped == 0 {
		t.Fatal("nothing kept or nothing dropped: the test reads nothing")
	}
}
