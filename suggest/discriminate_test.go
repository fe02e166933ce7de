package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// slotFixture is a small hand-written code set whose titles differ in the
// details a coder reads: type, stage, laterality, episode, severity.
func slotFixture(t *testing.T) (*corpus.Set, *index.Index) {
	t.Helper()
	titles := [][2]string{
		{"E10.9", "Type 1 diabetes mellitus without complications"},
		{"E11.9", "Type 2 diabetes mellitus without complications"},
		{"N18.2", "Chronic kidney disease, stage 2 (mild)"},
		{"N18.31", "Chronic kidney disease, stage 3a"},
		{"N18.4", "Chronic kidney disease, stage 4 (severe)"},
		{"N18.9", "Chronic kidney disease, unspecified"},
		{"H16.331", "Sclerosing keratitis, right eye"},
		{"H16.332", "Sclerosing keratitis, left eye"},
		{"H16.339", "Sclerosing keratitis, unspecified eye"},
		{"F32.1", "Major depressive disorder, single episode, moderate"},
		{"F32.9", "Major depressive disorder, single episode, unspecified"},
		{"F33.1", "Major depressive disorder, recurrent, moderate"},
		{"F33.9", "Major depressive disorder, recurrent, unspecified"},
		{"N17.9", "Acute kidney failure, unspecified"},
		{"N19", "Chronic kidney failure"},
	}
	var codes []*corpus.Code
	for _, x := range titles {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: x[0], Display: x[1], Billable: true,
			Names: []corpus.Name{{Text: x[1], Kind: corpus.NameTitle}}})
	}
	set := corpus.NewSet(codes, nil)
	ix, err := index.Build(set, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return set, ix
}

// TestSlotContradiction: a title filling a slot with another value than
// the note (same sentence) is contradicted; numbers are read beside their
// slot word ("type 2" is not "stage 2").
func TestSlotContradiction(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer(), slots: st}
	tests := []struct {
		note, code string
		want       string // "" = not contradicted, else the reason
	}{
		{"Type 1 diabetes mellitus without complications.", "E11.9", "note says type 1; E11.9 is type 2"},
		{"Type 1 diabetes mellitus without complications.", "E10.9", ""},
		{"Diabetes mellitus without complications.", "E11.9", ""},
		{"Type 2 diabetes with CKD stage 3a.", "N18.2", "note says stage 3a; N18.2 is stage 2 mild"},
		{"Type 2 diabetes with CKD stage 3a.", "N18.31", ""},
		{"Type 2 diabetes with CKD stage 3a.", "N18.9", "note says disease stage 3a; N18.9 is disease unspecified"},
		{"Chronic kidney disease.", "N18.9", ""},
		{"Sclerosing keratitis of the left eye.", "H16.331", "note says keratitis left; H16.331 is keratitis right"},
		{"Sclerosing keratitis of the left eye.", "H16.332", ""},
		{"Sclerosing keratitis, right eye. Left eye normal.", "H16.331", ""},
		{"Major depressive disorder, recurrent, moderate.", "F32.1", "note says disorder recurrent; F32.1 is disorder single episode"},
		{"Major depressive disorder, recurrent, moderate.", "F33.1", ""},
		{"Major depressive disorder, single episode, moderate.", "F33.1", "note says disorder single episode; F33.1 is disorder recurrent"},
		{"Acute on chronic kidney failure.", "N17.9", ""},
	}
	for _, tc := range tests {
		doc := e.pipe.Analyze(tc.note)
		id, ok := set.ID(corpus.ICD10CM, tc.code)
		if !ok {
			t.Fatalf("%s not in the fixture", tc.code)
		}
		c := &candidate{mentions: []mention{{sent: 0}}}
		var sr sentenceRanges
		sr.index(doc)
		cf, bad := st.contradiction(ix, doc, &sr, sentencesOf(c, true, nil), c, id)
		got := ""
		if bad {
			got = e.conflictReason(doc, set.Brief(id), cf)
		}
		if !strings.EqualFold(got, tc.want) {
			t.Errorf("%q vs %s: got %q, want %q", tc.note, tc.code, got, tc.want)
		}
	}
}

