package suggest

import (
	"reflect"
	"testing"
)

// TestWithoutParts: a "without" name's parts, remembered per index and
// name, and the clash they read in a note that inverts them.
func TestWithoutParts(t *testing.T) {
	e := realEngine(t)
	ix := e.ix
	stems := func(s string) []string { return ix.Stems(s) }
	for _, tc := range []struct {
		name     string
		neg, pos []string
	}{
		{"Agoraphobia without panic disorder", stems("panic disorder"), stems("agoraphobia")},
		{"Migraine without aura, not intractable, with status migrainosus", stems("aura"), stems("migraine")},
		{"Parkinsonism without fluctuations, with dyskinesia", stems("fluctuations"), stems("parkinsonism , with dyskinesia")},
		{"Type 2 diabetes mellitus", nil, nil},
	} {
		got := withoutPartsOf(ix, tc.name)
		if !reflect.DeepEqual(got.neg, tc.neg) || !reflect.DeepEqual(got.pos, tc.pos) {
			t.Errorf("%q: parts %q / %q, want %q / %q", tc.name, got.neg, got.pos, tc.neg, tc.pos)
		}
	}
	var n int32 = -1
	for i := range int32(ix.Len()) {
		if ix.NameText(i) == "Agoraphobia without panic disorder" {
			n = i
			break
		}
	}
	if n < 0 {
		t.Fatal("no name Agoraphobia without panic disorder in the index")
	}
	p := e.withoutOf(ix, false, n)
	if again := e.withoutOf(ix, false, n); again != p {
		t.Errorf("withoutOf split the name twice")
	}
	if !reflect.DeepEqual(p, withoutPartsOf(ix, ix.NameText(n))) {
		t.Errorf("withoutOf = %+v, want the name's parts", p)
	}
	doc := e.pipe.Analyze("Panic disorder without agoraphobia.")
	var pos []int32
	for _, term := range doc.Terms {
		pos = append(pos, int32(term.Tok))
	}
	pos = sortedUnique(pos)
	if got := withoutClash(doc, doc.Terms, p, pos); got <= 0 {
		t.Errorf("clash %v reading the name's parts inverted, want > 0", got)
	}
}
