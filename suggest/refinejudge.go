package suggest

import (
	"medcode/corpus"
	"medcode/nlp"
)

// refineJudge weighs the readings of a vague code's sentences as its
// refinement (consider). It is made once per note and started for each
// vague code (start): a closure made per vague code copied every value it
// captured, most vague codes having no reading to weigh.
type refineJudge struct {
	e     *Engine
	w     *work
	doc   *nlp.Document
	sc    *refineScratch
	sides []string // the side stems (sideStems)

	// The vague code weighed: its candidate, code and title stems.
	v     *candidate
	vcode corpus.ID
	vt    []string
	// m is the mention of v read, implied its sentence's test (set per
	// mention by the caller).
	m       *mention
	implied func(string) bool
	// The best reading so far: its candidate, extra content words, score
	// and whether its code claims an "other" variety.
	best      *candidate
	bestExtra int
	bestScore float64
	bestOther bool
}

// start readies j for vague candidate v (code vcode, title stems vt):
// no best reading yet.
func (j *refineJudge) start(v *candidate, vcode corpus.ID, vt []string) {
	j.v, j.vcode, j.vt = v, vcode, vt
	j.best, j.bestExtra, j.bestScore, j.bestOther = nil, 0, 0, false
}

// memoOf is reading r's memory, made (zero) on first need. The pointer
// is valid until the next memoOf.
func (j *refineJudge) memoOf(r *refineReading) *refineMemo {
	sc := j.sc
	if r.memo == 0 {
		sc.memo = append(sc.memo, refineMemo{})
		r.memo = int32(len(sc.memo))
	}
	return &sc.memo[r.memo-1]
}

// consider weighs reading r of m's sentence, which adds extra > 0 content
// words to m's (contentExtra), as v's refinement. Its callers make the
// first tests (not v's code, slack, category) and count extra: most
// readings fail them, and a call costs more than they do.
func (j *refineJudge) consider(r *refineReading, extra int) {
	e, doc, m := j.e, j.doc, j.m
	// A reading that would not beat the best so far is not judged
	// further: what follows only ever rejects it.
	score := scoreOf(r.m) // scoreat.go: in place
	ob := r.titleOther
	switch {
	case j.best == nil, extra > j.bestExtra:
	case extra < j.bestExtra:
		return
	case ob != j.bestOther:
		if ob {
			return
		}
	case score > j.bestScore:
	case score < j.bestScore:
		return
	default:
		if e.set.CodeString(r.code) >= e.set.CodeString(j.best.tgt.anyCode()) {
			return
		}
	}
	if !besideWords(doc, m.hit.Positions, r.m.hit.Positions) || !readsWithin(doc, m.hit.Positions, r.m.hit.Positions) {
		return
	}
	// What follows reads only r, v and their sentence (r reads m's):
	// judged once per pair.
	mm := j.memoOf(r)
	if mm.tailOf != j.v {
		mm.tailOf, mm.tailBad = j.v, false
		if mm.stems == nil {
			mm.stems = e.readingStems(r.m)
		}
		if !mm.unreadOK {
			// The reading's sentence is m's: implied is its.
			sc := j.sc
			at := len(sc.unread)
			sc.unread = unreadStems(doc, r.m, mm.stems, j.implied, sc.unread)
			mm.unread, mm.unreadOK = sc.unread[at:len(sc.unread):len(sc.unread)], true
		}
		switch {
		case e.unsaidNew(mm.unread, j.vt, r.code, j.sides) > 0:
			mm.tailBad = true // a further condition, not words the note implies
		default:
			if mm.other == 0 {
				mm.other = 1
				if otherName(r.m.name) {
					mm.other = 2
				}
			}
			switch {
			case (mm.other == 2 || r.titleOther) && !otherName(e.set.Brief(j.vcode).Display) && !saysOtherIn(doc, m.sent):
				mm.tailBad = true // an "other" variety the note does not call other (but the vague code's own)
			case saysWithout(r.m.name) && !saysWithoutNear(doc, r.m.hit.Positions):
				mm.tailBad = true // a "without" title read without the note's "without"
			case e.statesUnsaid(doc, &j.w.sr, m.sent, r.code, j.vcode, mm.stems, j.implied):
				mm.tailBad = true
			}
		}
	}
	if mm.tailBad {
		return
	}
	j.best, j.bestExtra, j.bestScore, j.bestOther = r.c, extra, score, ob
}

// readingStems is e.ix.Stems of a mention's name, analysed once per
// engine for an index name (callers only read the result).
func (e *Engine) readingStems(m *mention) []string {
	if n := m.hit.Name; n >= 0 && int(n) < e.ix.Len() && e.ix.NameText(n) == m.name {
		return e.nameStems.of(e.ix, m.hit.Name) // namestems.go
	}
	return e.ix.Stems(m.name)
}
