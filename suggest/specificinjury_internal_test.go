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

// TestInjuryCodeGatesArePlain holds externalCauseCode and titleReadsCode,
// reading the first byte first by a range or a switch, to the plain forms
// they replace (the system, then strings.ContainsRune of the first byte)
// over codes of every first byte, lower case and bytes past ASCII, in
// ICD-10-CM and another system.
func TestInjuryCodeGatesArePlain(t *testing.T) {
	external := func(s *Suggestion) bool {
		return s.System == string(corpus.ICD10CM) && s.Code != "" && strings.ContainsRune("VWXY", rune(s.Code[0]))
	}
	reads := func(s *Suggestion) bool {
		return !(s.System != string(corpus.ICD10CM) || s.Code == "" || strings.ContainsRune("STVWXYZ", rune(s.Code[0])))
	}
	var codes []string
	for c := range 256 {
		codes = append(codes, string([]byte{byte(c)}), string([]byte{byte(c), '0', '1', '.', '9'}))
	}
	codes = append(codes, "", "V43.52XA", "W54.0XXA", "X58.XXXA", "Y92.009", "Z76.89", "U07.1", "S82.201A", "T14.90XA", "R50.9", "99213")
	fired := [2]int{}
	for _, sys := range []string{string(corpus.ICD10CM), string(corpus.CPT), ""} {
		for _, c := range codes {
			s := &Suggestion{System: sys, Code: c}
			if got, want := externalCauseCode(s), external(s); got != want {
				t.Errorf("%s %q: externalCauseCode %v, plain %v", sys, c, got, want)
			} else if got {
				fired[0]++
			}
			if got, want := titleReadsCode(s), reads(s); got != want {
				t.Errorf("%s %q: titleReadsCode %v, plain %v", sys, c, got, want)
			} else if got {
				fired[1]++
			}
		}
	}
	if fired[0] == 0 || fired[1] == 0 {
		t.Fatalf("fired %v: the codes do not exercise both answers", fired)
	}
}
