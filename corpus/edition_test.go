package corpus

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func readAddenda(t *testing.T, path string) []AddendaEntry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = z
	}
	entries, err := ReadOrderAddenda(r, path)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// twoReleases lays out the fixtures with a FY2027 order file (and its
// addenda) beside the FY2026 one, and the FY2026 order file again as a
// FY2023 companion of the XML (not a release: FY2024-FY2025 are missing).
func twoReleases(t *testing.T) string {
	t.Helper()
	dir := fixtureCodeSets(t)
	for src, dst := range map[string]string{
		"icd_order_2027.txt":         "icd10cm/2027/icd10cm_order_2027.txt",
		"icd_order_addenda_2027.txt": "icd10cm/2027/icd10cm_order_addenda_2027.txt",
		"icd_order.txt":              "icd10cm/2023/icd10cm-order-2023.txt",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", src))
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
	return dir
}

func TestLoadTwoReleases(t *testing.T) {
	dir := twoReleases(t)
	opts := Options{Dir: dir, CacheFile: filepath.Join(t.TempDir(), "c")}
	fresh, err := Load(context.Background(), Options{Dir: dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), opts); err != nil { // writes the cache
		t.Fatal(err)
	}
	cached, err := Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string]*Set{"fresh": fresh, "cached": cached} {
		t.Run(name, func(t *testing.T) {
			rels := set.ICD10CMReleases()
			if len(rels) != 2 || rels[0].Name != "FY2026" || rels[1].Name != "FY2027" ||
				rels[0].Codes != 23 || rels[1].Codes != 27 || rels[0].Billable != 10 || rels[1].Billable != 11 {
				t.Fatalf("releases %+v", rels)
			}
			day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
			for _, tc := range []struct {
				date, release string
			}{{"2025-10-01", "FY2026"}, {"2026-03-01", "FY2026"}, {"2026-09-30", "FY2026"}, {"2026-10-01", "FY2027"}, {"2026-11-15", "FY2027"}, {"2027-09-30", "FY2027"}} {
				v, err := set.On(day(tc.date))
				if err != nil {
					t.Fatal(err)
				}
				if r, _ := v.Release(ICD10CM); r.Name != tc.release {
					t.Errorf("%s: %s, want %s", tc.date, r.Name, tc.release)
				}
			}
			for _, d := range []string{"2025-09-30", "2027-10-01"} {
				if _, err := set.On(day(d)); !errors.Is(err, ErrNotCovered) || !strings.Contains(err.Error(), "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30") {
					t.Errorf("%s: %v", d, err)
				}
			}
			if _, err := set.In("FY2025"); !errors.Is(err, ErrUnknownRelease) || !strings.Contains(err.Error(), "FY2026") {
				t.Errorf("unknown release: %v", err)
			}
			fy26, _ := set.In("fy2026")
			fy27, _ := set.In("FY2027")
			// The narrowed Sets look codes up in the union's table.
			for _, v := range []*Set{fy26, fy27} {
				if len(v.table) == 0 || &v.table[0] != &set.table[0] {
					t.Errorf("%s has a lookup table of its own", v.releases[ICD10CM].Name)
				}
			}
			// The narrowed Sets share the union's children runs, keeping
			// their own only where they differ (A00 lacks A00.9 in FY2027).
			for _, v := range []*Set{fy26, fy27} {
				if len(v.view.kids) == 0 || len(v.view.kids) > len(v.recs)/4 {
					t.Errorf("%s keeps %d children runs of its own for %d codes", v.releases[ICD10CM].Name, len(v.view.kids), len(v.recs))
				}
				for id, kids := range v.view.kids {
					if slices.Equal(kids, set.Children(id)) {
						t.Errorf("%s keeps the union's children of %s", v.releases[ICD10CM].Name, set.Brief(id).Code)
					}
				}
			}
			// The same IDs in every narrowed Set and the union.
			for _, code := range []string{"A00.9", "R51.0", "D69.11", "E11.9"} {
				u, _ := set.ID(ICD10CM, code)
				if a, ok := fy26.ID(ICD10CM, code); ok && a != u {
					t.Errorf("%s: FY2026 ID %d, union %d", code, a, u)
				}
				if b, ok := fy27.ID(ICD10CM, code); ok && b != u {
					t.Errorf("%s: FY2027 ID %d, union %d", code, b, u)
				}
			}
			for _, tc := range []struct {
				set      *Set
				code     string
				ok, bill bool
				title    string
				kids     []string
			}{
				{fy26, "A00.9", true, true, "Cholera, unspecified", nil},
				{fy27, "A00.9", false, false, "", nil},
				{set, "A00.9", true, true, "Cholera, unspecified", nil},
				{fy26, "R51.0", true, true, "Headache with orthostatic component (fixture)", []string{}},
				{fy27, "R51.0", true, false, "Headache with orthostatic component (fixture)", []string{"R51.00", "R51.01"}},
				{fy26, "R51", true, false, "Headache", []string{"R51.0", "R51.9"}},
				{fy26, "R51.9", true, true, "Headache, unspecified", nil},
				{fy27, "R51.9", true, true, "Headache, unspecified (revised in the FY2027 fixture)", nil},
				{fy26, "D69.11", false, false, "", nil},
				{fy27, "D69.11", true, true, "Glanzmann thrombasthenia (fixture)", nil},
				{fy27, "A00", true, false, "Cholera", []string{"A00.0"}},
				{set, "A00", true, false, "Cholera", []string{"A00.0", "A00.9"}},
			} {
				c, ok := tc.set.Lookup(ICD10CM, tc.code)
				if ok != tc.ok {
					t.Errorf("%s: found %v, want %v", tc.code, ok, tc.ok)
					continue
				}
				if ok && (c.Billable != tc.bill || c.Display != tc.title || tc.kids != nil && !reflect.DeepEqual(c.Children, tc.kids)) {
					t.Errorf("%s: %+v", tc.code, c)
				}
			}
			// The union keeps the older title as a name.
			r519, _ := set.Lookup(ICD10CM, "R51.9")
			if !reflect.DeepEqual(namesOf(r519, NameTitle), []string{"Headache, unspecified (revised in the FY2027 fixture)", "Headache, unspecified"}) {
				t.Errorf("R51.9 titles %v", namesOf(r519, NameTitle))
			}
			if err := set.Validate(ICD10CM, "A00.9", day("2026-11-15")); !errors.Is(err, ErrUnknownCode) {
				t.Errorf("A00.9 on a FY2027 date: %v", err)
			}
			if err := set.Validate(ICD10CM, "A00.9", day("2026-03-01")); err != nil {
				t.Errorf("A00.9 on a FY2026 date: %v", err)
			}
			d, err := set.Diff("FY2026", "FY2027")
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{"added": 5, "deleted": 1, "revised": 1, "nowHeader": 1, "nowBillable": 0}
			if !reflect.DeepEqual(d.Counts, want) {
				t.Errorf("diff counts %v, want %v", d.Counts, want)
			}
			if d.NowHeader[0].Code != "R51.0" || d.Revised[0].Was != "Headache, unspecified" || d.Deleted[0].Code != "A00.9" {
				t.Errorf("diff %+v", d)
			}
			add := AddendaDiff("FY2026", "FY2027", readAddenda(t, filepath.Join(dir, "icd10cm", "2027", "icd10cm_order_addenda_2027.txt")))
			if dis := d.Disagreements(add); len(dis) != 0 {
				t.Errorf("disagreements %v", dis)
			}
			back, err := set.Diff("FY2027", "FY2026")
			if err != nil || back.Counts["added"] != 1 || back.Counts["deleted"] != 5 || back.Counts["nowBillable"] != 1 {
				t.Errorf("reverse diff %v %v", back.Counts, err)
			}
		})
	}
}

