package suggest

import (
	"strings"
	"testing"
)

// containsLowerWords are the words the rules search titles for with
// containsLower, and two that exercise mayContainLower's i and k case.
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
