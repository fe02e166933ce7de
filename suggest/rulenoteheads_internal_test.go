package suggest

import "testing"

// TestHeadAnyIsHeads checks that a ruleCueTable's headAny has exactly the
// bits of its heads that lead to a word, and wordAny the wordKey bit of
// every exact first word, for the rules' lists.
func TestHeadAnyIsHeads(t *testing.T) {
	tab := newRuleCueTable(ruleCueLists())
	n := 0
	for k, at := range tab.heads {
		if got := tab.headAny[k/64]&(1<<(k%64)) != 0; got != (at != 0) {
			t.Fatalf("key %d: headAny %v, heads %d", k, got, at)
		}
		if at != 0 {
			n++
		}
	}
	for _, fw := range tab.first {
		if k := wordKey(fw.word); tab.wordAny[k/64]&(1<<(k%64)) == 0 {
			t.Fatalf("first word %q: wordAny bit %d unset", fw.word, k)
		}
	}
	if n == 0 || n == len(tab.heads) {
		t.Fatalf("%d of %d keys hold a word: the test cannot fail", n, len(tab.heads))
	}
}
