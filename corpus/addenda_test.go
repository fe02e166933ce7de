package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

func TestReadOrderAddendaFixture(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "icd_order_addenda_2027.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadOrderAddenda(f, "icd_order_addenda_2027.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("%d entries, want 10", len(got))
	}
	for i, want := range []AddendaEntry{
		{Action: AddendaDelete, Code: "A00.9", Billable: true, Short: "Cholera, unspecified", Long: "Cholera, unspecified", Line: 1},
		{Action: AddendaAdd, Code: "D69.11", Billable: true, Short: "Glanzmann thrombasthenia (fixture)", Long: "Glanzmann thrombasthenia (fixture)", Line: 4},
		{Action: AddendaReviseTo, Code: "R51.9", Billable: true, Short: "Headache, unspecified, revised", Long: "Headache, unspecified (revised in the FY2027 fixture)", Line: 10},
	} {
		idx := []int{0, 3, 9}[i]
		if got[idx] != want {
			t.Errorf("entry %d = %+v, want %+v", idx, got[idx], want)
		}
	}
}

func TestReadOrderAddendaErrors(t *testing.T) {
	ok := "Add:         1 B8801   Infestation by Demodex mites                                 Infestation by Demodex mites"
	from := "Revise from: 1 L02232  Carbuncle of back                                            Carbuncle of back"
	to := "Revise to:   1 L02232  Carbuncle of back, revised                                   Carbuncle of back, revised"
	for _, tc := range []struct {
		name, in string
		line     int
		msg      string
	}{
		{"empty", "", 0, "no addenda records"},
		{"action", "Change:      1 B8801   x", 1, "action"},
		{"short", ok + "\nAdd:", 2, "characters"},
		{"flag", strings.Replace(ok, " 1 ", " 2 ", 1), 1, "billable flag"},
		{"code", strings.Replace(ok, "B8801  ", "8B801  ", 1), 1, "malformed ICD-10-CM code"},
		{"blank", strings.Replace(ok, "1 B8801", "1xB8801", 1), 1, "blank"},
		{"from alone", ok + "\n" + from, 2, "not followed"},
		{"to alone", to, 1, "without its"},
		{"from then add", from + "\n" + ok, 2, "not followed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadOrderAddenda(strings.NewReader(tc.in), "a.txt")
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "a.txt" || pe.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %v, want a.txt:%d %q", err, tc.line, tc.msg)
			}
		})
	}
	// The summary block after the records is not parsed.
	if got, err := ReadOrderAddenda(strings.NewReader(from+"\r\n"+to+"\r\n\r\nHeaders\r\n  1 x\r\n"), "a.txt"); err != nil || len(got) != 2 {
		t.Errorf("summary: %v %v", got, err)
	}
}

// TestAddendaFY2027 reads the real FY2027 order-file addenda and checks it
// against the order files: the same codes added, deleted, revised and
// turned into headers.
func TestAddendaFY2027(t *testing.T) {
	testenv.SkipUnderRace(t)
	dir := filepath.Join(testenv.DataDir(t), "codesets")
	entries := readAddenda(t, filepath.Join(dir, "icd10cm", "2027", "icd10cm_order_addenda_2027.txt.gz"))
	set, err := Load(context.Background(), Options{Dir: dir}) // the cache the binary uses too
	if err != nil {
		t.Fatal(err)
	}
	d, err := set.Diff("FY2026", "FY2027")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"added": 238, "deleted": 21, "revised": 4, "nowHeader": 15, "nowBillable": 0}
	for k, n := range want {
		if d.Counts[k] != n {
			t.Errorf("%s: %d, want %d", k, d.Counts[k], n)
		}
	}
	if dis := d.Disagreements(AddendaDiff("FY2026", "FY2027", entries)); len(dis) != 0 {
		t.Errorf("order files and addenda disagree: %v", dis)
	}
}

func FuzzReadOrderAddenda(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "icd_order_addenda_2027.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("Revise from: 1 L02232  x")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ReadOrderAddenda(strings.NewReader(in), "f.txt")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		for _, e := range got {
			if !isICDCode(undot(e.Code)) || e.Long == "" || e.Line <= 0 {
				t.Fatalf("bad entry %+v", e)
			}
		}
		AddendaDiff("a", "b", got)
	})
}
