package suggest

import "testing"

// TestAcuityWordsFold: a window holds a found acuity word exactly when
// containsFold finds "acute" or "chronic" in it, for every window of
// texts with mixed case, words inside words and non-ASCII bytes.
func TestAcuityWordsFold(t *testing.T) {
	for _, text := range []string{
		"Acute on CHRONIC systolic heart failure.",
		"subacute; chronically ill; acutely decompensated",
		"no acuity here",
		"Ácute chrónic acute\u212a chronic",
		"acut chroni acute",
	} {
		words := acuityWords(text, nil)
		for lo := 0; lo <= len(text); lo++ {
			for hi := lo; hi <= len(text); hi++ {
				want := containsFold(text[lo:hi], "acute") || containsFold(text[lo:hi], "chronic")
				got := false
				for _, w := range words {
					got = got || w.start >= lo && w.end <= hi
				}
				if got != want {
					t.Fatalf("%q [%d:%d]: found %v, containsFold %v", text, lo, hi, got, want)
				}
			}
		}
	}
}
