package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
	"medcode/nlp"
)

// TestCoveringInjury holds coveringInjury to coveringInjuryPlain (the
// same injury, by index, or none) over random notes of injury, stop and
// other words, random specific injuries and random codes of every kind
// the rule reads: vague injuries, Z76.89, unspecified codes elsewhere,
// other codes, CPT; spans of one to three tokens, some sharing words.
func TestCoveringInjury(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 5))
	words := []struct {
		norm string
		stop bool
	}{{"fracture", false}, {"bite", false}, {"infection", false}, {"of", true}, {"the", true},
		{"leg", false}, {"wound", false}, {"kidney", false}, {"fever", false}, {"and", true}}
	codes := []struct{ code, display string }{
		{"S81.851A", "Open bite, right lower leg, initial encounter"},
		{"S82.201A", "Unspecified fracture of shaft of right tibia"},
		{"S80.911A", "Unspecified injury of right knee"},
		{"T14.90XA", "Injury, unspecified, initial encounter"},
		{"T81.41XA", "Infection following a procedure, superficial incisional surgical site"},
		{"Z76.89", "Persons encountering health services in other specified circumstances"},
		{"B99.9", "Unspecified infectious disease"},
		{"N28.9", "Disorder of kidney and ureter, UNSPECIFIED"},
		{"R50.9", "Fever, unspecified"},
		{"M27.0", "Developmental disorders of jaws"},
		{"W54.0XXA", "Bitten by dog, initial encounter"},
	}
	found, none := 0, 0
	for range 30000 {
		doc := &nlp.Document{}
		pos, sent := 0, 0
		for range 4 + rng.IntN(12) {
			w := words[rng.IntN(len(words))]
			doc.Tokens = append(doc.Tokens, nlp.Token{Start: pos, End: pos + len(w.norm), Norm: w.norm, Stop: w.stop, Sent: sent})
			pos += len(w.norm) + 1
			if rng.IntN(6) == 0 {
				sent++
			}
		}
		span := func() []Evidence {
			var evs []Evidence
			for range 1 + rng.IntN(2) {
				a := rng.IntN(len(doc.Tokens))
				b := min(len(doc.Tokens)-1, a+rng.IntN(3))
				evs = append(evs, Evidence{Start: doc.Tokens[a].Start, End: doc.Tokens[b].End})
			}
			return evs
		}
		sugg := func() Suggestion {
			c := codes[rng.IntN(len(codes))]
			sys := string(corpus.ICD10CM)
			if rng.IntN(10) == 0 {
				sys = string(corpus.CPT)
			}
			return Suggestion{System: sys, Code: c.code, Display: c.display, Evidence: span()}
		}
		var specific []Suggestion
		for range 1 + rng.IntN(4) {
			if o := sugg(); specificInjury(&o) && !vagueInjury(&o) {
				specific = append(specific, o)
			}
		}
		s := sugg()
		fast, plain := make([]int8, len(specific)), make([]int8, len(specific))
		p := coverProbe{doc: doc, evs: s.Evidence}
		got, want := coveringInjury(doc, specific, fast, &s, &p), coveringInjuryPlain(doc, specific, plain, &s)
		if got != want {
			t.Fatalf("coveringInjury(%s %q, %v) = %v, want %v (specific %v)", s.Code, s.Display, s.Evidence, got, want, specific)
		}
		for k := range fast { // a state read by both is the same
			if fast[k] != 0 && plain[k] != 0 && fast[k] != plain[k] {
				t.Fatalf("states[%d] = %d, plain %d", k, fast[k], plain[k])
			}
		}
		for _, o := range append(specific, sugg(), sugg()) { // the probe alone
			if got, want := p.covers(o.Evidence), strictlyCovers(doc, o.Evidence, s.Evidence); got != want {
				t.Fatalf("coverProbe(%v).covers(%v) = %v, want %v", s.Evidence, o.Evidence, got, want)
			}
		}
		if want != nil {
			found++
		} else {
			none++
		}
	}
	if found < 1000 || none < 1000 {
		t.Fatalf("found %d, none %d: the cases do not exercise both answers", found, none)
	}
}
