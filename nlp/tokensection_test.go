package nlp

import "testing"

// TestTokenSections: makeTokens gives every token the index of the last
// section starting at or before it (-1 before the first), on the test
// and dev notes, as a plain search over the sections does.
func TestTokenSections(t *testing.T) {
	p := testPipeline(t)
	var d Document
	headed := 0
	for _, text := range testNotes(t) {
		p.AnalyzeInto(&d, text)
		for i, tok := range d.Tokens {
			want := -1
			for k, s := range d.Sections {
				if s.Span.Start <= tok.Start {
					want = k
				}
			}
			if tok.Section != want {
				t.Fatalf("token %d at %d: section %d, want %d", i, tok.Start, tok.Section, want)
			}
			if want >= 0 {
				headed++
			}
		}
	}
	if headed == 0 {
		t.Fatal("no token in a section: the test cannot fail")
	}
}
