//go:build !unix

package corpus

// mapFile does not map files on this platform: the caller reads them.
func mapFile(string) ([]byte, error) { return nil, errNoMap }

func unmapFile([]byte) {}

func dropPages([]byte) {}
