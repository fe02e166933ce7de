package server

import (
	"context"
	"net"
	"syscall"
)

// A suggest answer (50–60 KB) leaves in two writes to its connection:
// net/http buffers the header in a 4 KB writer, fills it with the body's
// start and flushes it, then writes the rest past the buffer. Each write
// is a packet, and the first wakes the client for 4 KB: the server spent
// twice as long in the first write as in the second. Corked (TCP_CORK)
// for the length of the body's write, the connection sends whole packets
// only, and the rest when uncorked: the same bytes in one packet on
// loopback (or full ones on a network).

// connKey is the context key of a connection's corker (ConnContext).
type connKey struct{}

// corker corks and uncorks a TCP connection (nil for another kind): its
// raw connection, and the functions that set the option on its socket,
// made with it (not a closure a response).
type corker struct {
	rc      syscall.RawConn
	on, off func(fd uintptr)
}

// connContext is http.Server's ConnContext: the connection's way to send
// an answer in one packet in the context of its requests, made once a
// connection: itself for a connection of Listener's (gather.go), else its
// corker.
func connContext(ctx context.Context, c net.Conn) context.Context {
	if g, ok := c.(*gatherConn); ok {
		return context.WithValue(ctx, connKey{}, g)
	}
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return ctx
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return ctx
	}
	k := newCorker(rc)
	if k == nil {
		return ctx
	}
	return context.WithValue(ctx, connKey{}, k)
}

// connOf returns the corker or the gathering connection (Listener's) of
// the connection ctx's request came on, nil for none.
func connOf(ctx context.Context) (*corker, *gatherConn) {
	switch v := ctx.Value(connKey{}).(type) {
	case *corker:
		return v, nil
	case *gatherConn:
		return nil, v
	}
	return nil, nil
}
