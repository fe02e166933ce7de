package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

func readIndexFixture(t testing.TB, name string) *AlphaIndex {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ix, err := ReadIndex(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestReadIndexFixture(t *testing.T) {
	ix := readIndexFixture(t, "icd_index.xml")
	if ix.Version != "2023" || ix.Title != "Hand-written fixture in the Alphabetic Index format" || len(ix.Heads) != 0 {
		t.Errorf("version %q title %q heads %v", ix.Version, ix.Title, ix.Heads)
	}
	want := []IndexTerm{
		{Path: []string{"Diabetes, diabetic"}, Nemod: "(mellitus) (sugar)", Letter: "D", Code: "E11.9", Line: 7},
		{Path: []string{"Diabetes, diabetic", "type 2"}, Level: 1, Letter: "D", Code: "E11.9", Line: 10},
		{Path: []string{"Diabetes, diabetic", "type 2", "with"}, Level: 2, Letter: "D", Line: 13},
		{Path: []string{"Diabetes, diabetic", "type 2", "with", "chronic kidney disease"}, Level: 3, Letter: "D", Code: "E11.22", Line: 15},
		{Path: []string{"Diabetes, diabetic", "type 2", "with", "complication NEC"}, Nemod: "(specified)", Level: 3, Letter: "D", Code: "E11.8", Line: 19},
		{Path: []string{"Diabetes, diabetic", "with arthropathy"}, Level: 1, Letter: "D", Code: "E11.618", Manif: "M14.6", ManifIncomplete: true, Line: 25},
		{Path: []string{"Fracture, traumatic"}, Letter: "F", Line: 34},
		{Path: []string{"Fracture, traumatic", "femur, neck"}, Level: 1, Letter: "F", Code: "S72.00", Incomplete: true, Line: 36},
		{Path: []string{"Headache"}, Letter: "H", Code: "R51", Line: 44},
		{Path: []string{"Headache", "migraine"}, Level: 1, Letter: "H", See: "Migraine", Line: 47},
		{Path: []string{"Hip syndrome"}, Letter: "H", SeeAlso: "condition", Code: "SCFE", Line: 52},
	}
	if len(ix.Terms) != len(want) {
		t.Fatalf("got %d terms, want %d", len(ix.Terms), len(want))
	}
	for i, w := range want {
		if !reflect.DeepEqual(*ix.Terms[i], w) {
			t.Errorf("term %d:\n got %+v\nwant %+v", i, *ix.Terms[i], w)
		}
	}
	if got := ix.Terms[3].Text(); got != "Diabetes, diabetic, type 2, with, chronic kidney disease" {
		t.Errorf("Text() = %q", got)
	}
}

func TestReadIndexTables(t *testing.T) {
	neo := readIndexFixture(t, "icd_neoplasm.xml")
	if neo.Head(2) != "Malignant Primary" || neo.Head(4) != "Ca in situ" || neo.Head(9) != "" {
		t.Errorf("heads = %+v", neo.Heads)
	}
	breast := neo.Terms[1]
	wantCells := []Cell{{Col: 2, Code: "C50.9", Incomplete: true}, {Col: 4, Code: "D05.9", Incomplete: true}}
	if breast.Text() != "Neoplasm, neoplastic, breast" || breast.Nemod != "(connective tissue) (glandular tissue)" ||
		!reflect.DeepEqual(breast.Cells, wantCells) {
		t.Errorf("breast = %+v", breast)
	}
	drug := readIndexFixture(t, "icd_drug.xml")
	asa := drug.Terms[0]
	if asa.Text() != "Acetylsalicylic acid" || len(asa.Cells) != 3 || asa.Cells[2] != (Cell{Col: 6, Code: "T39.015"}) {
		t.Errorf("drug row = %+v", asa)
	}
	if got := drugName(asa.Text(), drug.Head(2)); got != "Poisoning by Acetylsalicylic acid, accidental (unintentional)" {
		t.Errorf("drugName col 2 = %q", got)
	}
	if got := drugName(asa.Text(), drug.Head(6)); got != "Adverse effect of Acetylsalicylic acid" {
		t.Errorf("drugName col 6 = %q", got)
	}
	if got := neoplasmName(breast.Text(), neo.Head(2)); got != "Neoplasm, neoplastic, breast, malignant primary" {
		t.Errorf("neoplasmName = %q", got)
	}
}

var indexErrorCases = []struct {
	name, input string
	line        int
	msg         string
}{
	{"syntax", "<ICD10CM.index>\n<letter><title>A</title>\n<mainTerm><title>x</mainTerm>", 3, "closed by"},
	{"wrong root", "<ICD10CM.tabular/>", 1, "root element"},
	{"no root", "", 0, "no <ICD10CM.index>"},
	{"letter without title", "<ICD10CM.index>\n<letter>\n</letter></ICD10CM.index>", 3, "without <title>"},
	{"term before title", "<ICD10CM.index><letter><title>A</title>\n<mainTerm><code>A00</code></mainTerm></letter></ICD10CM.index>", 2, "before the <title>"},
	{"level skip", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<term level=\"2\"><title>y</title></term></mainTerm></letter></ICD10CM.index>", 2, "level 2 inside level 0"},
	{"level missing", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<term><title>y</title></term></mainTerm></letter></ICD10CM.index>", 2, "level"},
	{"cell col", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<cell col=\"12\">A00</cell></mainTerm></letter></ICD10CM.index>", 2, "col \"12\""},
	{"head col", "<ICD10CM.index><indexHeading>\n<head>x</head></indexHeading></ICD10CM.index>", 2, "col \"\""},
	{"unknown element", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<note>y</note></mainTerm></letter></ICD10CM.index>", 2, "<note> not allowed"},
	{"markup in code", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<code><b>A00</b></code></mainTerm></letter></ICD10CM.index>", 2, "<b> not allowed inside <code>"},
	{"two titles", "<ICD10CM.index><letter><title>A</title><mainTerm><title>x</title>\n<title>y</title></mainTerm></letter></ICD10CM.index>", 2, "second <title>"},
	{"stray text", "<ICD10CM.index><letter><title>A</title>\nwords<mainTerm><title>x</title></mainTerm></letter></ICD10CM.index>", 2, "unexpected text"},
}

func TestReadIndexErrors(t *testing.T) {
	for _, tt := range indexErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadIndex(strings.NewReader(tt.input), "bad.xml")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.File != "bad.xml" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v (line %d), want line %d containing %q", err, pe.Line, tt.line, tt.msg)
			}
		})
	}
}

func TestReadIndexReleases(t *testing.T) {
	testenv.SkipUnderRace(t)
	type counts struct {
		main    int
		levels  []int // terms per level 1..n
		codes   int
		manif   int
		nemod   int
		see     int
		seeAlso int
		cells   int // non-empty cells
		heads   int
	}
	tests := []struct {
		rel  string
		want counts
	}{
		{"icd10cm/2023/icd10cm_index_2023.xml.gz", counts{main: 8060, levels: []int{29567, 22437, 11882, 5331, 1952, 536, 169, 124, 60},
			codes: 61983, manif: 760, nemod: 12493, see: 12077, seeAlso: 1997}},
		{"icd10cm/2025/icd-10-cm-eindex-2025.xml.gz", counts{main: 314, levels: []int{1399, 1608, 1316, 972, 1076, 907, 368, 104},
			codes: 6650, nemod: 1570, see: 790, seeAlso: 98}},
		{"icd10cm/2025/icd-10-cm-neoplasm-2025.xml.gz", counts{main: 1, levels: []int{593, 957, 352, 36},
			manif: 1, nemod: 270, see: 67, seeAlso: 120, cells: 9018, heads: 7}},
		{"icd10cm/2025/icd-10-cm-drug-2025.xml.gz", counts{main: 5177, levels: []int{1903, 294, 49, 5},
			nemod: 777, see: 97, seeAlso: 35, cells: 40026, heads: 7}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.rel), func(t *testing.T) {
			ix := readGzip(t, tt.rel, ReadIndex)
			var got counts
			got.heads = len(ix.Heads)
			for _, term := range ix.Terms {
				if term.Level == 0 {
					got.main++
				} else {
					for len(got.levels) < term.Level {
						got.levels = append(got.levels, 0)
					}
					got.levels[term.Level-1]++
				}
				if term.Code != "" {
					got.codes++
				}
				if term.Manif != "" {
					got.manif++
				}
				if term.Nemod != "" {
					got.nemod++
				}
				if term.See != "" {
					got.see++
				}
				if term.SeeAlso != "" {
					got.seeAlso++
				}
				got.cells += len(term.Cells)
				if term.Path[len(term.Path)-1] == "" && term.Nemod == "" {
					t.Errorf("line %d: term without title", term.Line)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func FuzzReadIndex(f *testing.F) {
	for _, name := range []string{"icd_index.xml", "icd_eindex.xml", "icd_neoplasm.xml", "icd_drug.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, tt := range indexErrorCases {
		f.Add(tt.input)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ix, err := ReadIndex(strings.NewReader(s), "fuzz.xml")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		for _, term := range ix.Terms {
			if len(term.Path) != term.Level+1 {
				t.Fatalf("term at line %d: level %d with path %q", term.Line, term.Level, term.Path)
			}
		}
	})
}
