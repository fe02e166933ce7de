package corpus

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>`

var xlsxRowsTests = []struct {
	name string
	xml  string
	want [][]string // row number first, then cells
	err  bool       // errXLSXShape
}{
	{"shared and inline", sheetHead + `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> x &amp; y </t></is></c></row>` +
		`<row r="3"><c r="B3" s="1"/><c r="C3"><v>42.5</v></c></row></sheetData></worksheet>`,
		[][]string{{"1", "HCPC", "", " x & y "}, {"3", "", "", "42.5"}}, false},
	{"rich text and references", sheetHead + `<row><c t="inlineStr"><is><r><t>a&lt;</t></r><r><rPr/><t>b&#233;&#x41;</t></r></is></c><c t="str"><f>A1</f><v>v</v></c><c t="b"><v>1</v></c></row><row r="2"/></sheetData></worksheet>`,
		[][]string{{"1", "a<béA", "v", "1"}, {"2"}}, false},
	{"empty sheet", sheetHead + `</sheetData></worksheet>`, nil, false},
	{"self-closing sheetData", `<worksheet><sheetData/></worksheet>`, nil, false},
	{"prefixed", `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`, nil, true},
	{"rows out of order", sheetHead + `<row r="2"/><row r="1"/></sheetData>`, [][]string{{"2"}}, true},
	{"cells out of order", sheetHead + `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>`, nil, true},
	{"bad shared index", sheetHead + `<row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>`, nil, true},
	{"bad entity", sheetHead + `<row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row></sheetData>`, nil, true},
	{"unterminated", sheetHead + `<row r="1"><c r="A1"><v>1</v>`, nil, true},
	{"no sheetData", `<worksheet/>`, nil, true},
}

func readXLSXRows(data []byte, sst []string) ([][]string, error) {
	var got [][]string
	rows := newXLSXRows(data, sst)
	for rows.Next() {
		got = append(got, append([]string{itoa(rows.row)}, rows.cells...))
	}
	return got, rows.err
}

func itoa(n int) string { return string(rune('0' + n%10)) } // rows < 10 in tests

func TestXLSXRows(t *testing.T) {
	for _, tc := range xlsxRowsTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readXLSXRows([]byte(tc.xml), []string{"HCPC"})
			if tc.err != errors.Is(err, errXLSXShape) {
				t.Fatalf("err = %v, want shape error %v", err, tc.err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows = %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzXLSXRows(f *testing.F) {
	for _, tc := range xlsxRowsTests {
		f.Add([]byte(tc.xml))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := readXLSXRows(b, []string{"a", "b"})
		if err != nil && !errors.Is(err, errXLSXShape) {
			t.Errorf("error %v is not a shape error", err)
		}
		for _, r := range rows {
			if len(r) > 1<<14+1 {
				t.Errorf("row of %d cells", len(r))
			}
		}
	})
}

// TestReadHCPCSWorkbookFast checks the fast reader handles workbooks
// excelize writes (no silent fallback) and agrees with excelize.
func TestReadHCPCSWorkbookFast(t *testing.T) {
	dir := t.TempDir()
	path := writeHCPCSWorkbook(t, dir, "HCPC2025_OCT_ANWEB.xlsx", "Data", [][]string{
		hcpcsWorkbookHeader,
		{"   Z1", "0010", "7", "Test modifier <one> & \"two\"", "Mod 1", "", "20020701", "20020701", "", "N"},
		{},
		{"A9901", "0010", "3", "Made-up supply, per week — ünïcode", "  Made-up supply  ", "34", "19970101", "20170101", "", "N"},
		{"A9902", "0010", "3", "Made-up supply ending on the release date", "Ends", "", "20050101", "20050101", "20251001", "D"},
	})
	fast, fst, err := readHCPCSWorkbookFast(path)
	if err != nil {
		t.Fatalf("fast reader: %v", err)
	}
	slow, sst, err := readHCPCSWorkbookExcelize(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, slow) || fst != sst {
		t.Errorf("fast reader:\n%+v %+v\nexcelize:\n%+v %+v", fast, fst, slow, sst)
	}
	if len(fast) != 2 || fast[0].Display != `Test modifier <one> & "two"` {
		t.Errorf("codes = %+v", fast)
	}

	// Row errors name the worksheet row from either reader.
	bad := writeHCPCSWorkbook(t, dir, "bad.xlsx", "Sheet1", [][]string{hcpcsWorkbookHeader, {}, {"A9902", "0010", "5", "x"}})
	_, _, err = readHCPCSWorkbook(bad)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("bad RECID: err = %v, want a *ParseError at row 3", err)
	}
}

// TestReadHCPCSWorkbookFallback reads a workbook whose worksheet uses
// prefixed element names: the fast reader declines it, excelize reads it.
func TestReadHCPCSWorkbookFallback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "HCPC2025_OCT_ANWEB.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="HCPC2025_OCT_ANWEB" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>HCPC</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>RECID</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>LONG DESCRIPTION</x:t></x:is></x:c></x:row>` +
			`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>A9901</x:t></x:is></x:c><x:c r="B2"><x:v>3</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>Made-up supply</x:t></x:is></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readHCPCSWorkbookFast(path); !errors.Is(err, errXLSXShape) {
		t.Fatalf("fast reader: err = %v, want errXLSXShape", err)
	}
	codes, err := ReadHCPCSWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 1 || codes[0].Code != "A9901" || codes[0].Display != "Made-up supply" {
		t.Errorf("codes = %+v", codes)
	}
}

// TestReadHCPCSWorkbookFastReal compares both readers on the October 2025
// workbook.
func TestReadHCPCSWorkbookFastReal(t *testing.T) {
	testenv.SkipUnderRace(t)
	path := hcpcsWorkbookPath(t)
	fast, fst, err := readHCPCSWorkbookFast(path)
	if err != nil {
		t.Fatalf("fast reader: %v", err)
	}
	slow, sst, err := readHCPCSWorkbookExcelize(path)
	if err != nil {
		t.Fatal(err)
	}
	if fst != sst || len(fast) != len(slow) {
		t.Fatalf("fast %+v (%d codes), excelize %+v (%d codes)", fst, len(fast), sst, len(slow))
	}
	for i := range fast {
		if !reflect.DeepEqual(fast[i], slow[i]) {
			t.Fatalf("code %d: fast %+v, excelize %+v", i, fast[i], slow[i])
		}
	}
}
