package nlp

import "testing"

// TestLookupChecked: whatever candidate makeTokens read from the slots
// (the right word, another word, none), lookupChecked returns the word
// lookup returns.
func TestLookupChecked(t *testing.T) {
	p := testPipeline(t)
	forms := []string{"the", "pain", "zqxnewform", "hypertension", "nkda", "ca", "pre"}
	other := p.vocab.lookup([]byte("fever"))
	for _, f := range forms {
		b := []byte(f)
		h := fnv1a(b)
		want := p.vocab.lookup(b)
		for _, cand := range []*word{p.vocab.candidate(h), &other, nil} {
			if got := *p.vocab.lookupChecked(b, h, cand); got != want {
				t.Errorf("lookupChecked(%q) with candidate %v = %q/%q, want %q/%q", f, cand, got.norm, got.stem, want.norm, want.stem)
			}
		}
	}
}
