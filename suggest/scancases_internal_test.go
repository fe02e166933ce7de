package suggest

import "testing"

// holdScans runs hold, a check that byte scans find what their regexps
// find, on each case alone and with pad before, after and around it
// repeated (so a scan's start and end conditions meet text on both sides).
func holdScans(t *testing.T, pad string, cases []string, hold func(*testing.T, string)) {
	t.Helper()
	for _, s := range cases {
		for _, text := range []string{s, pad + s, s + pad, pad + s + " " + s} {
			hold(t, text)
		}
	}
}

// fuzzScans seeds f with cases and fuzzes hold on any text.
func fuzzScans(f *testing.F, cases []string, hold func(*testing.T, string)) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(hold)
}
