package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
)

// TestMayGiveLess: for a lessOnly code, a replacement mayGive rejects is
// one giveWay finds no rule against, whatever the two supports' flags;
// and every pair whose less_specific test (an unspecified code of the
// category, or one the Index reaches through) holds passes mayGive.
func TestMayGiveLess(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "I10", Display: "Essential (primary) hypertension", Names: []corpus.Name{
			{Text: "Hypertension", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "I12", Display: "Hypertensive chronic kidney disease", Children: []string{"I12.9"}, Names: []corpus.Name{
			{Text: "HYPERTENSION, kidney", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "I12.9", Parent: "I12", Billable: true, Display: "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease"},
		{System: corpus.ICD10CM, Code: "N18", Display: "Chronic kidney disease (CKD)", Children: []string{"N18.9", "N18.31"}},
		{System: corpus.ICD10CM, Code: "N18.9", Parent: "N18", Billable: true, Display: "Chronic kidney disease, unspecified"},
		{System: corpus.ICD10CM, Code: "N18.31", Parent: "N18", Billable: true, Display: "Chronic kidney disease, stage 3a"},
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus", Children: []string{"E11.9", "E11.65"}},
		{System: corpus.ICD10CM, Code: "E11.9", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus without complications"},
		{System: corpus.ICD10CM, Code: "E11.65", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus with hyperglycemia"},
		{System: corpus.ICD10CM, Code: "R52", Display: "Pain, unspecified", Names: []corpus.Name{
			{Text: "Pain", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "M25.561", Display: "Pain in right knee", Names: []corpus.Name{
			{Text: "Pain, knee", Kind: corpus.NameIndex}}},
	}, nil)
	e, id := conflictEngine(t, set)
	codes := []string{"I10", "I12", "I12.9", "N18", "N18.9", "N18.31", "E11.9", "E11.65", "R52", "M25.561"}
	skipped, less := 0, 0
	for _, ac := range codes {
		for _, bc := range codes {
			for fa := range 32 {
				for fb := range 64 {
					sa, sb := flaggedSupports(e, id(ac), id(bc), fa, fb)
					a := scored{c: &candidate{}, code: id(ac)}
					b := scored{c: &candidate{}, code: id(bc)}
					ab, bb := set.Brief(a.code), set.Brief(b.code)
					if sb.level >= 2 && (category(ac) == category(bc) && sa.unspecified || sa.names.pathCount() > 0 && reachedThrough(sa.names, sb.names)) {
						less++
						if !mayGive(&sa, &sb, bc) {
							t.Errorf("%s beside %s (%+v, %+v): less holds, mayGive says no", ac, bc, fa, fb)
						}
					}
					if !lessOnly(&sa) || mayGive(&sa, &sb, bc) {
						continue
					}
					skipped++
					for _, annotate := range []bool{false, true} {
						if rule, _ := e.giveWay(&a, &b, &ab, &bb, &sa, &sb, annotate); rule != "" {
							t.Errorf("%s beside %s (%d, %d): mayGive skips rule %s", ac, bc, fa, fb, rule)
						}
					}
				}
			}
		}
	}
	if skipped < 1000 || less < 100 {
		t.Fatalf("only %d pairs skipped, %d less", skipped, less)
	}
}

// TestHasPrefixBytes holds hasPrefixBytes to strings.HasPrefix and
// firstBits to the first bytes of its prefixes.
func TestHasPrefixBytes(t *testing.T) {
	words := []string{"", "J", "J1", "J18", "J18.9", "K", "C34", "c34", "N39.0", "N39", "N390", "\x8a", "J\x00"}
	for _, d := range words {
		for _, p := range words {
			if got, want := hasPrefixBytes(d, p), strings.HasPrefix(d, p); got != want {
				t.Errorf("hasPrefixBytes(%q, %q) = %v, want %v", d, p, got, want)
			}
			if d != "" && strings.HasPrefix(d, p) && firstBits([]string{"Z", p})&firstBit(d[0]) == 0 {
				t.Errorf("firstBits of %q lacks %q's first byte", p, d)
			}
		}
	}
}
