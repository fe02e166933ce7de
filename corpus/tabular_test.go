package corpus

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

func readTabularFixture(t *testing.T) *Tabular {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "icd_tabular.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := ReadTabular(f, "icd_tabular.xml")
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestReadTabularFixture(t *testing.T) {
	tab := readTabularFixture(t)
	if tab.Version != "2023" || len(tab.Chapters) != 3 || len(tab.Diags) != 10 {
		t.Fatalf("version %q, %d chapters, %d diags", tab.Version, len(tab.Chapters), len(tab.Diags))
	}
	ch := tab.Chapters[0]
	if ch.Number != "4" || ch.Title != "Endocrine, nutritional and metabolic diseases (E00-E89)" ||
		len(ch.Sections) != 1 || ch.Sections[0].ID != "E08-E13" || ch.Sections[0].Title != "Diabetes mellitus (E08-E13)" {
		t.Errorf("chapter = %+v", ch)
	}
	by := map[string]*Diag{}
	for _, d := range tab.Diags {
		by[d.Code] = d
	}
	ext := []Extension{
		{"A", "initial encounter for closed fracture"},
		{"D", "subsequent encounter for closed fracture with routine healing"},
		{"S", "sequela"},
	}
	tests := []struct {
		code, parent, chapter, section string
		incl                           []string
		notes                          Notes
		seven                          []Extension
		line                           int
	}{
		{code: "E11", chapter: "4", section: "E08-E13",
			incl:  []string{"diabetes, adult onset", "insulin resistant diabetes (mellitus)"},
			notes: Notes{Excludes1: []string{"type 1 diabetes mellitus (E10.-)"}, UseAdditional: []string{"code to identify control using insulin (Z79.4)"}},
			line:  19},
		{code: "E11.22", parent: "E11.2", chapter: "4", section: "E08-E13",
			notes: Notes{UseAdditional: []string{"code to identify stage of chronic kidney disease (N18.1-N18.6)"}}, line: 35},
		{code: "R51", chapter: "18", section: "R50-R69", incl: []string{"Facial pain NOS"},
			notes: Notes{Excludes1: []string{"migraine and other headache syndromes (G43-G44)"}}, line: 62},
		{code: "S72", chapter: "19", section: "S70-S79", seven: ext,
			notes: Notes{SevenChrNote: []string{"The appropriate 7th character is to be added to each code from category S72"}}, line: 79},
		{code: "S72.001", parent: "S72.00", chapter: "19", section: "S70-S79", seven: ext, line: 99},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			d := by[tt.code]
			if d == nil {
				t.Fatalf("diag %s missing", tt.code)
			}
			if d.Parent != tt.parent || d.Chapter != tt.chapter || d.Section != tt.section || d.Line != tt.line {
				t.Errorf("got parent %q chapter %q section %q line %d", d.Parent, d.Chapter, d.Section, d.Line)
			}
			if !reflect.DeepEqual(d.Inclusion, tt.incl) {
				t.Errorf("inclusion = %q, want %q", d.Inclusion, tt.incl)
			}
			if !reflect.DeepEqual(d.Notes, tt.notes) {
				t.Errorf("notes = %+v, want %+v", d.Notes, tt.notes)
			}
			if !reflect.DeepEqual(d.SevenChr, tt.seven) {
				t.Errorf("seventh = %+v, want %+v", d.SevenChr, tt.seven)
			}
		})
	}
}

