package suggest

import (
	"testing"
	"unsafe"
)

// TestCandidateHotLine holds the candidate's layout to what its comment
// promises: the fields the passes over the candidates read lie in its
// first 64 bytes, and a candidate is 256 bytes, a size class whose
// objects start on a cache line (as w.candidate's do).
func TestCandidateHotLine(t *testing.T) {
	var c candidate
	const line = 64
	ends := map[string]uintptr{
		"mentions": unsafe.Offsetof(c.mentions) + unsafe.Sizeof(c.mentions),
		"best":     unsafe.Offsetof(c.best) + unsafe.Sizeof(c.best),
		"tgt":      unsafe.Offsetof(c.tgt) + unsafe.Sizeof(c.tgt),
		"sibling":  unsafe.Offsetof(c.sibling) + unsafe.Sizeof(c.sibling),
		"filtered": unsafe.Offsetof(c.filtered) + unsafe.Sizeof(c.filtered),
		"known":    unsafe.Offsetof(c.known) + unsafe.Sizeof(c.known),
		"shared":   unsafe.Offsetof(c.shared) + unsafe.Sizeof(c.shared),
		"topScore": unsafe.Offsetof(c.topScore) + unsafe.Sizeof(c.topScore),
	}
	fieldsWithin(t, "candidate", ends, line)
	if s := unsafe.Sizeof(c); s != 256 {
		t.Errorf("a candidate is %d bytes, not 256", s)
	}
	var w work
	for range 50 {
		if a := uintptr(unsafe.Pointer(w.candidate())); a%line != 0 {
			t.Fatalf("a candidate starts at %#x, not on a %d-byte boundary", a, line)
		}
	}
}
