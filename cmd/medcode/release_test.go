package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medcode/corpus"
)

// twoReleaseDir lays out the corpus fixtures as FY2026 and FY2027 order
// files with the FY2027 order-file addenda.
func twoReleaseDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"icd_order.txt":              "icd10cm/2026/icd10cm_order_2026.txt",
		"icd_order_2027.txt":         "icd10cm/2027/icd10cm_order_2027.txt",
		"icd_order_addenda_2027.txt": "icd10cm/2027/icd10cm_order_addenda_2027.txt",
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "codesets", dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCodesDiff(t *testing.T) {
	t.Parallel()
	data := twoReleaseDir(t)
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", data, "codes", "diff", "--json", "fy2026", "FY2027"}, &buf); err != nil {
		t.Fatal(err)
	}
	var got diffView
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"added": 5, "deleted": 1, "revised": 1, "nowHeader": 1, "nowBillable": 0}
	for k, n := range want {
		if got.Counts[k] != n {
			t.Errorf("%s = %d, want %d", k, got.Counts[k], n)
		}
	}
	if got.From != "FY2026" || got.To != "FY2027" || got.Addenda == nil || !got.Addenda.Agrees ||
		got.Revised[0].Code != "R51.9" || got.Revised[0].Was != "Headache, unspecified" || got.NowHeader[0].Code != "R51.0" {
		t.Errorf("diff %+v", got)
	}
	buf.Reset()
	if err := run(t.Context(), []string{"--data", data, "codes", "diff", "FY2026", "FY2027"}, &buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"FY2026 -> FY2027: 5 added, 1 deleted, 1 revised titles, 1 now headers, 0 now billable", ": agrees",
		"D69.11", "billable  Glanzmann thrombasthenia (fixture)", "(was: Headache, unspecified)"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, buf.String())
		}
	}
	// The addenda is checked: a changed addenda disagrees.
	add := filepath.Join(data, "codesets", "icd10cm", "2027", "icd10cm_order_addenda_2027.txt")
	b, _ := os.ReadFile(add)
	bad := t.TempDir()
	if err := os.CopyFS(bad, os.DirFS(data)); err != nil {
		t.Fatal(err)
	}
	badAdd := filepath.Join(bad, "codesets", "icd10cm", "2027", "icd10cm_order_addenda_2027.txt")
	if err := os.WriteFile(badAdd, bytes.Replace(b, []byte("Delete:      1 A009"), []byte("Delete:      1 A001"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := run(t.Context(), []string{"--data", bad, "codes", "diff", "FY2026", "FY2027"}, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "deleted A00.9 only in FY2026..FY2027") || !strings.Contains(buf.String(), "deleted A00.1 only in the addenda") {
		t.Errorf("disagreement not reported:\n%s", buf.String())
	}
	// A malformed addenda names file and line.
	if err := os.WriteFile(badAdd, bytes.Replace(b, []byte("Add:         0 D69 "), []byte("Add:         7 D69 "), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(t.Context(), []string{"--data", bad, "codes", "diff", "FY2026", "FY2027"}, &buf)
	var pe *corpus.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.HasSuffix(pe.File, "icd10cm_order_addenda_2027.txt") {
		t.Errorf("malformed addenda: %v", err)
	}
	// Unknown releases are usage errors naming the loaded ones.
	err = run(t.Context(), []string{"--data", data, "codes", "diff", "FY2025", "FY2027"}, &buf)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 2 || !errors.Is(err, corpus.ErrUnknownRelease) || !strings.Contains(err.Error(), "FY2026 2025-10-01..2026-09-30") {
		t.Errorf("unknown release: %v", err)
	}
}

func TestCodesShowRelease(t *testing.T) {
	t.Parallel()
	data := twoReleaseDir(t)
	show := func(args ...string) (codeView, error) {
		var buf bytes.Buffer
		err := run(t.Context(), append([]string{"--data", data, "codes", "show", "--json"}, args...), &buf)
		var v codeView
		if err == nil {
			err = json.Unmarshal(buf.Bytes(), &v)
		}
		return v, err
	}
	for _, tc := range []struct {
		args     []string
		release  string
		billable bool
		display  string
		children int
		held     string
	}{
		{[]string{"--date", "2026-03-01", "R51.0"}, "FY2026", true, "Headache with orthostatic component (fixture)", 0, "FY2026 (billable), FY2027 (header)"},
		{[]string{"--date", "2026-11-15", "R51.0"}, "FY2027", false, "Headache with orthostatic component (fixture)", 2, "FY2026 (billable), FY2027 (header)"},
		{[]string{"--release", "fy2026", "r519"}, "FY2026", true, "Headache, unspecified", 0, "FY2026 (billable), FY2027 (billable)"},
		{[]string{"--release", "FY2027", "R51.9"}, "FY2027", true, "Headache, unspecified (revised in the FY2027 fixture)", 0, "FY2026 (billable), FY2027 (billable)"},
		{[]string{"--release", "FY2026", "A00.9"}, "FY2026", true, "Cholera, unspecified", 0, "FY2026 (billable)"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			v, err := show(tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			if v.Release != tc.release || v.Billable != tc.billable || v.Display != tc.display || len(v.Children) != tc.children || releaseNames(v.Releases) != tc.held {
				t.Errorf("got %+v", v)
			}
		})
	}
	for _, tc := range []struct {
		args []string
		want error
		msg  string
	}{
		{[]string{"--release", "FY2027", "A00.9"}, corpus.ErrUnknownCode, "it is one of FY2026 (billable)"},
		{[]string{"--release", "FY2030", "A00.9"}, corpus.ErrUnknownRelease, "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30"},
		{[]string{"--date", "2025-01-01", "A00.9"}, corpus.ErrNotCovered, "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30"},
	} {
		if _, err := show(tc.args...); !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%v: %v, want %v naming %q", tc.args, err, tc.want, tc.msg)
		}
	}
	if _, err := show("--date", "2026-13-01", "A00.9"); err == nil || !strings.Contains(err.Error(), "not a date") {
		t.Errorf("bad date: %v", err)
	}
	// stats: one row per ICD-10-CM release with its period.
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", data, "codes", "stats", "--json"}, &buf); err != nil {
		t.Fatal(err)
	}
	var st []systemStats
	if err := json.Unmarshal(buf.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	if len(st) < 2 || st[0].Release != "FY2026" || st[0].Effective != "2025-10-01" || st[0].Expires != "2026-09-30" || st[0].Codes != 23 ||
		st[1].Release != "FY2027" || st[1].Effective != "2026-10-01" || st[1].Codes != 27 || st[1].Billable != 11 {
		t.Errorf("stats %+v", st)
	}
}

func TestSuggestRelease(t *testing.T) {
	t.Parallel()
	data := twoReleaseDir(t)
	note := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(note, []byte("Headache with orthostatic component."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args    []string
		release string
		code    string
	}{
		{[]string{"--date", "2026-03-01"}, "FY2026", "R51.0"},
		{[]string{"--date", "2026-11-15"}, "FY2027", "R51.00"},
		{[]string{"--release", "FY2026"}, "FY2026", "R51.0"},
	} {
		var buf bytes.Buffer
		args := append(append([]string{"--data", data, "--model", "none", "suggest", "--json", "--systems", "icd10cm"}, tc.args...), note)
		if err := run(t.Context(), args, &buf); err != nil {
			t.Fatal(err)
		}
		var res struct {
			CodeSets    map[string]struct{ Release string }
			Suggestions []struct{ Code string }
		}
		if err := json.Unmarshal(buf.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.CodeSets["ICD-10-CM"].Release != tc.release || len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.code {
			t.Errorf("%v: %+v", tc.args, res)
		}
	}
	for _, args := range [][]string{{"--date", "2025-01-01"}, {"--release", "FY2020"}} {
		err := run(t.Context(), append(append([]string{"--data", data, "--model", "none", "suggest"}, args...), note), &bytes.Buffer{})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(err.Error(), "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30") {
			t.Errorf("%v: %v, want exit 2 listing the loaded periods", args, err)
		}
	}
}
