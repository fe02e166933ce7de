package suggest

import (
	"slices"
	"testing"

	"medcode/index"
	"medcode/nlp"
)

// TestRefineUnread: a reading's unread words are its name's words its
// matched tokens do not read, each once, but connectors and implied words;
// the vague title's words among them are said, and two left unsaid are a
// further condition.
func TestRefineUnread(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipe.Analyze("cellulitis of the right leg")
	stem := func(w string) string { return pipe.Terms(w)[0].Stem }
	var pos []int32
	for i, tok := range doc.Tokens {
		if tok.Norm == "cellulitis" || tok.Norm == "right" {
			pos = append(pos, int32(i))
		}
	}
	m := &mention{hit: index.Hit{Positions: pos}}
	name := []string{stem("cellulitis"), "of", stem("right"), stem("lower"), stem("limb"), stem("lower")}
	none := func(string) bool { return false }
	got := unreadStems(doc, m, name, none, nil)
	if want := []string{stem("lower"), stem("limb")}; !slices.Equal(got, want) {
		t.Fatalf("unread %v, want %v", got, want)
	}
	if got := unreadStems(doc, m, name, func(s string) bool { return s == stem("limb") }, nil); !slices.Equal(got, []string{stem("lower")}) {
		t.Errorf("implied limb: unread %v", got)
	}
	var e *Engine // the cases below never ask the code's siblings
	sides := []string{stem("right"), stem("left"), stem("bilateral")}
	tests := []struct {
		unread, vt []string
		want       int
	}{
		{nil, nil, 0},
		{[]string{"lower", "limb"}, nil, 2},
		{[]string{"lower", "limb"}, []string{"lower", "limb"}, 0},
		{[]string{"lower", "limb", "acut"}, []string{"limb"}, 2},
		{[]string{stem("left")}, nil, 1}, // a side is never implied
		{[]string{"lower", stem("left")}, []string{"lower"}, 1},
	}
	for i, tc := range tests {
		if got := e.unsaidNew(tc.unread, tc.vt, 0, sides); got != tc.want {
			t.Errorf("%d: unsaidNew(%v, %v) = %d, want %d", i, tc.unread, tc.vt, got, tc.want)
		}
	}
}
