package suggest

import (
	"slices"
	"strings"
	"testing"
)

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

// guardedAll are the rules' guarded regexps, whose index the fuzz target
// holds to indexPlain.
var guardedAll = []guarded{bmiValue, gestation, trimesterWords, gravidaNumber, fetusLetter, singleFetus, completedWeeks, daysOld}

// TestGuardedIndexPlain: index, reading long texts only at lead bytes, is
// indexPlain on texts past shortGuarded.
func TestGuardedIndexPlain(t *testing.T) {
	long := strings.Repeat("Patient at home, stable; ", 4)
	for _, text := range []string{
		"", "week", "at 32 weeks", "2 WKS ago. Then 38 Weeks gestation.", "Wee\u212a", "x\u017fy wk", "\u00e9 wk \u212a",
		"G2P1 at 32 weeks, BMI 31, second trimester, twin A, singleton, 3 days old, Body Mass Index 22",
	} {
		guardedIndexPlainHolds(t, long+text+long)
		guardedIndexPlainHolds(t, text+long)
		guardedIndexPlainHolds(t, long+text)
	}
	if slices.IndexFunc(guardedAll, func(g guarded) bool { return g.lead != nil }) < 0 {
		t.Fatal("no guarded regexp has lead bytes: index never leaves indexPlain")
	}
}

// FuzzGuardedIndexPlain: index is indexPlain, the text made long enough
// for the search per lead byte.
func FuzzGuardedIndexPlain(f *testing.F) {
	f.Add("at 32 weeks. 2 wk ago")
	f.Add("Wee\u212a G2 TWIN b \u017f")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 200 {
			text = text[:200]
		}
		for len(text) < shortGuarded+8 {
			text += text + "x"
		}
		guardedIndexPlainHolds(t, text)
	})
}

func guardedIndexPlainHolds(t *testing.T, text string) {
	for gi, g := range guardedAll {
		for from := -1; from <= len(text); from++ {
			if got, want := g.index(text, from), g.indexPlain(text, from); got != want {
				t.Fatalf("guarded %d: index(%q, %d) = %d, indexPlain %d", gi, text, from, got, want)
			}
		}
	}
}
