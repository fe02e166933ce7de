package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
)

// TestCodeOnlyPredicates holds the predicates the rules now read on a
// code's system and code (SystemOf, CodeString) to their plain forms on the
// whole brief: pastTargets' pastOrFamilyCode, unconcluded's
// symptomCode and externalCauseICD, and the ICD-10-CM forms of
// pastHistoryCode and familyCode.
func TestCodeOnlyPredicates(t *testing.T) {
	codes := []string{"", "A", "I25", "I25.2", "I25.10", "M25.561", "M54.50", "N63.0", "R07.9", "R51", "S72.001A",
		"T14.8", "U07.1", "V00", "V00.01XA", "W01.XXXA", "Y93.A", "Y99.9", "Z", "Z00.00", "Z79.4", "Z80", "Z80.0",
		"Z84.9", "Z85", "Z85.3", "Z86.73", "Z87.891", "Z92.3", "Z95.1", "99213", "Z8550", "G0439", "J1100"}
	for _, sys := range []corpus.System{corpus.ICD10CM, corpus.CPT, corpus.HCPCS, ""} {
		for _, code := range codes {
			b := corpus.Brief{System: sys, Code: code}
			if got, want := pastOrFamilyCode(sys, code), pastHistoryCode(b) || familyCode(b) || strings.HasPrefix(b.Code, "Z85"); got != want {
				t.Errorf("pastOrFamilyCode(%q, %q) = %v, want %v", sys, code, got, want)
			}
			icd := sys == corpus.ICD10CM
			if got, want := icd && externalCauseICD(code), externalCause(b); got != want {
				t.Errorf("externalCauseICD(%q) under %q = %v, want %v", code, sys, got, want)
			}
			if got, want := icd && pastHistoryICD(code), pastHistoryCode(b); got != want {
				t.Errorf("pastHistoryICD(%q) under %q = %v, want %v", code, sys, got, want)
			}
			if got, want := icd && familyICD(code), familyCode(b); got != want {
				t.Errorf("familyICD(%q) under %q = %v, want %v", code, sys, got, want)
			}
		}
	}
}
