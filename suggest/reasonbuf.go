package suggest

import "unsafe"

// reasonBuf carves the reason strings of rejections (reasonWith) out of
// one chunk of bytes instead of allocating each one: a note's two dozen
// reasons cost one allocation, not two dozen. A carved string's bytes are
// never written again (the chunk only grows past them, and a full chunk
// is replaced, not reused), so the strings stay valid in the results
// that hold them after the work struct moves on to other notes.
type reasonBuf struct {
	chunk []byte
}

// reasonChunk is the size of a fresh chunk: a note's reasons fit in one.
const reasonChunk = 2048

// take returns an empty slice with room for n bytes past every string
// carved so far; done carves what was appended to it.
func (r *reasonBuf) take(n int) []byte {
	if cap(r.chunk)-len(r.chunk) < n {
		r.chunk = make([]byte, 0, max(n, reasonChunk))
	}
	return r.chunk[len(r.chunk):len(r.chunk)]
}

// done returns b (from take, appended within its room) as a string and
// moves the chunk past it.
func (r *reasonBuf) done(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	r.chunk = r.chunk[:len(r.chunk)+len(b)]
	return unsafe.String(&b[0], len(b))
}
