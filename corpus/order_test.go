package corpus

import (
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

func readOrderFixture(t *testing.T) []*Code {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "icd_order.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	codes, err := ReadOrder(f, "icd_order.txt")
	if err != nil {
		t.Fatal(err)
	}
	return codes
}

func TestReadOrderFixture(t *testing.T) {
	codes := readOrderFixture(t)
	if len(codes) != 23 {
		t.Fatalf("got %d codes, want 23", len(codes))
	}
	by := map[string]*Code{}
	for _, c := range codes {
		by[c.Code] = c
	}
	tests := []struct {
		code, parent, chapter, display, short string
		billable                              bool
		children                              int
	}{
		{"A00", "", "1", "Cholera", "Cholera", false, 2},
		{"A00.0", "A00", "1", "Cholera due to the classical biovar (hand-written fixture)", "Cholera, classical biovar", true, 0},
		{"E11.9", "E11", "4", "Type 2 diabetes mellitus without complications", "Type 2 diabetes mellitus without complications", true, 0},
		{"E11.22", "E11.2", "4", "Type 2 diabetes mellitus with diabetic chronic kidney disease", "Type 2 DM w diabetic CKD", true, 0},
		{"QA0", "", "17", "Neurodevelopmental disorder related to genetic variants (fixture)", "Neurodev disorder, genetic", false, 1},
		{"S72.00", "S72", "19", "Fracture of unspecified part of neck of femur", "Fx unsp part of neck of femur", false, 1},
		{"S72.001A", "S72.001", "19", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture", "Fx unsp part of nk of r femur, init", true, 0},
		{"V43", "", "20", "Car occupant injured in collision with car, pick-up truck or van", "Car occupant injured in collision", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c := by[tt.code]
			if c == nil {
				t.Fatalf("code %s missing", tt.code)
			}
			if c.System != ICD10CM || c.Parent != tt.parent || c.Chapter != tt.chapter || c.Display != tt.display ||
				c.Short != tt.short || c.Billable != tt.billable || len(c.Children) != tt.children {
				t.Errorf("got %+v", c)
			}
			if c.Names[0] != (Name{Text: tt.display, Kind: NameTitle}) {
				t.Errorf("Names[0] = %+v", c.Names[0])
			}
			wantNames := 2
			if strings.EqualFold(tt.short, tt.display) {
				wantNames = 1
			}
			if len(c.Names) != wantNames {
				t.Errorf("names %+v, want %d", c.Names, wantNames)
			}
		})
	}
}

// orderLine builds a well-formed record to mutate in error tests.
func orderLine(n, code, flag, short, long string) string {
	return n + " " + (code + "       ")[:7] + " " + flag + " " + (short + strings.Repeat(" ", 60))[:60] + " " + long
}

var orderErrorCases = []struct {
	name, input string
	line        int
	msg         string
}{
	{"short record", "00001 A00     0 Cholera\r\n", 1, "characters"},
	{"order number", orderLine("0000x", "A00", "0", "Cholera", "Cholera"), 1, "order number"},
	{"blank column", strings.Replace(orderLine("00001", "A00", "0", "Cholera", "Cholera"), " 0 ", "x0 ", 1), 1, "column 14"},
	{"flag", orderLine("00001", "A00", "2", "Cholera", "Cholera"), 1, "billable flag"},
	{"code", orderLine("00001", "100", "0", "Cholera", "Cholera"), 1, "malformed"},
	{"code blank inside", orderLine("00001", "A0 0", "0", "Cholera", "Cholera"), 1, "malformed"},
	{"empty long", orderLine("00001", "A00", "0", "Cholera", "   "), 1, "long description"},
	{"duplicate", orderLine("00001", "A00", "0", "Cholera", "Cholera") + "\r\n" + orderLine("00002", "A00", "0", "Cholera", "Cholera"), 2, "duplicate"},
	{"sequence", orderLine("00002", "A00", "0", "Cholera", "Cholera") + "\r\n\r\n" + orderLine("00001", "A01", "0", "Typhoid", "Typhoid"), 3, "does not follow"},
	{"empty", "\r\n", 0, "no order-file records"},
}

func TestReadOrderErrors(t *testing.T) {
	for _, tt := range orderErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOrder(strings.NewReader(tt.input), "bad.txt")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.File != "bad.txt" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v (line %d), want line %d containing %q", err, pe.Line, tt.line, tt.msg)
			}
		})
	}
}

