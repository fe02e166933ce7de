package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

func TestCodesShowJSON(t *testing.T) {
	t.Parallel()
	data := smallDir(t)
	tests := []struct {
		args                          []string
		system, code, display, parent string
		billable                      bool
	}{
		{[]string{"E11.9"}, "ICD-10-CM", "E11.9", "Type 2 diabetes mellitus without complications", "E11", true},
		{[]string{"e119"}, "ICD-10-CM", "E11.9", "Type 2 diabetes mellitus without complications", "E11", true},
		{[]string{"r51"}, "ICD-10-CM", "R51", "Headache", "", false},
		// ICD-10-CM comes first: J1100 is J11.00 unless --system says otherwise.
		{[]string{"j1100"}, "ICD-10-CM", "J11.00", "", "J11.0", true},
		{[]string{"--system", "hcpcs", "j1100"}, "HCPCS", "J1100", "", "", true},
		{[]string{"A0021"}, "HCPCS", "A0021", "Ambulance service, outside state per mile, transport (medicaid only)", "", true},
		{[]string{"--system", "icd10cm", "I10"}, "ICD-10-CM", "I10", "Essential (primary) hypertension", "", true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var buf bytes.Buffer
			args := append([]string{"--data", data, "codes", "show", "--json"}, tt.args...)
			if err := run(t.Context(), args, &buf); err != nil {
				t.Fatal(err)
			}
			var got struct {
				System   string `json:"system"`
				Code     string `json:"code"`
				Display  string `json:"display"`
				Billable bool   `json:"billable"`
				Parent   *struct {
					Code string `json:"code"`
				} `json:"parent"`
				Children []struct {
					Code string `json:"code"`
				} `json:"children"`
				Names []struct {
					Text, Kind string
				} `json:"names"`
			}
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("%v in %s", err, buf.String())
			}
			if got.System != tt.system || got.Code != tt.code || got.Billable != tt.billable {
				t.Errorf("got %+v", got)
			}
			if tt.display != "" && got.Display != tt.display {
				t.Errorf("display = %q, want %q", got.Display, tt.display)
			}
			if got.Display == "" || len(got.Names) == 0 || got.Names[0].Text != got.Display || got.Names[0].Kind != "title" {
				t.Errorf("display %q, names %+v", got.Display, got.Names)
			}
			parent := ""
			if got.Parent != nil {
				parent = got.Parent.Code
			}
			if tt.parent != parent {
				t.Errorf("parent = %q, want %q", parent, tt.parent)
			}
			if tt.code == "R51" && len(got.Children) != 2 {
				t.Errorf("R51 children = %+v, want R51.0 and R51.9", got.Children)
			}
		})
	}
}

func TestCodesShowText(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", smallDir(t), "codes", "show", "S72.001A"}, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"ICD-10-CM S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture", "billable", "parent", "S72.001"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestCodesFullData is the one test on the full real data directory (order
// file, Tabular List and indexes, HCPCS workbook): notes and the seventh-
// character table come from the Tabular List.
func TestCodesFullData(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel()
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", testenv.DataDir(t), "codes", "show", "--json", "--date", "2026-11-15", "S72.001A"}, &buf); err != nil {
		t.Fatal(err)
	}
	var got codeView
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, buf.String())
	}
	if got.System != corpus.ICD10CM || got.Code != "S72.001A" || !got.Billable || got.Release != "FY2027" || len(got.Releases) != 2 || got.Chapter != "19" ||
		got.Display != "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture" ||
		got.Parent == nil || got.Parent.Code != "S72.001" {
		t.Errorf("got %+v", got)
	}
	sev := map[string]string{}
	for _, e := range got.SevenChr {
		sev[e.Char] = e.Text
	}
	if sev["A"] != "initial encounter for closed fracture" || sev["D"] != "subsequent encounter for closed fracture with routine healing" {
		t.Errorf("seventh characters = %+v", got.SevenChr)
	}
	from := map[string]inherited{}
	for _, n := range got.Inherited {
		from[n.From] = n
	}
	if ex := from["S72"].Excludes1; !slices.Contains(ex, "traumatic amputation of hip and thigh (S78.-)") {
		t.Errorf("excludes1 inherited from S72 = %q (all: %+v)", ex, got.Inherited)
	}
	if ex := from["S72.0"].Excludes2; len(ex) == 0 {
		t.Errorf("no excludes2 inherited from S72.0: %+v", got.Inherited)
	}
}

