package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"medcode/eval"
)

func TestEvalBadCasesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.jsonl")
	os.WriteFile(path, []byte("{\"id\":\"a\",\"text\":\"x\"}\n{broken\n"), 0o644)
	var out bytes.Buffer
	err := run(t.Context(), []string{"eval", "--cases", path}, &out)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(err.Error(), "cases.jsonl:2") {
		t.Errorf("err = %v, want exit 2 naming line 2", err)
	}
	for _, args := range [][]string{
		{"eval"},
		{"eval", "--cases", path, "--setting", "icu"},
		{"eval", "--cases", path, "--systems", "snomed"},
	} {
		if err := run(t.Context(), args, &out); !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

func TestEvalCompare(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, r *eval.Report) string {
		p := filepath.Join(dir, name)
		b, _ := json.Marshal(r)
		os.WriteFile(p, b, 0o644)
		return p
	}
	res := func(ap float64) []eval.CaseResult {
		return []eval.CaseResult{{ID: "1", Gold: 1, AP: ap, TP: 1}, {ID: "2", Gold: 1, AP: ap, FN: 1}}
	}
	a := write("a.json", &eval.Report{MAP: 0.2, Results: res(0.2)})
	b := write("b.json", &eval.Report{MAP: 0.5, Results: res(0.5)})
	var out bytes.Buffer
	if err := run(t.Context(), []string{"eval", "compare", a, b}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "+0.3000") || !strings.Contains(out.String(), "shared cases: 2") {
		t.Errorf("table:\n%s", out.String())
	}
	out.Reset()
	if err := run(t.Context(), []string{"eval", "compare", "--json", a, b}, &out); err != nil {
		t.Fatal(err)
	}
	var c eval.Comparison
	if err := json.Unmarshal(out.Bytes(), &c); err != nil || c.Shared != 2 || c.MAP.Delta < 0.29 {
		t.Errorf("json %v: %s", err, out.String())
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{"), 0o644)
	if err := run(t.Context(), []string{"eval", "compare", a, bad}, &out); err == nil {
		t.Error("bad report: no error")
	}
}
