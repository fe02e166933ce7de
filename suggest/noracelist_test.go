package suggest_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestNoRaceListed: the Makefile's NORACE, the tests that the non-race
// pass of `make test` runs in the packages of NORACE_PKGS (suggest, index
// and others), names exactly the tests of those packages that skip under
// the race detector; a test missing from it would run in neither pass.
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
	pm := regexp.MustCompile(`(?m)^NORACE_PKGS = ([a-z/ ]+)$`).FindSubmatch(mk)
	if pm == nil {
		t.Fatal("Makefile: no NORACE_PKGS = pkg pkg line")
	}
	pkgs := strings.Fields(string(pm[1]))
	if !slices.Contains(pkgs, "suggest") || !slices.Contains(pkgs, "index") {
		t.Errorf("NORACE_PKGS = %v: want suggest and index among them", pkgs)
	}
	var files []string
	for _, pkg := range pkgs {
		fs, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pkg), "*_test.go"))
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
	// Elsewhere only corpus, whose non-race pass runs all of it, may skip.
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "corpus" || rel == "data" || strings.HasPrefix(d.Name(), ".") && rel != "." || slices.Contains(pkgs, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), "testenv.SkipUnderRace(") {
			t.Errorf("%s skips under race, but its package is neither corpus nor in NORACE_PKGS", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
