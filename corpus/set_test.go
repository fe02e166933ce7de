package corpus

import "testing"

func TestNormalizeCode(t *testing.T) {
	for _, tt := range []struct {
		sys      System
		in, want string
	}{
		{ICD10CM, "E11.9", "E11.9"},
		{ICD10CM, "e119", "E11.9"},
		{ICD10CM, " E119 ", "E11.9"},
		{ICD10CM, "E11", "E11"},
		{ICD10CM, "e11", "E11"},
		{ICD10CM, "E11.", "E11"},
		{ICD10CM, "S72.001A", "S72.001A"},
		{ICD10CM, "S72001a", "S72.001A"},
		{CPT, "99213", "99213"},
		{HCPCS, "j1100", "J1100"},
		{HCPCS, "J1100", "J1100"},
	} {
		if got := NormalizeCode(tt.sys, tt.in); got != tt.want {
			t.Errorf("NormalizeCode(%s, %q) = %q, want %q", tt.sys, tt.in, got, tt.want)
		}
	}
}
