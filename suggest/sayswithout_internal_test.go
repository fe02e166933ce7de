package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSaysWithoutAgrees holds saysWithout to its three searches on names
// built of pieces of the word in every case, near misses and other words.
func TestSaysWithoutAgrees(t *testing.T) {
	pieces := []string{"without", "Without", "WITHOUT", "wITHOUT", "WIthout", "ithout", "ITHOUT", "with", "out",
		"w", "W", "ith", "ITH", "Type 2 diabetes mellitus ", " complications", ", ", "", "withou", "t"}
	rng := rand.New(rand.NewPCG(35, 11))
	says := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		name := b.String()
		want := strings.Contains(name, "without") || strings.Contains(name, "Without") || strings.Contains(name, "WITHOUT")
		if got := saysWithout(name); got != want {
			t.Fatalf("%q: saysWithout %v, the three searches %v", name, got, want)
		}
		if want {
			says++
		}
	}
	if says < 2000 || says > 18000 {
		t.Fatalf("%d of 20000 names say without: both answers should be exercised", says)
	}
}
