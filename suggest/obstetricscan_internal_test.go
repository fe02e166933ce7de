package suggest

import (
	"strings"
	"testing"
)

// obstetricScanCases are texts the obstetric scans are held to their
// regexps on.
var obstetricScanCases = []string{
	"", "G2P1 at 32 weeks", "g2p1", "xg2p1 then gravida 2", "x g2p1", "G12P3", "g123p", "G1", "g1 ", "g1,", "g1x", "g12x g3 p",
	"Gravida 3 para 2", "GRAVIDA\t\n12, para", "gravida", "gravida x", "gravidas 2", "gravida 123 p", "_g2p1", "\u00e9g2p1",
	"g2\u00a0p", "g 2 p", "g2  \tq", "G9P", "gravida2p", "ggravida 2", "g\xff2", "\xffg2 ",
	"Singleton pregnancy", "single fetus", "Single Gestation.", "single pregnancy", "single intrauterine pregnancy", "single  fetus",
	"singletons", "9single fetus", "a single gestational", "single intrauterine", "\u017fingleton", "x \u017fingle fetus",
	"single_fetus", "_singleton", "single fetus_", "\u00e9singleton", "singleton\u00e9", "SINGLE FETUS", "single\tfetus",
}

// TestObstetricScans: gravidaDigits and saysSingleFetus are gravidaNumber
// and singleFetus.
func TestObstetricScans(t *testing.T) {
	pad := strings.Repeat("Pregnant patient seen, plan as above. ", 3)
	for _, s := range obstetricScanCases {
		for _, text := range []string{s, pad + s, s + pad, pad + s + " " + s} {
			obstetricScansHold(t, text)
		}
	}
}

// FuzzObstetricScans: the scans are the regexps on any text.
func FuzzObstetricScans(f *testing.F) {
	for _, s := range obstetricScanCases {
		f.Add(s)
	}
	f.Fuzz(obstetricScansHold)
}

// obstetricScansHold fails t where a scan finds other than its regexp.
func obstetricScansHold(t *testing.T, s string) {
	t.Helper()
	g, ok := gravidaDigits(s)
	if m := gravidaNumber.Regexp.FindStringSubmatch(s); ok != (m != nil) || ok && g != m[1] {
		t.Fatalf("gravidaDigits(%q) = %q, %v; gravidaNumber %q", s, g, ok, m)
	}
	if got, want := saysSingleFetus(s), singleFetus.Regexp.MatchString(s); got != want {
		t.Fatalf("saysSingleFetus(%q) = %v, singleFetus %v", s, got, want)
	}
}
