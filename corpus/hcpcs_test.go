package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"medcode/internal/testenv"
)

func hcpcsDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// hcpcsFixtureCodes is what both hand-written fixtures hold.
func hcpcsFixtureCodes() []*Code {
	return []*Code{
		newHCPCSCode("Z1", true, "Test modifier one, used only in unit tests", "Test modifier one", hcpcsDay("2002-07-01"), time.Time{}),
		newHCPCSCode("Z2", true, "Test modifier two", "Test modifier two", hcpcsDay("2010-01-01"), hcpcsDay("2015-12-31")),
		newHCPCSCode("A9901", false, "Made-up supply for the test fixture, per week (list every item  separately) and a café note", "Made-up supply per week", hcpcsDay("1997-01-01"), time.Time{}),
		newHCPCSCode("A9902", false, "Second made-up supply, 10 ml", "Second made-up supply, 10 ml", hcpcsDay("2005-01-01"), time.Time{}),
		newHCPCSCode("G9903", false, "Made-up service whose long text runs past the first eighty columns of the record and on to a second  and a third line", "Made-up long service", hcpcsDay("2019-01-01"), hcpcsDay("2019-12-31")),
	}
}

func TestReadHCPCSTextFixtures(t *testing.T) {
	for _, name := range []string{"hcpcs_2020style.txt", "hcpcs_2026style.txt"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadHCPCSText(bytes.NewReader(b), name)
			if err != nil {
				t.Fatal(err)
			}
			want := hcpcsFixtureCodes()
			if len(got) != len(want) {
				t.Fatalf("got %d codes, want %d", len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("code %d:\n got %+v\nwant %+v", i, *got[i], *want[i])
				}
			}
			if got[0].Billable || !got[0].Modifier || !got[2].Billable || got[2].Modifier {
				t.Errorf("billable/modifier flags wrong: %+v %+v", *got[0], *got[2])
			}
			if len(got[1].Names) != 1 || len(got[2].Names) != 2 || got[2].Names[1].Kind != NameShort {
				t.Errorf("names: %+v / %+v", got[1].Names, got[2].Names)
			}
		})
	}
}

// hcpcsLine builds one fixed-width line for the malformed-input table.
func hcpcsLine(code, seq, id, long, short, add, term string) string {
	s := code + seq + id + hcpcsPad(long, 80)
	if id == "3" || id == "7" {
		s += hcpcsPad(short, 28)
		s = hcpcsPad(s, 268) + hcpcsPad(add, 8) + hcpcsPad("", 8) + hcpcsPad(term, 8) + "N"
		s = hcpcsPad(s, 320)
	}
	return s
}

func hcpcsPad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat(" ", n-len(s))
}

func TestReadHCPCSTextErrors(t *testing.T) {
	good := hcpcsLine("A9901", "00100", "3", "Made-up supply", "Supply", "20200101", "")
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"empty", "", 0, "no HCPCS records"},
		{"only disclaimer", "Just a note\r\n\r\n", 0, "no HCPCS records"},
		{"bad procedure code", good + "\r\n" + hcpcsLine("A99X1", "00100", "3", "Bad", "Bad", "", ""), 2, "bad procedure code"},
		{"bad modifier", hcpcsLine("  XA1", "00100", "7", "Bad", "Bad", "", ""), 1, "bad modifier"},
		{"continuation first", hcpcsLine("A9901", "00200", "4", "orphan", "", "", ""), 1, "without its first record"},
		{"continuation of other code", good + "\r\n" + hcpcsLine("A9902", "00200", "4", "orphan", "", "", ""), 2, "without its first record"},
		{"modifier continuation after procedure", good + "\r\n" + hcpcsLine("A9901", "00200", "8", "x", "", "", ""), 2, "without its first record"},
		{"repeated sequence", good + "\r\n" + hcpcsLine("A9901", "00100", "4", "x", "", "", ""), 2, "repeated"},
		{"sequence before first", good + "\r\n" + hcpcsLine("A9901", "00050", "4", "x", "", "", ""), 2, "before first"},
		{"duplicate code", good + "\r\n" + good, 2, "duplicate code"},
		{"bad add date", hcpcsLine("A9901", "00100", "3", "x", "x", "2020130x", ""), 1, "bad add date"},
		{"bad termination date", hcpcsLine("A9901", "00100", "3", "x", "x", "", "20201301"), 1, "bad termination date"},
		{"no description", hcpcsLine("A9901", "00100", "3", "", "x", "", ""), 1, "no long description"},
		{"garbage after records", good + "\r\nthis is not a record\r\n", 2, "not an HCPCS record"},
		{"too long", good + "xx\r\n", 1, "longer than 320"},
		{"huge line", good + "\r\n" + strings.Repeat("x", 70000), 2, "line longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHCPCSText(strings.NewReader(tt.in), "f.txt")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want *ParseError", err)
			}
			if pe.File != "f.txt" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v (line %d), want line %d and %q", err, pe.Line, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "corpus: f.txt") {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

