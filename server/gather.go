package server

import (
	"net"
	"sync"
	"unsafe"
)

// A JSON answer past net/http's 4 KB connection buffer leaves in two
// writes (cork.go): the buffer, holding the header and the body's start,
// and the rest of the body past it. Corked, they leave as one packet, for
// two setsockopt calls an answer besides the two writes. A connection of
// Listener's gathers them instead: while an answer is written it holds
// net/http's writes (a copy of the buffer's bytes, a reference to the
// body's own) and sends them in one writev when the body is through: one
// system call an answer, not four, and the same bytes in one packet.

// Listener returns ln whose TCP connections gather an answer's writes
// into one (gatherConn): the listener to give http.Server.Serve with
// HTTPServer. Another kind of connection is returned as it is.
func Listener(ln net.Listener) net.Listener { return gatherListener{ln} }

// gatherListener is Listener's listener.
type gatherListener struct{ net.Listener }

// Accept returns the next connection, a TCP one as a gatherConn.
func (l gatherListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok && err == nil {
		return &gatherConn{TCPConn: tc}, nil
	}
	return c, err
}

// gatherConn is a TCP connection that can hold the writes of an answer
// (hold) and send them in one (send). Its other methods are the
// connection's own (sendfile's ReadFrom, CloseWrite). net/http writes a
// connection from the goroutine serving it, which runs the handler: no
// lock.
type gatherConn struct {
	*net.TCPConn
	holding bool
	body    []byte      // the answer's body: a held write within it is sent from it
	copied  *[]byte     // the held writes outside body, copied (the caller reuses its buffer): copyPool's while holding, else nil
	held    []heldWrite // the held writes in order
	bufs    net.Buffers // send's parts
	out     net.Buffers // send's parts as its write consumes them
}

// copyPool holds gatherConn's copy buffers between answers: an idle
// connection holds none (a server keeps many connections alive). A buffer
// grown past 64 KB is dropped rather than kept.
var copyPool = sync.Pool{New: func() any { return new([]byte) }}

// heldWrite is a held write: bytes [off, off+n) of the body, or of the
// copies.
type heldWrite struct {
	off, n int
	inBody bool
}

// hold starts holding the connection's writes of an answer whose body is
// body (kept by the caller until send).
func (g *gatherConn) hold(body []byte) {
	g.holding, g.body = true, body
}

// send writes what was held since hold in one writev and stops holding,
// returning the write's error.
func (g *gatherConn) send() error {
	g.holding = false
	g.bufs = g.bufs[:0]
	for _, w := range g.held {
		if w.inBody {
			g.bufs = append(g.bufs, g.body[w.off:w.off+w.n])
		} else {
			g.bufs = append(g.bufs, (*g.copied)[w.off:w.off+w.n])
		}
	}
	var err error
	if len(g.bufs) > 0 {
		g.out = g.bufs
		_, err = g.out.WriteTo(g.TCPConn) // consumes out (a field: a local's address would move it to the heap)
	}
	clear(g.bufs) // no reference to the body past the answer
	if c := g.copied; c != nil && cap(*c) <= 64<<10 {
		*c = (*c)[:0]
		copyPool.Put(c)
	}
	g.body, g.copied, g.held = nil, nil, g.held[:0]
	return err
}

// Write writes p, or holds it while holding: reporting it written, its
// bytes sent by send.
func (g *gatherConn) Write(p []byte) (int, error) {
	if !g.holding {
		return g.TCPConn.Write(p)
	}
	if off, ok := within(p, g.body); ok {
		g.held = append(g.held, heldWrite{off: off, n: len(p), inBody: true})
		return len(p), nil
	}
	if g.copied == nil {
		g.copied = copyPool.Get().(*[]byte)
	}
	g.held = append(g.held, heldWrite{off: len(*g.copied), n: len(p)})
	*g.copied = append(*g.copied, p...)
	return len(p), nil
}

// within returns the offset of p in b when p's bytes are b's.
func within(p, b []byte) (int, bool) {
	if len(p) == 0 || len(b) == 0 {
		return 0, false
	}
	off := uintptr(unsafe.Pointer(unsafe.SliceData(p))) - uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if off > uintptr(len(b)) || uintptr(len(p)) > uintptr(len(b))-off {
		return 0, false
	}
	return int(off), true
}
