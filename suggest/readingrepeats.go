package suggest

import "encoding/binary"

// readingRepeatsMin is the fewest mentions for which readingRepeats keeps
// a table; below it, sameReadingBefore's scan is cheapest.
const readingRepeatsMin = 64

// readingRepeats answers sameReadingBefore for every mention of a list in
// linear time: a phrase repeated through a long note gives a candidate
// thousands of mentions, which the scan would compare pairwise.
type readingRepeats struct {
	// first maps a sentence and positions (readingKey) to the first
	// mention, not learned, that reads them; nil for a short list.
	first map[string]int
}

// readingRepeatsOf prepares the answers for ms.
func readingRepeatsOf(ms []mention) readingRepeats {
	if len(ms) < readingRepeatsMin {
		return readingRepeats{}
	}
	r := readingRepeats{first: make(map[string]int, len(ms))}
	var key []byte
	for i := range ms {
		if ms[i].learned {
			continue
		}
		key = readingKey(key[:0], &ms[i])
		if _, ok := r.first[string(key)]; !ok {
			r.first[string(key)] = i
		}
	}
	return r
}

// before is sameReadingBefore(ms, i), ms being the list r was made of.
func (r readingRepeats) before(ms []mention, i int) bool {
	if r.first == nil {
		return sameReadingBefore(ms, i)
	}
	var buf [64]byte
	k, ok := r.first[string(readingKey(buf[:0], &ms[i]))]
	return ok && k < i
}

// readingKey appends m's sentence and positions to dst, 8 and 4 bytes
// each: two mentions have the same key exactly when both are the same.
func readingKey(dst []byte, m *mention) []byte {
	dst = binary.LittleEndian.AppendUint64(dst, uint64(int64(m.sent)))
	for _, p := range m.hit.Positions {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(p))
	}
	return dst
}
