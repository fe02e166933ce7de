package corpus

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// orderFile is one ICD-10-CM release's order file under the code-set
// root: icd10cm/<year>/ for the October release of FY<year>, and
// icd10cm/<year>-04/ for its April update.
type orderFile struct {
	path  string // relative to the code-set root
	year  int    // fiscal year
	april bool
}

// release describes the order file's release with its natural period:
// FY<year> runs from October 1 of the year before to September 30, the
// April update of FY<year> from April 1 to September 30.
func (o orderFile) release() Release {
	r := icdRelease(o.path, o.year)
	if o.april {
		r.Name += "-APR"
		r.Effective = time.Date(o.year, time.April, 1, 0, 0, 0, 0, time.UTC)
	}
	return r
}

var (
	orderName  = regexp.MustCompile(`^(?i)icd-?10-?cm[-_]order[-_](\d{4})\.txt(?:\.gz)?$`)
	folderName = regexp.MustCompile(`^(\d{4})(-04|-apr|-april)?$`)
)

// findOrderFiles lists the ICD-10-CM releases Load uses: every order file
// in a release folder, newest first, back to the first gap in dates of
// service (the FY2023 order file kept beside the FY2023 XML is not a
// release while FY2024 and FY2025 are missing). One order file per
// folder: the plain file wins over a .gz of the same name.
func findOrderFiles(dir string) ([]orderFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "icd10cm", "*", "*"))
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	byFolder := map[string]orderFile{}
	for _, p := range paths {
		m := orderName.FindStringSubmatch(filepath.Base(p))
		if m == nil {
			continue
		}
		folder := filepath.Base(filepath.Dir(p))
		fm := folderName.FindStringSubmatch(strings.ToLower(folder))
		if fm == nil {
			continue
		}
		year, _ := strconv.Atoi(m[1])
		if fy, _ := strconv.Atoi(fm[1]); fy != year {
			continue // a file filed under another year
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			rel = p
		}
		o := orderFile{path: rel, year: year, april: fm[2] != ""}
		if prev, ok := byFolder[folder]; ok && !strings.HasSuffix(prev.path, ".gz") {
			continue
		}
		byFolder[folder] = o
	}
	list := make([]orderFile, 0, len(byFolder))
	for _, o := range byFolder {
		list = append(list, o)
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].release().Effective.After(list[j].release().Effective)
	})
	for i := 1; i < len(list); i++ {
		// Keep going back while the older release runs up to the newer.
		older, newer := list[i].release(), list[i-1].release()
		if !older.Expires.AddDate(0, 0, 1).Equal(newer.Effective) && !(newer.Effective.After(older.Effective) && !newer.Effective.After(older.Expires)) {
			list = list[:i]
			break
		}
	}
	return list, nil
}

// periods sets each release's Expires to the day before the next one
// starts (an April update cuts its October release short).
func periods(rels []Release) {
	for i := 0; i+1 < len(rels); i++ {
		if end := rels[i+1].Effective.AddDate(0, 0, -1); end.Before(rels[i].Expires) {
			rels[i].Expires = end
		}
	}
}

// membership says which codes of a union of ICD-10-CM releases one
// release holds: by position in the code list handed to the Set.
type membership struct {
	release  string
	present  []bool
	billable []bool
	titles   map[int]string // the release's long title where it differs from the union's
}

