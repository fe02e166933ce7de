package suggest

import (
	"maps"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// neoSaidByScan is neoSaid as completeNeoplasm first built it: every
// token of the note read for its sex word and its sentence.
func neoSaidByScan(doc *nlp.Document, sent int) map[string]bool {
	said := map[string]bool{}
	for _, t := range doc.Tokens {
		if s, ok := sexWords[t.Norm]; ok {
			said[s] = true
		}
		if t.Sent == sent {
			said[t.Norm] = true
		}
	}
	for _, t := range sentenceTerms(doc, sent) {
		if t.Expanded {
			said[t.Norm] = true
		}
	}
	return said
}

// TestNeoSaidAgreesWithScan: the words neoSaid reads from the sentence's
// run of tokens and the note's sexes found once are those of a scan of
// the note per sentence, for every sentence (and one past the last) of
// notes with and without sex words and of dev notes.
func TestNeoSaidAgreesWithScan(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	notes := []string{"", "She has DCIS of the left breast. Her mother had cancer.",
		"Adenocarcinoma of the sigmoid colon.\n\nHe is a 60 year old man; the boy's father is male.",
		"A gentleman and a lady. Basal cell carcinoma of skin of the right cheek."}
	if !testing.Short() {
		for i, note := range testenv.DevNotes(t) {
			if i >= 40 {
				break
			}
			notes = append(notes, note)
		}
	}
	for _, note := range notes {
		doc := pipe.Analyze(note)
		var sex noteSex
		for sent := 0; sent <= len(doc.Sentences); sent++ {
			if got, want := neoSaid(doc, sent, sex.of(doc)), neoSaidByScan(doc, sent); !maps.Equal(got, want) {
				t.Fatalf("%.40q sentence %d: neoSaid = %v, want %v", note, sent, got, want)
			}
		}
	}
}

// TestSexOfIsSexWords: sexOf answers as the sexWords map, for its words
// and for others (prefixes, plurals, capitals, the values).
func TestSexOfIsSexWords(t *testing.T) {
	words := []string{"", "s", "sh", "hers", "He", "HE", "men", "women", "males", "females", "gentlemen", "boys", "girls", "ladies", "hi", "hiss"}
	for w := range sexWords {
		words = append(words, w, w+"s", w[:len(w)-1])
	}
	for _, w := range words {
		if got, want := sexOf(w), sexWords[w]; got != want {
			t.Errorf("sexOf(%q) = %q, want %q", w, got, want)
		}
	}
}
