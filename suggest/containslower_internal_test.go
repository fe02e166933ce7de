package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// containsLowerWords are the words the rules search titles for with
// containsLower, and two after which a rune past ASCII lower-cases to i
// or k.
var containsLowerWords = []string{"unspecified", "without", ", unspecified whether ", "acute", "chronic", ", ku", ", iu"}

// TestContainsLower: containsLower is its lower-case copy's Contains.
func TestContainsLower(t *testing.T) {
	for _, text := range []string{
		"", ", unspecified whether", "Asthma, unspecified whether with exacerbation",
		"ASTHMA, UNSPECIFIED WHETHER x", "a, b, Unspecified Whether c", "a,, unspecified whether ",
		"Type 2 diabetes mellitus without complications", "x, unspecified", "x , unspecified whether y",
		"İ, unspecified whether", "Caf\u00e9, unspecified whether y", "a, b", ", ",
		"Malignant neoplasm of colon, UNSPECIFIED", "Unspecïfied unspecified", "WITHOUT", "with out",
		"x, \u212Au", "x, \u0130u", "x, Ku, IU", ", ,, U", "a,, u", "Acute, CHRONIC",
	} {
		sameAsLowerCopy(t, text)
	}
}

// FuzzContainsLower: containsLower is its lower-case copy's Contains.
func FuzzContainsLower(f *testing.F) {
	f.Add("Malignant neoplasm of colon, UNSPECIFIED")
	f.Add("Unspecïfied unspecified")
	f.Add("Asthma, Unspecified Whether with exacerbation")
	f.Fuzz(sameAsLowerCopy)
}

func sameAsLowerCopy(t *testing.T, text string) {
	for _, w := range containsLowerWords {
		if got, want := containsLower(text, w), strings.Contains(strings.ToLower(text), w); got != want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", text, w, got, want)
		}
	}
}

// TestContainsLowerAtRuns checks containsLower(title, slotMark), which
// containsLowerAtRuns answers at the title's ", ", against its lower-case
// copy's Contains over hand-written titles and random ones built of the
// mark's pieces in either case, other words, commas and runes past ASCII
// (some lower-casing to ASCII letters or to longer encodings).
func TestContainsLowerAtRuns(t *testing.T) {
	titles := []string{
		"", ",", ", ", slotMark, slotMark[:21], "x" + slotMark[:21],
		"Chronic respiratory failure, unspecified whether with hypoxia or hypercapnia",
		"Respiratory failure, unspecified, unspecified whether with hypoxia or hypercapnia",
		"Respiratory failure, UNSPECIFIED WHETHER with hypoxia",
		"Respiratory failure, unspecİfied whether with hypoxia",
		"Respiratory failure, unspecified whether",
		"Respiratory failure, unspecified whetheré",
		"Fracture of femur, initial encounter",
		"Fracture, unspecified",
		"Fracture,, unspecified whether x",
		"Ⱥ, unspecified whether x",
		"x, unspecified whetheR ",
		"x, unspecified whether\u00a0",
	}
	pieces := []string{", ", ",", " ", "unspecified", "UNSPECIFIED", "Unspecified", "unspecİfied", "whether", "WHETHER", "whetheR",
		"with", "hypoxia", "é", "İ", "\u212a", "Ⱥ", "ſ", "x", "un", "spec", "ified ", "wheth", "er ",
		slotMark, ", Unspecified Whether ", ", UNSPECİFIED WHETHER ", ", unspecified", " whether ", ", unspecified whether", "fied whether "}
	rng := rand.New(rand.NewPCG(37, 2))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		titles = append(titles, b.String())
	}
	marks := 0
	for _, title := range titles {
		want := strings.Contains(strings.ToLower(title), slotMark)
		if got := containsLower(title, slotMark); got != want {
			t.Fatalf("containsLower(%q, slotMark) = %v, want %v", title, got, want)
		}
		if want {
			marks++
		}
	}
	if marks < 100 {
		t.Fatalf("only %d titles hold the mark", marks)
	}
}
