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

// candidates sets look[k] to the candidate of raw[k]'s hash, for every
// token: candidate's loop, in a function of its own so that nothing of
// the caller's stays live across it (makeTokens's loop, with more
// values, would keep them on the stack).
func (v *vocab) candidates(raw []rawToken, look []*word) {
	look = look[:len(raw)] // no bounds checks below
	for k := range raw {
		h := raw[k].h
		var w *word
		if st := v.shards[h%vocabShards].table.Load(); st != nil {
			w = st.probe(h)
		}
		look[k] = w
	}
}

// words turns each candidate look[k] into raw[k]'s word, whose folded
// form is buf[lo:hi]: the candidate when it is spelled so, else the word
// find returns (a collision, or a form new to the cache). Most forms are
// compared without a call (spellsShort), the others by lookupChecked.
// buf must have room for eight bytes past any form (a short form's
// head).
func (v *vocab) words(raw []rawToken, buf []byte, look []*word) {
	look = look[:len(raw)] // no bounds checks below
	for k := range raw {
		r := &raw[k]
		if b := buf[r.lo:r.hi]; look[k] == nil || !look[k].spellsShort(b) {
			look[k] = v.lookupChecked(b, r.h, look[k])
		}
	}
}

// lookupChecked is find given cand, the candidate for h: cand itself
// when it is spelled b. The caller must not modify the word.
func (v *vocab) lookupChecked(b []byte, h uint32, cand *word) *word {
	if cand != nil && cand.norm == string(b) {
		return cand
	}
	return v.find(b, h)
}

// spellsShort reports whether w, not nil, is spelled b, when b
// is a form of at most sixteen bytes whose slice has room for eight; it
// is false for any other b. It compares the form's first and last eight
// bytes as numbers (word.head, and wordTail of the spelling), rather than
// calling memequal.
func (w *word) spellsShort(b []byte) bool {
	n := len(b)
	if len(w.norm) != n || cap(b) < 8 || n > 16 {
		return false
	}
	if n <= 8 {
		return w.head == binary.LittleEndian.Uint64(b[:8])&(1<<(8*uint(n))-1)
	}
	return w.head == binary.LittleEndian.Uint64(b) && wordTail(w.norm) == binary.LittleEndian.Uint64(b[n-8:])
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
