package eval

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"

	"medcode/corpus"
)

const goodCases = `{"id":"c1","text":"Headache and a rib fracture.","text_es":"x","codes":[{"system":"ICD-10-CM","code":"r51","note":"fy2026_header_not_billable"},{"system":"ICD-10-CM","code":"S2249XA"},{"system":"ICD-10-CM","code":"R51"},{"system":"ICD-10-PCS","code":"0TTB","partial":true}],"split":"train"}

{"id":"c2","text":"Office visit.","topic":" e-m ","codes":[{"system":"cpt","code":"99213"}]}
`

func TestReadCases(t *testing.T) {
	for _, gz := range []bool{false, true} {
		in := []byte(goodCases)
		if gz {
			var b bytes.Buffer
			w := gzip.NewWriter(&b)
			w.Write(in)
			w.Close()
			in = b.Bytes()
		}
		cases, err := ReadCases(bytes.NewReader(in), "cases.jsonl")
		if err != nil {
			t.Fatalf("gzip=%v: %v", gz, err)
		}
		if len(cases) != 2 {
			t.Fatalf("gzip=%v: %d cases", gz, len(cases))
		}
		c := cases[0]
		want := []Gold{
			{System: corpus.ICD10CM, Code: "R51", Note: "fy2026_header_not_billable"},
			{System: corpus.ICD10CM, Code: "S22.49XA"},
		}
		if len(c.Gold) != 2 || c.Gold[0] != want[0] || c.Gold[1] != want[1] {
			t.Errorf("gold = %+v", c.Gold)
		}
		if len(c.Other) != 1 || c.Other[0].Code != "0TTB" {
			t.Errorf("other = %+v", c.Other)
		}
		if cases[1].Gold[0].System != corpus.CPT {
			t.Errorf("system = %q", cases[1].Gold[0].System)
		}
		if c.Topic != "" || cases[1].Topic != "e-m" {
			t.Errorf("topics = %q, %q", c.Topic, cases[1].Topic)
		}
	}
}

func TestReadCasesErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"bad json", "{\"id\":\"a\",\"text\":\"x\"}\n{oops\n", 2, "bad JSON"},
		{"empty text", "{\"id\":\"a\",\"text\":\"  \"}\n", 1, "empty text"},
		{"missing id", "\n\n{\"text\":\"x\"}\n", 3, "missing id"},
		{"unknown system", "{\"id\":\"a\",\"text\":\"x\",\"codes\":[{\"system\":\"SNOMED\",\"code\":\"1\"}]}", 1, "unknown system"},
		{"empty code", "{\"id\":\"a\",\"text\":\"x\",\"codes\":[{\"system\":\"cpt\",\"code\":\"\"}]}", 1, "empty"},
		{"duplicate", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n", 2, "duplicate id"},
	}
	for _, tc := range tests {
		_, err := ReadCases(strings.NewReader(tc.in), "f.jsonl")
		var ce *CaseError
		if !errors.As(err, &ce) || ce.Line != tc.line || ce.File != "f.jsonl" || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v, want line %d with %q", tc.name, err, tc.line, tc.msg)
		}
	}
	if _, err := ReadCases(strings.NewReader("\x1f\x8bnot gzip"), "g.gz"); err == nil {
		t.Error("corrupt gzip: no error")
	}
}

func FuzzReadCases(f *testing.F) {
	f.Add(goodCases)
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n{oops\n")
	f.Add("{\"id\":\"a\",\"text\":\"x\",\"codes\":[{\"system\":\"icd10\",\"code\":\"e119\"}]}")
	f.Fuzz(func(t *testing.T, in string) {
		cases, err := ReadCases(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, c := range cases {
			if c.ID == "" || strings.TrimSpace(c.Text) == "" {
				t.Fatalf("accepted case %+v", c)
			}
		}
	})
}
