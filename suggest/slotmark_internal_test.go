package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasSlotMark checks hasSlotMark against containsLower(title,
// slotMark) over hand-written titles and random ones built of the mark's
// pieces in either case, other words, commas and runes past ASCII (some
// lower-casing to ASCII letters or to longer encodings).
func TestHasSlotMark(t *testing.T) {
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
		want := containsLower(title, slotMark)
		if got := hasSlotMark(title); got != want {
			t.Fatalf("hasSlotMark(%q) = %v, containsLower %v", title, got, want)
		}
		if want {
			marks++
		}
	}
	if marks < 100 {
		t.Fatalf("only %d titles hold the mark", marks)
	}
}
