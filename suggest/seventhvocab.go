package suggest

import (
	"slices"
	"strings"

	"medcode/nlp"
)

// The seventh vocabulary numbers the words of the seventh-character rows
// seventhChoice has read (a few hundred across the code set), so that a
// sentence's affirmed words are a bit set over those numbers, filled
// once per note with one lookup per token and word form, and a row word
// is said when its bit is set: no per-sentence map of every word.

// The numbers of the words seventhChoice asks about beside the rows'.
const (
	sevenBoth uint16 = iota
	sevenBilaterally
	sevenBilateral
)

// sevenVocab is the seventh vocabulary of a sentenceRanges, kept across
// notes, and the note's per-sentence bit sets of affirmed words over it.
type sevenVocab struct {
	ids map[string]uint16
	// bits holds stride words per sentence, valid for the sentences whose
	// done is set; n is the vocabulary size they were filled with.
	bits   []uint64
	done   []bool
	stride int
	n      int
	union  []uint64 // sevenSaid's result
	// words holds, per token of the note, its words' numbers
	// (sevenWords), valid for the tokens of the sentences done.
	words []sevenPair
	// first has, per first byte of a word of ids, bit min(len, 63) set
	// for each such word's length (empty: a word "" is in ids): a token
	// whose bit is clear is no word of ids, and sevenSaid skips its map
	// lookup (most tokens).
	first [256]uint64
	empty bool
}

// note records word w in first.
func (v *sevenVocab) note(w string) {
	if w == "" {
		v.empty = true
		return
	}
	v.first[w[0]] |= 1 << min(len(w), 63)
}

// may reports whether w may be a word of ids: false only when none has
// its first byte and length.
func (v *sevenVocab) may(w string) bool {
	if w == "" {
		return v.empty
	}
	return v.first[w[0]]&(1<<min(len(w), 63)) != 0
}

// sevenWord returns the number of word w, numbering it when new.
func (r *sentenceRanges) sevenWord(w string) uint16 {
	v := &r.seven
	if v.ids == nil {
		v.ids = map[string]uint16{"both": sevenBoth, "bilaterally": sevenBilaterally, "bilateral": sevenBilateral}
		for w := range v.ids {
			v.note(w)
		}
	}
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := uint16(len(v.ids))
	v.ids[w] = id
	v.note(w)
	return id
}

// resetSeven forgets the note's bit sets (the vocabulary stays).
func (r *sentenceRanges) resetSeven() {
	r.seven.done = r.seven.done[:0]
}

// sevenSaid returns the union of the bit sets of sentences sents: bit k
// is set when an affirmed token of one of them (not negated, or negated
// only by "without"), by its Norm or its Norm without a final "s", is
// word k, as saidIn reads the sentence. The result is valid until the
// next call.
func (r *sentenceRanges) sevenSaid(doc *nlp.Document, sents []int) []uint64 {
	r.sevenReady(doc)
	v := &r.seven
	u := append(v.union[:0], make([]uint64, v.stride)...)
	v.union = u
	for _, s := range sents {
		if s < 0 || s >= len(r.tok) {
			continue
		}
		for k, b := range r.sevenFill(doc, s) {
			u[k] |= b
		}
	}
	return u
}

// sevenWords returns, per token of sentence s (an index of r.tok), the
// numbers of the words its Norm and its Norm without a final "s" are
// (noSevenWords when neither is one, noSevenWord for a form that is
// not), valid until a word is numbered.
func (r *sentenceRanges) sevenWords(doc *nlp.Document, s int) []sevenPair {
	r.sevenReady(doc)
	r.sevenFill(doc, s)
	return r.seven.words[r.tok[s][0]:r.tok[s][1]]
}

// sevenPair is a token's word numbers: its Norm's, and its Norm's
// without a final "s" when it has one.
type sevenPair [2]uint16

// noSevenWord numbers no word; noSevenWords is a token that is none.
const noSevenWord = ^uint16(0)

var noSevenWords = sevenPair{noSevenWord, noSevenWord}

// sevenReady readies the note's sets for the vocabulary as numbered now:
// for a new note, or words numbered since they were filled, every
// sentence is to be read again.
func (r *sentenceRanges) sevenReady(doc *nlp.Document) {
	v := &r.seven
	if v.ids == nil {
		r.sevenWord("both")
	}
	if n := len(v.ids); len(v.done) != len(r.tok) || v.n != n {
		v.n, v.stride = n, (n+63)/64
		v.done = v.done[:0]
		for range r.tok {
			v.done = append(v.done, false)
		}
		v.bits = append(v.bits[:0], make([]uint64, v.stride*len(r.tok))...)
		v.words = slices.Grow(v.words[:0], len(doc.Tokens))[:len(doc.Tokens)]
	}
}

// sevenFill returns the bit set of sentence s (an index of r.tok),
// reading the sentence, and numbering its tokens' words, when the set is
// not valid.
func (r *sentenceRanges) sevenFill(doc *nlp.Document, s int) []uint64 {
	v := &r.seven
	bits := v.bits[s*v.stride : (s+1)*v.stride]
	if v.done[s] {
		return bits
	}
	v.done[s] = true
	for i := r.tok[s][0]; i < r.tok[s][1]; i++ {
		norm := doc.Tokens[i].Norm
		id, ok := uint16(0), false
		if v.may(norm) {
			id, ok = v.ids[norm]
		}
		id2, ok2 := uint16(0), false
		if t := strings.TrimSuffix(norm, "s"); len(t) < len(norm) && v.may(t) {
			id2, ok2 = v.ids[t]
		}
		p := noSevenWords
		if ok {
			p[0] = id
		}
		if ok2 {
			p[1] = id2
		}
		v.words[i] = p
		if (ok || ok2) && r.affirmed(doc, int(i)) {
			if ok {
				bits[id/64] |= 1 << (id % 64)
			}
			if ok2 {
				bits[id2/64] |= 1 << (id2 % 64)
			}
		}
	}
	return bits
}
