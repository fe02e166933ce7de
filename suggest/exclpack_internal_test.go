package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
)

// TestPackExclusionsShared: the packed Excludes1 table gives every code
// the prefixes the table lists for it, in order, and codes with the same
// prefixes (siblings under one note) share one run of them.
func TestPackExclusionsShared(t *testing.T) {
	set := realEngine(t).set
	table := excludes1Table(set)
	x := packExclusions(set, table)
	listed := 0
	for _, id := range set.IDs(corpus.ICD10CM) {
		code := set.Brief(id).Code
		if i, _ := set.ID(corpus.ICD10CM, code); i != id {
			continue // a later duplicate is what lookups find
		}
		var got []string
		for _, sp := range x.prefixes(id) {
			got = append(got, x.str(sp))
		}
		if want := table[code]; !slices.Equal(got, want) {
			t.Fatalf("%s: prefixes %q, want %q", code, got, want)
		}
		listed += len(got)
	}
	if listed == 0 || len(x.pref) >= listed/2 {
		t.Errorf("the table holds %d prefix entries for %d listed: runs are not shared", len(x.pref), listed)
	}
}
