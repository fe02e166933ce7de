package suggest

import (
	"slices"
	"testing"
)

// TestGateWords checks that every cue phrase a rule gated by holdsWord
// reads holds one of the gate's words: a phrase without one would be
// missed in a note that has it.
func TestGateWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string
		lists [][]phrase
	}{
		{"remission", remissionWords, [][]phrase{relapseCues, failedRemissionCues, remissionCues}},
		{"allergy", allergyGate, [][]phrase{allergyWords}},
	} {
		for _, ps := range tc.lists {
			for _, p := range ps {
				if !slices.ContainsFunc(p, func(w string) bool { return slices.Contains(tc.words, w) }) {
					t.Errorf("%s: phrase %q holds none of %v", tc.name, p, tc.words)
				}
			}
		}
	}
}
