package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

func TestCodesShowJSON(t *testing.T) {
	data := testenv.DataDir(t)
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
		{[]string{"A0021"}, "HCPCS", "A0021", "", "", true},
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
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", testenv.DataDir(t), "codes", "show", "S72.001A"}, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"ICD-10-CM S72.001A", "billable", "parent", "S72.001", "7th character", "A  initial encounter for closed fracture", "excludes1 (S72)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCodesShowUnknown(t *testing.T) {
	var buf bytes.Buffer
	err := run(t.Context(), []string{"--data", testenv.DataDir(t), "codes", "show", "ZZZ.99"}, &buf)
	var ee *exitError
	if err == nil || errors.As(err, &ee) || !errors.Is(err, corpus.ErrUnknownCode) || !strings.Contains(err.Error(), "ZZZ.99") {
		t.Errorf("err = %v, want an unknown-code error (exit status 1)", err)
	}
	for _, args := range [][]string{{"codes", "show"}, {"codes", "show", "--system", "snomed", "E11.9"}} {
		if err := run(t.Context(), append([]string{"--data", testenv.DataDir(t)}, args...), &buf); !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

func TestCodesMissingData(t *testing.T) {
	var buf bytes.Buffer
	err := run(t.Context(), []string{"--data", filepath.Join(t.TempDir(), "none"), "codes", "stats"}, &buf)
	if !errors.Is(err, corpus.ErrMissingData) {
		t.Errorf("err = %v, want ErrMissingData", err)
	}
}

func TestCodesStatsJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := run(t.Context(), []string{"--data", testenv.DataDir(t), "codes", "stats", "--json"}, &buf); err != nil {
		t.Fatal(err)
	}
	var got []systemStats
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	by := map[corpus.System]systemStats{}
	for _, s := range got {
		by[s.System] = s
	}
	icd := by[corpus.ICD10CM]
	if icd.Release != "FY2026" || icd.Codes != 98186 || icd.Billable != 74719 || icd.Headers != 98186-74719 ||
		icd.Names["title"] != 98186 || icd.Names["index"] == 0 || icd.Names["drug"] == 0 {
		t.Errorf("ICD-10-CM stats = %+v", icd)
	}
	if h := by[corpus.HCPCS]; h.Release != "2025-10" || h.Codes == 0 || h.Modifiers == 0 {
		t.Errorf("HCPCS stats = %+v", h)
	}
	if c := by[corpus.CPT]; c.Release != "starter" || c.Codes == 0 {
		t.Errorf("CPT stats = %+v", c)
	}
	// The text form carries the same numbers.
	buf.Reset()
	if err := run(t.Context(), []string{"--data", testenv.DataDir(t), "codes", "stats"}, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "98186") || !strings.Contains(buf.String(), "74719") {
		t.Errorf("text stats:\n%s", buf.String())
	}
}
