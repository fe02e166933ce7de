package suggest

import (
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestWithKeys holds each "with" rule's withKey to the rule: its sub5
// key's prefix test to strings.HasPrefix of every rule's code of the
// head and of codes of other lengths, its stems to subID and its code
// and category to the rule's.
func TestWithKeys(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	if len(e.with) == 0 {
		t.Fatal("no with rules")
	}
	asked := 0
	for head, rules := range e.with {
		keys := e.withKeysOf(head)
		if len(keys) != len(rules) {
			t.Fatalf("%s: %d keys of %d rules", head, len(keys), len(rules))
		}
		codes := []string{"", "E", "E1", "E11", "E11.", "E11.2", "E11.22", "I10", "N18.30", "E11.3211"}
		for _, r := range rules {
			codes = append(codes, r.str, r.str[:len(r.str)-1])
		}
		for i, r := range rules {
			k := keys[i]
			if k.code != r.code || k.catKey != r.catKey {
				t.Fatalf("%s rule %s: key code %d cat %x, rule %d %x", head, r.str, k.code, k.catKey, r.code, r.catKey)
			}
			var stems uint64
			for _, id := range r.subID {
				stems |= 1 << id
			}
			if len(e.coder.stems) <= 64 && k.stems != stems {
				t.Fatalf("%s rule %s: stems %b, subID %v", head, r.str, k.stems, r.subID)
			}
			for _, c := range codes {
				pk := newCodePrefixKeys(c)
				if got, want := pk.hasPrefix(k.sub5), strings.HasPrefix(c, r.sub5); got != want {
					t.Fatalf("%s rule %s: hasPrefix(%q, %q) %v, strings.HasPrefix %v", head, r.str, c, r.sub5, got, want)
				}
				asked++
			}
		}
	}
	t.Logf("%d prefix tests", asked)
}