func TestCodesShowUnknown(t *testing.T) {
	t.Parallel()
	data := smallDir(t)
	var buf bytes.Buffer
	err := run(t.Context(), []string{"--data", data, "codes", "show", "ZZZ.99"}, &buf)
	var ee *exitError
	if err == nil || errors.As(err, &ee) || !errors.Is(err, corpus.ErrUnknownCode) || !strings.Contains(err.Error(), "ZZZ.99") {
		t.Errorf("err = %v, want an unknown-code error (exit status 1)", err)
	}
	// A code outside the loaded categories is unknown, not a usage error.
	if err := run(t.Context(), []string{"--data", data, "codes", "show", "A00.0"}, &buf); exitCode(err) != 1 || !errors.Is(err, corpus.ErrUnknownCode) {
		t.Errorf("A00.0: err = %v, want an unknown-code error", err)
	}
	for _, args := range [][]string{{"codes", "show"}, {"codes", "show", "E11.9", "I10"}, {"codes", "show", "--system", "snomed", "E11.9"}, {"codes"}, {"codes", "show", "--bogus", "E11.9"}} {
		if err := run(t.Context(), append([]string{"--data", data}, args...), &buf); !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

func TestCodesMissingData(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := run(t.Context(), []string{"--data", filepath.Join(t.TempDir(), "none"), "codes", "stats"}, &buf)
	if !errors.Is(err, corpus.ErrMissingData) || !strings.Contains(err.Error(), "run `make data`") {
		t.Errorf("err = %v, want ErrMissingData saying to run make data", err)
	}
	// The --data help shows a placeholder, not the command.
	buf.Reset()
	if err := run(t.Context(), []string{"--help"}, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "--data DIR") {
		t.Errorf("--data help:\n%s", buf.String())
	}
}

// TestCodesStatsJSON checks the exact ICD-10-CM counts on the real order
// file alone, then the HCPCS and text forms on smallDir.
func TestCodesStatsJSON(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel()
	stats := func(t *testing.T, data string) map[corpus.System]systemStats {
		t.Helper()
		var buf bytes.Buffer
		if err := run(t.Context(), []string{"--data", data, "codes", "stats", "--json"}, &buf); err != nil {
			t.Fatal(err)
		}
		var got []systemStats
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Fatalf("%v in %s", err, buf.String())
		}
		by := map[corpus.System]systemStats{}
		for _, s := range got {
			by[s.System] = s
		}
		return by
	}

	by := stats(t, orderDir(t))
	icd := by[corpus.ICD10CM]
	if icd.Release != "FY2026" || icd.Codes != 98186 || icd.Billable != 74719 || icd.Headers != 98186-74719 ||
		icd.Names["title"] != 98186 || icd.Names["index"] != 0 || len(icd.Supplements) != 0 {
		t.Errorf("ICD-10-CM stats = %+v", icd)
	}
	if h, ok := by[corpus.HCPCS]; ok && h.Codes != 0 {
		t.Errorf("HCPCS stats without a workbook = %+v", h)
	}
	if c := by[corpus.CPT]; c.Release != "starter" || c.Codes == 0 {
		t.Errorf("CPT stats = %+v", c)
	}

	data := smallDir(t)
	by = stats(t, data)
	if h := by[corpus.HCPCS]; h.Release != "2025-10" || h.Codes == 0 || h.Modifiers != 1 {
		t.Errorf("HCPCS stats = %+v", h)
	}
	// The text form carries the same numbers.
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", data, "codes", "stats"}, &buf); err != nil {
		t.Fatal(err)
	}
	for _, sys := range []corpus.System{corpus.ICD10CM, corpus.HCPCS, corpus.CPT} {
		s := by[sys]
		for _, want := range []string{string(sys), s.Release, strconv.Itoa(s.Codes), strconv.Itoa(s.Billable)} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("text stats lack %q:\n%s", want, buf.String())
			}
		}
	}
}
