package suggest

import "medcode/corpus"

// replFact is what the resolve loop reads of a replacement for each
// candidate it tries against it, made once per note: its code, its Index
// prefixes' bits and the flags giveGate's tests read, in 48 bytes, where
// the loop read them from the replacement's support, score and brief (a
// bounds test, an index product and a load each) per pair. The flags
// are final once the replacement's facts are read (grade, pairFacts);
// what symptomMasks fills later is read from the support itself.
// TestGiveGate holds the record's tests to the support's.
type replFact struct {
	// within is the within prefixes' bits of its names, a copy: the
	// loop's bits test reads the dense records, not each replacement's
	// conflictNames (a cache miss a replacement and candidate when the
	// note's codes are many).
	within pathBits
	code   corpus.ID
	cat    int32 // its category number, -1 when not known
	j      int32 // its index among the scored candidates
	flags  uint8 // replAnswer, replLevel2, replWithComp, replSymptom
}

// replFact flags.
const (
	replAnswer   = 1 << iota // named in the conclusion and not a symptom: it explains a reason
	replLevel2               // documented by an exact name (level 2)
	replWithComp             // its title says " with " (a complication)
	replSymptom              // a symptom (chapter R)
)

// replFactOf is the record of replacement j (code, support sb, facts read).
func replFactOf(sb *support, code corpus.ID, j int) replFact {
	r := replFact{within: sb.names.withinBits, code: code, cat: sb.cat, j: int32(j)}
	if sb.answer && !sb.symptom {
		r.flags |= replAnswer
	}
	if sb.level >= 2 {
		r.flags |= replLevel2
	}
	if sb.withComp {
		r.flags |= replWithComp
	}
	if sb.symptom {
		r.flags |= replSymptom
	}
	return r
}

// symptomBeside reports whether the replacement of r is no symptom and of
// level 2: the replacement symptomMay and the resolve loop's mask test
// ask for.
func (r *replFact) symptomBeside() bool {
	return r.flags&(replSymptom|replLevel2) == replLevel2
}

// catRec is giveGate.flags' category rule on the replacement r records.
func (g *giveGate) catRec(r *replFact) bool {
	return r.flags&replLevel2 != 0 && g.catRule && (g.cat == r.cat || g.cat < 0 || r.cat < 0) && (g.unspec || r.flags&replWithComp != 0)
}

// reasonRec is giveGate.flags' reason rule on the record, made exact as
// giveWay asks it first: the replacement r (code d, support sb) explains
// the reason sa (explainedIn; sa's lists read). The flags alone let every
// answer of the conclusion through, most of which explain no reason.
func (g *giveGate) reasonRec(r *replFact, d string, sb, sa *support) bool {
	return g.reason && r.flags&replAnswer != 0 && explainedIn(d, sb, sa)
}

// namedRec is named of the replacement r records.
func (g *giveGate) namedRec(r *replFact) bool {
	return g.paths != nil && r.flags&replLevel2 != 0 && r.within.meets(g.paths)
}

// namedIn is namedRec for a gate whose paths' bits are pb, made with
// the bits' test first.
func (r *replFact) namedIn(pb *pathBits) bool {
	return r.within.meets(pb) && r.flags&replLevel2 != 0
}
