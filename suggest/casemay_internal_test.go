package suggest

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"medcode/index"
)

// TestNameCapitalsFlag holds the index's NameCapitals flag, which
// caseMayClash reads, to caseClash's own reading of a name: a word (a run
// of letters and digits) of two bytes or more in capitals (allCaps), for
// every name of the real index.
func TestNameCapitalsFlag(t *testing.T) {
	e := realEngine(t)
	caps := 0
	for n := range int32(e.ix.Len()) {
		name := e.ix.NameText(n)
		want := false
		for i := 0; i < len(name) && !want; {
			r, k := utf8.DecodeRuneInString(name[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += k
				continue
			}
			j := i + k
			for j < len(name) {
				r, k := utf8.DecodeRuneInString(name[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += k
			}
			want = allCaps(name[i:j]) && j-i >= 2
			i = j
		}
		if got := e.ix.NameHas(n, index.NameCapitals); got != want {
			t.Fatalf("%q: NameCapitals %v, caseClash reads %v", name, got, want)
		}
		if want {
			caps++
		}
	}
	if caps == 0 || caps == e.ix.Len() {
		t.Fatalf("%d of %d names flagged: the test cannot fail", caps, e.ix.Len())
	}
}

// TestCaseMayClash: caseMayClash never says no where caseClash finds a
// clash, over every one-word hit of a few notes.
func TestCaseMayClash(t *testing.T) {
	e := realEngine(t)
	clashes, skipped := 0, 0
	for _, note := range []string{
		"Positive FIT test.",
		"Patient has pins in the left leg. PIN on biopsy.",
		"Patient reports a fit last night.",
		"He has fever and cough; HTN, DM2, CHF, COPD.",
	} {
		w := &work{}
		doc := e.pipe.Analyze(note)
		sc := &w.sc
		sc.shout = make([]int8, len(doc.Sentences))
		for _, term := range doc.Terms {
			id, ok := e.ix.TermID(term.Stem)
			if !ok {
				continue
			}
			hits := e.ix.Search(index.Query{Terms: []uint32{id}, Pos: []int32{int32(term.Tok)}}, index.SearchOptions{MinCoverage: 0.99})
			for _, h := range hits {
				may := caseMayClash(doc, e.ix, &h, e.ix.NameRef(h.Name))
				if got, want := e.caseClashes(doc, e.ix, &h, sc), caseClash(doc, e.ix, h, sc); got != want {
					t.Errorf("%q: %q: caseClashes %v, caseClash %v", note, e.ix.NameText(h.Name), got, want)
				}
				if caseClash(doc, e.ix, h, sc) {
					clashes++
					if !may {
						t.Errorf("%q: %q clashes but caseMayClash says no", note, e.ix.NameText(h.Name))
					}
				}
				if !may {
					skipped++
				}
			}
		}
	}
	if clashes == 0 || skipped == 0 {
		t.Errorf("%d clashes, %d hits skipped: the test cannot fail", clashes, skipped)
	}
}
