package corpus

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"medcode/internal/testenv"
)

// writeHCPCSWorkbook writes rows (the first is the header) to a new
// workbook in dir under name, on a worksheet called sheet.
func writeHCPCSWorkbook(tb testing.TB, dir, name, sheet string, rows [][]string) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			tb.Fatal(err)
		}
	}
	for i, r := range rows {
		for j, v := range r {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				tb.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

var hcpcsWorkbookHeader = []string{"HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "PRICE1", "ADD DT", "ACT EFF DT", "TERM DT", "ACTION CD"}

func TestReadHCPCSWorkbook(t *testing.T) {
	dir := t.TempDir()
	rows := [][]string{
		hcpcsWorkbookHeader,
		{"   Z1", "0010", "7", "Test modifier one", "Test modifier one", "", "20020701", "20020701", "", "N"},
		{"   Z2", "0010", "7", "Test modifier two", "Test mod two", "", "20100101", "20100101", "20151231", "D"},
		{"A9901", "0010", "3", "Made-up supply, per week (list every item  separately)", "Made-up supply per week", "34", "19970101", "20170101", "", "N"},
		{},
		{"A9902", "0010", "3", "Made-up supply ending on the release date", "Ends on release", "", "20050101", "20050101", "20251001", "D"},
		{"A9903", "0010", "3", "Made-up supply ending after the release date", "Ends later", "", "20050101", "20050101", "20251231", "N"},
		{"G9904", "0010", "3", "Made-up service added this quarter", "New service", "", "20251001", "20251001", "", "A"},
	}
	want := []*Code{
		newHCPCSCode("Z1", true, "Test modifier one", "Test modifier one", hcpcsDay("2002-07-01"), time.Time{}),
		newHCPCSCode("A9901", false, "Made-up supply, per week (list every item  separately)", "Made-up supply per week", hcpcsDay("1997-01-01"), time.Time{}),
		newHCPCSCode("A9903", false, "Made-up supply ending after the release date", "Ends later", hcpcsDay("2005-01-01"), hcpcsDay("2025-12-31")),
		newHCPCSCode("G9904", false, "Made-up service added this quarter", "New service", hcpcsDay("2025-10-01"), time.Time{}),
	}
	// The release date is told by the sheet name, the file name, or else the
	// newest date in the file: all three give 2025-10-01 here.
	cases := []struct{ file, sheet string }{
		{"HCPC2025_OCT_ANWEB.xlsx", "HCPC2025_OCT_ANWEB"},
		{"renamed.xlsx", "HCPC2025_OCT_ANWEB"},
		{"HCPC2025_OCT_ANWEB_v2.xlsx", "Sheet1"},
		{"codes.xlsx", "Sheet1"},
	}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.sheet, func(t *testing.T) {
			path := writeHCPCSWorkbook(t, t.TempDir(), tc.file, tc.sheet, rows)
			got, st, err := readHCPCSWorkbook(path)
			if err != nil {
				t.Fatal(err)
			}
			if !st.release.Equal(hcpcsDay("2025-10-01")) || st.procedures != 4 || st.modifiers != 2 || st.dropped != 2 {
				t.Errorf("stats %+v", st)
			}
			if !reflect.DeepEqual(got, want) {
				for i := range got {
					t.Logf("got[%d] = %+v", i, *got[i])
				}
				t.Errorf("codes differ from want")
			}
		})
	}

	// Columns are found by name, in any order and spelling.
	shuffled := [][]string{{"term_dt", "Long Description", "recid", "hcpc"}}
	for _, r := range rows[1:] {
		if len(r) == 0 {
			continue
		}
		shuffled = append(shuffled, []string{r[8], r[3], r[2], r[0]})
	}
	path := writeHCPCSWorkbook(t, dir, "HCPC2025_OCT_ANWEB.xlsx", "Data", shuffled)
	got, err := ReadHCPCSWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[1].Code != "A9901" || got[1].Display != want[1].Display || got[1].Short != "" || !got[1].Added.IsZero() {
		t.Errorf("shuffled columns: %+v", *got[1])
	}
	if r := HCPCSRelease(filepath.Join(dir, "renamed.xlsx")); r.Name != "user" {
		t.Errorf("missing file: %+v", r)
	}
}

func TestReadHCPCSWorkbookErrors(t *testing.T) {
	ok := []string{"A9901", "0010", "3", "Made-up supply", "Supply", "", "19970101", "20170101", "", "N"}
	tests := []struct {
		name string
		rows [][]string
		line int
		msg  string
	}{
		{"no header", [][]string{{"CODE", "TEXT"}, {"A9901", "x"}}, 0, "no worksheet"},
		{"no rows", [][]string{hcpcsWorkbookHeader}, 0, "no HCPCS rows"},
		{"bad recid", [][]string{hcpcsWorkbookHeader, ok, {"A9902", "0010", "5", "x"}}, 3, "bad RECID"},
		{"bad code", [][]string{hcpcsWorkbookHeader, {"99213", "0010", "3", "x"}}, 2, "bad procedure code"},
		{"bad modifier", [][]string{hcpcsWorkbookHeader, {"ABC", "0010", "7", "x"}}, 2, "bad modifier"},
		{"duplicate", [][]string{hcpcsWorkbookHeader, ok, {}, ok}, 4, "duplicate code"},
		{"no description", [][]string{hcpcsWorkbookHeader, {"A9902", "0010", "3", ""}}, 2, "no long description"},
		{"bad date", [][]string{hcpcsWorkbookHeader, {"A9902", "0010", "3", "x", "x", "", "2020-01-01"}}, 2, "bad ADD DT"},
		{"orphan continuation", [][]string{hcpcsWorkbookHeader, {"A9902", "0020", "4", "x"}}, 2, "without its first row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeHCPCSWorkbook(t, t.TempDir(), "w.xlsx", "Sheet1", tt.rows)
			_, err := ReadHCPCSWorkbook(path)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want *ParseError", err)
			}
			if pe.File != path || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v (line %d), want line %d and %q", err, pe.Line, tt.line, tt.msg)
			}
		})
	}
	if _, err := ReadHCPCSWorkbook(filepath.Join(t.TempDir(), "missing.xlsx")); err == nil || !strings.HasPrefix(err.Error(), "corpus: ") {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadHCPCSWorkbookContinuation(t *testing.T) {
	rows := [][]string{hcpcsWorkbookHeader,
		{"A9901", "0010", "3", "First part", "Short"},
		{"A9901", "0020", "4", "second part"},
	}
	got, err := ReadHCPCSWorkbook(writeHCPCSWorkbook(t, t.TempDir(), "w.xlsx", "Sheet1", rows))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Display != "First part second part" || got[0].Names[0].Text != got[0].Display {
		t.Errorf("got %+v", *got[0])
	}
}

func hcpcsWorkbookPath(tb testing.TB) string {
	return filepath.Join(testenv.DataDir(tb), "codesets", "hcpcs", "2025", "HCPC2025_OCT_ANWEB.xlsx")
}

func TestReadHCPCSWorkbookOct2025(t *testing.T) {
	testenv.SkipUnderRace(t)
	path := hcpcsWorkbookPath(t)
	codes, st, err := readHCPCSWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.procedures != 8463 || st.modifiers != 383 {
		t.Errorf("file holds %d procedure codes and %d modifiers, want 8,463 and 383", st.procedures, st.modifiers)
	}
	if !st.release.Equal(hcpcsDay("2025-10-01")) {
		t.Errorf("release %v", st.release)
	}
	var procs, mods int
	for _, c := range codes {
		if c.Modifier {
			mods++
		} else {
			procs++
		}
		if !c.Terminated.IsZero() && !c.Terminated.After(st.release) {
			t.Errorf("%s terminated %v kept", c.Code, c.Terminated)
		}
	}
	t.Logf("Oct 2025 workbook: %d procedure codes and %d modifiers in the file; %d dropped as terminated on or before %s; %d active procedure codes, %d active modifiers",
		st.procedures, st.modifiers, st.dropped, st.release.Format("2006-01-02"), procs, mods)
	// 1,205 procedure codes and 20 modifiers carry a termination date, all
	// on or before 2025-09-30.
	if procs != 7258 || mods != 363 || st.dropped != 1225 {
		t.Errorf("active: %d procedure codes, %d modifiers, %d dropped; want 7,258, 363, 1,225", procs, mods, st.dropped)
	}
	set := NewSet(codes, []Release{HCPCSRelease(path)})
	a, ok := set.Lookup(HCPCS, "a4221")
	if !ok || a.Display != "Supplies for maintenance of non-insulin drug infusion catheter, per week (list drugs  separately)" || a.Short != "Supp non-insulin inf cath/wk" {
		t.Errorf("A4221 = %+v", a)
	}
	r, _ := set.Release(HCPCS)
	if r.Name != "2025-10" || !r.Effective.Equal(hcpcsDay("2025-10-01")) || r.Codes != 7258+363 || r.Billable != 7258 {
		t.Errorf("release %+v", r)
	}
}

// BenchmarkReadHCPCSWorkbook measures reading the whole October 2025
// workbook; the corpus load budget (order file + HCPCS) is 2 s.
func BenchmarkReadHCPCSWorkbook(b *testing.B) {
	path := hcpcsWorkbookPath(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadHCPCSWorkbook(path); err != nil {
			b.Fatal(err)
		}
	}
}
