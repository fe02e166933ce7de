package suggest

// giveGate is what mayGive reads of a candidate's own support, made once
// per candidate by the resolve loop rather than once per pair: the loop
// tries ~590 pairs a 2 KB note, most of which the gate rejects on the
// replacement's flags alone without mayGive's call (TestGiveGate holds
// may to mayGive).
type giveGate struct {
	reason  bool      // a reason not asked for: any answer not a symptom explains it
	symptom bool      // a symptom: maySymptom judges each non-symptom of level 2
	catRule bool      // unspecified or "without complication": the category rules apply
	unspec  bool      // unspecified: the category alone says it
	cat     int32     // the code's category number, -1 when not known
	paths   *pathBits // the Index paths' bits, nil when the code has none
}

// gateOf is sa's gate (decide and pairFacts done: asked is final).
func gateOf(sa *support) giveGate {
	g := giveGate{
		reason:  sa.reason && !sa.asked,
		symptom: sa.symptom,
		catRule: sa.unspecified || sa.withoutComp,
		unspec:  sa.unspecified,
		cat:     sa.cat,
	}
	if sa.names.pathCount() > 0 {
		g.paths = &sa.names.pathsBits
	}
	return g
}

// may is mayGive(sa, sb, d) for g = gateOf(sa), its rules' tests
// reordered (flags, named, symptom: each small enough to be inlined,
// which may itself is not; the resolve loop spells it out).
func (g *giveGate) may(sa, sb *support, d string) bool {
	return g.flags(sb) || g.named(sb) || g.symptomMay(sa, sb, d)
}

// flags is may's test of sb's flags: the reason's rule, or the
// category's for a replacement of level 2.
func (g *giveGate) flags(sb *support) bool {
	if g.reason && sb.answer && !sb.symptom {
		return true
	}
	return sb.level >= 2 && g.catRule && (g.cat == sb.cat || g.cat < 0 || sb.cat < 0) && (g.unspec || sb.withComp)
}

// named is may's test of the Index paths: one of their bits among the
// within prefixes' of sb (of level 2).
func (g *giveGate) named(sb *support) bool {
	return g.paths != nil && sb.level >= 2 && sb.names.withinBits.meets(g.paths)
}

// symptomMay is may's test of a symptom: integral to d, a non-symptom of
// level 2 (maySymptom).
func (g *giveGate) symptomMay(sa, sb *support, d string) bool {
	return g.symptom && !sb.symptom && sb.level >= 2 && maySymptom(sa, sb, d)
}