func TestChapterOf(t *testing.T) {
	for code, want := range map[string]string{
		"A00.0": "1", "b99": "1", "D49.9": "2", "D50": "3", "F01": "5", "H59": "7", "H60": "8",
		"O9A.1": "15", "QA0": "17", "S00": "19", "T88": "19", "U07.1": "22", "Z99": "21", "W": "", "Q": "",
		// Spellings off the canonical fast path: dots, spaces, lower case.
		" e11.9 ": "4", "E1.19": "4", "e119": "4", "i10": "9", "Z9.9": "21", "ZZ9": "", "099": "", "A.0": "",
	} {
		if got := ChapterOf(code); got != want {
			t.Errorf("ChapterOf(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestChapterOfEveryCategory: the search over the sorted ranges finds what
// a scan of every range finds, for every three characters a category can
// start with.
func TestChapterOfEveryCategory(t *testing.T) {
	for i := 1; i < len(chapterRanges); i++ {
		if a, b := chapterRanges[i-1], chapterRanges[i]; a.last >= b.first {
			t.Fatalf("ranges %v and %v overlap or are out of order", a, b)
		}
	}
	const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for _, a := range chars {
		for _, b := range chars {
			for _, c := range chars {
				cat := string([]rune{a, b, c})
				want := ""
				for _, r := range chapterRanges {
					if cat >= r.first && cat <= r.last {
						want = r.chapter
					}
				}
				if got := ChapterOf(cat + ".1"); got != want {
					t.Fatalf("ChapterOf(%q) = %q, want %q", cat+".1", got, want)
				}
			}
		}
	}
}

func TestReadOrderFY2026(t *testing.T) {
	testenv.SkipUnderRace(t)
	path := filepath.Join(testenv.DataDir(t), "codesets", "icd10cm", "2026", "icd10cm_order_2026.txt.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	codes, err := ReadOrder(z, path)
	if err != nil {
		t.Fatal(err)
	}
	billable, roots := 0, 0
	by := map[string]*Code{}
	for _, c := range codes {
		by[c.Code] = c
		if c.Billable {
			billable++
		}
		if c.Parent == "" {
			roots++
		}
		if c.Chapter == "" {
			t.Errorf("%s has no chapter", c.Code)
		}
	}
	if len(codes) != 98186 || billable != 74719 {
		t.Errorf("got %d records, %d billable; want 98,186 and 74,719", len(codes), billable)
	}
	for _, c := range codes {
		if c.Parent != "" && by[c.Parent] == nil {
			t.Errorf("%s: parent %s missing", c.Code, c.Parent)
		}
		if c.Billable != (len(c.Children) == 0) {
			t.Errorf("%s: billable %v with %d children", c.Code, c.Billable, len(c.Children))
		}
	}
	if e := by["E11.9"]; e == nil || e.Display != "Type 2 diabetes mellitus without complications" || e.Parent != "E11" {
		t.Errorf("E11.9 = %+v", e)
	}
	if r := by["R51"]; r == nil || r.Billable || len(r.Children) != 2 {
		t.Errorf("R51 = %+v", r)
	}
	t.Logf("%d categories (codes without a parent)", roots)
}

func FuzzReadOrder(f *testing.F) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "icd_order.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(fixture))
	for _, tt := range orderErrorCases {
		f.Add(tt.input)
	}
	f.Fuzz(func(t *testing.T, s string) {
		codes, err := ReadOrder(strings.NewReader(s), "fuzz.txt")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		for _, c := range codes {
			if c.Code == "" || c.Display == "" || len(c.Names) == 0 {
				t.Fatalf("incomplete code %+v", c)
			}
		}
	})
}
