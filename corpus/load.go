package corpus

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options say where Load finds the code sets. The zero value loads
// data/codesets with the built-in CPT starter list and no synonyms.
type Options struct {
	Dir          string   // code-set root laid out like data/codesets; "" = "data/codesets"
	CPTFile      string   // licensed CPT CSV; "" = built-in starter list (StarterCPT)
	SynonymFiles []string // site synonym files
	OrderOnly    bool     // skip the XML files (faster; the engine still works)

	// NoCache makes Load parse the files every time and leave the load
	// cache alone. By default Load keeps a snapshot of what it loaded in
	// CacheFile and uses it while every input is unchanged (see Load).
	NoCache bool
	// CacheFile is where the load cache lives; "" = <Dir>/.medcode-corpus.cache
	// (DefaultCacheName). Set it when Dir is read-only.
	CacheFile string
}

func (o Options) dir() string {
	if o.Dir == "" {
		return filepath.Join("data", "codesets")
	}
	return o.Dir
}

// Load reads every code set under opts.Dir into a Set.
//
// ICD-10-CM: the order files (icd10cm/<year>/icd10cm_order_<year>.txt,
// optionally gzip'd; icd10cm/<year>-04/ for an April update) decide which
// codes exist: every release from the newest back to the first gap in
// dates of service is loaded into one union, narrowed per release by
// Set.In and Set.On. One is required; its absence is an error wrapping
// ErrMissingData. When present and
// !opts.OrderOnly, the newest Tabular List, Alphabetic Index, External
// Cause Index, Neoplasm Table and Table of Drugs add notes, seventh-
// character tables, chapters and names; their codes are mapped onto the
// order file's: a code that exists keeps its names, one that no longer
// exists gives them to its nearest existing ancestor (so a code the order
// file expanded keeps them on its header). No code is ever created from
// them. Names are deduplicated per code, case-insensitively, the display
// first.
//
// HCPCS: the newest HCPC*_ANWEB*.xlsx under hcpcs/, when present. CPT:
// opts.CPTFile, else the built-in starter list. Synonyms from
// opts.SynonymFiles are attached as NameSynonym; one naming an unknown code
// is a *ParseError naming file and line.
//
// Independent files are read concurrently. Load stops early when ctx is
// done.
//
// Cache: unless opts.NoCache, a successful Load writes a binary snapshot
// of its result to opts.CacheFile (atomically: a temporary file renamed
// into place; failure to write, say to a read-only directory, is not an
// error). The snapshot is keyed by a sha256 of the cache format version,
// the absolute Dir, OrderOnly, and the names and contents of every file
// Load would read (the built-in CPT list included), not the executable. A later Load whose key matches decodes the snapshot instead
// of parsing, giving an equal Set; a missing, stale, truncated or corrupt
// snapshot (checked by key and CRC-32C) is ignored and rewritten, never an
// error. Errors are never cached: a bad input file fails every Load.
func Load(ctx context.Context, opts Options) (*Set, error) {
	dir := opts.dir()
	files, err := findCodeSetFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(files.orders) == 0 {
		return nil, fmt.Errorf("corpus: no ICD-10-CM order file (icd10cm/<year>/icd10cm_order_<year>.txt[.gz]) under %s: %w", dir, ErrMissingData)
	}
	if opts.OrderOnly {
		files.tabular, files.index, files.eindex, files.neoplasm, files.drug = "", "", "", "", ""
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var key []byte
	if !opts.NoCache {
		// An unreadable input leaves key nil: parsing reports it.
		key, _ = cacheKey(dir, files, opts)
		if key != nil {
			if set, ok := readCache(ctx, opts.cacheFile(), key); ok {
				return set, nil
			}
		}
	}
	all, releases, ms, err := parse(ctx, dir, files, opts)
	if err != nil {
		return nil, err
	}
	if key != nil {
		// Write only when the inputs did not change while being parsed.
		if again, err := cacheKey(dir, files, opts); err == nil && string(again) == string(key) {
			_ = writeCache(opts.cacheFile(), key, all, releases, ms)
		}
	}
	return newSet(all, releases, ms), nil
}

// parse reads the files Load picked and returns the codes and releases
// for NewSet.
func parse(ctx context.Context, dir string, files codeSetFiles, opts Options) ([]*Code, []Release, []membership, error) {

	var (
		wg                              sync.WaitGroup
		orders                          = make([][]*Code, len(files.orders))
		errOrders                       = make([]error, len(files.orders))
		tab                             *Tabular
		dis, ext, neo, drug             *AlphaIndex
		hcpcs, cpt                      []*Code
		syns                            = make([][]Synonym, len(opts.SynonymFiles))
		errTab, errHCPCS                error
		errDis, errExt, errNeo, errDrug error
		errCPT                          error
		errSyn                          = make([]error, len(opts.SynonymFiles))
	)
	for i, o := range files.orders {
		wg.Go(func() {
			errOrders[i] = readFile(ctx, dir, o.path, func(r io.Reader, name string) (err error) {
				orders[i], err = ReadOrder(r, name)
				return err
			})
		})
	}
	if files.tabular != "" {
		wg.Go(func() {
			errTab = readFile(ctx, dir, files.tabular, func(r io.Reader, name string) (err error) {
				tab, err = ReadTabular(r, name)
				return err
			})
		})
	}
	for _, ix := range []struct {
		file string
		dst  **AlphaIndex
		err  *error
	}{{files.index, &dis, &errDis}, {files.eindex, &ext, &errExt}, {files.neoplasm, &neo, &errNeo}, {files.drug, &drug, &errDrug}} {
		if ix.file == "" {
			continue
		}
		wg.Go(func() {
			*ix.err = readFile(ctx, dir, ix.file, func(r io.Reader, name string) (err error) {
				*ix.dst, err = ReadIndex(r, name)
				return err
			})
		})
	}
	if files.hcpcs != "" {
		wg.Go(func() {
			if err := ctx.Err(); err != nil {
				errHCPCS = err
				return
			}
			hcpcs, errHCPCS = ReadHCPCSWorkbook(filepath.Join(dir, files.hcpcs))
		})
	}
	wg.Go(func() {
		if opts.CPTFile == "" {
			cpt, errCPT = StarterCPT()
			return
		}
		errCPT = readFile(ctx, "", opts.CPTFile, func(r io.Reader, name string) (err error) {
			cpt, err = ReadCPT(r, name)
			return err
		})
	})
	for i, f := range opts.SynonymFiles {
		wg.Go(func() {
			errSyn[i] = readFile(ctx, "", f, func(r io.Reader, name string) (err error) {
				syns[i], err = ReadSynonyms(r, name)
				return err
			})
		})
	}
	wg.Wait()
	for _, err := range append(append(errOrders, errTab, errDis, errExt, errNeo, errDrug, errHCPCS, errCPT), errSyn...) {
		if err != nil {
			return nil, nil, nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}

	icdRels := make([]Release, len(files.orders))
	for i, o := range files.orders {
		icdRels[i] = o.release()
	}
	order, ms := unionOrders(orders, icdRels)
	icd := newICDBuilder(order)
	var sup []string
	if tab != nil {
		icd.addTabular(tab)
		sup = append(sup, files.tabular)
	}
	for _, ix := range []struct {
		ix   *AlphaIndex
		file string
		kind NameKind
	}{{dis, files.index, NameIndex}, {ext, files.eindex, NameExternal}, {neo, files.neoplasm, NameNeoplasm}, {drug, files.drug, NameDrug}} {
		if ix.ix == nil {
			continue
		}
		icd.addIndex(ix.ix, ix.kind)
		if ix.kind == NameIndex || ix.kind == NameExternal {
			icd.addCrossRefs(ix.ix)
		}
		sup = append(sup, ix.file)
	}
	// Oldest first; each runs until the next one starts.
	slices.Reverse(icdRels)
	periods(icdRels)
	for i := range icdRels {
		icdRels[i].Supplements = sup
	}
	releases := icdRels
	all := make([]*Code, 0, len(order)+len(hcpcs)+len(cpt))
	all = append(all, order...)
	if files.hcpcs != "" {
		all = append(all, hcpcs...)
		hr := HCPCSRelease(filepath.Join(dir, files.hcpcs))
		hr.Source = files.hcpcs
		releases = append(releases, hr)
	}
	all = append(all, cpt...)
	cptRel := Release{System: CPT, Name: "starter", Source: "built-in"}
	if opts.CPTFile != "" {
		cptRel = Release{System: CPT, Name: "user", Source: opts.CPTFile}
	}
	releases = append(releases, cptRel)

	if err := attachSynonyms(all, opts.SynonymFiles, syns); err != nil {
		return nil, nil, nil, err
	}
	for _, c := range order {
		c.Names = dedupNames(c.Names)
	}
	return all, releases, ms, nil
}

// icdRelease describes the ICD-10-CM fiscal year of an order file:
// FY<year> runs from October 1 of the year before to September 30.
func icdRelease(source string, year int) Release {
	return Release{
		System:    ICD10CM,
		Name:      "FY" + strconv.Itoa(year),
		Effective: time.Date(year-1, time.October, 1, 0, 0, 0, 0, time.UTC),
		Expires:   time.Date(year, time.September, 30, 0, 0, 0, 0, time.UTC),
		Source:    source,
	}
}

// codeSetFiles are the files Load uses, relative to the code-set root; ""
// when absent.
type codeSetFiles struct {
	orders                                        []orderFile // newest first
	tabular, index, eindex, neoplasm, drug, hcpcs string
}

// findCodeSetFiles picks the newest edition of each file under dir by
// the year in its official name (plain or .gz).
func findCodeSetFiles(dir string) (codeSetFiles, error) {
	var f codeSetFiles
	if _, err := os.Stat(dir); err != nil {
		return f, fmt.Errorf("corpus: code-set directory %s: %w (%v)", dir, ErrMissingData, err)
	}
	icd, err := filepath.Glob(filepath.Join(dir, "icd10cm", "*", "*"))
	if err != nil {
		return f, fmt.Errorf("corpus: %w", err)
	}
	pick := func(re *regexp.Regexp, names []string) (string, int) {
		best, year := "", -1
		for _, p := range names {
			m := re.FindStringSubmatch(filepath.Base(p))
			if m == nil {
				continue
			}
			y, _ := strconv.Atoi(m[1])
			if y > year || (y == year && strings.HasSuffix(best, ".gz")) {
				best, year = p, y
			}
		}
		if best == "" {
			return "", 0
		}
		rel, err := filepath.Rel(dir, best)
		if err != nil {
			rel = best
		}
		return rel, year
	}
	pat := func(kind string) *regexp.Regexp {
		return regexp.MustCompile(`^(?i)icd-?10-?cm[-_]` + kind + `[-_](\d{4})\.(?:txt|xml)(?:\.gz)?$`)
	}
	if f.orders, err = findOrderFiles(dir); err != nil {
		return f, err
	}
	f.tabular, _ = pick(pat("tabular"), icd)
	f.index, _ = pick(pat("index"), icd)
	f.eindex, _ = pick(pat("eindex"), icd)
	f.neoplasm, _ = pick(pat("neoplasm"), icd)
	f.drug, _ = pick(pat("drug"), icd)
	hc, err := filepath.Glob(filepath.Join(dir, "hcpcs", "*", "*.xlsx"))
	if err != nil {
		return f, fmt.Errorf("corpus: %w", err)
	}
	f.hcpcs, _ = pick(regexp.MustCompile(`^(?i)HCPCS?(\d{4})_?(?:JAN|APR|JUL|OCT)?.*ANWEB.*\.xlsx$`), newestQuarterFirst(hc))
	return f, nil
}

// newestQuarterFirst orders HCPCS workbook paths so that, within a year,
// the latest quarter comes first (pick keeps the first of equal years).
func newestQuarterFirst(paths []string) []string {
	out := append([]string(nil), paths...)
	sort.SliceStable(out, func(i, j int) bool {
		return HCPCSRelease(out[i]).Effective.After(HCPCSRelease(out[j]).Effective)
	})
	return out
}

// readFile opens dir/name (gunzipping a .gz file) and hands it to read
// with the file name used in errors. Reading stops when ctx is done.
func readFile(ctx context.Context, dir, name string, read func(io.Reader, string) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	path := name
	if dir != "" {
		path = filepath.Join(dir, name)
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("corpus: %w: %v", ErrMissingData, err)
		}
		return fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return &ParseError{File: path, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer z.Close()
		r = z
	}
	return read(&ctxReader{ctx: ctx, r: r}, path)
}

// ctxReader fails reads once its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// attachSynonyms adds each synonym as a NameSynonym of its code (see
// AddSynonyms); the first one naming an unknown code is a *ParseError
// naming its file and line.
func attachSynonyms(codes []*Code, files []string, syns [][]Synonym) error {
	if len(files) == 0 {
		return nil
	}
	for i, list := range syns {
		if unknown := AddSynonyms(codes, list); len(unknown) > 0 {
			s := unknown[0]
			return &ParseError{File: files[i], Line: s.Line,
				Err: fmt.Errorf("synonym %q names %s code %q, which the code sets do not hold: %w", s.Text, s.System, s.Code, ErrUnknownCode)}
		}
	}
	for _, c := range codes {
		if c.System != ICD10CM {
			c.Names = dedupNames(c.Names)
		}
	}
	return nil
}
