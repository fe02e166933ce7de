package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/internal/testenv"

	"medcode/nlp"
)

// TestAffirmsOtherAgrees: the one-pass scan (affirmsOther) and its
// per-sentence memo (otherMemo) answer as saysOther's two affirmsWord
// scans do, on every sentence (and the out-of-range ones) of written
// notes and of 3,000 random ones built of "other"/"specified" forms,
// near misses ("otherss", "nonspecified"), negations (some by
// "without") and plain words, asked in random order and twice.
func TestAffirmsOtherAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	notes := []string{
		"",
		"Other specified disorders of the left knee. No other fractures.",
		"Patient denies other symptoms. Fracture without other injury, specified as closed.",
		"Bilateral others noted; specifieds. Otherss and specifiedss are not words.",
		"Unspecified asthma. Nonspecified pain, not otherwise specified.",
		"OTHER fracture of the femur. Specified? No.",
	}
	words := []string{"other", "Other", "others", "OTHERS", "otherss", "specified", "Specified", "specifieds",
		"unspecified", "nonspecified", "another", "no", "denies", "without", "not", "with", "fracture", "pain",
		"knee", "left", "of", "the", "and", ",", ";", "disorder", "s", "ther"}
	rng := rand.New(rand.NewPCG(38, 1))
	for range 3000 {
		var b strings.Builder
		for s := range 1 + rng.IntN(4) {
			if s > 0 {
				b.WriteString(". ")
			}
			for k := range 1 + rng.IntN(12) {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		notes = append(notes, b.String()+".")
	}
	yes, no := 0, 0
	for _, note := range notes {
		doc := pipe.Analyze(note)
		var sr, plain sentenceRanges
		sr.index(doc)
		plain.index(doc)
		var memo otherMemo
		memo.reset(len(sr.tok))
		for range 2 {
			for _, s := range rng.Perm(len(doc.Sentences) + 2) {
				s-- // from -1 to one past the last
				want := saysOther(doc, &plain, s)
				if want {
					yes++
				} else {
					no++
				}
				if got := sr.affirmsOther(doc, s); got != want {
					t.Fatalf("%q sentence %d: affirmsOther = %v, saysOther %v", note, s, got, want)
				}
				if got := memo.says(doc, &sr, s); got != want {
					t.Fatalf("%q sentence %d: otherMemo.says = %v, saysOther %v", note, s, got, want)
				}
			}
		}
	}
	if yes < 1000 || no < 1000 {
		t.Fatalf("%d sentences say other, %d do not: the test reads too few of either", yes, no)
	}
}
