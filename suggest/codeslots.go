package suggest

import "medcode/corpus"

// codeSlots finds the candidate collect gathers a code's mentions in: an
// open-addressing table of codes (linear probing, at most half full), so
// the lookup each mention makes is a multiply and a probe or two rather
// than a map access. It lives in the note's sentence scratch and is
// emptied, not freed, per note.
type codeSlots struct {
	keys []corpus.ID // 0: an empty slot (no code has ID 0)
	vals []*candidate
	n    int // codes held
	bits uint8
}

// minSlotBits sizes a fresh table: 256 slots.
const minSlotBits = 8

// slotOf returns the slot of k: where k is, or the empty slot where it
// goes.
func (s *codeSlots) slotOf(k corpus.ID) int {
	mask := len(s.keys) - 1
	i := int(hashSlot(uint32(k), 32-uint32(s.bits))) // notepos.go
	for s.keys[i] != k && s.keys[i] != 0 {
		i = (i + 1) & mask
	}
	return i
}

// get returns the candidate of code k, nil when there is none.
func (s *codeSlots) get(k corpus.ID) *candidate {
	if s.n == 0 {
		return nil
	}
	return s.vals[s.slotOf(k)]
}

// put files c as code k's candidate (k > 0), replacing any there.
func (s *codeSlots) put(k corpus.ID, c *candidate) { *s.ref(k) = c }

// ref returns code k's slot (k > 0), filing k with no candidate (nil)
// when it has none: candidateOf's get-then-put in one probe.
func (s *codeSlots) ref(k corpus.ID) **candidate {
	if 2*(s.n+1) > len(s.keys) {
		s.grow()
	}
	i := s.slotOf(k)
	if s.keys[i] == 0 {
		s.keys[i] = k
		s.n++
	}
	return &s.vals[i]
}

// grow doubles the table (or makes its first), refiling what it holds.
func (s *codeSlots) grow() {
	keys, vals := s.keys, s.vals
	s.bits = max(s.bits+1, minSlotBits)
	s.keys = make([]corpus.ID, 1<<s.bits)
	s.vals = make([]*candidate, 1<<s.bits)
	for i, k := range keys {
		if k != 0 {
			j := s.slotOf(k)
			s.keys[j], s.vals[j] = k, vals[i]
		}
	}
}

// reset empties the table, keeping its room.
func (s *codeSlots) reset() {
	if s.n > 0 {
		clear(s.keys)
		clear(s.vals)
		s.n = 0
	}
}
