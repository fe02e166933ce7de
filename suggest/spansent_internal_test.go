package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestSpanSentIsSpanCue holds spanSent to spanCue's sentence on every
// short span of an analysed note, and on random spans, empty and past
// its ends.
func TestSpanSentIsSpanCue(t *testing.T) {
	e := realEngine(t)
	doc := e.pipe.Analyze("CHIEF COMPLAINT: Shortness of breath.\nHPI: 67 y/o with chronic diastolic heart failure, acute on chronic. " +
		"Denies chest pain.\n\nASSESSMENT: 1. Acute on chronic diastolic (congestive) heart failure. 2. COPD with acute exacerbation.")
	if len(doc.Tokens) == 0 {
		t.Fatal("no tokens")
	}
	n := len(doc.Text)
	for start := -2; start <= n+2; start++ {
		for end := start - 1; end <= start+24; end++ {
			if got, want := spanSent(doc, start, end), spanCue(doc, start, end).sent; got != want {
				t.Fatalf("[%d,%d): spanSent %d, spanCue %d", start, end, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(18, 3))
	for range 2000 {
		start, end := r.IntN(n+10)-5, r.IntN(n+10)-5
		if got, want := spanSent(doc, start, end), spanCue(doc, start, end).sent; got != want {
			t.Fatalf("[%d,%d): spanSent %d, spanCue %d", start, end, got, want)
		}
	}
}
