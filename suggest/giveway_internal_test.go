package suggest

import (
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// giveWayPlain is giveWay reading both codes' notes (pairedWith) before
// any rule, as it once did: giveWay reads them only once a rule would
// hold.
func (e *Engine) giveWayPlain(a, b *scored, ab, bb *corpus.Brief, sa, sb *support, annotate bool) (string, giveWhy) {
	if !mayYield(a, b, sa, sb) {
		return "", 0
	}
	sameCat := sa.cat == sb.cat
	if sa.cat < 0 || sb.cat < 0 {
		sameCat = category(ab.Code) == category(bb.Code)
	}
	if sa.withoutComp && sameCat && sb.level == 2 && !b.c.sibling && sb.withComp {
		return "contradicted", whyComplication
	}
	if annotate {
		return "", 0
	}
	na, nb := sa.names, sb.names
	explained := sa.reason && !sa.asked && sb.answer && !sb.symptom && explainedIn(bb.Code, sb, e.pairLists(sa, ab))
	symptomPair := sa.symptom && !sb.symptom
	less := sameCat && sa.unspecified || na.pathCount() > 0 && reachedThrough(na, nb)
	if !explained && (sb.level < 2 || !symptomPair && !less) {
		return "", 0
	}
	if pairedWith(na, bb.Code) || pairedWith(nb, ab.Code) {
		return "", 0
	}
	if explained {
		return "integral_symptom", whyExplained
	}
	if sb.level < 2 {
		return "", 0
	}
	if symptomPair {
		if integralIn(bb.Code, e.pairLists(sa, ab)) {
			return "integral_symptom", whyIntegral
		}
		if namesSymptom(e.keysOf(na), e.stemsOf(nb)) {
			return "integral_symptom", whyNamed
		}
	}
	if less && e.specifies(na, e.keysOf(na), b) {
		return "less_specific", whyMore
	}
	return "", 0
}

// flaggedSupports are the supports of codes a (level 2) and b (level
// fb&3, 3 read as 2) with their pair facts, flagged by the bits of fa (a's
// withoutComp, reason, asked, symptom, unspecified) and fb (b's symptom,
// answer, withComp, unspecified from bit 2): every combination the
// conflict tests try.
func flaggedSupports(e *Engine, a, b corpus.ID, fa, fb int) (sa, sb support) {
	sa, sb = support{level: 2}, support{level: min(fb&3, 2)}
	e.pairFacts(&sa, a)
	e.pairFacts(&sb, b)
	sa.withoutComp, sa.reason, sa.asked, sa.symptom, sa.unspecified = fa&1 != 0, fa&2 != 0, fa&4 != 0, fa&8 != 0, fa&16 != 0
	sb.symptom, sb.answer, sb.withComp, sb.unspecified = fb&4 != 0, fb&8 != 0, fb&16 != 0, fb&32 != 0
	return sa, sb
}

// TestGiveWayPlain holds giveWay to giveWayPlain over every pair of a
// small code set whose notes pair some codes, under every combination of
// the supports' flags, and mayGive to both: a pair it skips has no rule.
func TestGiveWayPlain(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "R65.21", Display: "Severe sepsis with septic shock",
			Notes: corpus.Notes{CodeFirst: []string{"underlying infection, such as: sepsis (A41.9)"}}},
		{System: corpus.ICD10CM, Code: "A41.9", Display: "Sepsis, unspecified organism"},
		{System: corpus.ICD10CM, Code: "N40.1", Display: "Benign prostatic hyperplasia with lower urinary tract symptoms",
			Notes: corpus.Notes{UseAdditional: []string{"code for associated symptoms, if specified: urinary frequency (R35.0)"}}},
		{System: corpus.ICD10CM, Code: "R35.0", Display: "Frequency of micturition"},
		{System: corpus.ICD10CM, Code: "R30.0", Display: "Dysuria"},
		{System: corpus.ICD10CM, Code: "N39.0", Display: "Urinary tract infection, site not specified"},
		{System: corpus.ICD10CM, Code: "R10.9", Display: "Unspecified abdominal pain"},
		{System: corpus.ICD10CM, Code: "K35.80", Display: "Unspecified acute appendicitis",
			Notes: corpus.Notes{CodeAlso: []string{"abdominal pain (R10.9)"}}},
		{System: corpus.ICD10CM, Code: "K80.20", Display: "Calculus of gallbladder without cholecystitis without obstruction"},
		{System: corpus.ICD10CM, Code: "K80.21", Display: "Calculus of gallbladder without cholecystitis with obstruction"},
		{System: corpus.ICD10CM, Code: "I10", Display: "Essential (primary) hypertension", Names: []corpus.Name{
			{Text: "Hypertension", Kind: corpus.NameIndex}}},
		{System: corpus.ICD10CM, Code: "I12.9", Display: "Hypertensive chronic kidney disease", Names: []corpus.Name{
			{Text: "Hypertension, kidney", Kind: corpus.NameIndex}}},
	}, nil)
	e, id := conflictEngine(t, set)
	var codes []string
	for _, c := range set.Codes(corpus.ICD10CM) {
		codes = append(codes, c.Code)
		// keysOf and stemsOf read the index, which this engine has not:
		// the memos are filled with names that say nothing.
		n := e.conflictNames(id(c.Code))
		n.key.Store(&conflictKeys{})
		n.stems.Store(&conflictStems{})
	}
	for _, p := range [][2]string{{"R65.21", "A41.9"}, {"N40.1", "R35.0"}, {"K35.80", "R10.9"}} {
		if !pairedWith(e.conflictNames(id(p[0])), p[1]) {
			t.Fatalf("%s's notes do not pair %s", p[0], p[1])
		}
	}
	rules, skipped, loopSkipped, explained := map[string]int{}, 0, 0, 0
	for _, ac := range codes {
		for _, bc := range codes {
			for fa := range 64 {
				for fb := range 64 {
					sa, sb := flaggedSupports(e, id(ac), id(bc), fa, fb)
					annotate := fa&32 != 0
					a := scored{c: &candidate{}, code: id(ac)}
					b := scored{c: &candidate{}, code: id(bc)}
					ab, bb := set.Brief(a.code), set.Brief(b.code)
					pa, pb := sa, sb
					rule, why := e.giveWay(&a, &b, &ab, &bb, &sa, &sb, annotate)
					wrule, wwhy := e.giveWayPlain(&a, &b, &ab, &bb, &pa, &pb, annotate)
					if rule != wrule || why != wwhy {
						t.Errorf("%s beside %s (%d, %d): giveWay %q %d, giveWayPlain %q %d", ac, bc, fa, fb, rule, why, wrule, wwhy)
					}
					if pa.symptom {
						e.symptomMasks(&pa, &ab, &pb, bc)
					}
					if may := mayGive(&pa, &pb, bc); !may {
						skipped++
						if wrule != "" {
							t.Errorf("%s beside %s (%d, %d): mayGive skips rule %s", ac, bc, fa, fb, wrule)
						}
					}
					// The resolve loop's gate, the reason's rule made exact
					// (reasonRec, a's lists read).
					e.pairLists(&pa, &ab)
					g, rec := gateOf(&pa), replFactOf(&pb, b.code, 1)
					loopMay := g.catRec(&rec) || g.namedRec(&rec) || g.reasonRec(&rec, bc, &pb, &pa) ||
						g.symptom && rec.symptomBeside() && maySymptom(&pa, &pb, bc)
					if !loopMay {
						loopSkipped++
						if wrule != "" {
							t.Errorf("%s beside %s (%d, %d): the loop's gate skips rule %s", ac, bc, fa, fb, wrule)
						}
					}
					if why == whyExplained {
						explained++
					}
					rules[wrule]++
				}
			}
		}
	}
	if rules["integral_symptom"] < 100 || rules["contradicted"] < 100 || skipped < 1000 || explained < 100 || loopSkipped <= skipped {
		t.Fatalf("too few rules found: %v (%d explained), or pairs mayGive skips: %d (the loop's gate %d)", rules, explained, skipped, loopSkipped)
	}
}