var tabularErrorCases = []struct {
	name, input string
	line        int
	msg         string
}{
	{"syntax", "<ICD10CM.tabular>\n<chapter>\n<name>1</name>\n</ICD10CM.tabular>", 4, "element <chapter> closed by </ICD10CM.tabular>"},
	{"wrong root", "<?xml version=\"1.0\"?>\n<ICD10CM.index/>", 2, "root element"},
	{"no root", "<?xml version=\"1.0\"?>\n", 0, "no <ICD10CM.tabular>"},
	{"truncated", "<ICD10CM.tabular>\n<chapter>\n", 3, "unexpected"},
	{"chapter without desc", "<ICD10CM.tabular>\n<chapter>\n<name>1</name>\n</chapter>\n</ICD10CM.tabular>", 2, "<chapter> without <desc>"},
	{"diag without name", "<ICD10CM.tabular>\n<chapter><name>1</name><desc>x</desc>\n<section id=\"A00-A09\">\n<diag>\n<desc>x</desc>\n</diag></section></chapter></ICD10CM.tabular>", 4, "<diag> without <name>"},
	{"section without id", "<ICD10CM.tabular>\n<chapter><name>1</name><desc>x</desc>\n<section>\n</section></chapter></ICD10CM.tabular>", 3, "without id"},
	{"malformed code", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"a\">\n<diag><name>A0.0.0</name><desc>x</desc></diag></section></chapter></ICD10CM.tabular>", 2, "malformed diag name"},
	{"misnested code", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"a\">\n<diag><name>A00</name><desc>x</desc>\n<diag><name>B00.1</name><desc>y</desc></diag></diag></section></chapter></ICD10CM.tabular>", 3, "nested under A00"},
	{"duplicate", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"a\">\n<diag><name>A00</name><desc>x</desc></diag>\n<diag><name>A00</name><desc>x</desc></diag></section></chapter></ICD10CM.tabular>", 3, "duplicate diag"},
	{"unknown element", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"a\">\n<diag><name>A00</name><desc>x</desc>\n<synonym>y</synonym></diag></section></chapter></ICD10CM.tabular>", 3, "<synonym> not allowed inside <diag>"},
	{"bad extension", "<ICD10CM.tabular><chapter><name>19</name><desc>x</desc><section id=\"a\">\n<diag><name>S72</name><desc>x</desc>\n<sevenChrDef><extension char=\"A-1\">y</extension></sevenChrDef></diag></section></chapter></ICD10CM.tabular>", 3, "extension char"},
	{"note outside note", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc>\n<excludes1><diag/></excludes1></chapter></ICD10CM.tabular>", 2, "<diag> not allowed inside <excludes1>"},
	{"stray text", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc>\nloose words</chapter></ICD10CM.tabular>", 2, "unexpected text"},
	{"placeholder", "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"a\">\n<diag placeholder=\"maybe\"><name>A00</name><desc>x</desc></diag></section></chapter></ICD10CM.tabular>", 2, "placeholder"},
}

func TestReadTabularErrors(t *testing.T) {
	for _, tt := range tabularErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTabular(strings.NewReader(tt.input), "bad.xml")
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

func TestReadTabularFY2023(t *testing.T) {
	testenv.SkipUnderRace(t)
	tab := readGzip(t, filepath.Join("icd10cm", "2023", "icd10cm_tabular_2023.xml.gz"), ReadTabular)
	sections, incl, seven := 0, 0, 0
	for _, ch := range tab.Chapters {
		sections += len(ch.Sections)
	}
	seen := map[string]bool{}
	for _, d := range tab.Diags {
		seen[d.Code] = true
		incl += len(d.Inclusion)
		if len(d.SevenChr) > 0 {
			seven++
		}
		if d.Title == "" || d.Chapter == "" || d.Section == "" {
			t.Fatalf("incomplete diag %+v", d)
		}
		if d.Parent != "" && !seen[d.Parent] {
			t.Fatalf("%s: parent %s not read before it", d.Code, d.Parent)
		}
		if got := ChapterOf(d.Code); got != d.Chapter {
			t.Errorf("%s: chapter %s in the tabular, %s by range", d.Code, d.Chapter, got)
		}
	}
	if tab.Version != "2023" || len(tab.Chapters) != 22 || sections != 296 || len(tab.Diags) != 45869 {
		t.Errorf("version %s, %d chapters, %d sections, %d diags; want 2023, 22, 296, 45,869",
			tab.Version, len(tab.Chapters), sections, len(tab.Diags))
	}
	t.Logf("%d inclusion terms, %d diags with a seventh-character table", incl, seven)
	if incl < 12000 || seven < 5000 {
		t.Errorf("too few inclusion terms (%d) or seventh-character diags (%d)", incl, seven)
	}
}

// readGzip opens a gzip'd code-set file under the test data directory and
// hands it to read.
func readGzip[T any](t testing.TB, rel string, read func(r io.Reader, file string) (T, error)) T {
	t.Helper()
	path := filepath.Join(testenv.DataDir(t), "codesets", rel)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	v, err := read(z, path)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func FuzzReadTabular(f *testing.F) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "icd_tabular.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(fixture))
	for _, tt := range tabularErrorCases {
		f.Add(tt.input)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := ReadTabular(strings.NewReader(s), "fuzz.xml")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		for _, d := range tab.Diags {
			if d.Code == "" || d.Title == "" {
				t.Fatalf("incomplete diag %+v", d)
			}
		}
	})
}
