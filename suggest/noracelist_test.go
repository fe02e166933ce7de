package suggest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestNoRaceListed: the Makefile's NORACE, the tests that the non-race
// pass of `make test` runs in suggest and index, names exactly the tests of
// those packages that skip under the race detector; a test missing from it
// would run in neither pass.
func TestNoRaceListed(t *testing.T) {
	root := testenv.Root(t)
	mk, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^NORACE = \^\(([A-Za-z0-9_|]+)\)\$\$$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("Makefile: no NORACE = ^(A|B)$$ line")
	}
	listed := strings.Split(string(m[1]), "|")
	var files []string
	for _, pkg := range []string{"suggest", "index"} {
		fs, err := filepath.Glob(filepath.Join(root, pkg, "*_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	skips := regexp.MustCompile(`(?m)^func (Test\w+)\(t \*testing\.T\) \{\n\ttestenv\.SkipUnderRace\(t\)$`)
	var found []string
	for _, f := range files {
		if filepath.Base(f) == "noracelist_test.go" {
			continue // it names the call in its messages
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sm := range skips.FindAllSubmatch(src, -1) {
			found = append(found, string(sm[1]))
		}
		if n := strings.Count(string(src), "testenv.SkipUnderRace("); n != len(skips.FindAllIndex(src, -1)) {
			t.Errorf("%s: SkipUnderRace must be a test's first statement (found %d calls)", filepath.Base(f), n)
		}
	}
	slices.Sort(found)
	if len(found) == 0 {
		t.Fatal("no test skips under race: the pattern is stale")
	}
	if !slices.Equal(found, listed) {
		t.Errorf("NORACE lists %v; the tests that skip under race are %v (sorted)", listed, found)
	}
}
