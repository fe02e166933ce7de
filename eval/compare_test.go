package eval

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func caseResults(aps []float64, tp, fp, fn int) []CaseResult {
	out := make([]CaseResult, len(aps))
	for i, ap := range aps {
		out[i] = CaseResult{ID: string(rune('a' + i)), Gold: 1, AP: ap, TP: tp, FP: fp, FN: fn}
	}
	return out
}

func TestCompare(t *testing.T) {
	a := &Report{MAP: 0.3, Results: caseResults([]float64{0.2, 0.3, 0.4}, 1, 1, 1)}
	// B is better by exactly 0.1 AP on every case: every resample has
	// the same difference, so no resample is as extreme as the null and
	// p = 1/(R+1).
	b := &Report{MAP: 0.4, Results: caseResults([]float64{0.3, 0.4, 0.5}, 2, 0, 0)}
	b.Results = append(b.Results, CaseResult{ID: "only-b", Gold: 1, AP: 1})
	c := CompareWith(a, b, CompareOptions{Resamples: 99})
	if c.Shared != 3 || c.OnlyA != 0 || c.OnlyB != 1 {
		t.Errorf("shared %d onlyA %d onlyB %d", c.Shared, c.OnlyA, c.OnlyB)
	}
	if !near(c.MAP.Delta, 0.1, 1e-12) || !near(c.MAP.PValue, 0.01, 1e-12) {
		t.Errorf("map test %+v", c.MAP)
	}
	// Micro-F1: A = 2/(2+1+1) = 0.5, B = 1.
	if !near(c.MicroF1.A, 0.5, 1e-12) || !near(c.MicroF1.B, 1, 1e-12) || !near(c.MicroF1.PValue, 0.01, 1e-12) {
		t.Errorf("f1 test %+v", c.MicroF1)
	}
	if c.Metrics[0].Name != "map" || !near(c.Metrics[0].Delta, 0.1, 1e-12) {
		t.Errorf("metrics[0] = %+v", c.Metrics[0])
	}
	names := map[string]bool{}
	for _, m := range c.Metrics {
		names[m.Name] = true
	}
	for _, want := range []string{"rank1", "r@15", "ece.made"} {
		if !names[want] {
			t.Errorf("comparison lacks %s", want)
		}
	}
	// A report against itself: no difference, p = 1.
	s := Compare(a, a)
	if s.MAP.Delta != 0 || s.MAP.PValue != 1 || s.MicroF1.PValue != 1 {
		t.Errorf("self comparison %+v %+v", s.MAP, s.MicroF1)
	}
	// No shared cases: no test.
	n := Compare(a, &Report{Results: []CaseResult{{ID: "z"}}})
	if n.Shared != 0 || n.MAP.Resamples != 0 {
		t.Errorf("disjoint comparison %+v", n)
	}
	var buf bytes.Buffer
	if err := WriteComparison(&buf, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "p = 0.0100") || !strings.Contains(buf.String(), "shared cases: 3") {
		t.Errorf("table:\n%s", buf.String())
	}
}

func TestCompareRoundTrip(t *testing.T) {
	cases, f := fixture()
	r, err := Run(t.Context(), f, cases, Options{Threshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteReport(dir, r); err != nil {
		t.Fatal(err)
	}
	back, err := ReadReport(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := Compare(r, back)
	for _, m := range c.Metrics {
		if m.Delta != 0 {
			t.Errorf("%s differs after a JSON round trip: %+v", m.Name, m)
		}
	}
	// The JSON has the keys the brief names.
	var m map[string]any
	b, _ := json.Marshal(back)
	json.Unmarshal(b, &m)
	for _, k := range []string{"cases", "map", "mrr", "micro", "macro", "precisionAt", "recallAt", "parent", "category",
		"ece", "eceMade", "rank1", "rank1Cases", "brier", "latencyMs", "ci", "thresholdSweep", "reliability", "chapters", "results"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report JSON lacks %q", k)
		}
	}
	if _, err := ReadReport(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing report: no error")
	}
}
