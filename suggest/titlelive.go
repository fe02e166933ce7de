package suggest

import "medcode/corpus"

// liveTitles holds, for one note, the title facts (titleOf) and category
// keys (categoryKey) of the live candidates' codes, in live order:
// specific and refine ask them of the same candidates several times, and
// each titleOf is a memo fetch that mostly misses the processor's cache.
// An entry is read again whenever the candidate's code is not the one it
// was read for, so a caller never sees another code's facts.
type liveTitles struct {
	codes []corpus.ID  // the code (target.anyCode) each entry was read for
	facts []*titleFact // titleOf(codes[i])
	cats  []uint32     // categoryKey of codes[i]'s code, 0 when not read yet
}

// of returns the title facts of live's codes, index for index.
func (t *liveTitles) of(e *Engine, live []*candidate) []*titleFact {
	for len(t.codes) < len(live) {
		t.codes = append(t.codes, -1)
		t.facts = append(t.facts, nil)
		t.cats = append(t.cats, 0)
	}
	for i, c := range live {
		if k := c.tgt.anyCode(); t.facts[i] == nil || t.codes[i] != k {
			t.codes[i], t.facts[i], t.cats[i] = k, e.titleOf(k), 0
		}
	}
	return t.facts[:len(live)]
}

// cat returns the categoryKey of live candidate i's code; of must have
// been called with the same live since its code last changed.
func (t *liveTitles) cat(e *Engine, i int) uint32 {
	if t.cats[i] == 0 {
		t.cats[i] = categoryKey(e.set.CodeString(t.codes[i]))
	}
	return t.cats[i]
}

// reset forgets the note's codes and facts.
func (t *liveTitles) reset() {
	clear(t.facts)
	t.codes, t.facts, t.cats = t.codes[:0], t.facts[:0], t.cats[:0]
}
