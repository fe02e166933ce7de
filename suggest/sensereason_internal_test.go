package suggest

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// reasonPlain is senseRule.reason's plain form: the sentences by
// fmt.Sprintf.
func reasonPlain(r senseRule) string {
	switch r.why {
	case senseAnesthesia:
		return fmt.Sprintf("%q is in the anesthesia section, which records the anesthetic given, not a condition", r.words)
	case senseNotPregnant:
		return fmt.Sprintf("%q: the note documents no pregnancy, and chapter 15 codes (O00-O9A) are for pregnancy, childbirth and the puerperium", r.words)
	case senseDrugInstrument:
		return fmt.Sprintf("%q is an instrument of the procedure (%q), not a drug taken", r.words, r.other)
	case senseVaccination:
		return fmt.Sprintf("%q names what a vaccine (%q) protects against: a vaccination is coded Z23 with the vaccine product, not the disease", r.words, r.other)
	case senseSupplyInstrument:
		return fmt.Sprintf("%q is an instrument of the procedure (%q): part of the procedure, not a separately billed supply", r.words, r.other)
	}
	return ""
}

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
		if got := reasonPlain(tc.r); got != tc.want {
			t.Errorf("%+v: reasonPlain %q, want %q", tc.r, got, tc.want)
		}
	}
}

// TestSenseReasonPlain holds reason to reasonPlain on random words:
// quotes, backslashes, control bytes, non-ASCII and invalid UTF-8, short
// and longer than reason's buffer.
func TestSenseReasonPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 5))
	alphabet := []string{"a", "Z", " ", "\"", "\\", "\n", "\t", "\x00", "\x7f", "é", "\xff", "\xc3", "→", "'", "`", "%q", "hemostat"}
	word := func() string {
		n := rng.IntN(12)
		if rng.IntN(8) == 0 {
			n = 40 + rng.IntN(80) // past the 256-byte buffer with the sentence
		}
		s := ""
		for range n {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		return s
	}
	for range 20000 {
		r := senseRule{why: senseWhy(rng.IntN(7)), words: word(), other: word()}
		if got, want := r.reason(), reasonPlain(r); got != want {
			t.Fatalf("%+v: reason %q, plain %q", r, got, want)
		}
	}
}
