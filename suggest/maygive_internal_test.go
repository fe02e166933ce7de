package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestMayGive holds mayGive to giveWay over the release's codes: a pair
// mayGive rejects (its supports' masks read as the resolve loop reads
// them) is one giveWay finds no rule for, under random flags; each
// symptom is paired with codes whose titles share its title's first word
// so that namesSymptom holds for some.
func TestMayGive(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := SharedEngine(t)
	var all, symptoms []corpus.ID
	byWord := map[string][]corpus.ID{}
	firstWord := func(id corpus.ID) string {
		f := strings.Fields(strings.ToLower(e.set.Brief(id).Display))
		if len(f) == 0 {
			return ""
		}
		return f[0]
	}
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		all = append(all, id)
		for _, w := range strings.Fields(strings.ToLower(e.set.Brief(id).Display)) {
			byWord[w] = append(byWord[w], id)
		}
		if strings.HasPrefix(e.set.Brief(id).Code, "R") {
			symptoms = append(symptoms, id)
		}
	}
	rng := rand.New(rand.NewPCG(19, 5))
	rules, skipped := map[giveWhy]int{}, 0
	for range 40000 {
		a := symptoms[rng.IntN(len(symptoms))]
		if rng.IntN(4) == 0 {
			a = all[rng.IntN(len(all))]
		}
		b := all[rng.IntN(len(all))]
		if ws := byWord[firstWord(a)]; len(ws) > 0 && rng.IntN(2) == 0 {
			b = ws[rng.IntN(len(ws))]
		}
		fa, fb := rng.IntN(32), rng.IntN(64)
		if rng.IntN(2) == 0 {
			fa |= 8 // a symptom, the pairs maySymptom judges
		}
		sa, sb := flaggedSupports(e, a, b, fa, fb)
		sa.level = 2
		ka := scored{c: &candidate{}, code: a}
		kb := scored{c: &candidate{}, code: b}
		ab, bb := e.set.Brief(a), e.set.Brief(b)
		if !mayYield(&ka, &kb, &sa, &sb) {
			continue
		}
		pa, pb := sa, sb
		if pa.symptom {
			e.symptomMasks(&pa, &ab, &pb, bb.Code)
		}
		may := mayGive(&pa, &pb, bb.Code)
		if !may {
			skipped++
		}
		// The resolve loop's gate: the reason's rule made exact
		// (reasonRec, a's lists read).
		la, lb := pa, pb
		e.pairLists(&la, &ab)
		g, rec := gateOf(&la), replFactOf(&lb, b, 1)
		loopMay := g.catRec(&rec) || g.namedRec(&rec) || g.reasonRec(&rec, bb.Code, &lb, &la) ||
			g.symptom && rec.symptomBeside() && maySymptom(&la, &lb, bb.Code)
		if loopMay && !may {
			t.Errorf("%s beside %s (%d, %d): the loop's gate passes a pair mayGive skips", ab.Code, bb.Code, fa, fb)
		}
		for _, annotate := range []bool{false, true} {
			qa, qb := sa, sb
			rule, why := e.giveWay(&ka, &kb, &ab, &bb, &qa, &qb, annotate)
			if rule != "" {
				rules[why]++
				if !may {
					t.Errorf("%s beside %s (%d, %d): mayGive skips rule %s", ab.Code, bb.Code, fa, fb, rule)
				}
				if !loopMay {
					t.Errorf("%s beside %s (%d, %d): the loop's gate skips rule %s", ab.Code, bb.Code, fa, fb, rule)
				}
			}
		}
	}
	if skipped < 1000 || rules[whyNamed] < 20 || rules[whyIntegral] < 5 {
		t.Fatalf("only %d pairs skipped, rules %v", skipped, rules)
	}
}
