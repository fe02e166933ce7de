package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestMapFile: a mapped file reads as the file, before and after its
// pages are dropped, and after it is replaced by rename; an empty file is
// not mapped.
func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	want := bytes.Repeat([]byte("medcode corpus cache\n"), 5000)
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := mapFile(path)
	if errors.Is(err, errNoMap) {
		t.Skip("this platform reads files instead")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Fatal("mapped bytes differ from the file")
	}
	dropPages(b)
	if !bytes.Equal(b, want) {
		t.Fatal("mapped bytes differ after dropping the pages")
	}
	tmp := filepath.Join(dir, "g")
	if err := os.WriteFile(tmp, []byte("another"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Fatal("mapped bytes changed when the file was replaced by rename")
	}
	unmapFile(b)
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := mapFile(empty); !errors.Is(err, errNoMap) {
		t.Errorf("empty file: %v, want errNoMap", err)
	}
	if _, err := mapFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing file: want an error")
	}
}
