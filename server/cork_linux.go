package server

import "syscall"

// newCorker returns the corker of the TCP connection rc.
func newCorker(rc syscall.RawConn) *corker {
	k := &corker{rc: rc}
	k.on = func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, 1) }
	k.off = func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, 0) }
	return k
}

// set corks the connection (on) or uncorks it, sending what is held. A
// failure leaves the connection as it was: the bytes are the same.
func (k *corker) set(on bool) {
	f := k.off
	if on {
		f = k.on
	}
	_ = k.rc.Control(f)
}
