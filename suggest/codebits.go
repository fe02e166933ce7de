package suggest

// codeBits is a set of code strings as 256 bits, a bit per code by
// codeBit: a code whose bit is clear is not in the set; one whose bit is
// set may be (another code shares the bit). A rule asking of many codes
// whether they are suggested tests the bit before it walks the
// suggestions (TestCodeBits).
type codeBits [4]uint64

// codeBit hashes a code to one of codeBits' 256 bits, from its length,
// first and last two bytes (where codes of one rule's family differ).
func codeBit(code string) uint {
	n := len(code)
	if n == 0 {
		return 0
	}
	return (uint(n)*0x9e37 ^ uint(code[0])*0x85eb ^ uint(code[n-1])*0xc2b2 ^ uint(code[max(n-2, 0)])*0x27d4) * 0x165667b1 >> 9 & 255
}

// add puts code in the set.
func (b *codeBits) add(code string) {
	k := codeBit(code)
	b[k/64] |= 1 << (k % 64)
}

// may reports whether code may be in the set (false: it is not).
func (b *codeBits) may(code string) bool {
	k := codeBit(code)
	return b[k/64]&(1<<(k%64)) != 0
}
