package suggest

import "testing"

// TestRuleCueWildAny holds find's skip to the lists it skips: bit k of
// wildAny is set exactly when wild holds a word of key k (wildAt's range
// for k is not empty), over the rules' phrase lists.
func TestRuleCueWildAny(t *testing.T) {
	tab := newRuleCueTable(ruleCueLists())
	if len(tab.wild) == 0 {
		t.Fatal("no wildcard first words: the test reads nothing")
	}
	for k := range 1024 {
		if got, want := tab.wildAny.has(uint(k)), tab.wildAt[k] != tab.wildAt[k+1]; got != want {
			t.Errorf("key %d: wildAny %v, wild holds words %v", k, got, want)
		}
	}
}
