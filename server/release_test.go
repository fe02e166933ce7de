package server

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"medcode/corpus"
	"medcode/suggest"
)

// twoReleaseSet loads the corpus fixtures as FY2026 and FY2027.
func twoReleaseSet(t *testing.T) *corpus.Set {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"icd_order.txt":      "icd10cm/2026/icd10cm_order_2026.txt",
		"icd_order_2027.txt": "icd10cm/2027/icd10cm_order_2027.txt",
	} {
		b, err := os.ReadFile(filepath.Join("..", "corpus", "testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := corpus.Load(context.Background(), corpus.Options{Dir: dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestCodesByRelease(t *testing.T) {
	set := twoReleaseSet(t)
	f := newFixture(t, func(o *Options) { o.Set = set })
	for _, tc := range []struct {
		path, release string
		billable      bool
		display       string
		children      int
	}{
		{"/v1/codes/icd10cm/R51.0?date=2026-03-01", "FY2026", true, "Headache with orthostatic component (fixture)", 0},
		{"/v1/codes/icd10cm/r510?date=2026-11-15", "FY2027", false, "Headache with orthostatic component (fixture)", 2},
		{"/v1/codes/icd10cm/R51.9?release=fy2026", "FY2026", true, "Headache, unspecified", 0},
		{"/v1/codes/icd10cm/R51.9?release=FY2027", "FY2027", true, "Headache, unspecified (revised in the FY2027 fixture)", 0},
		{"/v1/codes/icd10cm/A00.9?date=2026-09-30", "FY2026", true, "Cholera, unspecified", 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			w := f.do(t, "GET", tc.path, nil)
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			d := decode[codeDetails](t, w)
			if d.Release != tc.release || d.Billable != tc.billable || d.Display != tc.display || len(d.Children) != tc.children {
				t.Errorf("got %+v", d)
			}
		})
	}
	periods := "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30"
	for _, tc := range []struct {
		path   string
		status int
		detail string
	}{
		{"/v1/codes/icd10cm/A00.9?release=FY2027", 404, `ICD-10-CM FY2027 has no code "A00.9"; it is a code of FY2026`},
		{"/v1/codes/icd10cm/A00.9?release=FY2024", 400, periods},
		{"/v1/codes/icd10cm/A00.9?date=2025-09-30", 400, periods},
		{"/v1/codes/icd10cm/A00.9?date=2027-10-01", 400, "covers the date of service 2027-10-01"},
		{"/v1/codes/icd10cm/A00.9?date=11/15/2026", 400, "not a date"},
		{"/v1/codes/icd10cm/A00.9?date=2026-03-01&release=FY2026", 400, "either release or date"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			wantProblem(t, f.do(t, "GET", tc.path, nil), tc.status, tc.detail)
		})
	}
}

// errEngine fails every request with err.
type errEngine struct{ err error }

func (e errEngine) Suggest(context.Context, suggest.Request) (*suggest.Result, error) {
	return nil, e.err
}

func TestSuggestRelease(t *testing.T) {
	f := newFixture(t, nil)
	w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes", "release": " FY2026 "})
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if got := f.engine.lastRequest(); got.Release != "FY2026" {
		t.Errorf("engine got release %q", got.Release)
	}
	for _, err := range []error{
		fmt.Errorf("suggest: corpus: no loaded ICD-10-CM release covers the date of service 2020-01-01 (loaded: FY2026 2025-10-01..2026-09-30): %w", corpus.ErrNotCovered),
		fmt.Errorf("suggest: corpus: ICD-10-CM release \"FY2030\" is not loaded (loaded: FY2026 2025-10-01..2026-09-30): %w", corpus.ErrUnknownRelease),
	} {
		f := newFixture(t, func(o *Options) { o.Engine = errEngine{err} })
		wantProblem(t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}), 400, "FY2026 2025-10-01..2026-09-30")
	}
}

func TestCDSEncounterDate(t *testing.T) {
	f := newFixture(t, nil)
	data := base64.StdEncoding.EncodeToString([]byte(note))
	doc := func(ctx string) string {
		return `{"resourceType":"DocumentReference"` + ctx + `,"content":[{"attachment":{"contentType":"text/plain","data":"` + data + `"}}]}`
	}
	body := func(note, enc string) string {
		b := cdsRequestBody(note, "")
		if enc != "" {
			b = strings.Replace(b, `"prefetch":{`, `"prefetch":{"encounter":`+enc+`,`, 1)
		}
		return b
	}
	for _, tc := range []struct {
		name, body, want string
	}{
		{"encounter end", body(doc(""), `{"resourceType":"Encounter","period":{"start":"2026-09-28T22:10:00-04:00","end":"2026-10-02T09:00:00-04:00"}}`), "2026-10-02"},
		{"encounter start", body(doc(""), `{"resourceType":"Encounter","period":{"start":"2026-03-01"}}`), "2026-03-01"},
		{"note context", body(doc(`,"context":{"period":{"start":"2026-11-15"}}`), ""), "2026-11-15"},
		{"encounter first", body(doc(`,"context":{"period":{"start":"2026-11-15"}}`), `{"resourceType":"Encounter","period":{"end":"2026-01-05"}}`), "2026-01-05"},
		{"bundle", body(`{"resourceType":"Bundle","entry":[{"resource":`+doc(`,"context":{"period":{"end":"2026-12-01"}}`)+`}]}`, ""), "2026-12-01"},
		{"none", body(doc(""), `{"resourceType":"Encounter","id":"e1"}`), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(t, "POST", "/cds-services/medcode-coding", tc.body)
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			got := f.engine.lastRequest().DateOfService
			if want, _ := time.Parse(time.DateOnly, tc.want); !got.Equal(want) {
				t.Errorf("date of service %v, want %s", got, tc.want)
			}
		})
	}
	wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding", body(doc(""), `{"resourceType":"Encounter","period":{"end":"yesterday"}}`)), 400, `prefetch encounter: period.end "yesterday"`)
	w := f.do(t, "GET", "/cds-services", nil)
	if !strings.Contains(w.Body.String(), `"encounter":"Encounter/{{context.encounterId}}"`) {
		t.Errorf("discovery lacks the encounter prefetch: %s", w.Body)
	}
}
