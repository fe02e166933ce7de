package suggest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// readHistories runs Suggest's front on note to histories, with the
// candidates siblings lists (listed) or histories over every candidate
// (the plain pass), and describes what it returns: each candidate's
// code, evidence and history links, in order. It also returns how many
// of the listed indexes are siblings'.
func readHistories(e *Engine, note string, listed bool) ([]string, int) {
	w := e.getWork(len(note))
	defer e.putWork(w)
	doc := e.pipe.AnalyzeInto(&w.doc, note)
	w.rn.reset(e, w, doc)
	cands := e.collect(w, doc, Request{Text: note})
	n := len(cands)
	sibs := 0
	if listed {
		var hist []int32
		cands, hist = e.siblings(w, cands, nil)
		for _, i := range hist {
			if int(i) >= n {
				sibs++
			}
		}
		cands = e.histories(w, cands, hist)
	} else {
		cands, _ = e.siblings(w, cands, nil)
		all := make([]int32, len(cands))
		for i := range all {
			all[i] = int32(i)
		}
		cands = e.histories(w, cands, all)
	}
	var out []string
	for _, c := range cands {
		from := ""
		if c.historyFrom != nil {
			from = e.set.CodeString(c.historyFrom.tgt.anyCode())
		}
		m := &c.mentions[c.best]
		out = append(out, fmt.Sprintf("%s sib %v best %d of %d %q %q %.9g history of %q from %q replaced by %q",
			e.set.CodeString(c.tgt.anyCode()), c.sibling, c.best, len(c.mentions), m.name, m.assert, m.hit.Score, c.historyOf, from, c.replacedBy))
	}
	return out, sibs
}

// TestHistoriesListed holds histories over the candidates siblings lists
// (those whose every mention is historical or a relative's, a sibling's
// as its source's) to histories over every candidate: the same
// candidates in the same order with the same history links, on the dev
// and sample notes and notes of past and family conditions, with each
// category's first codes as the engine's usual codes (Model.CategoryTop)
// so that siblings of past conditions are listed too.
func TestHistoriesListed(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := ownEngine(t)
	e.catTop = map[string][]target{}
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		b := e.set.Brief(id)
		if cat := category(b.Code); b.Billable && len(e.catTop[cat]) < 3 {
			e.catTop[cat] = append(e.catTop[cat], target{code: id})
		}
	}
	notes := withSampleNotes(t, devNotesJoined(t, 40))
	notes = append(notes,
		"Family history of breast cancer in her mother. Father had colon cancer and type 2 diabetes.",
		"History of pneumonia, resolved. History of TIA, no residual deficits. Prior myocardial infarction in 2019.",
		"Past medical history: peptic ulcer disease, urinary tract infections as a child, nephrolithiasis, none in 3 years.")
	listed, history := 0, 0
	for _, note := range notes {
		want, _ := readHistories(e, note, false)
		got, sibs := readHistories(e, note, true)
		if !slices.Equal(got, want) {
			t.Fatalf("note %.60q:\ngot  %q\nwant %q", note, got, want)
		}
		listed += sibs
		for _, s := range got {
			if !strings.Contains(s, `history of "" from`) {
				history++
			}
		}
	}
	if listed == 0 || history == 0 {
		t.Errorf("%d siblings listed, %d history codes found: the test reads too little", listed, history)
	}
	t.Logf("%d siblings listed, %d history codes found", listed, history)
}
