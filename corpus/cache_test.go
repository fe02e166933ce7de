package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"medcode/internal/testenv"
)

// fixtureCacheOptions are Options over the hand-written fixtures with
// every kind of input: order file, XML, a HCPCS workbook, a CPT file and
// a synonym file.
func fixtureCacheOptions(t testing.TB) Options {
	t.Helper()
	dir := fixtureCodeSets(t)
	hc := filepath.Join(dir, "hcpcs", "2025")
	if err := os.MkdirAll(hc, 0o755); err != nil {
		t.Fatal(err)
	}
	writeHCPCSWorkbook(t, hc, "HCPC2025_OCT_ANWEB.xlsx", "HCPC2025_OCT_ANWEB", [][]string{
		hcpcsWorkbookHeader,
		{"   Z1", "0010", "7", "Test modifier one", "Test modifier one", "", "20020701", "20020701", "", "N"},
		{"A9901", "0010", "3", "Made-up supply, per week", "Made-up supply per week", "34", "19970101", "20170101", "", "N"},
		{"A9903", "0010", "3", "Made-up supply ending later", "Ends later", "", "20050101", "20050101", "20251231", "N"},
	})
	syn := filepath.Join(t.TempDir(), "synonyms.tsv")
	if err := os.WriteFile(syn, []byte("sugar diabetes\tE11.9\nbrand X pump\thcpcs\ta9901\nroutine visit\tcpt\t99213\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return Options{
		Dir:          dir,
		CPTFile:      filepath.Join("testdata", "cpt_site.csv"),
		SynonymFiles: []string{syn},
	}
}

// equalSets fails t unless a and b hold deeply equal codes (in order and
// by lookup) and releases.
func equalSets(t testing.TB, a, b *Set) {
	t.Helper()
	if !reflect.DeepEqual(a.Releases(), b.Releases()) {
		t.Errorf("releases differ:\n%+v\n%+v", a.Releases(), b.Releases())
	}
	if !reflect.DeepEqual(a.Systems(), b.Systems()) {
		t.Fatalf("systems %v vs %v", a.Systems(), b.Systems())
	}
	for _, sys := range AllSystems() {
		ca, cb := a.Codes(sys), b.Codes(sys)
		if len(ca) != len(cb) {
			t.Fatalf("%s: %d vs %d codes", sys, len(ca), len(cb))
		}
		diffs := 0
		for i := range ca {
			if !reflect.DeepEqual(ca[i], cb[i]) && diffs < 5 {
				diffs++
				t.Errorf("%s code %d differs:\n%+v\n%+v", sys, i, ca[i], cb[i])
			}
		}
		for _, c := range ca {
			la, _ := a.Lookup(sys, c.Code)
			lb, ok := b.Lookup(sys, c.Code)
			if (!ok || !reflect.DeepEqual(la, lb)) && diffs < 5 {
				diffs++
				t.Errorf("%s lookup %s differs", sys, c.Code)
			}
		}
	}
}

func mustLoad(t testing.TB, opts Options) *Set {
	t.Helper()
	set, err := Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestLoadCacheHit(t *testing.T) {
	opts := fixtureCacheOptions(t)
	fresh := mustLoad(t, Options{Dir: opts.Dir, CPTFile: opts.CPTFile, SynonymFiles: opts.SynonymFiles, NoCache: true})
	if _, err := os.Stat(opts.cacheFile()); !os.IsNotExist(err) {
		t.Fatalf("NoCache wrote a cache: %v", err)
	}
	if n := len(fresh.Codes(HCPCS)); n != 3 {
		t.Fatalf("fixture has %d HCPCS codes, want 3", n)
	}
	first := mustLoad(t, opts) // miss: parses and writes the cache
	b, err := os.ReadFile(opts.cacheFile())
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	hit := mustLoad(t, opts)
	equalSets(t, fresh, first)
	equalSets(t, fresh, hit)

	// The cached file decodes to the fresh codes, and Load really reads
	// it: a snapshot under the same key with one title changed shows up.
	key, err := cacheKey(opts.Dir, mustFiles(t, opts.Dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := decodeCache(b, key, false)
	if err != nil {
		t.Fatal(err)
	}
	equalSets(t, fresh, decoded)
	var codes []*Code
	for _, sys := range decoded.Systems() {
		codes = append(codes, decoded.Codes(sys)...)
	}
	for _, c := range codes {
		if c.Code == "E11.9" {
			c.Display = "changed in the cache"
		}
	}
	if err := writeCache(opts.cacheFile(), key, codes, decoded.Releases(), nil); err != nil {
		t.Fatal(err)
	}
	if c, _ := mustLoad(t, opts).Lookup(ICD10CM, "E11.9"); c.Display != "changed in the cache" {
		t.Errorf("Load did not use the cache: E11.9 = %q", c.Display)
	}
	// The Set loaded from the cache before it was replaced reads its
	// strings from the old file (mapped, where the platform maps it):
	// writeCache's rename left it whole.
	equalSets(t, fresh, hit)
	// Another option set has another key.
	if c, _ := mustLoad(t, Options{Dir: opts.Dir, CPTFile: opts.CPTFile}).Lookup(ICD10CM, "E11.9"); c.Display == "changed in the cache" {
		t.Error("Load without synonyms used the cache of a load with them")
	}
}

// TestCacheKeyThroughLink: the code-set directory reached through a
// symbolic link has the key it has by its own path, so the two share the
// cache instead of rewriting it in turn.
func TestCacheKeyThroughLink(t *testing.T) {
	opts := fixtureCacheOptions(t)
	link := filepath.Join(t.TempDir(), "data")
	if err := os.Symlink(opts.Dir, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	direct, err := cacheKey(opts.Dir, mustFiles(t, opts.Dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	linked := opts
	linked.Dir = link
	via, err := cacheKey(link, mustFiles(t, link), linked)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(direct, via) {
		t.Error("the directory through a link has another cache key")
	}
	other := opts
	other.OrderOnly = true
	if k, _ := cacheKey(opts.Dir, mustFiles(t, opts.Dir), other); bytes.Equal(k, direct) {
		t.Error("other options, same key")
	}
}

func mustFiles(t testing.TB, dir string) codeSetFiles {
	t.Helper()
	f, err := findCodeSetFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestLoadCacheStale(t *testing.T) {
	opts := fixtureCacheOptions(t)
	mustLoad(t, opts)
	order := filepath.Join(opts.Dir, "icd10cm", "2026", "icd10cm_order_2026.txt")
	b, err := os.ReadFile(order)
	if err != nil {
		t.Fatal(err)
	}
	// Same size, same mtime, other content: only the content hash tells.
	st, err := os.Stat(order)
	if err != nil {
		t.Fatal(err)
	}
	b2 := bytes.Replace(b, []byte("Cholera, unspecified "), []byte("Cholera, unspecifiex "), 1)
	if bytes.Equal(b, b2) {
		t.Fatal("fixture lacks the title to change")
	}
	if err := os.WriteFile(order, b2, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(order, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if c, _ := mustLoad(t, opts).Lookup(ICD10CM, "A00.9"); !strings.Contains(c.Short, "unspecifiex") {
		t.Errorf("stale cache used: A00.9 short = %q", c.Short)
	}
	// A changed synonym file is an input too.
	syn := filepath.Join(t.TempDir(), "syn.tsv")
	if err := os.WriteFile(syn, []byte("sugar diabetes\tE11.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.SynonymFiles = []string{syn}
	mustLoad(t, opts)
	if err := os.WriteFile(syn, []byte("sweet diabetes\tE11.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := mustLoad(t, opts).Lookup(ICD10CM, "E11.9")
	if got := namesOf(c, NameSynonym); !reflect.DeepEqual(got, []string{"sweet diabetes"}) {
		t.Errorf("synonyms after the file changed = %q", got)
	}
	// An input that turns bad is reported, not hidden by the cache.
	if err := os.WriteFile(syn, []byte("x\tZ99.99\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), opts); err == nil {
		t.Error("Load of a bad synonym file used the cache")
	}
}

func TestLoadCacheCorrupt(t *testing.T) {
	opts := fixtureCacheOptions(t)
	fresh := mustLoad(t, Options{Dir: opts.Dir, CPTFile: opts.CPTFile, SynonymFiles: opts.SynonymFiles, NoCache: true})
	mustLoad(t, opts)
	good, err := os.ReadFile(opts.cacheFile())
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x20
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"flipped":   flipped,
		"garbage":   []byte("not a cache at all, not a cache at all, not a cache"),
		"version":   bytes.Replace(good, []byte(cacheMagic+"\x01"), []byte(cacheMagic+"\x7f"), 1),
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(opts.cacheFile(), b, 0o644); err != nil {
				t.Fatal(err)
			}
			equalSets(t, fresh, mustLoad(t, opts))
			again, err := os.ReadFile(opts.cacheFile())
			if err != nil || !bytes.Equal(again, good) {
				t.Errorf("cache not rewritten (err %v)", err)
			}
		})
	}
	// A cache file that cannot be written is no error.
	ro := opts
	ro.CacheFile = filepath.Join(t.TempDir(), "missing", "dir", "c.cache")
	equalSets(t, fresh, mustLoad(t, ro))
}

func TestLoadCacheConcurrent(t *testing.T) {
	opts := fixtureCacheOptions(t)
	fresh := mustLoad(t, Options{Dir: opts.Dir, CPTFile: opts.CPTFile, SynonymFiles: opts.SynonymFiles, NoCache: true})
	var wg sync.WaitGroup
	sets := make([]*Set, 8)
	errs := make([]error, len(sets))
	for i := range sets {
		wg.Go(func() { sets[i], errs[i] = Load(context.Background(), opts) })
	}
	wg.Wait()
	for i, s := range sets {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		equalSets(t, fresh, s)
	}
	left, _ := filepath.Glob(filepath.Join(opts.Dir, "*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestLoadCacheRealData checks a cache hit against a fresh parse of the
// real code sets, code by code.
func TestLoadCacheRealData(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel() // with TestNewSetLossless, the non-race pass's two slow full-data tests
	if testing.Short() {
		t.Skip("loads the full code sets twice")
	}
	opts := Options{Dir: filepath.Join(testenv.DataDir(t), "codesets"), CacheFile: filepath.Join(t.TempDir(), "c.cache")}
	fresh := mustLoad(t, opts)
	if _, err := os.Stat(opts.CacheFile); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	hit := mustLoad(t, opts)
	equalSets(t, fresh, hit)
	s72, _ := hit.Lookup(ICD10CM, "S72.001A")
	if len(s72.SevenChr) != 16 {
		t.Errorf("S72.001A has %d seventh characters, want 16", len(s72.SevenChr))
	}
	if h, _ := hit.Release(HCPCS); h.Name != "2025-10" || h.Codes != len(hit.Codes(HCPCS)) {
		t.Errorf("HCPCS release from cache = %+v", h)
	}
}

// TestCacheCodecFields fails when a field is added to a cached type
// without teaching cachecodec.go (and bumping cacheVersion).
func TestCacheCodecFields(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want int
	}{{Code{}, 14}, {Notes{}, 8}, {Name{}, 2}, {Extension{}, 2}, {Release{}, 8}} {
		if n := reflect.TypeOf(tc.v).NumField(); n != tc.want {
			t.Errorf("%T has %d fields, the cache codec knows %d", tc.v, n, tc.want)
		}
	}
	// Every field set, empty and nil slices kept apart.
	day := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	ext := []Extension{{"A", "initial"}, {"D", "subsequent"}}
	codes := []*Code{{
		System: HCPCS, Code: "A9901", Display: "d", Short: "s", Billable: true, Modifier: true,
		Parent: "A99", Children: []string{"x", "y"}, Chapter: "2",
		Names: []Name{{"d", NameTitle}, {"syn", NameSynonym}},
		Notes: Notes{Includes: []string{"i"}, Excludes1: []string{"e1"}, Excludes2: []string{"e2"}, CodeFirst: []string{"cf"},
			UseAdditional: []string{"ua"}, CodeAlso: []string{"ca"}, Notes: []string{"n"}, SevenChrNote: []string{}},
		SevenChr: ext, Added: day, Terminated: day.AddDate(1, 0, 0),
	}, {System: ICD10CM, Code: "S72.001A", Children: []string{}, Names: []Name{}, SevenChr: ext}, {System: ICD10CM, Code: "S72.001D", SevenChr: []Extension{}},
		{System: CPT, Code: "99213", Display: "v", Names: []Name{{"v", NameShort}, {"v", NameTitle}}},
		{System: CPT, Code: "99214", Display: "w", Names: []Name{{"v", NameTitle}, {"w", NameTitle}}}}
	rels := []Release{{System: ICD10CM, Name: "FY2026", Effective: day, Source: "o.txt", Codes: 2, Billable: 1, Supplements: []string{"t.xml"}}, {System: CPT}}
	key := bytes.Repeat([]byte{7}, 32)
	b, err := encodeCache(key, codes, rels, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeCache(b, key, false)
	if err != nil {
		t.Fatal(err)
	}
	equalSets(t, NewSet(codes, rels), got)
	for i, c := range codes {
		if g, _ := got.Lookup(c.System, c.Code); !reflect.DeepEqual(g, c) {
			t.Errorf("round trip of code %d:\n%+v\nwant\n%+v", i, g, c)
		}
	}
	s1, _ := got.ID(ICD10CM, "S72.001A")
	a, _ := got.ID(HCPCS, "A9901")
	if &got.SevenChr(a)[0] != &got.SevenChr(s1)[0] {
		t.Error("a shared seventh-character table is not shared after decoding")
	}
	if _, err := decodeCache(b, bytes.Repeat([]byte{8}, 32), false); err == nil {
		t.Error("decoded under another key")
	}
}

func FuzzDecodeCache(f *testing.F) {
	key := bytes.Repeat([]byte{1}, 32)
	day := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	ext := []Extension{{"A", "initial"}}
	b, err := encodeCache(key, []*Code{
		{System: ICD10CM, Code: "A00", Names: []Name{{"Cholera", NameTitle}}, Children: []string{"A00.0"}, SevenChr: ext},
		{System: ICD10CM, Code: "A00.0", Parent: "A00", SevenChr: ext, Notes: Notes{Excludes1: []string{"x"}}},
		{System: HCPCS, Code: "A9901", Added: day},
	}, []Release{{System: ICD10CM, Name: "FY2026", Effective: day}, {System: ICD10CM, Name: "FY2027", Effective: day.AddDate(1, 0, 0)}},
		[]membership{{release: "FY2026", present: []bool{true, true}, billable: []bool{false, true}},
			{release: "FY2027", present: []bool{true, false}, billable: []bool{false, false}, titles: map[int]string{0: "Cholera (old)"}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)-4])
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		// The body alone, CRC bypassed, must not panic either.
		set, err := decodeCache(b, key, false)
		if err == nil && set == nil {
			t.Error("decoded nothing without an error")
		}
		d := cacheDecoder{b: b}
		d.stringTable()
		if s := d.set(d.releases()); s != nil {
			for _, sys := range s.Systems() {
				s.Codes(sys)
			}
		}
	})
}
