package suggest

import (
	"testing"
	"unsafe"
)

// TestMentionHotBytes holds the mention's layout to what its comment
// promises: the fields the passes over the mentions read (scoreOf's and
// the full-name test's) lie in its first 32 bytes, a mention is a
// multiple of 32 bytes, and the mention arena starts on a 32-byte
// boundary, so those bytes never straddle a cache line.
func TestMentionHotBytes(t *testing.T) {
	var m mention
	const hot = 32
	ends := map[string]uintptr{
		"partNeg":      unsafe.Offsetof(m.partNeg) + unsafe.Sizeof(m.partNeg),
		"learned":      unsafe.Offsetof(m.learned) + unsafe.Sizeof(m.learned),
		"dominated":    unsafe.Offsetof(m.dominated) + unsafe.Sizeof(m.dominated),
		"hit.Score":    unsafe.Offsetof(m.hit) + unsafe.Offsetof(m.hit.Score) + unsafe.Sizeof(m.hit.Score),
		"hit.Coverage": unsafe.Offsetof(m.hit) + unsafe.Offsetof(m.hit.Coverage) + unsafe.Sizeof(m.hit.Coverage),
	}
	fieldsWithin(t, "mention", ends, hot)
	if s := unsafe.Sizeof(m); s%hot != 0 {
		t.Errorf("a mention is %d bytes, not a multiple of %d", s, hot)
	}
	var w work
	for _, n := range []int{1, firstRoom, 2000} { // the last outgrows the first arena
		ms := w.mentionSlice(n)
		if a := uintptr(unsafe.Pointer(unsafe.SliceData(ms))); a%hot != 0 {
			t.Errorf("mentionSlice(%d) starts at %#x, not on a %d-byte boundary", n, a, hot)
		}
	}
}

// fieldsWithin fails t for each field of type typ whose end (ends, by
// name) lies past its first n bytes.
func fieldsWithin(t *testing.T, typ string, ends map[string]uintptr, n uintptr) {
	t.Helper()
	for f, end := range ends {
		if end > n {
			t.Errorf("%s.%s ends at byte %d, past the first %d", typ, f, end, n)
		}
	}
}
