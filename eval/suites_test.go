package eval

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// suiteReleases are the ICD-10-CM releases a suite's gold code may be
// billable in: the code set of the dates of service the suites stand for.
var suiteReleases = []string{"2026", "2027"}

// billableByRelease reads the order file of each release and returns, per
// release, its set of billable codes.
func billableByRelease(t *testing.T) map[string]map[string]bool {
	t.Helper()
	dir := testenv.DataDir(t)
	out := make(map[string]map[string]bool)
	for _, fy := range suiteReleases {
		path := filepath.Join(dir, "codesets", "icd10cm", fy, "icd10cm_order_"+fy+".txt.gz")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			t.Fatalf("%s: %v", path, err)
		}
		codes, err := corpus.ReadOrder(zr, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		set := make(map[string]bool, len(codes))
		for _, c := range codes {
			if c.Billable {
				set[c.Code] = true
			}
		}
		if len(set) < 70000 {
			t.Fatalf("%s: only %d billable codes", path, len(set))
		}
		out[fy] = set
	}
	return out
}

// suiteFiles are the hand-written suites kept as test data, with the
// held-out statements under testdata/suites/holdout.
func suiteFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "suites", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no suite files under testdata/suites (%v)", err)
	}
	held, err := filepath.Glob(filepath.Join("testdata", "suites", "holdout", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, held...)
	sort.Strings(files)
	return files
}

// TestSuiteGoldCodesBillable fails when a gold code of a suite is not a
// billable ICD-10-CM code in FY2026 or FY2027, naming the file, the case
// and the releases the code is billable in; a case must have a topic, a
// gold code and text not repeated in its file.
func TestSuiteGoldCodesBillable(t *testing.T) {
	testenv.SkipUnderRace(t)
	billable := billableByRelease(t)
	for _, file := range suiteFiles(t) {
		cases, err := OpenCases(file)
		if err != nil {
			t.Fatal(err)
		}
		texts := make(map[string]string)
		oneRelease := make(map[string][]string)
		for _, c := range cases {
			if c.Topic == "" {
				t.Errorf("%s: case %s has no topic", file, c.ID)
			}
			if len(c.Gold) == 0 || len(c.Other) > 0 {
				t.Errorf("%s: case %s: want ICD-10-CM gold codes only, have %v / %v", file, c.ID, c.Gold, c.Other)
			}
			if prev, ok := texts[c.Text]; ok {
				t.Errorf("%s: case %s repeats the text of case %s", file, c.ID, prev)
			}
			texts[c.Text] = c.ID
			for _, g := range c.Gold {
				if g.System != corpus.ICD10CM {
					t.Errorf("%s: case %s: %s code %s: want ICD-10-CM", file, c.ID, g.System, g.Code)
					continue
				}
				var in []string
				for _, fy := range suiteReleases {
					if billable[fy][g.Code] {
						in = append(in, "FY"+fy)
					}
				}
				switch len(in) {
				case 0:
					t.Errorf("%s: case %s: %s is not a billable code in FY%s", file, c.ID, g.Code, strings.Join(suiteReleases, " or FY"))
				case 1:
					oneRelease[in[0]] = append(oneRelease[in[0]], fmt.Sprintf("%s (%s)", g.Code, c.ID))
				}
			}
		}
		for fy, codes := range oneRelease {
			t.Logf("%s: billable in %s only: %s", file, fy, strings.Join(codes, ", "))
		}
	}
}

// TestStatementSuiteCoverage checks the statement suite's size and that it
// reaches every ICD-10-CM chapter.
func TestStatementSuiteCoverage(t *testing.T) {
	cases, err := OpenCases(filepath.Join("testdata", "suites", "statements.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 320 {
		t.Errorf("%d statements, want at least 320", len(cases))
	}
	chapters := make(map[string]int)
	multi := 0
	for _, c := range cases {
		for _, g := range c.Gold {
			chapters[corpus.ChapterOf(g.Code)]++
		}
		if len(c.Gold) > 1 {
			multi++
		}
	}
	for ch := 1; ch <= 22; ch++ {
		if chapters[fmt.Sprint(ch)] == 0 {
			t.Errorf("no gold code in ICD-10-CM chapter %d", ch)
		}
	}
	if multi < 50 {
		t.Errorf("%d statements with several gold codes, want at least 50", multi)
	}
	rad, err := OpenCases(filepath.Join("testdata", "suites", "radiology.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rad) < 80 {
		t.Errorf("%d radiology reports, want at least 80", len(rad))
	}
}