// unionOrders merges the order files of several releases (newest first)
// into one code list in tabular order: the newest release's codes, with
// each code only an older release holds placed after the code preceding
// it there. A code takes its flag and titles from the newest release
// holding it; older titles stay as names (NameTitle) so the index finds
// them. It returns the codes and, per release, which of them it holds.
func unionOrders(orders [][]*Code, rels []Release) ([]*Code, []membership) {
	byCode := map[string]*Code{}
	after := map[string][]*Code{} // code -> codes placed right after it
	var head []*Code              // older codes preceding every union code
	var union []*Code
	for i, codes := range orders {
		if i == 0 {
			union = codes
			for _, c := range codes {
				byCode[c.Code] = c
			}
			continue
		}
		prev := ""
		for _, c := range codes {
			u, ok := byCode[c.Code]
			if ok {
				if !strings.EqualFold(u.Display, c.Display) {
					u.Names = append(u.Names, Name{Text: c.Display, Kind: NameTitle})
				}
				prev = c.Code
				continue
			}
			byCode[c.Code] = c
			if prev == "" {
				head = append(head, c)
			} else {
				after[prev] = append(after[prev], c)
			}
			prev = c.Code
		}
	}
	if len(orders) > 1 {
		out := make([]*Code, 0, len(byCode))
		var place func(c *Code)
		place = func(c *Code) {
			out = append(out, c)
			for _, n := range after[c.Code] {
				place(n)
			}
		}
		for _, c := range head {
			place(c)
		}
		for _, c := range union {
			place(c)
		}
		union = out
		linkHierarchy(union)
	}
	pos := make(map[string]int, len(union))
	for i, c := range union {
		pos[c.Code] = i
	}
	ms := make([]membership, len(orders))
	for i, codes := range orders {
		m := membership{release: rels[i].Name, present: make([]bool, len(union)), billable: make([]bool, len(union))}
		for _, c := range codes {
			p := pos[c.Code]
			m.present[p], m.billable[p] = true, c.Billable
			if u := union[p]; u.Display != c.Display {
				if m.titles == nil {
					m.titles = map[int]string{}
				}
				m.titles[p] = c.Display
			}
		}
		ms[i] = m
	}
	return union, ms
}

// edition is one ICD-10-CM release of a Set holding several: which IDs it
// holds and how, and the Set narrowed to it.
type edition struct {
	rel      Release
	present  []bool // by ID
	billable []bool // until the view is built (narrow)
	titles   map[ID]span
	view     *Set
}

// ICD10CMReleases returns the ICD-10-CM releases the Set holds, oldest
// first. A Set loaded from one order file, or narrowed by In, has one.
func (s *Set) ICD10CMReleases() []Release {
	if s.parent != nil {
		return s.parent.ICD10CMReleases()
	}
	if len(s.editions) == 0 {
		if r, ok := s.releases[ICD10CM]; ok {
			return []Release{r}
		}
		return nil
	}
	out := make([]Release, len(s.editions))
	for i, e := range s.editions {
		out[i] = e.rel
	}
	return out
}

// In returns the Set narrowed to one ICD-10-CM release (by name, any
// case: "FY2027", "fy2027"): the same IDs, but only the codes that release
// holds are found, counted and listed as children, each with its flag
// and title in that release. Other systems are unchanged. A Set of one
// release returns itself for its own name. An unknown name is an error
// wrapping ErrUnknownRelease that lists the loaded releases.
func (s *Set) In(name string) (*Set, error) {
	if s.parent != nil {
		return s.parent.In(name)
	}
	for _, e := range s.editions {
		if strings.EqualFold(e.rel.Name, name) {
			return e.view, nil
		}
	}
	if r, ok := s.releases[ICD10CM]; ok && len(s.editions) == 0 && strings.EqualFold(r.Name, name) {
		return s, nil
	}
	return nil, fmt.Errorf("corpus: ICD-10-CM release %q is not loaded (loaded: %s): %w", name, periodList(s.ICD10CMReleases()), ErrUnknownRelease)
}

// On returns the Set narrowed to the ICD-10-CM release covering a date
// of service (see In). A date no loaded release covers is an error
// wrapping ErrNotCovered that lists the loaded periods.
func (s *Set) On(dos time.Time) (*Set, error) {
	rels := s.ICD10CMReleases()
	for i := len(rels) - 1; i >= 0; i-- {
		if rels[i].Covers(dos) {
			return s.In(rels[i].Name)
		}
	}
	return nil, fmt.Errorf("corpus: no loaded ICD-10-CM release covers the date of service %s (loaded: %s): %w", dos.Format(time.DateOnly), periodList(rels), ErrNotCovered)
}

// Union returns the Set every narrowed Set came from (itself when not
// narrowed).
func (s *Set) Union() *Set {
	if s.parent != nil {
		return s.parent
	}
	return s
}

// periodList spells releases with their periods: "FY2026 2025-10-01..2026-09-30, ...".
func periodList(rels []Release) string {
	if len(rels) == 0 {
		return "none"
	}
	parts := make([]string, len(rels))
	for i, r := range rels {
		parts[i] = r.Name + " " + r.Period()
	}
	return strings.Join(parts, ", ")
}

