package nlp

import (
	"slices"
	"testing"
)

// TestAssertIndexesAgree holds what assert reads instead of the tokens
// and terms to the tokens and terms themselves, on the test and dev
// notes: the sentences of sents, the sections' first tokens of secFirst
// and the terms of termIndex are those Token.Sent, Token.Section and
// Term.Tok say, and every term ends with its token's flags, as giving
// the flags to all the terms did.
func TestAssertIndexesAgree(t *testing.T) {
	p := testPipeline(t)
	for n, text := range testNotes(t) {
		d := p.Analyze(text)
		for k, tm := range d.Terms {
			if tk := d.Tokens[tm.Tok]; tm.Assert != tk.Assert {
				t.Fatalf("note %d: term %d %q: flags %s, its token %q %s", n, k, tm.Norm, flagNames(tm.Assert), tk.Norm, flagNames(tk.Assert))
			}
		}
		s := p.scratch.Get().(*scratch)
		s.raw, s.buf = p.tokenizeFold(text, s.raw[:0], s.buf[:0])
		secs := p.findSections(text, nil)
		var spans []Span
		toks, _ := p.makeTokens(text, s, secs, nil, &spans)
		terms := p.makeTerms(text, toks, s.lex, secs, nil, nil, &s.ix, true)
		if !slices.Equal(spans, d.Sentences) {
			t.Fatalf("note %d: sentences differ", n)
		}
		for k, tk := range toks {
			if int(s.sents[k]) != tk.Sent || tk.Sent != d.Tokens[k].Sent {
				t.Fatalf("note %d: token %d: sents %d, Sent %d", n, k, s.sents[k], tk.Sent)
			}
			if si := tk.Section; si >= 0 && (k < int(s.secFirst[si]) || k >= int(s.secFirst[si+1])) {
				t.Fatalf("note %d: token %d of section %d, not in [%d, %d)", n, k, si, s.secFirst[si], s.secFirst[si+1])
			}
		}
		if len(toks) > 0 && len(secs) > 0 && toks[0].Section < 0 && s.secFirst[0] == 0 {
			t.Fatalf("note %d: a token before the first section counted in it", n)
		}
		first := s.ix.first
		if len(first) != len(toks)+1 || int(first[len(toks)]) != len(terms) {
			t.Fatalf("note %d: %d term starts for %d tokens, last %d of %d terms", n, len(first), len(toks), first[len(first)-1], len(terms))
		}
		for j := range toks {
			for k := first[j]; k < first[j+1]; k++ {
				if terms[k].Tok != j {
					t.Fatalf("note %d: term %d in token %d's range is token %d's", n, k, j, terms[k].Tok)
				}
			}
		}
		p.scratch.Put(s)
	}
}
