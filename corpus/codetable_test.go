package corpus

import "testing"

// TestFind covers the lookup table's keys: codes of up to eight bytes are
// their own key, longer ones a hash checked against the record; the system
// and the length are part of the key.
func TestFind(t *testing.T) {
	set := NewSet([]*Code{
		{System: ICD10CM, Code: "E11", Display: "category"},
		{System: ICD10CM, Code: "E11.9", Display: "code"},
		{System: ICD10CM, Code: "S12.000A", Display: "eight bytes"},
		{System: HCPCS, Code: "E1100", Display: "HCPCS"},
		{System: CPT, Code: "E11", Display: "CPT, same spelling as an ICD-10-CM category"},
		{System: HCPCS, Code: "LONGCODE12345", Display: "longer than eight bytes"},
		{System: HCPCS, Code: "LONGCODE12346", Display: "another long one"},
	}, nil)
	tests := []struct {
		sys  System
		code string
		want string // display, "" when not found
	}{
		{ICD10CM, "E11", "category"},
		{ICD10CM, "E11.9", "code"},
		{ICD10CM, "S12.000A", "eight bytes"},
		{HCPCS, "E1100", "HCPCS"},
		{CPT, "E11", "CPT, same spelling as an ICD-10-CM category"},
		{HCPCS, "LONGCODE12345", "longer than eight bytes"},
		{HCPCS, "LONGCODE12346", "another long one"},
		{HCPCS, "LONGCODE12347", ""},
		{ICD10CM, "E11\x00", ""}, // a NUL byte does not read as the shorter code
		{ICD10CM, "E1", ""},
		{ICD10CM, "E11.90", ""},
		{HCPCS, "E11", ""},
		{System("LOINC"), "E11", ""},
		{ICD10CM, "", ""},
	}
	for _, tt := range tests {
		id, ok := set.find(tt.sys, tt.code)
		got := ""
		if ok {
			got = set.Brief(id).Display
		}
		if got != tt.want {
			t.Errorf("find(%s, %q) = %q, want %q", tt.sys, tt.code, got, tt.want)
		}
	}
}

func TestCodeKey(t *testing.T) {
	type kl struct {
		key uint64
		n   int
	}
	seen := map[kl]string{}
	for _, c := range []string{"", "A", "A0", "A00", "A00.0", "A00.00", "S12.000A", "S12.000B", "0", "00", "A\x00"} {
		k, inline := codeKey(c)
		if !inline {
			t.Errorf("codeKey(%q) not inline", c)
		}
		if o, dup := seen[kl{k, len(c)}]; dup {
			t.Errorf("codeKey(%q) = codeKey(%q) at the same length", c, o)
		}
		seen[kl{k, len(c)}] = c
	}
	if _, inline := codeKey("123456789"); inline {
		t.Error("a nine-byte code is inline")
	}
}
