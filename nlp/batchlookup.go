package nlp

import "encoding/binary"

// candidate returns the word the vocabulary most likely holds for the
// hash h, reading only the shard table's slots (not the words): the first
// word with hash h; nil when the form is surely new to the shard. A
// caller checks the candidate's spelling and falls back to find when it
// differs (a collision). Reading every token's slots first, then every
// candidate word, lets the processor fetch the words of a note in
// parallel rather than one cache miss after another.
func (v *vocab) candidate(h uint32) *word {
	st := v.shards[h%vocabShards].table.Load()
	if st == nil {
		return nil
	}
	return st.probe(h)
}

// spells reports whether w, which may be nil, is spelled b: whether
// cand, the candidate for b's hash, is b's word (else find it). A form of at
// most eight bytes whose slice has room for eight is compared by its head
// (word.head), in one load, rather than by memequal.
func (w *word) spells(b []byte) bool {
	if w == nil || len(w.norm) != len(b) {
		return false
	}
	if len(b) <= 8 && cap(b) >= 8 {
		return w.head == binary.LittleEndian.Uint64(b[:8])&(1<<(8*uint(len(b)))-1)
	}
	return w.norm == string(b)
}

// touchWords reads every candidate word and the first byte of its
// spelling, in a loop so short that the processor has many of these
// loads in flight at once: the words and spellings makeTokens reads next
// are then in the cache. It returns a sum of what it read, which the
// caller keeps (only so that the loads are not optimised away).
func touchWords(look []*word) int {
	sum := 0
	for _, c := range look {
		if c != nil && len(c.norm) > 0 {
			sum += int(c.norm[0])
		}
	}
	return sum
}
