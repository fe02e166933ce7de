package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReadSynonymsFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "synonyms_site.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadSynonyms(bytes.NewReader(b), "synonyms_site.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Synonym{
		{ICD10CM, "E11.9", "sugar diabetes", 3},
		{ICD10CM, "E11.9", "T2DM", 4},
		{ICD10CM, "I10", "high blood pressure", 5},
		{CPT, "87880", "strep swab", 7},
		{HCPCS, "E2601", "wheelchair cushion", 8},
		{HCPCS, "RT", "rt side", 9},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadSynonymsErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"one field", "sugar diabetes E11.9\n", 1, "1 tab-separated fields"},
		{"four fields", "a\ticd10cm\tE11.9\textra\n", 1, "4 tab-separated fields"},
		{"unknown system", "# c\nsugar\tsnomed\t44054006\n", 2, "unknown system"},
		{"bad icd code", "sugar\t250.00\n", 1, "not a ICD-10-CM code"},
		{"bad icd tail", "sugar\tE11.9AAAA\n", 1, "not a ICD-10-CM code"},
		{"bad cpt code", "visit\tcpt\tJ1100\n", 1, "not a CPT code"},
		{"bad hcpcs code", "drug\thcpcs\t99213\n", 1, "not a HCPCS code"},
		{"empty term", "\t\tE11.9\n", 1, "unknown system"},
		{"blank term", " \tE11.9\n", 1, "empty term"},
		{"not utf8", "ok\tI10\nsug\xffar\tE11.9\n", 2, "not UTF-8"},
		{"too long", "ok\tI10\n" + strings.Repeat("a", maxSynonymLine+1), 2, "line longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSynonyms(strings.NewReader(tt.in), "syn.tsv")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want *ParseError", err)
			}
			if pe.File != "syn.tsv" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v (line %d), want line %d and %q", err, pe.Line, tt.line, tt.msg)
			}
		})
	}
	got, err := ReadSynonyms(strings.NewReader("\ufeff# only comments\n\n   \n"), "syn.tsv")
	if err != nil || len(got) != 0 {
		t.Errorf("comments only: %v %v", got, err)
	}
}

func TestAddSynonyms(t *testing.T) {
	codes := []*Code{
		{System: ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications", Names: []Name{{Text: "Type 2 diabetes mellitus without complications"}}},
		{System: HCPCS, Code: "RT", Display: "Right side", Modifier: true, Names: []Name{{Text: "Right side"}}},
	}
	syns := []Synonym{
		{ICD10CM, "E11.9", "T2DM", 1},
		{ICD10CM, "e119", "t2dm", 2},
		{ICD10CM, "E11.9", "type 2 diabetes mellitus without complications", 3},
		{HCPCS, "RT", "rt side", 4},
		{CPT, "99213", "visit", 5},
	}
	unknown := AddSynonyms(codes, syns)
	if len(unknown) != 1 || unknown[0].Line != 5 {
		t.Errorf("unknown %+v", unknown)
	}
	if want := []Name{{Text: "Type 2 diabetes mellitus without complications"}, {Text: "T2DM", Kind: NameSynonym}}; !reflect.DeepEqual(codes[0].Names, want) {
		t.Errorf("E11.9 names %+v", codes[0].Names)
	}
	if len(codes[1].Names) != 2 || codes[1].Names[1] != (Name{Text: "rt side", Kind: NameSynonym}) {
		t.Errorf("RT names %+v", codes[1].Names)
	}
}

func FuzzReadSynonyms(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "synonyms_site.tsv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	for _, s := range []string{"sugar\t250.00\n", "a\ticd10cm\tE11.9\textra\n", "\ufeff# c\n\n", "visit\tcpt\t0001u\n", "sug\xffar\tE11.9\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		syns, err := ReadSynonyms(bytes.NewReader(in), "fuzz.tsv")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.tsv" || pe.Line < 1 {
				t.Fatalf("error %v is not a *ParseError naming file and line", err)
			}
			return
		}
		last := 0
		for _, s := range syns {
			if s.Text == "" || s.Line <= last || strings.ContainsAny(s.Text, "\t\n") {
				t.Fatalf("bad synonym %+v", s)
			}
			if c, ok := synonymCode(s.System, s.Code); !ok || c != s.Code {
				t.Fatalf("code %q not canonical for %s", s.Code, s.System)
			}
			last = s.Line
		}
	})
}
