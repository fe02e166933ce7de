//go:build !linux

package server

import "syscall"

// newCorker returns nil where TCP_CORK is not: no connection is corked.
func newCorker(syscall.RawConn) *corker { return nil }

// set does nothing where TCP_CORK is not.
func (k *corker) set(on bool) {}
