package suggest

import "medcode/corpus"

// codeSlots finds the candidate collect gathers a code's mentions in: an
// open-addressing table of codes (linear probing, at most half full), so
// the lookup each mention makes is a multiply and a probe or two rather
// than a map access. It lives in the note's sentence scratch and is
// emptied, not freed, per note. A slot holds its code and candidate
// together: the probe that finds the code has the candidate in the same
// cache line, where a table of codes and one of candidates read two
// (candidateOf's first-level cache misses a dev note 355 -> 217).
type codeSlots struct {
	slots []codeSlot
	n     int // codes held
	bits  uint8
}

// codeSlot is one slot of codeSlots: a code (0: empty, no code has ID 0)
// and its candidate (nil: none yet).
type codeSlot struct {
	key corpus.ID
	c   *candidate
}

// minSlotBits sizes a fresh table: 256 slots.
const minSlotBits = 8

// slotOf returns the slot of k: where k is, or the empty slot where it
// goes.
func (s *codeSlots) slotOf(k corpus.ID) int {
	mask := len(s.slots) - 1
	i := int(hashSlot(uint32(k), 32-uint32(s.bits))) // notepos.go
	for s.slots[i].key != k && s.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	return i
}

// get returns the candidate of code k, nil when there is none.
func (s *codeSlots) get(k corpus.ID) *candidate {
	if s.n == 0 {
		return nil
	}
	return s.slots[s.slotOf(k)].c
}

// put files c as code k's candidate (k > 0), replacing any there.
func (s *codeSlots) put(k corpus.ID, c *candidate) { *s.ref(k) = c }

// ref returns code k's slot (k > 0), filing k with no candidate (nil)
// when it has none: candidateOf's get-then-put in one probe.
func (s *codeSlots) ref(k corpus.ID) **candidate {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	sl := &s.slots[s.slotOf(k)]
	if sl.key == 0 {
		sl.key = k
		s.n++
	}
	return &sl.c
}

// grow doubles the table (or makes its first), refiling what it holds.
func (s *codeSlots) grow() {
	old := s.slots
	s.bits = max(s.bits+1, minSlotBits)
	s.slots = make([]codeSlot, 1<<s.bits)
	for _, sl := range old {
		if sl.key != 0 {
			s.slots[s.slotOf(sl.key)] = sl
		}
	}
}

// reset empties the table, keeping its room.
func (s *codeSlots) reset() {
	if s.n > 0 {
		clear(s.slots)
		s.n = 0
	}
}
