package suggest

import (
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
	id := func(c string) corpus.ID {
		i, ok := set.ID(corpus.ICD10CM, c)
		if !ok {
			t.Fatalf("no %s", c)
		}
		return i
	}
	e := &Engine{set: set, excl: packExclusions(set, excludes1Table(set)), vague: map[string]bool{}}
	text := "Type 2 diabetes mellitus with diabetic chronic kidney disease. Type 2 diabetes mellitus."
	doc := &nlp.Document{Text: text}
	exact := func(start, end int) []mention {
		return []mention{{hit: index.Hit{Coverage: 1, Score: 1}, sent: 0, start: start, end: end, section: -1}}
	}
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
			w := &work{excl: exclusions{prefixes: map[string]corpus.ID{}, excluded: map[string]corpus.ID{}}}
			final := e.resolveConflicts(w, doc, kept, Request{MaxResults: 10})
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
