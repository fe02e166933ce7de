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
	"Twin B", "twin b", "twinb", "twin  # 2 x", "twin#\t3", "twin ##2", "twins 3", "abc_twin 2, twins 3, twin 4", "xfetus b then fetus c",
	"fetus f, baby A", "Baby e.", "baby e_", "baby 0", "baby 9", "Triplet C", "QUADRUPLET 5", "fetu\u017f b", "caf\u00e9baby 2",
	"baby 2\u00e9", "twin", "twin ", "twin #", "fetuses", "tw twin  a", "t twi twin 1", "quadruplet", "quadrupletb", "triplets b then twin a",
	"fetus\u212a b", "tRIPLET d", "tr twin e", "twin\u00a0b", "baby\n\n#\n\nb", "triplet", "xxtriplet 1 baby 2",
}

// TestObstetricScans: gravidaDigits, saysSingleFetus and fetusCharacter
// are gravidaNumber, singleFetus and fetusLetter.
func TestObstetricScans(t *testing.T) {
	holdScans(t, strings.Repeat("Pregnant patient seen, plan as above. ", 3), obstetricScanCases, obstetricScansHold)
}

// FuzzObstetricScans: the scans are the regexps on any text.
func FuzzObstetricScans(f *testing.F) {
	fuzzScans(f, obstetricScanCases, obstetricScansHold)
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
	ch, ok := fetusCharacter(s)
	if m := fetusLetter.Regexp.FindStringSubmatch(s); ok != (m != nil) || ok && ch != m[1] {
		t.Fatalf("fetusCharacter(%q) = %q, %v; fetusLetter %q", s, ch, ok, m)
	}
}
