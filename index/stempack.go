package index

import "encoding/binary"

// The Stems memo keeps a text's stems packed in one string, which holds
// no pointers for the collector to walk (a []string holds one per stem):
// per stem a little-endian word, the stem's term id or, for a stem the
// index lacks, inlineStem|len followed by the stem's bytes.
const inlineStem = 1 << 31

// packStems packs stems as the Stems memo keeps them.
func (ix *Index) packStems(stems []string) string {
	var buf [256]byte
	b := buf[:0]
	for _, s := range stems {
		if id, ok := ix.TermID(s); ok && id < inlineStem {
			b = binary.LittleEndian.AppendUint32(b, id)
			continue
		}
		b = binary.LittleEndian.AppendUint32(b, inlineStem|uint32(len(s)))
		b = append(b, s...)
	}
	return string(b)
}

// unpackStems returns the stems packStems packed into v: term strings of
// the arena and substrings of v, in a fresh slice the caller owns.
func (ix *Index) unpackStems(v string) []string {
	out := make([]string, 0, len(v)/4)
	for p := 0; p+4 <= len(v); {
		w := uint32(v[p]) | uint32(v[p+1])<<8 | uint32(v[p+2])<<16 | uint32(v[p+3])<<24
		p += 4
		if w&inlineStem == 0 {
			out = append(out, ix.Term(w))
			continue
		}
		n := int(w &^ inlineStem)
		out = append(out, v[p:p+n])
		p += n
	}
	return out
}