// Period spells the dates of service a release covers: "2025-10-01..2026-09-30"
// ("..." open-ended).
func (r Release) Period() string {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	return day(r.Effective) + ".." + day(r.Expires)
}

// addEditions files the memberships of a union Set (finish calls it with
// the releases, after the records are laid out) and builds the narrowed
// Sets.
func (s *Set) addEditions(ms []membership, releases []Release) {
	if len(ms) < 2 {
		return
	}
	byName := map[string]Release{}
	for _, r := range releases {
		if r.System == ICD10CM {
			byName[r.Name] = r
		}
	}
	// ICD-10-CM records are the first ones, in the order the memberships
	// count them.
	for _, m := range ms {
		e := edition{rel: byName[m.release], present: make([]bool, len(s.recs)), billable: make([]bool, len(s.recs))}
		e.rel.Codes, e.rel.Billable = 0, 0
		icd := 0
		for id := ID(1); int(id) < len(s.recs); id++ {
			if s.systems[s.recs[id].sys] != ICD10CM {
				e.present[id] = true
				continue
			}
			if icd < len(m.present) && m.present[icd] {
				e.present[id], e.billable[id] = true, m.billable[icd]
				e.rel.Codes++
				if m.billable[icd] {
					e.rel.Billable++
				}
			}
			if t, ok := m.titles[icd]; ok {
				if sp, ok := s.arenaSpan(t); ok {
					if e.titles == nil {
						e.titles = map[ID]span{}
					}
					e.titles[id] = sp
				}
			}
			icd++
		}
		s.editions = append(s.editions, e)
	}
	sort.SliceStable(s.editions, func(i, j int) bool { return s.editions[i].rel.Effective.Before(s.editions[j].rel.Effective) })
	newest := s.editions[len(s.editions)-1].rel
	s.releases[ICD10CM] = newest
	for i := range s.editions {
		s.editions[i].view = s.narrow(&s.editions[i])
		s.editions[i].billable = nil // in the view's flags now
	}
}

// arenaSpan finds a title in the arena (every title of a union is a name
// of its code, so it is there).
func (s *Set) arenaSpan(t string) (span, bool) {
	if i := strings.Index(s.arena, t); i >= 0 && t != "" {
		return span{uint32(i), uint32(len(t))}, true
	}
	return span{}, false
}

// narrow builds the Set of one edition: it shares the union's records
// and arena, with its own flags, titles, children, order and lookup table.
func (s *Set) narrow(e *edition) *Set {
	v := *s
	v.parent, v.editions = s, nil
	o := &viewOverlay{flags: make([]uint8, len(s.recs)), titles: e.titles, own: make([]uint64, len(s.recs)/64+1), kids: map[ID][]ID{}}
	for id := ID(1); int(id) < len(s.recs); id++ {
		r := &s.recs[id]
		o.flags[id] = r.flags
		if v.systems[r.sys] != ICD10CM || !e.present[id] {
			continue
		}
		o.flags[id] &^= flagBillable
		if e.billable[id] {
			o.flags[id] |= flagBillable
		}
		if t, ok := e.titles[id]; ok && t.len > 0 {
			o.flags[id] |= flagRetitled
		}
	}
	v.view = o
	v.index(func(id ID) bool { return e.present[id] }, nil)
	v.shareTable(s, e.present)
	v.releases = map[System]Release{}
	for sys, r := range s.releases {
		v.releases[sys] = r
	}
	v.releases[ICD10CM] = e.rel
	return &v
}

// shareTable drops a narrowed Set's own lookup table for its union's
// when the union finds the same ID for every code the narrowed Set holds
// (present): the union then answers every lookup of the narrowed Set,
// which keeps the IDs present finds. A union table holding a code
// another ID than the narrowed Set's (a duplicate the release holds only
// the earlier of) keeps the narrowed Set's table. Each table is a few
// megabytes, per release.
func (v *Set) shareTable(union *Set, present []bool) {
	for id := ID(1); int(id) < len(v.recs); id++ {
		if !present[id] {
			continue
		}
		r := &v.recs[id]
		sys, code := v.systems[r.sys], v.str(r.code)
		own, _ := v.find(sys, code)
		if u, _ := union.find(sys, code); u != own {
			return
		}
	}
	v.table, v.view.present = union.table, present
}
