package suggest

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzStatesWords: statesWords, which reads ASCII text and paths in
// place, answers as the lower-cased word lists it was written over.
func FuzzStatesWords(f *testing.F) {
	f.Add("History of COVID-19 infection", "infection NEC, COVID-19")
	f.Add("no bleeding, with Bleeding", "with bleeding")
	f.Add("NOT fever", "fever")
	f.Add("Denies pain; PAIN in knee", "Pain, knee")
	f.Add("non-union of fracture", "nonunion, with, Other specified")
	f.Add("Negative for x, X2", "x2, NOS")
	f.Add("Caf\u00e9 pain", "caf\u00e9")
	f.Add("without   Without with", "WITH")
	f.Add("averyveryverylongwordhere x", "averyveryverylongwordhere")
	f.Fuzz(func(t *testing.T, text, path string) {
		split := func(s string) []string {
			return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		}
		want := func() bool {
			have := map[string]bool{}
			words := split(text)
			for i, w := range words {
				if i > 0 && negators[words[i-1]] {
					continue
				}
				have[w] = true
			}
			some := false
			for _, w := range split(path) {
				if subtermFiller[w] {
					continue
				}
				if !have[w] {
					return false
				}
				some = true
			}
			return some
		}()
		if got := statesWords(text, path); got != want {
			t.Errorf("statesWords(%q, %q) = %v, want %v", text, path, got, want)
		}
	})
}
