package suggest

import (
	"path/filepath"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
)

// TestNoteTermIDs holds the per-note term ids (the learned ones through
// the main index's) to direct lookups in each index, with and without a
// learned stem the main index lacks.
func TestNoteTermIDs(t *testing.T) {
	real := realEngine(t)
	note := "Chronic systolic heart failure, zzqxitis of the left knee; no fever. Pt with DM2."
	for _, tc := range []struct {
		name    string
		extra   []string
		outside bool
	}{
		{"inside", []string{"systolic heart failure", "fever"}, false},
		{"outside", []string{"systolic heart failure", "zzqxitis of knee"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var extra []index.Extra
			for _, x := range tc.extra {
				extra = append(extra, index.Extra{System: corpus.ICD10CM, Code: "I50.22", Text: x, Kind: corpus.NameLearned})
			}
			li, err := index.Build(real.set, index.Options{Pipeline: real.ix.Analyzer(), OnlyExtra: true, Extra: extra})
			if err != nil {
				t.Fatal(err)
			}
			e := &Engine{ix: real.ix, learned: li, bridge: newTermBridge(real.ix, li)}
			if e.bridge.outside() != tc.outside {
				t.Fatalf("outside = %v, want %v", e.bridge.outside(), tc.outside)
			}
			w := &work{}
			doc := real.pipe.Analyze(note)
			e.noteTermIDs(w, doc, doc.LabelTokens(nil))
			if len(w.tid) != len(doc.Terms) || len(w.ltid) != len(doc.Terms) {
				t.Fatalf("%d/%d ids for %d terms", len(w.tid), len(w.ltid), len(doc.Terms))
			}
			found := 0
			for j, term := range doc.Terms {
				id, ok := w.mainTermID(j)
				want, wok := real.ix.TermID(term.Stem)
				if ok != wok || id != want {
					t.Errorf("%q: main id %d,%v, want %d,%v", term.Stem, id, ok, want, wok)
				}
				l, lok := li.TermID(term.Stem)
				if got := w.ltid[j]; (got >= 0) != lok || (lok && uint32(got) != l) {
					t.Errorf("%q: learned id %d, want %d,%v", term.Stem, got, l, lok)
				}
				if lok {
					found++
				}
			}
			if found < 4 {
				t.Errorf("only %d note terms in the learned index: the test cannot fail", found)
			}
		})
	}
}

// TestTermIDsShared holds sentenceRanges.termID, which reads the ids
// collect looked up (noteTermIDs), to the index's own lookup of every term
// of a note.
func TestTermIDsShared(t *testing.T) {
	e := realEngine(t)
	w := e.getWork(0)
	defer e.putWork(w)
	notes := []string{
		"Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3. Unspecified essential hypertension, zqxwv.",
		"Chest pain, unspecified. Denies shortness of breath. CKD and CHF noted; zqxw is not a word.",
	}
	for _, text := range notes {
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		e.noteTermIDs(w, doc, doc.LabelTokens(nil))
		w.sr.index(doc)
		found := 0
		for j, term := range doc.Terms {
			got, ok := w.sr.termID(doc, e.ix, j)
			want, wok := e.ix.TermID(term.Stem)
			if term.Norm == "unspecified" {
				want, wok = uint32(unspecTerm), true
			}
			if ok != wok || ok && got != want {
				t.Fatalf("%q term %q: termID %d %v, index %d %v", text, term.Stem, got, ok, want, wok)
			}
			if ok {
				found++
			}
		}
		if found == 0 || found == len(doc.Terms) {
			t.Fatalf("%q: %d of %d terms known: the test cannot fail", text, found, len(doc.Terms))
		}
	}
}

// TestTermBridgeAgrees holds the bridge's learned id of every main term
// (its bit set and ranks) to the learned index's own lookup of the
// term's stem, for the trained model's learned index and a small one.
func TestTermBridgeAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	real := realEngine(t)
	m, err := ReadModel(filepath.Join(testenv.DataDir(t), "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	trained, err := New(real.Set(), real.Index(), Options{Model: m, Base: real})
	if err != nil {
		t.Fatal(err)
	}
	if trained.learned == nil {
		t.Fatal("the trained engine has no learned index")
	}
	small, err := index.Build(real.set, index.Options{Pipeline: real.ix.Analyzer(), OnlyExtra: true,
		Extra: []index.Extra{{System: corpus.ICD10CM, Code: "I50.22", Text: "systolic heart failure zzqxitis", Kind: corpus.NameLearned}}})
	if err != nil {
		t.Fatal(err)
	}
	learned := []*index.Index{small, trained.learned}
	for _, li := range learned {
		b := newTermBridge(real.ix, li)
		found := 0
		for m := 0; m < real.ix.Terms(); m++ {
			want := int32(-1)
			if l, ok := li.TermID(real.ix.Term(uint32(m))); ok {
				want = int32(l)
				found++
			}
			if got := b.learnedID(int32(m)); got != want {
				t.Fatalf("main term %d %q: learned id %d, want %d", m, real.ix.Term(uint32(m)), got, want)
			}
		}
		if found == 0 || found == real.ix.Terms() {
			t.Fatalf("%d of %d main terms in the learned index: the test cannot fail", found, real.ix.Terms())
		}
		// Every learned stem the main index lacks passes the filter, and
		// it sends few other stems to the learned index's lookup.
		outside := 0
		for l := 0; l < li.Terms(); l++ {
			stem := li.Term(uint32(l))
			if _, ok := real.ix.TermID(stem); ok {
				continue
			}
			outside++
			if !b.mayBeOutside(stem) {
				t.Fatalf("learned stem %q, outside the main index, fails the filter", stem)
			}
		}
		if outside == 0 || !b.outside() {
			t.Fatalf("%d learned stems outside the main index, outside %v: the test cannot fail", outside, b.outside())
		}
		pass := 0
		for m := 0; m < real.ix.Terms(); m++ {
			if b.mayBeOutside(real.ix.Term(uint32(m))) {
				pass++
			}
		}
		if pass > real.ix.Terms()/4 {
			t.Errorf("%d of %d main stems pass the outside filter of %d stems", pass, real.ix.Terms(), outside)
		}
		t.Logf("%d outside stems; %d of %d main stems pass their filter", outside, pass, real.ix.Terms())
		t.Logf("%d of %d main terms in a learned index of %d, %d words", found, real.ix.Terms(), li.Terms(), len(b.words))
	}
}
