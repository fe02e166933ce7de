package suggest

import "testing"

// titleScanCases are titles the title scans are held to their regexps on.
var titleScanCases = []string{
	"", "Preterm labor without delivery, unspecified trimester", "Pre-existing hypertension complicating pregnancy, first trimester",
	"Maternal care for (suspected) chromosomal abnormality in fetus, second trimester, fetus 3", "x, third trimester, other fetus",
	"Polyhydramnios, third trimester, not applicable or unspecified", "third trimester", "xthird trimester", "_first trimester third trimester",
	"first trimesters, second trimester", "first  trimester", "First trimester", "unspecified trimester_", "second trimester\u00e9",
	"\u00e9second trimester", "fetus 1", ", fetus 1", ",fetus 1", ", fetus 6", ", fetus 1 ", ", fetus 12", ", other fetus, fetus 2",
	"a, not applicable or unspecified", "a,  other fetus", " trimester", "third trimester trimester", "thirdd trimester first trimester",
}

// TestTitleScans: titleTrimester and titleFetus are trimesterTitle and
// fetusTitle.
func TestTitleScans(t *testing.T) {
	for _, s := range titleScanCases {
		for _, title := range []string{s, "Condition, " + s, s + ", fetus 2"} {
			titleScansHold(t, title)
		}
	}
}

// FuzzTitleScans: the scans are the regexps on any text.
func FuzzTitleScans(f *testing.F) {
	fuzzScans(f, titleScanCases, titleScansHold)
}

// titleScansHold fails t where a scan finds other than its regexp.
func titleScansHold(t *testing.T, s string) {
	t.Helper()
	from, to, ok := titleTrimester(s)
	if m := trimesterTitle.FindStringSubmatchIndex(s); ok != (m != nil) || ok && (from != m[2] || to != m[3]) {
		t.Fatalf("titleTrimester(%q) = %d, %d, %v; trimesterTitle %v", s, from, to, ok, m)
	}
	from, to, ok = titleFetus(s)
	if m := fetusTitle.FindStringSubmatchIndex(s); ok != (m != nil) || ok && (from != m[2] || to != m[3]) {
		t.Fatalf("titleFetus(%q) = %d, %d, %v; fetusTitle %v", s, from, to, ok, m)
	}
}
