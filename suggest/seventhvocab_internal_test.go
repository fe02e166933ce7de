package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/nlp"
)

// TestSevenSaid: a sentence's bit set over the seventh vocabulary agrees
// with its word map (saidIn) on every numbered word, negated words,
// "without" and plurals included, also when words are numbered after the
// note's sets were filled, and for the union of two sentences.
func TestSevenSaid(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := []string{"initial", "encounter", "fracture", "closed"}
	later := []string{"subsequent", "routine", "healing", "malunion", "nonunion", "sequela", "left", "right"}
	texts := []string{
		"Closed fracture of the left radius, initial encounter. No malunion.",
		"Subsequent encounters for fractures with routine healing; fracture without nonunion.",
		"Both wrists, bilaterally. Sequela of burns, not bilateral.",
	}
	var sr sentenceRanges // kept across notes, as the pooled work keeps it
	checked := 0
	for _, text := range texts {
		doc := pipe.Analyze(text)
		sr.index(doc)
		var ref sentenceRanges
		ref.index(doc)
		check := func(words []string) {
			for s := range doc.Sentences {
				for _, o := range []int{s, (s + 1) % len(doc.Sentences)} {
					u := sr.sevenSaid(doc, []int{s, o})
					for _, w := range append(append([]string{"both", "bilaterally", "bilateral"}, first...), words...) {
						id := sr.sevenWord(w)
						got := int(id/64) < len(u) && u[id/64]&(1<<(id%64)) != 0
						want := ref.saidIn(doc, s)[w] || ref.saidIn(doc, o)[w]
						if want {
							checked++
						}
						if got != want {
							t.Errorf("%q sentences %d,%d: %q bit %v, saidIn says %v", text, s, o, w, got, want)
						}
					}
				}
			}
		}
		for _, w := range first {
			sr.sevenWord(w)
		}
		check(nil)
		for _, w := range later {
			sr.sevenWord(w) // numbered after the sets were filled
		}
		check(later)
	}
	if checked == 0 {
		t.Fatal("no word affirmed in any sentence: the test reads nothing")
	}
}

// TestOtherName: "other" is a whole word of the name in any case.
func TestOtherName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Nicotine dependence, other tobacco product", true},
		{"Other specified disorders", true},
		{"OTHER (specified) site", true},
		{"disorder (other)", true},
		{"Otherwise healthy", false},
		{"mother, brother", false},
		{"others", false},
		{"", false},
	} {
		if got := otherName(tc.name); got != tc.want {
			t.Errorf("otherName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSevenMay: the vocabulary's filter never rules out a numbered word
// (sevenSaid skips the lookup of a word it rules out), whatever its
// length, and rules out some other words.
func TestSevenMay(t *testing.T) {
	var sr sentenceRanges
	v := &sr.seven
	r := rand.New(rand.NewPCG(18, 5))
	word := func() string {
		b := make([]byte, r.IntN(70))
		for i := range b {
			b[i] = "abcdefs"[r.IntN(7)]
		}
		return string(b)
	}
	for range 200 {
		sr.sevenWord(word())
	}
	out := 0
	for range 5000 {
		w := word()
		if _, in := v.ids[w]; in && !v.may(w) {
			t.Fatalf("%q is numbered, the filter rules it out", w)
		} else if !in && !v.may(w) {
			out++
		}
	}
	for w := range v.ids {
		if !v.may(w) {
			t.Fatalf("%q is numbered, the filter rules it out", w)
		}
	}
	if out == 0 {
		t.Error("the filter ruled out no word")
	}
}
