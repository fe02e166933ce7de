package corpus

// slot is an entry of a Set's code lookup table. A code of up to eight
// bytes (every ICD-10-CM, CPT and HCPCS code) is its own key, so a lookup
// compares the entry alone and reads no record; a longer one is keyed by a
// hash and compared with its record.
type slot struct {
	key  uint64 // codeKey
	id   ID     // 0: empty
	sys  uint8  // index in Set.systems
	n    uint8  // the code's length (up to 255: longer codes compare their record)
	long bool   // key is a hash: compare the record's code
}

// matches reports whether e holds code of system sys whose key is key;
// codes sets the record's code of e is read from.
func (e *slot) matches(s *Set, key uint64, sys uint8, code string) bool {
	return e.key == key && e.sys == sys && int(e.n) == len(code)&0xff && (!e.long || s.str(s.recs[e.id].code) == code)
}

// codeKey is the bytes of a code of up to eight bytes, little-endian (with
// the length, distinct codes have distinct keys), with inline true; for a
// longer code, FNV-1a of its bytes and false.
func codeKey(code string) (key uint64, inline bool) {
	if len(code) <= 8 {
		for i := len(code) - 1; i >= 0; i-- {
			key = key<<8 | uint64(code[i])
		}
		return key, true
	}
	key = 14695981039346656037
	for i := 0; i < len(code); i++ {
		key = (key ^ uint64(code[i])) * 1099511628211
	}
	return key, false
}

// slotHash spreads a key and its system over the table (a multiply and
// xor-shift mix: codes share most of their bytes).
func slotHash(key uint64, sys uint8) uint64 {
	h := (key ^ uint64(sys)<<59) * 0x9e3779b97f4a7c15
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}
