package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"medcode/internal/testenv"
)

// The cmd tests drive run() end to end. Loading the full code sets takes
// several seconds under -race, so most tests run on small data directories
// built once per process in a temporary directory that TestMain removes:
//
//   - orderDir: the real FY2026 ICD-10-CM order file alone (corpus.Load
//     then skips the optional XML and HCPCS files; CPT is the built-in
//     list), for the exact code counts;
//   - smallDir: the real order file's records of a few categories and a
//     four-row HCPCS workbook, loaded in milliseconds;
//   - engineDir: smallDir plus index.snap written by `medcode index build`;
//   - trainedModel: model.json written by `medcode train` on
//     testdata/cases.jsonl and 200 synthetic notes.
//
// Exactly one test (TestCodesFullData) loads the real data directory.
var fix fixtures

type fixtures struct {
	mu   sync.Mutex
	root string // removed by TestMain

	order, small, engine, model lazy
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

const orderFile = "icd10cm/2026/icd10cm_order_2026.txt.gz"

// orderDir is a data directory with the real FY2026 order file alone.
func orderDir(t *testing.T) string {
	t.Helper()
	real := testenv.DataDir(t)
	return fix.order.get(t, func() (string, error) { return linkCodeSets("order", real, orderFile) })
}

// smallPrefixes are the ICD-10-CM categories smallDir keeps.
var smallPrefixes = []string{"E11", "I10", "J11", "J20", "R05", "R07", "R50", "R51", "S72", "Z87"}

// smallHCPCS are the rows of smallDir's HCPCS workbook, in the official
// ANWEB column layout (the first row is the header).
var smallHCPCS = [][]string{
	{"HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "PRICE1", "ADD DT", "ACT EFF DT", "TERM DT", "ACTION CD"},
	{"   LT", "0010", "7", "Left side (used to identify procedures performed on the left side of the body)", "Left side", "", "19930101", "19930101", "", "N"},
	{"A0021", "0010", "3", "Ambulance service, outside state per mile, transport (medicaid only)", "Outside state ambulance serv", "", "19920101", "19920101", "", "N"},
	{"J1100", "0010", "3", "Injection, dexamethasone sodium phosphate, 1 mg", "Dexamethasone sodium phos", "51", "19940101", "19940101", "", "N"},
}

// smallDir is a data directory with the real order file cut down to
// smallPrefixes (same records, same format) and a small HCPCS workbook.
func smallDir(t *testing.T) string {
	t.Helper()
	real := testenv.DataDir(t)
	return fix.small.get(t, func() (string, error) {
		dir, err := fix.tempDir("small")
		if err != nil {
			return "", err
		}
		if err := writeOrderSubset(filepath.Join(real, "codesets", orderFile), filepath.Join(dir, "codesets", orderFile), smallPrefixes); err != nil {
			return "", err
		}
		hc := filepath.Join(dir, "codesets", "hcpcs", "2025")
		if err := os.MkdirAll(hc, 0o755); err != nil {
			return "", err
		}
		if err := writeWorkbook(filepath.Join(hc, "HCPC2025_OCT_ANWEB.xlsx"), smallHCPCS); err != nil {
			return "", err
		}
		return dir, nil
	})
}

// writeOrderSubset copies the records of the gzip'd order file src whose
// code starts with one of prefixes to the gzip'd file dst.
func writeOrderSubset(src, dst string, prefixes []string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(out)
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if len(line) < 13 {
			continue
		}
		code := line[6:13]
		for _, p := range prefixes {
			if strings.HasPrefix(code, p) {
				fmt.Fprintln(zw, line)
				n++
				break
			}
		}
	}
	err = errors.Join(sc.Err(), zw.Close(), out.Close())
	if err == nil && n == 0 {
		err = fmt.Errorf("no records of %v in %s", prefixes, src)
	}
	return err
}

// writeWorkbook writes rows to the first sheet of a new workbook at path.
func writeWorkbook(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(path)
}

// engineDir is smallDir with index.snap written by `medcode index build`.
func engineDir(t *testing.T) string {
	t.Helper()
	data := smallDir(t)
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
	t.Helper()
	data := engineDir(t)
	return []string{"--data", data, "--index", filepath.Join(data, "index.snap"), "--model", "none"}
}

// trainedModel is a model written by `medcode train` on testdata/cases.jsonl,
// with 200 synthetic notes rather than the default 1000: they take the same
// paths (written, mixed into the folds, featured in parallel) in a third of
// the CPU under -race (4.6 s against 12.9 s for TestTrainEval).
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
		if err := run(t.Context(), append(args, "train", "--cases", casesFile, "--synthetic", "200", "--out", model), &out); err != nil {
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
