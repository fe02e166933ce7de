package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
)

// TestSpecificInjuryIsPlain holds specificInjury, reading the first byte
// first, to the plain reading of its definition over codes of every first
// byte, chapter 19's edges and T14, in ICD-10-CM and another system.
func TestSpecificInjuryIsPlain(t *testing.T) {
	plain := func(s *Suggestion) bool {
		if s.System != string(corpus.ICD10CM) || s.Code == "" || strings.HasPrefix(s.Code, "T14") {
			return false
		}
		return s.Code[0] == 'S' || s.Code[0] == 'T' && s.Code < "T89"
	}
	codes := []string{"", "S", "T", "S00", "S99.9XXA", "T00", "T07", "T14", "T14.8", "T14.90XA", "T13.9", "T15.0", "T88.9", "T88.9XXA", "T89", "T89.0", "T98.3", "R10.9", "Z00.00", "V43.52XA", "s00.0", "99213"}
	for _, sys := range []string{string(corpus.ICD10CM), string(corpus.CPT), ""} {
		for _, c := range codes {
			s := &Suggestion{System: sys, Code: c}
			if got, want := specificInjury(s), plain(s); got != want {
				t.Errorf("%s %q: specificInjury %v, plain %v", sys, c, got, want)
			}
		}
	}
}
