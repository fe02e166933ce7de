package suggest

import "testing"

// TestSequenceRowsAreZ holds firstListedRow and reasonFirstRow to their
// shortcut: every row of firstListed and reasonFirst is a Z code's, so a
// code not starting with Z has none.
func TestSequenceRowsAreZ(t *testing.T) {
	for _, r := range firstListed {
		if r.prefix == "" || r.prefix[0] != 'Z' {
			t.Errorf("firstListed row %q is not a Z code's", r.prefix)
		}
	}
	for _, r := range reasonFirst {
		if r.prefix == "" || r.prefix[0] != 'Z' {
			t.Errorf("reasonFirst row %q is not a Z code's", r.prefix)
		}
	}
	for _, c := range []string{"Z00.00", "Z51.11", "Z71.3", "Z23"} {
		if firstListedRow(c) == "" && reasonFirstRow(c) == "" {
			t.Errorf("%s: no row", c)
		}
	}
	for _, c := range []string{"", "I10", "E11.9", "z00.00"} {
		if firstListedRow(c) != "" || reasonFirstRow(c) != "" {
			t.Errorf("%q: a row", c)
		}
	}
}
