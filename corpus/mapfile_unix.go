//go:build unix

package corpus

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapFile maps the file at path read-only and shared: the page cache's
// copy, not the process's. An empty file, or one too large to map, is
// not mapped (errNoMap): the caller reads it instead.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size <= 0 || size != int64(int(size)) {
		return nil, errNoMap
	}
	return unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
}

// unmapFile unmaps b, a mapFile result nothing refers to.
func unmapFile(b []byte) { _ = unix.Munmap(b) }

// dropPages takes b's pages, a mapFile result, out of the process's
// resident set: they stay in the page cache, and a page read again
// comes back at its first touch (a minor fault).
func dropPages(b []byte) { _ = unix.Madvise(b, unix.MADV_DONTNEED) }