func TestFindOrderFiles(t *testing.T) {
	for _, tc := range []struct {
		name    string
		folders []string // each gets icd10cm_order_<year>.txt
		want    []string
	}{
		{"one", []string{"2026"}, []string{"FY2026"}},
		{"chain", []string{"2025", "2026", "2027"}, []string{"FY2027", "FY2026", "FY2025"}},
		{"gap", []string{"2023", "2026", "2027"}, []string{"FY2027", "FY2026"}},
		{"april", []string{"2026", "2027", "2027-04"}, []string{"FY2027-APR", "FY2027", "FY2026"}},
		{"misfiled", []string{"2026", "x2027"}, []string{"FY2026"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tc.folders {
				year := strings.TrimPrefix(f[:min(len(f), 5)], "x")[:4]
				if strings.HasPrefix(f, "x") {
					year = f[1:]
				}
				p := filepath.Join(dir, "icd10cm", f, "icd10cm_order_"+year+".txt")
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := findOrderFiles(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, o := range got {
				names = append(names, o.release().Name)
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Errorf("releases %v, want %v", names, tc.want)
			}
		})
	}
	rels := []Release{(orderFile{year: 2027}).release(), (orderFile{year: 2027, april: true}).release()}
	periods(rels)
	if rels[0].Period() != "2026-10-01..2027-03-31" || rels[1].Period() != "2027-04-01..2027-09-30" {
		t.Errorf("periods %s %s", rels[0].Period(), rels[1].Period())
	}
}

// TestNarrowedStrayChildren: a narrowed Set lists the children its
// release holds of a union code whose children the union lacks one of
// (a stray), and of one whose children it holds all of.
func TestNarrowedStrayChildren(t *testing.T) {
	day := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	codes := []*Code{
		{System: ICD10CM, Code: "A00", Children: []string{"A00.0", "A00.1", "A00.9"}},
		{System: ICD10CM, Code: "A00.0", Parent: "A00"},
		{System: ICD10CM, Code: "A00.1", Parent: "A00"},
		{System: ICD10CM, Code: "A01", Children: []string{"A01.0", "A01.1"}},
		{System: ICD10CM, Code: "A01.0", Parent: "A01"},
		{System: ICD10CM, Code: "A01.1", Parent: "A01"},
	}
	rels := []Release{{System: ICD10CM, Name: "FY2026", Effective: day}, {System: ICD10CM, Name: "FY2027", Effective: day.AddDate(1, 0, 0)}}
	ms := []membership{
		{release: "FY2026", present: []bool{true, true, true, true, true, true}, billable: make([]bool, 6)},
		{release: "FY2027", present: []bool{true, false, true, true, true, false}, billable: make([]bool, 6)},
	}
	union := newSet(codes, rels, ms)
	for _, tc := range []struct {
		release, code string
		want          []string
	}{
		{"", "A00", []string{"A00.0", "A00.1", "A00.9"}},
		{"", "A01", []string{"A01.0", "A01.1"}},
		{"FY2026", "A00", []string{"A00.0", "A00.1"}},
		{"FY2027", "A00", []string{"A00.1"}},
		{"FY2027", "A01", []string{"A01.0"}},
	} {
		set := union
		if tc.release != "" {
			var err error
			if set, err = union.In(tc.release); err != nil {
				t.Fatal(err)
			}
		}
		c, ok := set.Lookup(ICD10CM, tc.code)
		if !ok || !reflect.DeepEqual(c.Children, tc.want) {
			t.Errorf("%s %s: code %+v, want children %v", tc.release, tc.code, c, tc.want)
		}
	}
}
