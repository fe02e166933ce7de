package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestSeventhRowsClass: rows that read alike (characters, words and their
// flags) sign alike; a row's character, a word, a flag or the order of
// rows tells them apart. A choice is remembered for its class, encounter
// and sentences only.
func TestSeventhRowsClass(t *testing.T) {
	rows := func(mut func(*seventhRows)) string {
		sr := &seventhRows{
			ext:      []corpus.Extension{{Char: "A", Text: "initial encounter for closed fracture"}, {Char: "D", Text: "subsequent encounter for fracture with routine healing"}},
			words:    [][]string{{"initial", "encounter", "closed", "fracture"}, {"subsequent", "encounter", "fracture", "routine", "healing"}},
			distinct: [][]bool{{true, false, true, false}, {true, false, false, true, true}},
			side:     [][]bool{{false, false, false, false}, {false, false, false, false, false}},
			low:      []bool{false, false},
			starts:   []encounterBit{startsInitial, startsSubsequent},
		}
		if mut != nil {
			mut(sr)
		}
		return sr.signature()
	}
	base := rows(nil)
	if got := rows(func(sr *seventhRows) { sr.ext[0].Text = "another text" }); got != base {
		t.Error("a row's text, which no chooser reads, changed the signature")
	}
	for name, mut := range map[string]func(*seventhRows){
		"char":     func(sr *seventhRows) { sr.ext[1].Char = "G" },
		"word":     func(sr *seventhRows) { sr.words[1][3] = "delayed" },
		"distinct": func(sr *seventhRows) { sr.distinct[0][3] = true },
		"side":     func(sr *seventhRows) { sr.side[0][0] = true },
		"low":      func(sr *seventhRows) { sr.low[1] = true },
		"starts":   func(sr *seventhRows) { sr.starts[0] = 0 },
		"nonunion": func(sr *seventhRows) { sr.nonunion = true },
		"moved": func(sr *seventhRows) {
			sr.words[0], sr.words[1] = []string{"initial", "encounter"}, []string{"closed", "fracture", "subsequent", "encounter", "fracture", "routine", "healing"}
			sr.distinct[0], sr.distinct[1] = []bool{true, false}, []bool{true, false, true, false, false, true, true}
			sr.side[0], sr.side[1] = []bool{false, false}, make([]bool, 7)
		},
	} {
		if rows(mut) == base {
			t.Errorf("%s: signature unchanged", name)
		}
	}
	k, ok := newSeventhKey(3, "initial", []int{2, 5}, 0)
	if !ok {
		t.Fatal("no key")
	}
	tests := []struct {
		class int32
		enc   string
		sents []int
		want  bool
	}{
		{3, "initial", []int{2, 5}, true},
		{4, "initial", []int{2, 5}, false},
		{3, "", []int{2, 5}, false},
		{3, "initial", []int{2}, false},
		{3, "initial", []int{2, 6}, false},
		{-1, "initial", []int{2, 5}, false},
	}
	for i, tc := range tests {
		if got := k.same(tc.class, tc.enc, tc.sents); got != tc.want {
			t.Errorf("%d: same = %v, want %v", i, got, tc.want)
		}
	}
	if _, ok := newSeventhKey(-1, "", []int{1}, -1); ok {
		t.Error("a key for rows without a class")
	}
	if _, ok := newSeventhKey(1, "", []int{1, 2, 3, 4, 5}, -1); ok {
		t.Error("a key for five sentences")
	}
}
