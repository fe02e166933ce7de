package suggest

// stemMay is a filter of a set of stems, a bit per exactKey (a stem's
// length, first and last byte): a stem whose bit is clear is not in the
// set. The site refinement looks each term of a note up in sites.txt's
// keys (about 110 stems among a note's hundreds): the filter answers most
// lookups without hashing the string.
type stemMay struct{ keys keyBits }

// add puts s in the set.
func (f *stemMay) add(s string) {
	if s == "" {
		return // may lets every empty stem through
	}
	f.keys.set(exactKey(s))
}

// may reports whether s may be in the set.
func (f *stemMay) may(s string) bool {
	if s == "" {
		return true
	}
	return f.keys.has(exactKey(s))
}
