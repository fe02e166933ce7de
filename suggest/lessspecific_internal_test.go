package suggest

import "testing"

// TestLessSpecificMemo: the remembered specificity message of a code is
// lessSpecificMessage of its brief, asked once and again.
func TestLessSpecificMemo(t *testing.T) {
	e := realEngine(t)
	for i, id := range codeIDsAndPast(e.set) {
		if i%7 != 0 || e.set.CodeString(id) == "" {
			continue
		}
		b := e.set.Brief(id)
		want := lessSpecificMessage(b.Code, b.Display)
		for range 2 {
			if got := e.lessSpecific(id); got != want {
				t.Fatalf("lessSpecific(%s) = %q, want %q", b.Code, got, want)
			}
		}
	}
}
