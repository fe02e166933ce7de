package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/index"
)

// TestPartCovers: of a head's "with" subterms, the one the note states
// for the linked condition ranks first, unless one of that condition's
// names the note states says more ("peripheral neuropathy" is the Index's
// polyneuropathy, G62.9's title), and a subterm no name of the condition
// holds is not it.
func TestPartCovers(t *testing.T) {
	names := map[string][]corpus.Name{
		"G62.9": {{Text: "Polyneuropathy, unspecified", Kind: corpus.NameTitle}, {Text: "Neuropathy, neuropathic", Kind: corpus.NameIndex},
			{Text: "Neuropathy, neuropathic, peripheral", Kind: corpus.NameIndex}, {Text: "Polyneuropathy", Kind: corpus.NameIndex}},
		"N28.9": {{Text: "Disorder of kidney and ureter, unspecified", Kind: corpus.NameTitle}},
	}
	var codes []*corpus.Code
	for c, ns := range names {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: c, Display: ns[0].Text, Billable: true, Names: ns})
	}
	set := corpus.NewSet(codes, nil)
	ix, err := index.Build(set, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer()}
	rank := func(note, code, said, sub string) (int, bool) {
		doc := e.pipe.Analyze(note)
		at := strings.Index(note, said)
		id, _ := set.ID(corpus.ICD10CM, code)
		s := Suggestion{System: string(corpus.ICD10CM), Code: code, Evidence: []Evidence{{Start: at, End: at + len(said), Text: said}}}
		return partCovers(e.partWordsOf(doc, id, s), e.stemTerms(sub))
	}
	tests := []struct {
		note, code, said string
		better, worse    string // subterms: better ranks strictly first
		uncovered        string // a subterm the code is not
	}{
		{"T2DM with neuropathy.", "G62.9", "neuropathy", "neuropathy", "polyneuropathy", "chronic kidney disease"},
		{"T2DM with peripheral neuropathy.", "G62.9", "neuropathy", "polyneuropathy", "neuropathy", "chronic kidney disease"},
		{"Type 2 diabetes with chronic kidney disease.", "N28.9", "kidney", "", "", "chronic kidney disease"},
	}
	for _, tc := range tests {
		if tc.better != "" {
			b, okb := rank(tc.note, tc.code, tc.said, tc.better)
			w, okw := rank(tc.note, tc.code, tc.said, tc.worse)
			if !okb || !okw || b >= w {
				t.Errorf("%q: %s rank %d (%v), %s rank %d (%v); want the first lower", tc.note, tc.better, b, okb, tc.worse, w, okw)
			}
		}
		if _, ok := rank(tc.note, tc.code, tc.said, tc.uncovered); ok {
			t.Errorf("%q: %s covers %q", tc.note, tc.code, tc.uncovered)
		}
	}
}

// TestAcuityWords: a title's acuity and its other words, and the acuity a
// note states for a condition at a span.
func TestAcuityWords(t *testing.T) {
	for _, tc := range []struct{ title, acuity, key string }{
		{"Chronic diastolic (congestive) heart failure", "chronic", "diastolic congestive heart failure"},
		{"Unspecified diastolic (congestive) heart failure", "", "diastolic congestive heart failure"},
		{"Acute on chronic diastolic (congestive) heart failure", "acute on chronic", "diastolic congestive heart failure"},
		{"Acute and chronic respiratory failure with hypoxia", "acute on chronic", "respiratory failure with hypoxia"},
		{"Respiratory failure, unspecified with hypoxia", "", "respiratory failure with hypoxia"},
		{"Chronic atrial fibrillation, unspecified", "chronic", "atrial fibrillation"},
	} {
		if a, k := titleAcuity(tc.title); a != tc.acuity || k != tc.key {
			t.Errorf("titleAcuity(%q) = %q, %q; want %q, %q", tc.title, a, k, tc.acuity, tc.key)
		}
	}
	ix, err := index.Build(corpus.NewSet(nil, nil), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ note, cond, want string }{
		{"Chronic HFpEF, euvolemic today.", "HFpEF", "chronic"},
		{"Acute on chronic diastolic CHF exacerbation.", "CHF", "acute on chronic"},
		{"Acute-on-chronic systolic heart failure.", "heart failure", "acute on chronic"},
		{"Acute exacerbation of chronic HFpEF.", "HFpEF", "acute on chronic"},
		{"Chronic diastolic heart failure exacerbation.", "heart failure", "acute on chronic"},
		{"Chronic systolic heart failure and acute bronchitis.", "heart failure", "chronic"},
		{"HFrEF, chronic.", "HFrEF", "chronic"},
		{"Acute bronchitis; chronic systolic heart failure.", "heart failure", "chronic"},
		{"Heart failure with preserved ejection fraction.", "Heart failure", ""},
	} {
		doc := ix.Analyzer().Analyze(tc.note)
		at := strings.Index(tc.note, tc.cond)
		sent := -1
		for i, sp := range doc.Sentences {
			if sp.Start <= at && at < sp.End {
				sent = i
			}
		}
		if got := noteAcuity(doc, sent, at, at+len(tc.cond)); got != tc.want {
			t.Errorf("noteAcuity(%q, %q) = %q, want %q", tc.note, tc.cond, got, tc.want)
		}
	}
}

func TestCompareJoined(t *testing.T) {
	for _, c := range []struct{ a1, b1, a2, b2 string }{
		{"E11.2", "X", "E11.21", "Y"},
		{"E11.21", "N18.3", "E11.21", "N18.3"},
		{"E11.9", "", "E11", ".9"},
		{"", "", "", "A"},
		{"I10", "N18.30", "I12.9", "N18.30"},
		{"A", "BC", "AB", "C"},
		{"AB", "D", "A", "BC"},
	} {
		want := strings.Compare(c.a1+c.b1, c.a2+c.b2)
		if got := compareJoined(c.a1, c.b1, c.a2, c.b2); got != want {
			t.Errorf("compareJoined(%q, %q, %q, %q) = %d, want %d", c.a1, c.b1, c.a2, c.b2, got, want)
		}
		if got := compareJoined(c.a2, c.b2, c.a1, c.b1); got != -want {
			t.Errorf("compareJoined(%q, %q, %q, %q) = %d, want %d", c.a2, c.b2, c.a1, c.b1, got, -want)
		}
	}
}
