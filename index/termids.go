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
			k.pre, k.h = termKey(s)
			k.home = t.slots[k.h&t.mask].meta
		}
		for i, s := range batch {
			dst = append(dst, idOr(t.probe(ix, s, &keys[i])))
		}
		stems = stems[len(batch):]
	}
	return dst
}

// termProbe is a stem's key (termKey) and the meta word of its home slot.
type termProbe struct {
	pre  [termInline]byte
	h    uint32
	home uint32
}

// idOr is a term id as an int32, -1 when there is none.
func idOr(id uint32, ok bool) int32 {
	if !ok {
		return -1
	}
	return int32(id)
}
