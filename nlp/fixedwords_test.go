package nlp

import (
	"reflect"
	"testing"
)

// TestFixedWords holds the shard tables to the fixed map they are sealed
// from: every fixed form is found as the same word, in its shard's table,
// and forms of no dictionary are not fixed words.
func TestFixedWords(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := p.vocab
	if len(v.fixed) == 0 || !v.sealed {
		t.Fatalf("fixed %d words, sealed %t", len(v.fixed), v.sealed)
	}
	n := 0
	for i := range v.shards {
		n += len(v.shards[i].fixed)
	}
	if n != len(v.fixed) {
		t.Fatalf("shards hold %d fixed words, want %d", n, len(v.fixed))
	}
	checkFixedWords(t, v)
	for _, norm := range []string{"zzqx", "pneumonoultramicroscopic", "hypertensionx"} {
		if _, ok := v.fixed[norm]; ok {
			continue
		}
		b := []byte(norm)
		h := fnv1a(b)
		if w := v.shards[h%vocabShards].table.Load().find(b, h); w != nil {
			t.Errorf("%q: found %+v before its first lookup", norm, w)
		}
	}
}

// checkFixedWords fails unless every fixed word of v is in its shard's
// current table and lookup returns it.
func checkFixedWords(t *testing.T, v *vocab) {
	t.Helper()
	for norm, want := range v.fixed {
		b := []byte(norm)
		h := fnv1a(b)
		w := v.shards[h%vocabShards].table.Load().find(b, h)
		if w == nil || !reflect.DeepEqual(*w, want) {
			t.Fatalf("%q: table holds %+v, want %+v", norm, w, want)
		}
		if got := v.lookup(b); !reflect.DeepEqual(got, want) {
			t.Fatalf("lookup %q = %+v, want %+v", norm, got, want)
		}
	}
}
