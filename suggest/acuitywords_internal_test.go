package suggest

import (
	"reflect"
	"strings"
	"testing"
)

// TestAcuityWordsEqualFold checks acuityWords' byte-wise case fold against
// strings.EqualFold at every offset, over mixed case, words inside words,
// cut-off words and non-ASCII bytes next to and inside them.
func TestAcuityWordsEqualFold(t *testing.T) {
	ref := acuityWordsEqualFold
	for _, text := range []string{
		"ACUTE on Chronic systolic CHF", "aCuTe exacerbation of cHrOnIc COPD", "subacute, chronically ill",
		"acut", "chroni", "acuté chronïc", "acu\u212ae chron\u0130c", "\xffacute\xfe", "a", "", "CHRONICACUTEacute",
		"acute\u00e9chronic", "Acute-on-chronic", "ACUT\u0395 CHR\u039fNIC",
		"cchronic", "aCchronic", "AcuteChronicacutechronic", "cacute", "Ccc acute", "c", "C", "ac",
	} {
		if got, want := acuityWords(text, nil), ref(text); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: acuityWords %v, EqualFold %v", text, got, want)
		}
	}
}

// acuityWordsEqualFold is acuityWords by strings.EqualFold at every
// offset, in order.
func acuityWordsEqualFold(text string) []acuityWord {
	var out []acuityWord
	for i := range len(text) {
		if i+5 <= len(text) && strings.EqualFold(text[i:i+5], "acute") {
			out = append(out, acuityWord{i, i + 5})
		}
		if i+7 <= len(text) && strings.EqualFold(text[i:i+7], "chronic") {
			out = append(out, acuityWord{i, i + 7})
		}
	}
	return out
}

// FuzzAcuityWords holds acuityWords to acuityWordsEqualFold.
func FuzzAcuityWords(f *testing.F) {
	f.Add("Acute on CHRONIC, subacute; chronically acute")
	f.Add("aCchronic cacute")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := acuityWords(text, nil), acuityWordsEqualFold(text); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: acuityWords %v, EqualFold %v", text, got, want)
		}
	})
}
