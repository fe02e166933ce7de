package suggest

import "testing"

// TestShoutingAt holds shoutingAt, read outward from a token, to
// shouting of the token's sentence, for every token of 60 dev notes and
// of a note written partly in capitals.
func TestShoutingAt(t *testing.T) {
	t.Parallel()
	e := SharedEngine(t)
	notes := firstDevNotes(t, 60) // enough sentences, and quick under race
	notes = append(notes[:len(notes):len(notes)], "HPI: PATIENT WITH CHEST PAIN. NO FIT.\nAssessment: positive FIT test. PIN NOTED.\n\nPLAN: FOLLOW UP")
	shouts := 0
	for i, text := range notes {
		doc := e.pipe.Analyze(text)
		for p, tok := range doc.Tokens {
			if tok.Sent < 0 {
				continue // sentence-less tokens take the plain form (sentenceScratch.shouting)
			}
			got, want := shoutingAt(doc, p), shouting(doc, tok.Sent)
			if got != want {
				t.Fatalf("note %d token %d (%q, sentence %d): shoutingAt %v, shouting %v", i, p, text[tok.Start:tok.End], tok.Sent, got, want)
			}
			if want {
				shouts++
			}
		}
	}
	if shouts == 0 {
		t.Fatal("no token in a shouting sentence: the capitals case is not covered")
	}
}
