package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"medcode/internal/testenv"
)

// The cmd tests drive run() end to end. Loading the full code sets takes
// several seconds under -race, so most tests run on small data directories
// built once per process in a temporary directory that TestMain removes:
//
//   - orderDir: the FY2026 ICD-10-CM order file alone (corpus.Load then
//     skips the optional XML and HCPCS files; CPT is the built-in list),
//     plus index.snap written by `medcode index build`;
//   - hcpcsDir: the order file and the HCPCS workbook;
//   - model: model.json written by `medcode train` on testdata/cases.jsonl.
//
// Exactly one test (TestCodesFullData) loads the real data directory.
var fix fixtures

type fixtures struct {
	mu   sync.Mutex
	root string // removed by TestMain

	order, hcpcs, engine, model lazy
	indexOut                    string // stdout of the fixture's `index build`
}

func TestMain(m *testing.M) {
	code := m.Run()
	fix.mu.Lock()
	if fix.root != "" {
		os.RemoveAll(fix.root)
	}
	fix.mu.Unlock()
	os.Exit(code)
}

// lazy is a fixture path computed once; a failure fails every test using it.
type lazy struct {
	once sync.Once
	path string
	err  error
}

func (l *lazy) get(tb testing.TB, build func() (string, error)) string {
	tb.Helper()
	l.once.Do(func() {
		l.err = errors.New("fixture build did not finish")
		l.path, l.err = build()
	})
	if l.err != nil {
		tb.Fatalf("fixture: %v", l.err)
	}
	return l.path
}

// tempDir returns a new directory under the fixture root.
func (f *fixtures) tempDir(name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.root == "" {
		root, err := os.MkdirTemp("", "medcode-cmd-test-")
		if err != nil {
			return "", err
		}
		f.root = root
	}
	dir := filepath.Join(f.root, name)
	return dir, os.Mkdir(dir, 0o755)
}

// linkCodeSets makes a data directory under the fixture root whose
// codesets/ holds only the named files of the real data directory.
func linkCodeSets(name, real string, files ...string) (string, error) {
	dir, err := fix.tempDir(name)
	if err != nil {
		return "", err
	}
	for _, rel := range files {
		src := filepath.Join(real, "codesets", filepath.FromSlash(rel))
		dst := filepath.Join(dir, "codesets", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", err
		}
		if err := os.Symlink(src, dst); err != nil {
			if err := copyFile(src, dst); err != nil {
				return "", err
			}
		}
	}
	return dir, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

const (
	orderFile = "icd10cm/2026/icd10cm_order_2026.txt.gz"
	hcpcsFile = "hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx"
)

// orderDir is a data directory with the FY2026 order file alone.
func orderDir(t *testing.T) string {
	t.Helper()
	real := testenv.DataDir(t)
	return fix.order.get(t, func() (string, error) { return linkCodeSets("order", real, orderFile) })
}

// hcpcsDir is a data directory with the order file and the HCPCS workbook.
func hcpcsDir(t *testing.T) string {
	t.Helper()
	real := testenv.DataDir(t)
	return fix.hcpcs.get(t, func() (string, error) { return linkCodeSets("hcpcs", real, orderFile, hcpcsFile) })
}

// engineDir is orderDir with index.snap written by `medcode index build`.
func engineDir(t *testing.T) string {
	t.Helper()
	data := orderDir(t)
	return fix.engine.get(t, func() (string, error) {
		var out bytes.Buffer
		snap := filepath.Join(data, "index.snap")
		if err := run(t.Context(), []string{"--data", data, "index", "build", "--out", snap}, &out); err != nil {
			return "", fmt.Errorf("index build: %w", err)
		}
		fix.indexOut = out.String()
		return data, nil
	})
}

// engineArgs are the global flags that open the engine on engineDir
// without a model.
func engineArgs(t *testing.T) []string {
	data := engineDir(t)
	return []string{"--data", data, "--index", filepath.Join(data, "index.snap"), "--model", "none"}
}

// trainedModel is a model written by `medcode train` on testdata/cases.jsonl.
func trainedModel(t *testing.T) string {
	t.Helper()
	args := engineArgs(t)
	return fix.model.get(t, func() (string, error) {
		dir, err := fix.tempDir("model")
		if err != nil {
			return "", err
		}
		model := filepath.Join(dir, "model.json")
		var out bytes.Buffer
		if err := run(t.Context(), append(args, "train", "--cases", casesFile, "--out", model), &out); err != nil {
			return "", fmt.Errorf("train: %w", err)
		}
		if !strings.Contains(out.String(), "train: wrote "+model) {
			return "", fmt.Errorf("train output %q does not name %s", out.String(), model)
		}
		return model, nil
	})
}

const casesFile = "testdata/cases.jsonl"

// exitCode is the exit status main would use for err: 0, 1 or an
// *exitError's code.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}
