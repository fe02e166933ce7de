package suggest

import "testing"

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
		want := statesWordsFold(text, path) // the word-list form, which non-ASCII text still takes
		if got := statesWords(text, path); got != want {
			t.Errorf("statesWords(%q, %q) = %v, want %v", text, path, got, want)
		}
	})
}
