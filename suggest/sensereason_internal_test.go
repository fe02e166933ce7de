package suggest

import "testing"

// TestSenseReason: an off-sense verdict's reason, written when read, is
// the sentence the sense gates wrote for it when it was found.
func TestSenseReason(t *testing.T) {
	tests := []struct {
		r    senseRule
		want string
	}{
		{senseRule{}, ""},
		{senseRule{rule: "not_a_finding", why: senseAnesthesia, words: "propofol"},
			`"propofol" is in the anesthesia section, which records the anesthetic given, not a condition`},
		{senseRule{rule: "not_pregnant", why: senseNotPregnant, words: "mole"},
			`"mole": the note documents no pregnancy, and chapter 15 codes (O00-O9A) are for pregnancy, childbirth and the puerperium`},
		{senseRule{rule: "instrument", why: senseDrugInstrument, words: "heparin", other: "flushed with"},
			`"heparin" is an instrument of the procedure ("flushed with"), not a drug taken`},
		{senseRule{rule: "vaccination", why: senseVaccination, words: "tetanus", other: "booster"},
			`"tetanus" names what a vaccine ("booster") protects against: a vaccination is coded Z23 with the vaccine product, not the disease`},
		{senseRule{rule: "instrument", why: senseSupplyInstrument, words: "hemostat", other: "clamped with \"a\""},
			`"hemostat" is an instrument of the procedure ("clamped with \"a\""): part of the procedure, not a separately billed supply`},
	}
	for _, tc := range tests {
		if got := tc.r.reason(); got != tc.want {
			t.Errorf("%+v: reason %q, want %q", tc.r, got, tc.want)
		}
	}
}
