package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixedReport is the fixture's report with latencies pinned, so that the
// written files are byte-stable.
func fixedReport(t *testing.T) *Report {
	t.Helper()
	cases, f := fixture()
	r, err := Run(t.Context(), f, cases, Options{Threshold: 0.5, Bootstrap: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.Results {
		r.Results[i].LatencyMs = float64(10 * (i + 1))
	}
	r.LatencyMs = Latency{P50: 20, P95: 30, P99: 30, Max: 30, Mean: 20}
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (UPDATE_GOLDEN=1 to refresh):\n%s", name, path, got)
	}
}

func TestWriteReportGolden(t *testing.T) {
	r := fixedReport(t)
	dir := t.TempDir()
	if err := WriteReport(dir, r); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	golden(t, "report.md", read("report.md"))
	golden(t, "case_a.md", read(filepath.Join("cases", "a.md")))

	for _, name := range []string{"report.json", "report.html", "pr.svg", "reliability.svg", "chapters.svg", "confidence.svg", "cases/b.md", "cases/c.md"} {
		if len(read(name)) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	html := string(read("report.html"))
	if strings.Count(html, "<svg") != 4 || strings.Contains(html, "<?xml") || strings.Contains(html, "&lt;svg") {
		t.Error("report.html does not inline the four SVG plots")
	}
	for _, want := range []string{"<td>precision at threshold (5 suggestions)</td><td>0.2000</td>", "<td>R@15</td>", "rank-1 accuracy (1 single-code cases)", "<td>ECE at threshold</td>"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	// Note text stays out of the JSON.
	if strings.Contains(string(read("report.json")), noteA) {
		t.Error("report.json contains note text")
	}

	// A second write gives the same bytes (no timestamps, stable plots).
	dir2 := t.TempDir()
	if err := WriteReport(dir2, fixedReport(t)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"report.json", "report.md", "report.html", "pr.svg", "reliability.svg", "chapters.svg", "confidence.svg", "cases/a.md"} {
		b2, err := os.ReadFile(filepath.Join(dir2, name))
		if err != nil || !bytes.Equal(read(name), b2) {
			t.Errorf("%s differs between two writes", name)
		}
	}
}

func TestWriteReportEmpty(t *testing.T) {
	// A report with no cases still writes (empty plots, no case files).
	dir := t.TempDir()
	r, err := Run(t.Context(), &fakeSuggester{}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(dir, r); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cases")); !os.IsNotExist(err) {
		t.Errorf("cases dir for an empty run: %v", err)
	}
}

func TestCaseFile(t *testing.T) {
	tests := map[string]string{"S0004-06142005000900016-1": "S0004-06142005000900016-1.md", "../x": "_._x.md", "a b/c": "a_b_c.md"}
	for in, want := range tests {
		if got := caseFile(in); got != want {
			t.Errorf("caseFile(%q) = %q, want %q", in, got, want)
		}
	}
}
