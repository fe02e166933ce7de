package suggest

import "strings"

// saysWithoutQuick is saysWithout (candidate.go) with one search fewer
// for the names without the word, nearly all: "without" and "Without"
// both hold "ithout", "WITHOUT" holds "ITHOUT", so a name holding neither
// says none of the three and is answered by two searches, not three; a
// name holding one is asked saysWithout itself
// (TestSaysWithoutQuickAgrees).
func saysWithoutQuick(name string) bool {
	if !strings.Contains(name, "ithout") && !strings.Contains(name, "ITHOUT") {
		return false
	}
	return saysWithout(name)
}
