package suggest

import "testing"

// TestGuardedIndex: a slice of a text may hold a match of a guarded
// regexp only when index finds a word starting within it, and index is
// where may first holds.
func TestGuardedIndex(t *testing.T) {
	for _, text := range []string{
		"", "week", "at 32 weeks", "2 WKS ago. Then 38 Weeks gestation.", "w", "we", "wk", "Wee\u212a",
		"x\u017fy wk", "6 wee", "weeks weeks", "no match here", "\u00e9 wk \u212a",
	} {
		guardedIndexHolds(t, text)
	}
}

// FuzzGuardedIndex: index agrees with may on every slice of a text.
func FuzzGuardedIndex(f *testing.F) {
	f.Add("at 32 weeks. 2 wk ago")
	f.Add("Wee\u212a")
	f.Fuzz(guardedIndexHolds)
}

func guardedIndexHolds(t *testing.T, text string) {
	if len(text) > 64 {
		text = text[:64]
	}
	for a := 0; a <= len(text); a++ {
		at := gestation.index(text, a)
		if at >= 0 && (at < a || !gestation.may(text[at:])) {
			t.Fatalf("index(%q, %d) = %d: no word starts there", text, a, at)
		}
		for b := a; b <= len(text); b++ {
			if gestation.may(text[a:b]) && (at < a || at >= b) {
				t.Fatalf("may(%q[%d:%d]) holds, index(%q, %d) = %d", text, a, b, text, a, at)
			}
		}
	}
}
