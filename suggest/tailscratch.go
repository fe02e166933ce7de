package suggest

import (
	"time"

	"medcode/corpus"
)

// tailScratch is the scratch memory of Suggest's scoring and rendering
// tail (work.tail): reused from note to note, emptied by putWork.
type tailScratch struct {
	// alt is alternatives' scratch.
	alt altScratch
	// evs are renderAll's evidence spans before their copy into the
	// result, evEnds where each suggestion's end; evb is renderEvidence's
	// spans of one merged candidate. Emptied (cleared) after each use.
	evs, evb []Evidence
	evEnds   []int
	// keys are the sort keys of sortScored.
	keys []scoreKey
	// packed are packedOrder's keys (ranksort.go).
	packed []uint64
	// merged finds the kept candidate of a code in Suggest's merge.
	merged mergeTable
	// repl are the resolve loop's records of its replacements
	// (replfacts.go): they point only into the engine's memos.
	repl []replFact
	// rej is sortRejections' and dedupeRejected's scratch (rejectorder.go).
	rej rejectOrder
	// dated says, per system asked about in this note, whether its
	// release covers the date of service (covers).
	dated []systemCover
}

// bindEvidence gives rs, in order, the evidence spans gathered in evs
// (rs[i]'s end at evEnds[i]), copied to one array, *buf's (reuse), and
// empties evs and evEnds: one array for a note's rejections, not one
// each, and none when the result's arrays are reused (Engine.Release).
func (s *tailScratch) bindEvidence(rs []Rejection, buf *[]Evidence) {
	if len(s.evEnds) == 0 {
		return
	}
	evs := reuse(buf, len(s.evs))[:len(s.evs)]
	*buf = evs // its length the end of what is written (Engine.Release)
	copy(evs, s.evs)
	lo := 0
	for i, hi := range s.evEnds {
		rs[i].Evidence = evs[lo:hi:hi]
		lo = hi
	}
	clear(s.evs) // the scratch keeps no note's strings
	s.evs, s.evEnds = s.evs[:0], s.evEnds[:0]
}

// systemCover is whether the release of a system covers the note's date.
type systemCover struct {
	system corpus.System
	covers bool
}

// reset empties s for the next note: the rejections' systems and
// evidence spans (strings of the last result) and the systems' cover of
// its date go.
func (s *tailScratch) reset() {
	s.rej.reset()
	s.dated = s.dated[:0]
	clear(s.evs)
	s.evs, s.evEnds = s.evs[:0], s.evEnds[:0]
}

// covers is whether set's release of system sys covers the date of
// service d (true when the set has no release of it), looked up once per
// system in a note: dated must be emptied when the note's scoring starts.
func (s *tailScratch) covers(set *corpus.Set, sys corpus.System, d time.Time) bool {
	for _, c := range s.dated {
		if c.system == sys {
			return c.covers
		}
	}
	r, ok := set.Release(sys)
	c := !ok || r.Covers(d)
	s.dated = append(s.dated, systemCover{system: sys, covers: c})
	return c
}
