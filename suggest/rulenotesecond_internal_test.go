package suggest

import (
	"strings"
	"testing"
)

// TestRuleCueSecond holds tryFirst's skip to the phrases it skips: the
// second bits of a first word's list let through every token its phrases'
// second words match (a wildcard's every one), over the rules' phrase
// lists and lists with wildcard and empty second words.
func TestRuleCueSecond(t *testing.T) {
	lists := append(ruleCueLists(), phrases("a b*|a *|c d|c e f"), []phrase{{"g", ""}, {"g", "h"}})
	tab := newRuleCueTable(lists)
	tried := 0
	for _, fw := range tab.first {
		for _, f := range fw.lists {
			for _, p := range f.ps {
				tried++
				if strings.HasSuffix(p[1], "*") || p[1] == "" {
					if f.second != ^uint64(0) {
						t.Errorf("%q: list %d's second word %q is a wildcard or empty, second %x", fw.word, f.list, p[1], f.second)
					}
					continue
				}
				if f.second&secondKey(p[1]) == 0 {
					t.Errorf("%q: list %d skips second word %q", fw.word, f.list, p[1])
				}
			}
		}
	}
	if tried == 0 {
		t.Fatal("no phrase of two words: the test reads nothing")
	}
}
