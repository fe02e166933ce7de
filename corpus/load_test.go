package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"medcode/internal/testenv"
)

// fixtureCodeSets lays the hand-written fixtures out like data/codesets in
// a temporary directory: a "FY2026" order file and "FY2023"/"FY2025" XML.
func fixtureCodeSets(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"icd_order.txt":    "icd10cm/2026/icd10cm_order_2026.txt",
		"icd_tabular.xml":  "icd10cm/2023/icd10cm_tabular_2023.xml",
		"icd_index.xml":    "icd10cm/2023/icd10cm_index_2023.xml",
		"icd_eindex.xml":   "icd10cm/2025/icd-10-cm-eindex-2025.xml",
		"icd_neoplasm.xml": "icd10cm/2025/icd-10-cm-neoplasm-2025.xml",
		"icd_drug.xml":     "icd10cm/2025/icd-10-cm-drug-2025.xml",
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

func namesOf(c *Code, kind NameKind) []string {
	var out []string
	for _, n := range c.Names {
		if n.Kind == kind {
			out = append(out, n.Text)
		}
	}
	return out
}

func TestLoadFixture(t *testing.T) {
	set, err := Load(context.Background(), Options{Dir: fixtureCodeSets(t)})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(set.Codes(ICD10CM)); n != 23 {
		t.Fatalf("%d ICD-10-CM codes, want the 23 of the order file", n)
	}
	if _, ok := set.Lookup(ICD10CM, "E11.8"); ok {
		t.Error("E11.8 (tabular only) became a code")
	}
	if len(set.Codes(HCPCS)) != 0 {
		t.Error("HCPCS codes without a workbook")
	}
	rel, _ := set.Release(ICD10CM)
	wantRel := Release{System: ICD10CM, Name: "FY2026", Source: filepath.Join("icd10cm", "2026", "icd10cm_order_2026.txt"),
		Effective: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Expires: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
		Codes: 23, Billable: 10, Supplements: []string{
			filepath.Join("icd10cm", "2023", "icd10cm_tabular_2023.xml"), filepath.Join("icd10cm", "2023", "icd10cm_index_2023.xml"),
			filepath.Join("icd10cm", "2025", "icd-10-cm-eindex-2025.xml"), filepath.Join("icd10cm", "2025", "icd-10-cm-neoplasm-2025.xml"),
			filepath.Join("icd10cm", "2025", "icd-10-cm-drug-2025.xml")}}
	if !reflect.DeepEqual(rel, wantRel) {
		t.Errorf("release:\n got %+v\nwant %+v", rel, wantRel)
	}
	tests := []struct {
		code  string
		kind  NameKind
		names []string
	}{
		// FY2023 leaf that FY2026 expanded: names and notes stay on the header.
		{"R51", NameInclusion, []string{"Facial pain NOS"}},
		{"R51", NameIndex, nil}, // "Headache" equals the title: deduplicated
		// Code gone from FY2026 (E11.8) and index codes that never were
		// codes (E11.618): their content goes to the nearest ancestor.
		{"E11", NameInclusion, []string{"diabetes, adult onset", "insulin resistant diabetes (mellitus)",
			"Type 2 diabetes mellitus with unspecified complications", "diabetic complication NOS (fixture)"}},
		{"E11", NameIndex, []string{"Diabetes, diabetic, type 2, with, complication NEC", "Diabetes, diabetic, with arthropathy"}},
		{"E11.9", NameIndex, []string{"Diabetes, diabetic", "Diabetes, diabetic, type 2"}},
		{"E11.22", NameIndex, []string{"Diabetes, diabetic, type 2, with, chronic kidney disease"}},
		{"S72", NameInclusion, []string{"Fracture of head and neck of femur", "Fracture of hip NOS"}},
		{"S72.00", NameIndex, []string{"Fracture, traumatic, femur, neck"}},
		{"V43", NameExternal, []string{"Collision NEC, car occupant"}},
		{"C50.9", NameNeoplasm, []string{"Neoplasm, neoplastic, breast, malignant primary"}},
		{"T39.011", NameDrug, []string{"Poisoning by Acetylsalicylic acid, accidental (unintentional)"}},
		{"T39", NameDrug, []string{"Poisoning by Acetylsalicylic acid, intentional self-harm", "Adverse effect of Acetylsalicylic acid"}},
	}
	for _, tt := range tests {
		c, ok := set.Lookup(ICD10CM, tt.code)
		if !ok {
			t.Fatalf("%s missing", tt.code)
		}
		if got := namesOf(c, tt.kind); !reflect.DeepEqual(got, tt.names) {
			t.Errorf("%s %s names = %q, want %q", tt.code, tt.kind, got, tt.names)
		}
	}
	r51, _ := set.Lookup(ICD10CM, "r51")
	if !reflect.DeepEqual(r51.Notes.Excludes1, []string{"migraine and other headache syndromes (G43-G44)"}) || r51.Chapter != "18" {
		t.Errorf("R51 notes %+v chapter %s", r51.Notes, r51.Chapter)
	}
	e11, _ := set.Lookup(ICD10CM, "E11")
	if len(e11.Notes.Excludes1) != 1 || len(e11.Notes.UseAdditional) != 1 {
		t.Errorf("E11 notes = %+v (a deleted child's notes must not move up)", e11.Notes)
	}
	for _, code := range []string{"S72", "S72.00", "S72.001", "S72.001A"} {
		c, _ := set.Lookup(ICD10CM, code)
		if len(c.SevenChr) != 3 || c.SevenChr[0] != (Extension{"A", "initial encounter for closed fracture"}) {
			t.Errorf("%s seventh-character table = %+v", code, c.SevenChr)
		}
	}
	if c, _ := set.Lookup(ICD10CM, "E11.9"); len(c.SevenChr) != 0 {
		t.Errorf("E11.9 has a seventh-character table")
	}
	checkNames(t, set)
}

// checkNames asserts the name invariants: the display first, kinds in
// order, no case-insensitive duplicates.
func checkNames(t *testing.T, set *Set) {
	t.Helper()
	for _, c := range set.Codes(ICD10CM) {
		if len(c.Names) == 0 || c.Names[0] != (Name{Text: c.Display, Kind: NameTitle}) {
			t.Fatalf("%s: Names[0] = %+v, display %q", c.Code, c.Names, c.Display)
		}
		seen := map[string]bool{}
		for i, n := range c.Names {
			k := strings.ToLower(n.Text)
			if seen[k] {
				t.Fatalf("%s: duplicate name %q", c.Code, n.Text)
			}
			seen[k] = true
			if i > 0 && n.Kind < c.Names[i-1].Kind {
				t.Fatalf("%s: names out of kind order: %+v", c.Code, c.Names)
			}
		}
	}
}

func TestLoadOrderOnlyFixture(t *testing.T) {
	set, err := Load(context.Background(), Options{Dir: fixtureCodeSets(t), OrderOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range set.Codes(ICD10CM) {
		for _, n := range c.Names {
			if n.Kind > NameShort {
				t.Errorf("%s has %s name %q with OrderOnly", c.Code, n.Kind, n.Text)
			}
		}
		if len(c.Notes.Excludes1) > 0 || len(c.SevenChr) > 0 {
			t.Errorf("%s has notes with OrderOnly", c.Code)
		}
	}
	if rel, _ := set.Release(ICD10CM); len(rel.Supplements) != 0 {
		t.Errorf("supplements %v with OrderOnly", rel.Supplements)
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(context.Background(), Options{Dir: t.TempDir()})
	if !errors.Is(err, ErrMissingData) || !strings.Contains(err.Error(), "order file") {
		t.Errorf("empty dir: err = %v, want ErrMissingData naming the order file", err)
	}
	_, err = Load(context.Background(), Options{Dir: filepath.Join(t.TempDir(), "nope")})
	if !errors.Is(err, ErrMissingData) {
		t.Errorf("missing dir: err = %v, want ErrMissingData", err)
	}

	dir := fixtureCodeSets(t)
	bad := filepath.Join(dir, "icd10cm", "2023", "icd10cm_index_2023.xml")
	if err := os.WriteFile(bad, []byte("<ICD10CM.index>\n<letter>\n</ICD10CM.index>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), Options{Dir: dir})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != bad || pe.Line != 3 {
		t.Errorf("bad index: err = %v, want *ParseError at %s:3", err, bad)
	}
	if _, err := Load(context.Background(), Options{Dir: dir, OrderOnly: true}); err != nil {
		t.Errorf("OrderOnly reads the broken XML: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, Options{Dir: fixtureCodeSets(t)}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

func TestAttachSynonyms(t *testing.T) {
	codes := readOrderFixture(t)
	syns := [][]Synonym{{
		{System: ICD10CM, Code: "e119", Text: "  NIDDM   uncomplicated ", Line: 3},
		{System: ICD10CM, Code: "R51.9", Text: "cephalalgia", Line: 4},
		{System: ICD10CM, Code: "E11.9", Text: "niddm uncomplicated", Line: 5},
	}}
	if err := attachSynonyms(codes, []string{"site.tsv"}, syns); err != nil {
		t.Fatal(err)
	}
	by := map[string]*Code{}
	for _, c := range codes {
		c.Names = dedupNames(c.Names)
		by[c.Code] = c
	}
	if got := namesOf(by["E11.9"], NameSynonym); !reflect.DeepEqual(got, []string{"NIDDM uncomplicated"}) {
		t.Errorf("E11.9 synonyms = %q", got)
	}
	if got := namesOf(by["R51.9"], NameSynonym); !reflect.DeepEqual(got, []string{"cephalalgia"}) {
		t.Errorf("R51.9 synonyms = %q", got)
	}
	err := attachSynonyms(codes, []string{"a.tsv", "b.tsv"}, [][]Synonym{nil, {{System: ICD10CM, Code: "Z99.99", Text: "x", Line: 7}}})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "b.tsv" || pe.Line != 7 || !errors.Is(err, ErrUnknownCode) {
		t.Errorf("unknown code: err = %v", err)
	}
}

func TestDedupNames(t *testing.T) {
	got := dedupNames([]Name{
		{"Headache", NameTitle}, {"headache  ", NameShort}, {"Cephalgia", NameIndex},
		{"Head pain", NameInclusion}, {"", NameIndex}, {"CEPHALGIA", NameSynonym},
	})
	want := []Name{{"Headache", NameTitle}, {"Head pain", NameInclusion}, {"Cephalgia", NameIndex}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestLoadRelease loads the real code sets and checks the FY2026 and
// FY2027 releases, their union and the mapping of older names.
func TestLoadRelease(t *testing.T) {
	testenv.SkipUnderRace(t)
	dir := filepath.Join(testenv.DataDir(t), "codesets")
	set, err := Load(context.Background(), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := set.Release(ICD10CM)
	if rel.Name != "FY2027" || rel.Codes != 98403 || rel.Billable != 74879 || len(rel.Supplements) != 5 {
		t.Errorf("ICD-10-CM release = %+v", rel)
	}
	rels := set.ICD10CMReleases()
	if len(rels) != 2 || rels[0].Name != "FY2026" || rels[0].Codes != 98186 || rels[0].Billable != 74719 ||
		rels[0].Period() != "2025-10-01..2026-09-30" || rels[1].Period() != "2026-10-01..2027-09-30" {
		t.Errorf("ICD-10-CM releases = %+v", rels)
	}
	// Union: 98,186 FY2026 codes + 238 added in FY2027 (21 deleted ones stay).
	if n := set.Len(ICD10CM); n != 98186+238 {
		t.Errorf("union holds %d ICD-10-CM codes", n)
	}
	fy26, err1 := set.On(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	fy27, err2 := set.On(time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if n := fy26.Len(ICD10CM); n != 98186 {
		t.Errorf("FY2026 holds %d codes", n)
	}
	if n := fy27.Len(ICD10CM); n != 98403 {
		t.Errorf("FY2027 holds %d codes", n)
	}
	for _, tc := range []struct {
		set      *Set
		code     string
		ok, bill bool
		kids     int
	}{
		{fy26, "I42.0", true, true, 0}, {fy27, "I42.0", true, false, 3},
		{fy26, "D69.11", false, false, 0}, {fy27, "D69.11", true, true, 0},
		{set, "D69.11", true, true, 0}, {set, "I42.0", true, false, 3},
	} {
		c, ok := tc.set.Lookup(ICD10CM, tc.code)
		if ok != tc.ok || ok && (c.Billable != tc.bill || len(c.Children) != tc.kids) {
			t.Errorf("%s in %+v: %v %+v", tc.code, tc.set.ICD10CMReleases(), ok, c)
		}
	}
	if c, _ := fy26.Lookup(ICD10CM, "Z29.14"); c.Display != "Encounter for prophylactic rabies immune globin" {
		t.Errorf("FY2026 title of Z29.14 = %q", c.Display)
	}
	if c, _ := fy27.Lookup(ICD10CM, "Z29.14"); c.Display != "Encounter for prophylactic rabies immune globulin" {
		t.Errorf("FY2027 title of Z29.14 = %q", c.Display)
	}
	if _, err := set.On(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)); !errors.Is(err, ErrNotCovered) ||
		!strings.Contains(err.Error(), "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30") {
		t.Errorf("date before every release: %v", err)
	}
	if _, err := set.In("FY2024"); !errors.Is(err, ErrUnknownRelease) {
		t.Errorf("unknown release: %v", err)
	}
	if h, ok := set.Release(HCPCS); !ok || h.Name != "2025-10" || h.Codes == 0 {
		t.Errorf("HCPCS release = %+v", h)
	}
	kinds := map[NameKind]int{}
	for _, c := range set.Codes(ICD10CM) {
		for _, n := range c.Names {
			kinds[n.Kind]++
		}
		if c.Parent != "" {
			if _, ok := set.Lookup(ICD10CM, c.Parent); !ok {
				t.Fatalf("%s: parent %s missing", c.Code, c.Parent)
			}
		}
		if c.Chapter != ChapterOf(c.Code) {
			t.Errorf("%s: chapter %s, range says %s", c.Code, c.Chapter, ChapterOf(c.Code))
		}
	}
	t.Logf("names by kind: %v", kinds)
	for _, k := range []NameKind{NameInclusion, NameIndex, NameExternal, NameNeoplasm, NameDrug} {
		if kinds[k] < 5000 {
			t.Errorf("only %d %s names", kinds[k], k)
		}
	}
	checkNames(t, set)
	has := func(code string, kind NameKind, text string) {
		t.Helper()
		c, ok := set.Lookup(ICD10CM, code)
		if !ok {
			t.Fatalf("%s missing", code)
		}
		for _, n := range c.Names {
			if n.Kind == kind && n.Text == text {
				return
			}
		}
		t.Errorf("%s lacks %s name %q; has %+v", code, kind, text, c.Names)
	}
	has("E11.22", NameIndex, "Diabetes, diabetic, type 2, with, chronic kidney disease")
	has("C50.9", NameNeoplasm, "Neoplasm, neoplastic, breast, malignant primary")
	has("T39.011", NameDrug, "Poisoning by Acetylsalicylic acid, accidental (unintentional)")
	has("A00.0", NameInclusion, "Classical cholera")
	e119, _ := set.Find("e119")
	if e119.Display != "Type 2 diabetes mellitus without complications" || !e119.Billable {
		t.Errorf("E11.9 = %+v", e119)
	}
	s72, _ := set.Lookup(ICD10CM, "S72.001A")
	if len(s72.SevenChr) != 16 {
		t.Errorf("S72.001A has %d seventh characters, want 16", len(s72.SevenChr))
	}
	m545, _ := set.Lookup(ICD10CM, "M54.5")
	if len(m545.Children) != 3 || len(m545.Notes.Excludes1) == 0 {
		t.Errorf("M54.5 (expanded in FY2024) = children %v notes %+v", m545.Children, m545.Notes)
	}
}

func benchmarkLoad(b *testing.B, opts Options) {
	opts.Dir = filepath.Join(testenv.DataDir(b), "codesets")
	var set *Set
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if set, err = Load(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(set)
}

// BenchmarkLoadOrderOnly and BenchmarkLoadFull parse every file (no
// cache); BenchmarkLoadCached* measure a process start with a current
// load cache.
func BenchmarkLoadOrderOnly(b *testing.B) { benchmarkLoad(b, Options{OrderOnly: true, NoCache: true}) }
func BenchmarkLoadFull(b *testing.B)      { benchmarkLoad(b, Options{NoCache: true}) }

func BenchmarkLoadCachedOrderOnly(b *testing.B) {
	benchmarkLoad(b, Options{OrderOnly: true, CacheFile: primedCache(b, Options{OrderOnly: true})})
}

func BenchmarkLoadCachedFull(b *testing.B) {
	benchmarkLoad(b, Options{CacheFile: primedCache(b, Options{})})
}

// primedCache writes the load cache of opts over the real data to a
// temporary file and returns its path.
func primedCache(b *testing.B, opts Options) string {
	opts.Dir = filepath.Join(testenv.DataDir(b), "codesets")
	opts.CacheFile = filepath.Join(b.TempDir(), "corpus.cache")
	if _, err := Load(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(opts.CacheFile); err != nil {
		b.Fatal(err)
	}
	return opts.CacheFile
}
