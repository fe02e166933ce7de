package suggest

import (
	"strings"
	"testing"
)

// localWordsCases are items saysLocal is held to localWords on.
var localWordsCases = []string{
	"", "cream", "hydrocortisone 1% cream bid", "creams", "icecream", "eye drops", "eyedrop", "drop", "dropsy",
	"timolol ophthalmic", "nebulized albuterol", "nebulised", "nebulixed", "intra-articular steroid", "intraarticular",
	"intra articular", "intra-articularly", "injection into knee", "injection intox", "injection into", "injection  into",
	"gel.", "(gel)", "gel\xff", "\xffgel", "é gel é", "Cream", "otic.", "exotic", "ear", "year", "earache", "nasal spray",
	"inhaler 2 puffs", "inhaled", "enema", "suppository", "rectal", "topically", "topical", "foam", "lotion", "ointment",
	"prednisone 10 mg daily", "intra-", "intra-articula", "injection", "\u212aream",
}

// TestSaysLocal: saysLocal is localWords.MatchString.
func TestSaysLocal(t *testing.T) {
	for _, s := range localWordsCases {
		if got, want := saysLocal(s), localWords.MatchString(s); got != want {
			t.Errorf("saysLocal(%q) = %v, localWords %v", s, got, want)
		}
	}
}

// FuzzSaysLocal: saysLocal is localWords.MatchString on any item.
func FuzzSaysLocal(f *testing.F) {
	for _, s := range localWordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := saysLocal(s), localWords.MatchString(s); got != want {
			t.Fatalf("saysLocal(%q) = %v, localWords %v", s, got, want)
		}
	})
}

// TestItemSep holds itemSep to the ContainsRune test it replaces, over
// every byte.
func TestItemSep(t *testing.T) {
	for b := range 256 {
		if got, want := itemSep(byte(b)), strings.ContainsRune(",;\n", rune(byte(b))); got != want {
			t.Errorf("byte %#x: itemSep %v, ContainsRune %v", b, got, want)
		}
	}
}
