package suggest

import (
	"math"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// TestContradictedNeedsSuggestedReplacement: a "without complications"
// code gives way to a documented complication only when that code is
// itself suggested (at the threshold or ranked above); otherwise both stay
// and the condition does not vanish.
func TestContradictedNeedsSuggestedReplacement(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus", Children: []string{"E11.22", "E11.9"}},
		{System: corpus.ICD10CM, Code: "E11.22", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease"},
		{System: corpus.ICD10CM, Code: "E11.9", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus without complications"},
	}, nil)
	e, id := conflictEngine(t, set)
	text := "Type 2 diabetes mellitus with diabetic chronic kidney disease. Type 2 diabetes mellitus."
	doc := &nlp.Document{Text: text}
	for _, tt := range []struct {
		name     string
		withConf float64 // E11.22's confidence; E11.9 has 0.8
		wantGone bool
	}{
		{"replacement recommended", 0.9, true},
		{"replacement below the threshold and ranked below", 0.17, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			with := scored{c: &candidate{mentions: exact(0, 61)}, code: id("E11.22"), conf: tt.withConf}
			without := scored{c: &candidate{mentions: exact(63, 87)}, code: id("E11.9"), conf: 0.8}
			kept := []scored{without, with}
			if with.conf > without.conf {
				kept = []scored{with, without}
			}
			w := &work{}
			final := e.resolveConflicts(w, doc, kept, Request{MaxResults: 10}, false)
			has := false
			for _, f := range final {
				has = has || f.code == id("E11.9")
			}
			if has == tt.wantGone {
				t.Errorf("E11.9 kept = %v, want %v (rejected %+v)", has, !tt.wantGone, w.rejected)
			}
			if tt.wantGone && (len(w.rejected) != 1 || w.rejected[0].Rule != "contradicted") {
				t.Errorf("rejections %+v, want one contradicted", w.rejected)
			}
		})
	}
}

// TestExcludes1LoserRanksBelowWinner: the code giving way (under Excludes1,
// or as a symptom integral to a recommended diagnosis) stays among the
// suggestions with its reason, ranked below the code it gives way to, even
// when both are below the decision threshold and it ranked higher before.
func TestExcludes1LoserRanksBelowWinner(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "K58", Display: "Irritable bowel syndrome", Children: []string{"K58.0"}},
		{System: corpus.ICD10CM, Code: "K58.0", Parent: "K58", Billable: true, Display: "Irritable bowel syndrome with diarrhea"},
		{System: corpus.ICD10CM, Code: "R19", Display: "Other symptoms and signs involving the digestive system and abdomen", Children: []string{"R19.7"}},
		{System: corpus.ICD10CM, Code: "R19.7", Parent: "R19", Billable: true, Display: "Diarrhea, unspecified",
			Notes: corpus.Notes{Excludes1: []string{"functional diarrhea (K59.1)", "irritable bowel syndrome with diarrhea (K58.0)"}}},
	}, nil)
	e, id := conflictEngine(t, set)
	text := "Irritable bowel syndrome with diarrhea. Diarrhea."
	doc := &nlp.Document{Text: text}
	thr := e.DecisionThreshold()
	for _, tt := range []struct {
		name             string
		ibs, diarrhea    float64
		wantIBS, wantDia float64
		rule             string
	}{
		{"both recommended, the symptom first", 0.9, 0.95, 0.9, thr - 0.0001, "integral_symptom"},
		{"both below the threshold, the symptom first", 0.2, 0.3, 0.2, 0.1999, "excludes1"},
		{"the symptom below the diagnosis", 0.3, 0.2, 0.3, 0.2, "excludes1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ibs := scored{c: &candidate{mentions: exact(0, 38)}, code: id("K58.0"), conf: tt.ibs}
			dia := scored{c: &candidate{mentions: exact(40, 48)}, code: id("R19.7"), conf: tt.diarrhea}
			kept := []scored{ibs, dia}
			if dia.conf > ibs.conf {
				kept = []scored{dia, ibs}
			}
			w := &work{}
			final := e.resolveConflicts(w, doc, kept, Request{MaxResults: 10}, false)
			if len(final) != 2 || final[0].code != id("K58.0") || final[1].code != id("R19.7") {
				t.Fatalf("final %+v, want K58.0 then R19.7", final)
			}
			if final[0].conf != tt.wantIBS || math.Abs(final[1].conf-tt.wantDia) > 1e-9 {
				t.Errorf("confidences %.4f, %.4f, want %.4f, %.4f", final[0].conf, final[1].conf, tt.wantIBS, tt.wantDia)
			}
			if len(final[1].edits) != 1 || final[1].edits[0].Kind != tt.rule {
				t.Errorf("R19.7 edits %+v, want one %s", final[1].edits, tt.rule)
			}
		})
	}
	// Annotation mode keeps the higher ranked of an Excludes1 pair and
	// rejects the other, as annotation corpora label notes (and training
	// sees them).
	dia := scored{c: &candidate{mentions: exact(40, 48)}, code: id("R19.7"), conf: 0.3}
	ibs := scored{c: &candidate{mentions: exact(0, 38)}, code: id("K58.0"), conf: 0.2}
	w := &work{}
	final := e.resolveConflicts(w, doc, []scored{dia, ibs}, Request{MaxResults: 10, Annotate: true}, false)
	if len(final) != 1 || final[0].code != id("R19.7") || len(w.rejected) != 1 || w.rejected[0].Code != "K58.0" || w.rejected[0].Rule != "excludes1" {
		t.Errorf("annotate: final %+v, rejected %+v; want R19.7 kept, K58.0 rejected by excludes1", final, w.rejected)
	}
}

// conflictEngine is an engine over a hand-made code set with its Excludes1
// table, and the ids of its codes.
func conflictEngine(t *testing.T, set *corpus.Set) (*Engine, func(string) corpus.ID) {
	t.Helper()
	id := func(c string) corpus.ID {
		i, ok := set.ID(corpus.ICD10CM, c)
		if !ok {
			t.Fatalf("no %s", c)
		}
		return i
	}
	return &Engine{set: set, excl: packExclusions(set, excludes1Table(set)), vague: map[string]bool{}}, id
}

// exact is one mention of a fully matched official name at [start, end).
func exact(start, end int) []mention {
	return []mention{{hit: index.Hit{Coverage: 1, Score: 1}, sent: 0, start: start, end: end, section: -1}}
}
