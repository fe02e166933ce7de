package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestGiveGate holds the resolve loop's gate to mayGive: for random pairs
// of the release's codes under random flags, unknown categories and
// symptom masks read or not, gateOf(sa).may says what mayGive says, and so
// do its three tests as the loop spells them out.
func TestGiveGate(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	all := e.set.IDs(corpus.ICD10CM)
	rng := rand.New(rand.NewPCG(20, 11))
	held := 0
	for range 60000 {
		a, b := all[rng.IntN(len(all))], all[rng.IntN(len(all))]
		fa, fb := rng.IntN(32), rng.IntN(64)
		sa, sb := flaggedSupports(e, a, b, fa, fb)
		if rng.IntN(8) == 0 {
			sa.cat = -1
		}
		if rng.IntN(8) == 0 {
			sb.cat = -1
		}
		ab, bb := e.set.Brief(a), e.set.Brief(b)
		d := bb.Code
		if rng.IntN(16) == 0 {
			d = ""
		}
		if rng.IntN(2) == 0 {
			e.symptomMasks(&sa, &ab, &sb, d)
		}
		want := mayGive(&sa, &sb, d)
		g := gateOf(&sa)
		if got := g.may(&sa, &sb, d); got != want {
			t.Fatalf("%s beside %s (%d, %d): may %v, mayGive %v", ab.Code, bb.Code, fa, fb, got, want)
		}
		if got := g.flags(&sb) || g.named(&sb) || g.symptomMay(&sa, &sb, d); got != want {
			t.Fatalf("%s beside %s (%d, %d): spelled out %v, mayGive %v", ab.Code, bb.Code, fa, fb, got, want)
		}
		// The resolve loop's form: the replacement's record (replfacts.go).
		rec := replFactOf(&sb, b, 7)
		if g.flagsRec(&rec) != g.flags(&sb) || g.namedRec(&rec) != g.named(&sb) {
			t.Fatalf("%s beside %s (%d, %d): record flags %v named %v, support flags %v named %v", ab.Code, bb.Code, fa, fb,
				g.flagsRec(&rec), g.namedRec(&rec), g.flags(&sb), g.named(&sb))
		}
		if got := g.flagsRec(&rec) || g.namedRec(&rec) || g.symptom && rec.symptomBeside() && maySymptom(&sa, &sb, d); got != want {
			t.Fatalf("%s beside %s (%d, %d): on the record %v, mayGive %v", ab.Code, bb.Code, fa, fb, got, want)
		}
		// A lessOnly code not unspecified: the loop's one test.
		if lessOnly(&sa) && !sa.unspecified && rec.namedIn(&sa.names.pathsBits) != want {
			t.Fatalf("%s beside %s (%d, %d): namedIn %v, mayGive %v", ab.Code, bb.Code, fa, fb, !want, want)
		}
		if rec.symptomBeside() != (!sb.symptom && sb.level >= 2) || rec.code != b || rec.j != 7 || rec.within != sb.names.withinBits {
			t.Fatalf("%s beside %s (%d, %d): record %+v of support %+v", ab.Code, bb.Code, fa, fb, rec, sb)
		}
		if want {
			held++
		}
	}
	if held < 1000 {
		t.Fatalf("only %d pairs pass", held)
	}
}

// flagsRec is giveGate.flags on the replacement r records: both of its
// rules on the record's flags, as the resolve loop read them before it
// made the reason's exact (reasonRec).
func (g *giveGate) flagsRec(r *replFact) bool {
	if g.reason && r.flags&replAnswer != 0 {
		return true
	}
	return g.catRec(r)
}
