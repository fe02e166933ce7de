package suggest

import "medcode/corpus"

// mayGive reports whether giveWay may find a rule for a code of support
// sa against a replacement of support sb and code d that mayYield passes
// (both supports' pairFacts filled): a necessary condition made of the
// flags and masks alone, each rule's own first tests. The contradiction
// wants sa "without complication", sb with one, both of one category
// (unknown categories may be the same); the reason's, a reason not asked
// for and an answer not a symptom; the others, sb documented by an exact
// name and sa a symptom beside a non-symptom (maySymptom), or unspecified
// in sb's category, or one of its Index paths' bits among sb's within
// prefixes' (reachedThrough's first test). Most pairs resolveConflicts
// tries fail it, so the loop skips giveWay's call for them (TestMayGive
// holds it to giveWay).
func mayGive(sa, sb *support, d string) bool {
	if sa.reason && !sa.asked && sb.answer && !sb.symptom {
		return true
	}
	if sb.level < 2 {
		return false
	}
	if sa.symptom && !sb.symptom && maySymptom(sa, sb, d) {
		return true
	}
	sameCat := sa.cat == sb.cat || sa.cat < 0 || sb.cat < 0
	return sameCat && (sa.unspecified || sa.withoutComp && sb.withComp) ||
		sa.names.pathCount() > 0 && sb.names.withinBits.meets(&sa.names.pathsBits)
}

// maySymptom reports whether symptom sa may be integral to code d of
// support sb: d starts with one of sa's integral prefixes (integralIn),
// or every stem of sa's title is in the masks of sb's names' (both of
// namesSymptom's first tests, on the union of its names). A mask not
// read yet says maybe.
func maySymptom(sa, sb *support, d string) bool {
	if !sa.lists || integralIn(d, sa) {
		return true
	}
	if !sa.keyRead || !sb.stemsRead {
		return true
	}
	return stemsHeld(sa, sb)
}

// stemsHeld is maySymptom's masks' test, both masks read: every stem of
// symptom sa's title is in the masks of sb's names'.
func stemsHeld(sa, sb *support) bool {
	return !sa.keyNone && sa.keyMask&^sb.stemsAny == 0 && sa.keyBits&^sb.stemBitsAny == 0
}

// needMasks reports whether symptomMasks would read something for sa
// beside code d of support sb: most pairs have all they need read.
func needMasks(sa, sb *support, d string) bool {
	return !sa.lists || (!sa.keyRead || !sb.stemsRead) && !integralIn(d, sa)
}

// symptomMayRead is the resolve loop's symptom test of a pair: when read
// is set and needMasks says so, symptomMasks first, then maySymptom, in
// one call (the loop made two, each passing the pair). Most pairs have
// all they need read: they are judged first, the masks' test before
// integralIn's (both only read). TestSymptomMayRead holds it to the
// three calls.
func (e *Engine) symptomMayRead(sa *support, ab *corpus.Brief, sb *support, d string, read bool) bool {
	if sa.lists && sa.keyRead && sb.stemsRead { // needMasks is false
		return stemsHeld(sa, sb) || integralIn(d, sa)
	}
	if read && needMasks(sa, sb, d) {
		e.symptomMasks(sa, ab, sb, d)
	}
	return maySymptom(sa, sb, d)
}

// symptomMasks fills what maySymptom reads for symptom sa (code ab)
// beside code d of support sb: sa's integral prefixes (pairLists), and
// when d starts with none of them, sa's title stem masks and sb's
// names' stem masks, each read once per candidate.
func (e *Engine) symptomMasks(sa *support, ab *corpus.Brief, sb *support, d string) {
	e.pairLists(sa, ab)
	if integralIn(d, sa) {
		return
	}
	if !sa.keyRead {
		k := e.keysOf(sa.names)
		sa.keyMask, sa.keyBits, sa.keyNone, sa.keyRead = k.keyMask, k.keyBits, len(k.key) == 0, true
	}
	if !sb.stemsRead {
		st := e.stemsOf(sb.names)
		sb.stemsAny, sb.stemBitsAny, sb.stemsRead = st.stemsAny, st.stemBitsAny, true
	}
}
