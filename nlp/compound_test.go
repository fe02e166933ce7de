package nlp

import (
	"slices"
	"testing"
)

func TestCompoundForms(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	stems := func(text string) []string {
		var out []string
		for _, term := range p.Terms(text) {
			out = append(out, term.Stem)
		}
		return out
	}
	for _, tc := range []struct{ a, b string }{
		{"Mild pre-eclampsia", "mild preeclampsia"},
		{"mild pre eclampsia", "mild preeclampsia"},
		{"Pre-existing type 2 diabetes", "preexisting type 2 diabetes"},
		{"Post-traumatic stress disorder", "posttraumatic stress disorder"},
		{"post traumatic stress disorder", "PTSD"},
		{"anti-inflammatory drug", "antiinflammatory drug"},
		{"co-existing conditions", "coexisting conditions"},
		{"anti-Parkinson's drugs", "antiparkinson's drugs"},
	} {
		if a, b := stems(tc.a), stems(tc.b); !slices.Equal(a, b) && !(tc.b == "PTSD" && len(b) > len(a) && slices.Equal(b[1:], a)) {
			t.Errorf("%q -> %v, %q -> %v: want the same terms", tc.a, a, tc.b, b)
		}
	}
	// Not joined: a prefix that is a word before a space, an abbreviation
	// after the prefix, "status post", a short word.
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"status post fall", []string{"status", "post", "fall"}},
		{"co worker", []string{"co", "worker"}},
		{"pre-op", []string{"pre", "op"}},
		{"non-smoker", []string{"non", "smoker"}},
	} {
		var got []string
		for _, term := range p.Terms(tc.text) {
			if !term.Expanded {
				got = append(got, term.Norm)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q -> %v, want %v", tc.text, got, tc.want)
		}
	}
	// Offsets: the joined term spans both tokens.
	text := "Severe pre-eclampsia."
	for _, term := range p.Terms(text) {
		if term.Norm == "preeclampsia" && text[term.Start:term.End] != "pre-eclampsia" {
			t.Errorf("joined term spans %q", text[term.Start:term.End])
		}
	}
	off, err := New(Options{NoCompounds: true})
	if err != nil {
		t.Fatal(err)
	}
	if off.Hash() == p.Hash() {
		t.Error("NoCompounds does not change the hash")
	}
}
