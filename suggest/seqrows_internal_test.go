package suggest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSequenceRowsAreZ holds firstListedRow and reasonFirstRow to their
// shortcut: every row of firstListed and reasonFirst is a Z code's
// category or a code within one, and the rows are in order, so a code not
// starting with Z has none and a Z code's rows come before any later
// category's. It checks them against the plain reading of the tables over
// every Z category and codes near every row.
func TestSequenceRowsAreZ(t *testing.T) {
	var prefixes []string
	for _, r := range firstListed {
		prefixes = append(prefixes, r.prefix, r.except)
	}
	for _, r := range reasonFirst {
		prefixes = append(prefixes, r.prefix)
	}
	for _, p := range prefixes {
		if p != "" && (len(p) < 3 || p[0] != 'Z') {
			t.Errorf("row %q is not a Z code's", p)
		}
	}
	if !slices.IsSortedFunc(firstListed, func(a, b struct{ prefix, except, section string }) int { return strings.Compare(a.prefix, b.prefix) }) {
		t.Error("firstListed is not in prefix order")
	}
	if !slices.IsSortedFunc(reasonFirst, func(a, b struct{ prefix, section string }) int { return strings.Compare(a.prefix, b.prefix) }) {
		t.Error("reasonFirst is not in prefix order")
	}
	for _, c := range []string{"Z00.00", "Z51.11", "Z71.3", "Z23"} {
		if firstListedRow(c) == "" && reasonFirstRow(c) == "" {
			t.Errorf("%s: no row", c)
		}
	}
	codes := []string{"", "I10", "E11.9", "z00.00", "Z", "Z0", "Z1", "ZA0", "Z0A", "Z/9", "Z:0", "Z~~.1"}
	for k := range 100 {
		cat := fmt.Sprintf("Z%02d", k)
		codes = append(codes, cat, cat+".0", cat+".1", cat+".59", cat+".81", cat+".9")
	}
	for _, p := range prefixes {
		if p == "" {
			continue
		}
		codes = append(codes, p, p+"0", p+"9", p[:len(p)-1], p[:len(p)-1]+string(p[len(p)-1]+1), p[:len(p)-1]+string(p[len(p)-1]-1))
	}
	for _, c := range codes {
		if got, want := firstListedRow(c), firstListedPlain(c); got != want {
			t.Errorf("firstListedRow(%q) = %q, plain %q", c, got, want)
		}
		if got, want := reasonFirstRow(c), reasonFirstPlain(c); got != want {
			t.Errorf("reasonFirstRow(%q) = %q, plain %q", c, got, want)
		}
	}
}

// firstListedPlain is firstListedRow reading every row.
func firstListedPlain(code string) string {
	for _, r := range firstListed {
		if strings.HasPrefix(code, r.prefix) && (r.except == "" || !strings.HasPrefix(code, r.except)) {
			return r.section
		}
	}
	return ""
}

// reasonFirstPlain is reasonFirstRow reading every row.
func reasonFirstPlain(code string) string {
	for _, r := range reasonFirst {
		if strings.HasPrefix(code, r.prefix) {
			return r.section
		}
	}
	return ""
}

// TestZRowCats holds the category sets firstListedRow and reasonFirstRow
// test first to the categories of their tables' rows.
func TestZRowCats(t *testing.T) {
	set := func(prefixes []string) (lo, hi uint64) {
		for _, p := range prefixes {
			c := int(p[1]-'0')*10 + int(p[2]-'0')
			if c < 64 {
				lo |= 1 << c
			} else {
				hi |= 1 << (c - 64)
			}
		}
		return lo, hi
	}
	var fl, rf []string
	for _, r := range firstListed {
		fl = append(fl, r.prefix)
	}
	for _, r := range reasonFirst {
		rf = append(rf, r.prefix)
	}
	if lo, hi := set(fl); lo != firstListedLo || hi != firstListedHi {
		t.Errorf("firstListed's categories are %#x %#x, the constants %#x %#x", lo, hi, uint64(firstListedLo), uint64(firstListedHi))
	}
	if lo, hi := set(rf); lo != reasonFirstLo || hi != reasonFirstHi {
		t.Errorf("reasonFirst's categories are %#x %#x, the constants %#x %#x", lo, hi, uint64(reasonFirstLo), uint64(reasonFirstHi))
	}
}
