package nlp

import (
	"reflect"
	"testing"
)

// TestTermsOnce: TermsOnce reads what Terms reads and leaves the Terms
// memo as it was.
func TestTermsOnce(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Fracture of left femur, initial encounter", "Chronic kidney disease, stage 3a", ""} {
		got := p.TermsOnce(text)
		if _, ok := p.terms.Get(text); ok {
			t.Errorf("%q: TermsOnce remembered the terms", text)
		}
		if want := p.Terms(text); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: TermsOnce %+v, Terms %+v", text, got, want)
		}
	}
}