func TestReadHCPCSText2020(t *testing.T) {
	path := filepath.Join(testenv.DataDir(t), "codesets", "hcpcs", "2020", "HCPC2020_ANWEB_w_disclaimer.txt.gz")
	codes := readHCPCSGz(t, path)
	var procs, mods, terminated int
	byCode := map[string]*Code{}
	for _, c := range codes {
		if c.Modifier {
			mods++
			if len(c.Code) != 2 || c.Billable {
				t.Errorf("modifier %+v", *c)
			}
		} else {
			procs++
			byCode[c.Code] = c
		}
		if !c.Terminated.IsZero() {
			terminated++
		}
		if c.Display == "" || strings.Contains(c.Display, "\uFFFD") {
			t.Errorf("%s display %q", c.Code, c.Display)
		}
	}
	if procs != 6710 || mods != 369 {
		t.Errorf("got %d procedure codes and %d modifiers, want 6,710 and 369", procs, mods)
	}
	a := byCode["A4221"]
	if a == nil {
		t.Fatal("A4221 missing")
	}
	if want := "Supplies for maintenance of non-insulin drug infusion catheter, per week (list drugs  separately)"; a.Display != want {
		t.Errorf("A4221 display %q, want %q", a.Display, want)
	}
	if a.Short != "Supp non-insulin inf cath/wk" || !a.Added.Equal(hcpcsDay("1997-01-01")) || !a.Terminated.IsZero() {
		t.Errorf("A4221 = %+v", *a)
	}
	active, dropped := ActiveHCPCS(codes, HCPCSRelease(path).Effective)
	t.Logf("2020 file: %d procedure codes, %d modifiers, %d with a termination date, %d active on 2020-01-01", procs, mods, terminated, len(active))
	if dropped != terminated || len(active)+dropped != len(codes) {
		t.Errorf("ActiveHCPCS dropped %d, want %d", dropped, terminated)
	}
}

func readHCPCSGz(tb testing.TB, path string) []*Code {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	codes, err := ReadHCPCSText(zr, filepath.Base(path))
	if err != nil {
		tb.Fatal(err)
	}
	return codes
}

func BenchmarkReadHCPCSText(b *testing.B) {
	path := filepath.Join(testenv.DataDir(b), "codesets", "hcpcs", "2020", "HCPC2020_ANWEB_w_disclaimer.txt.gz")
	gz, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		b.Fatal(err)
	}
	var raw bytes.Buffer
	if _, err := raw.ReadFrom(zr); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(raw.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadHCPCSText(bytes.NewReader(raw.Bytes()), "hcpcs.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadHCPCSText(f *testing.F) {
	for _, name := range []string{"hcpcs_2020style.txt", "hcpcs_2026style.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	good := hcpcsLine("A9901", "00100", "3", "Made-up supply", "Supply", "20200101", "")
	f.Add([]byte(good + "\r\n" + hcpcsLine("A9901", "00200", "4", "more", "", "", "")))
	f.Add([]byte(hcpcsLine("   Z1", "00100", "7", "mod", "mod", "", "20201301")))
	f.Add([]byte("Just a note\r\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		codes, err := ReadHCPCSText(bytes.NewReader(in), "fuzz.txt")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.txt" {
				t.Fatalf("error %v is not a *ParseError naming the file", err)
			}
			return
		}
		if len(codes) == 0 {
			t.Fatal("no codes and no error")
		}
		for _, c := range codes {
			if c.System != HCPCS || c.Display == "" || (c.Modifier && len(c.Code) != 2) || (!c.Modifier && len(c.Code) != 5) {
				t.Fatalf("bad code %+v", *c)
			}
			if len(c.Names) == 0 || c.Names[0].Text != c.Display {
				t.Fatalf("names %+v", c.Names)
			}
		}
	})
}

func TestHCPCSRelease(t *testing.T) {
	tests := []struct {
		path, name, effective string
	}{
		{"data/codesets/hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx", "2025-10", "2025-10-01"},
		{"HCPC2025_OCT_ANWEB_v3.xlsx", "2025-10", "2025-10-01"},
		{"HCPC2026_JAN_ANWEB_01122026.txt", "2026-01", "2026-01-01"},
		{"hcpc2026_apr_anweb.xlsx", "2026-04", "2026-04-01"},
		{"HCPCS2026_JUL_ANWEB.txt", "2026-07", "2026-07-01"},
		{"HCPC2020_ANWEB_w_disclaimer.txt", "2020-01", "2020-01-01"},
		{"codes.txt", "user", ""},
		{"HCPCabcd.txt", "user", ""},
		{"HCPC99.txt", "user", ""},
	}
	for _, tt := range tests {
		r := HCPCSRelease(tt.path)
		if r.System != HCPCS || r.Name != tt.name || !r.Effective.Equal(hcpcsDay(tt.effective)) || r.Source != tt.path || !r.Expires.IsZero() {
			t.Errorf("HCPCSRelease(%q) = %+v, want %s from %s", tt.path, r, tt.name, tt.effective)
		}
	}
}
