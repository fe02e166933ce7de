package suggest

import (
	"os"
	"path/filepath"
	"testing"
)

// withSampleNotes appends the sample notes (testdata/notes/*.txt) to texts.
func withSampleNotes(t *testing.T, texts []string) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}
