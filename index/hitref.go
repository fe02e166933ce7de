package index

import "medcode/corpus"

// HitRef is what a hit of a Searcher's last search (Searcher.Refs)
// knows of its name: its kind, flags and where its text lies, read by
// score from the head of the name's posting record (which it has just
// read) and kept in a word, where the name's own entry (NameKind,
// NameHas, NameText) is a line of megabytes read at random, most of a
// search's hits a wait on memory. The caller of a search that reads each
// hit's name once or twice (a note's sentences: the hits' filters, then
// their mentions) reads it here: the kind and flags from the word alone,
// the text from the arena.
//
// Bits: the text's offset (0-31), its length (32-39; headLenNone: read
// the name's entry), the flags and headShared (40-47), the kind (48-55).
type HitRef uint64

// Kind is NameKind of the hit's name.
func (r HitRef) Kind() corpus.NameKind { return corpus.NameKind(r >> 48) }

// Has is NameHas of the hit's name.
func (r HitRef) Has(f NameFlag) bool { return NameFlag(r>>40)&f == f }

// A posting record's head holds its name's text (layPostings): the text's
// offset in its own word, its length in the top byte of the name id's
// word (headLenNone when it does not fit, read from the name's entry) and
// the name's flags, and headShared when the text is the shared string's,
// in the top byte of the code's word. The ids keep headIDBits bits: an
// index of more names or codes (idMask then all ones) keeps no text in
// its heads, and the refs read the names' entries.
const (
	headIDBits  = 24
	headIDMask  = 1<<headIDBits - 1
	headLenNone = 0xff
	headShared  = 1 << 7
	headTextAt  = 5 // the word of the text's offset
)

// headsHold reports whether an index of nnames names and ncodes codes
// keeps its names' texts in the posting records' heads (its ids fit
// headIDBits).
func headsHold(nnames, ncodes int) bool {
	return nnames <= headIDMask+1 && ncodes <= headIDMask+1
}

// layHead writes name i's id, code and text into the head of its posting
// record at post[o] (layPostings' new postings, and ix's once ShareTexts
// moved the texts).
func (ix *Index) layHead(post []uint32, o uint32, i int) {
	n := &ix.names[i]
	if ix.idMask != headIDMask {
		post[o], post[o+2], post[o+headTextAt] = uint32(i), uint32(n.code), 0
		return
	}
	sp := n.text
	l, meta := sp.len&^sharedText, uint32(n.flags)
	if sp.len&sharedText != 0 {
		meta |= headShared
	}
	if l >= headLenNone {
		l = headLenNone
	}
	post[o] = uint32(i) | l<<headIDBits
	post[o+2] = uint32(n.code) | meta<<headIDBits
	post[o+headTextAt] = sp.off
}

// layHeads writes every record's head again from its name (layHead): the
// names' texts moved (ShareTexts).
func (ix *Index) layHeads() {
	if ix.nameTerm != nil {
		return // no records yet: layPostings writes them
	}
	for i := range ix.names {
		if n := &ix.names[i]; n.nterm > 0 {
			ix.layHead(ix.post, n.terms-recordHead, i)
		}
	}
}

// RefText is NameText of the hit's name n, whose ref is r.
func (ix *Index) RefText(r HitRef, n int32) string {
	l, off := uint32(r>>32)&0xff, uint32(r)
	if l == headLenNone {
		return ix.NameText(n)
	}
	s := ix.arena
	if r>>40&headShared != 0 {
		s = ix.shared
	}
	return s[off : off+l]
}

// headRef is the ref of the name whose posting record's head is h (the
// name ni's, its kind k).
func (ix *Index) headRef(h *[recordHead]uint32, ni int32, k uint32) HitRef {
	if ix.idMask != headIDMask {
		return ix.entryRef(ni, k)
	}
	return HitRef(h[headTextAt]) | HitRef(h[0]>>headIDBits)<<32 | HitRef(h[2]>>headIDBits)<<40 | HitRef(k)<<48
}

// entryRef is headRef of an index whose heads hold no text: the flags
// from name ni's entry, the text read there (RefText).
func (ix *Index) entryRef(ni int32, k uint32) HitRef {
	return headLenNone<<32 | HitRef(ix.names[ni].flags)<<40 | HitRef(k)<<48
}

// NameRef returns the ref of name n, a name with terms (as every hit's
// is): the ref a hit of n has.
func (ix *Index) NameRef(n int32) HitRef {
	o := ix.names[n].terms - recordHead
	return ix.headRef((*[recordHead]uint32)(ix.post[o:]), n, ix.post[o+1]>>24)
}

// Refs returns the refs of the hits of s's last Find, in its order:
// Refs()[j] is Find's j-th hit's. Like the hits, they are s's memory,
// valid until its next search, and the caller may shorten or reorder
// them (along with the hits).
func (s *Searcher) Refs() []HitRef { return s.refs }
