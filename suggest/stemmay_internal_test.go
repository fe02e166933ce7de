package suggest

import (
	"strings"
	"testing"
)

// TestSiteKeyFilters holds termPhrases' filters to the maps they guard:
// every one-stem key of toPh and every stem of pairFirst passes its
// filter (a stem the filter stops is in neither map), over sites.txt read
// word by word and lower-cased.
func TestSiteKeyFilters(t *testing.T) {
	sm, err := parseSites(sitesTable, func(s string) []string { return strings.Fields(strings.ToLower(s)) })
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for k := range sm.toPh {
		if !strings.Contains(k, " ") {
			n++
			if !sm.toPhMay.may(k) {
				t.Errorf("toPh key %q stopped", k)
			}
		}
	}
	for k := range sm.pairFirst {
		if !sm.pairFirstMay.may(k) {
			t.Errorf("pairFirst stem %q stopped", k)
		}
	}
	if n == 0 || len(sm.pairFirst) == 0 {
		t.Fatalf("%d one-stem keys, %d pair stems: sites.txt not read", n, len(sm.pairFirst))
	}
	var f stemMay
	if !f.may("") {
		t.Error("an empty stem stopped")
	}
}
