package index

// termBatch is how many stems AppendTermIDs hashes before it probes.
const termBatch = 32

// AppendTermIDs appends to dst the id of each stem as TermID finds it,
// -1 for a stem the index lacks, and returns the grown dst. It is TermID
// over a note's stems at once: it hashes a batch of stems and loads each
// one's home slot first, independent loads the processor overlaps, then
// probes from the loaded slots (the table is a megabyte read at random:
// looked up one by one, each stem waits on memory).
func (ix *Index) AppendTermIDs(dst []int32, stems []string) []int32 {
	if !ix.termsOK {
		for _, s := range stems {
			dst = append(dst, idOr(ix.TermID(s)))
		}
		return dst
	}
	t := &ix.terms
	var keys [termBatch]termProbe
	for len(stems) > 0 {
		batch := stems[:min(len(stems), termBatch)]
		for i, s := range batch {
			k := &keys[i]
			k.a, k.b = termHead(s) // termKey, one call fewer
			k.h = termHash(k.a, k.b, len(s))
			k.home = t.slots[k.h&t.mask].meta
		}
		for i, s := range batch {
			// A short stem in its home slot, most of them, is found
			// without the call.
			k := &keys[i]
			if m := k.home; m != 0 && m>>termIDBits == uint32(len(s)) && len(s) <= termInline {
				if sl := &t.slots[k.h&t.mask]; sl.a == k.a && sl.b == k.b {
					dst = append(dst, int32(m&(1<<termIDBits-1)-1))
					continue
				}
			}
			dst = append(dst, idOr(t.probe(ix, s, k)))
		}
		stems = stems[len(batch):]
	}
	return dst
}

// termProbe is a stem's key (termKey) and the meta word of its home slot.
type termProbe struct {
	a    uint64
	b, h uint32
	home uint32
}

// idOr is a term id as an int32, -1 when there is none.
func idOr(id uint32, ok bool) int32 {
	if !ok {
		return -1
	}
	return int32(id)
}
