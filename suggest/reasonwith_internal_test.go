package suggest

import (
	"fmt"
	"strings"
	"testing"

	"medcode/nlp"
)

// TestReasonWith holds reasonWith to the fmt reading of a rejection's
// reason: the first part, the trigger quoted (%q) in parentheses when the
// note has one over the mention, then the other parts; without a buffer
// and carved from one (reasonbuf.go), a small one so that chunks fill
// and are replaced, every carved string still itself at the end.
func TestReasonWith(t *testing.T) {
	var buf reasonBuf
	var carved, wants []string
	p, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		note, word string
		kind       nlp.Assertion
		parts      []string
		trigger    bool
	}{
		{"Patient denies chest pain.", "chest pain", nlp.Negated, []string{"every mention is negated"}, true},
		{"No \"fever\" reported.", "fever", nlp.Negated, []string{"every mention is negated", ": x"}, true},
		{"Mother had breast cancer.", "breast cancer", nlp.Family, []string{"mentioned only for a family member", ": coded with the family-history code ", "Z80.3"}, true},
		{"Chest pain today.", "Chest pain", nlp.Negated, []string{"every mention is negated", "; y"}, false},
		{"History of stroke.", "stroke", 0, []string{"documented as over", ": not a current condition"}, false},
	} {
		doc := p.Analyze(tc.note)
		start := strings.Index(tc.note, tc.word)
		at := mention{start: start, end: start + len(tc.word)}
		want := tc.parts[0]
		if tr := triggerText(doc, at.start, at.end, tc.kind); tr != "" {
			want += fmt.Sprintf(" (%q)", tr)
		} else if tc.trigger {
			t.Fatalf("%q: no trigger over %q: the test cannot fail", tc.note, tc.word)
		}
		want += strings.Join(tc.parts[1:], "")
		if got := reasonWith(doc, &at, tc.kind, nil, tc.parts...); got != want {
			t.Errorf("%q: reasonWith = %q, want %q", tc.note, got, want)
		}
		for range 100 { // past reasonChunk: chunks are replaced
			got := reasonWith(doc, &at, tc.kind, &buf, tc.parts...)
			if got != want {
				t.Errorf("%q: reasonWith into a buffer = %q, want %q", tc.note, got, want)
			}
			carved, wants = append(carved, got), append(wants, want)
		}
	}
	for i := range carved {
		if carved[i] != wants[i] {
			t.Fatalf("carved reason %d is %q now, was %q: overwritten", i, carved[i], wants[i])
		}
	}
}