// TestSeventhFromNote: the seventh character is the table row the note
// states; nothing documented gives "".
func TestSeventhFromNote(t *testing.T) {
	ext := []corpus.Extension{
		{Char: "A", Text: "initial encounter for closed fracture"},
		{Char: "B", Text: "initial encounter for open fracture type I or II"},
		{Char: "C", Text: "initial encounter for open fracture type IIIA, IIIB, or IIIC"},
		{Char: "D", Text: "subsequent encounter for closed fracture with routine healing"},
		{Char: "G", Text: "subsequent encounter for closed fracture with delayed healing"},
		{Char: "K", Text: "subsequent encounter for closed fracture with nonunion"},
		{Char: "P", Text: "subsequent encounter for closed fracture with malunion"},
		{Char: "S", Text: "sequela"},
	}
	stem := &corpus.Code{System: corpus.ICD10CM, Code: "S72.001", Display: "Fracture of unspecified part of neck of right femur", SevenChr: ext}
	set := corpus.NewSet([]*corpus.Code{stem}, nil)
	id, _ := set.ID(corpus.ICD10CM, "S72.001")
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ note, encounter, want string }{
		{"Right femoral neck fracture, subsequent encounter for fracture with malunion.", "subsequent", "P"},
		{"Right femoral neck fracture with nonunion, follow-up.", "", "K"},
		{"Right femoral neck fracture, initial encounter for open fracture type IIIB.", "initial", "C"},
		{"Open fracture of the right femoral neck, initial encounter.", "initial", "B"},
		{"Right femoral neck fracture, initial encounter.", "initial", "A"},
		{"Right femoral neck fracture, sequela.", "sequela", "S"},
		{"Right femoral neck fracture.", "", ""},
		{"Displaced fracture without intercondylar fracture, subsequent encounter for fracture with malunion.", "subsequent", "P"},
	}
	for _, tc := range tests {
		doc := pipe.Analyze(tc.note)
		c := &candidate{mentions: []mention{{sent: 0}}}
		if got := seventhFromNote(set, doc, c, id, tc.encounter); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.note, got, tc.want)
		}
	}
}

// TestContradictionSharedRanges: contradiction gives the same verdict on
// sentence ranges shared by the candidates of a note (sentences another
// candidate judged are not walked again) as on fresh ones per candidate.
func TestContradictionSharedRanges(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer(), slots: st}
	notes := []string{
		"Type 1 diabetes mellitus without complications. Type 2 diabetes with CKD stage 3a.",
		"Sclerosing keratitis of the left eye. Major depressive disorder, recurrent, moderate. No chronic kidney disease stage 4.",
		"Acute on chronic kidney failure. Chronic kidney disease, stage 2. Major depressive disorder, single episode, moderate.",
	}
	codes := []string{"E10.9", "E11.9", "N18.2", "N18.31", "N18.4", "N18.9", "H16.331", "H16.332", "H16.339", "F32.1", "F32.9", "F33.1", "F33.9", "N17.9", "N19"}
	verdict := func(doc *nlp.Document, sr *sentenceRanges, sents []int, id corpus.ID) string {
		c := &candidate{mentions: []mention{{sent: sents[0]}}}
		cf, bad := st.contradiction(ix, doc, sr, sents, c, id)
		if !bad {
			return ""
		}
		return e.conflictReason(doc, set.Brief(id), cf)
	}
	found := 0
	for _, note := range notes {
		doc := e.pipe.Analyze(note)
		var shared sentenceRanges
		shared.index(doc)
		// Every code against every sentence and pair of sentences, in two
		// rounds: the second reads sentences the first marked.
		for round := range 2 {
			for s := range doc.Sentences {
				for _, sents := range [][]int{{s}, {s, (s + 1) % len(doc.Sentences)}} {
					for _, code := range codes {
						id, _ := set.ID(corpus.ICD10CM, code)
						var fresh sentenceRanges
						fresh.index(doc)
						want := verdict(doc, &fresh, sents, id)
						if got := verdict(doc, &shared, sents, id); got != want {
							t.Errorf("round %d %q sentences %v %s: shared %q, fresh %q", round, note, sents, code, got, want)
						}
						if want != "" {
							found++
						}
					}
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no contradiction found: the test compares nothing")
	}
}
