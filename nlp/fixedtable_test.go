package nlp

import (
	"reflect"
	"testing"
)

// TestFixedTable holds the sealed table to the fixed map it is built from:
// every fixed form is found as the same word, and other forms are not.
func TestFixedTable(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := p.vocab
	if len(v.sealed.words) != len(v.fixed) || len(v.fixed) == 0 {
		t.Fatalf("sealed %d words, fixed %d", len(v.sealed.words), len(v.fixed))
	}
	for norm, want := range v.fixed {
		got, ok := v.sealed.find([]byte(norm), fnv1a([]byte(norm)))
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: found %v %+v, want %+v", norm, ok, got, want)
		}
		if got := v.lookup([]byte(norm)); !reflect.DeepEqual(got, want) {
			t.Fatalf("lookup %q = %+v, want %+v", norm, got, want)
		}
	}
	for _, norm := range []string{"zzqx", "", "pneumonoultramicroscopic", "hypertensionx"} {
		if _, ok := v.fixed[norm]; ok {
			continue
		}
		if w, ok := v.sealed.find([]byte(norm), fnv1a([]byte(norm))); ok {
			t.Errorf("%q: found %+v in the sealed table, not in fixed", norm, w)
		}
	}
	var empty fixedTable
	if _, ok := empty.find([]byte("pain"), fnv1a([]byte("pain"))); ok {
		t.Errorf("empty table found a word")
	}
}
