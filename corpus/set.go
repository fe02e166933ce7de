package corpus

import (
	"fmt"
	"sort"
	"time"
)

// Set is an immutable collection of code systems. It is safe for concurrent
// use once built.
type Set struct {
	byCode   map[System]map[string]*Code
	order    map[System][]*Code
	releases map[System]Release
}

// NewSet builds a Set from codes in official order and the releases they came
// from. Parent/child links are taken as given. Later duplicates of a code
// replace earlier ones in lookups but keep the first position in order.
func NewSet(codes []*Code, releases []Release) *Set {
	s := &Set{
		byCode:   map[System]map[string]*Code{},
		order:    map[System][]*Code{},
		releases: map[System]Release{},
	}
	for _, c := range codes {
		m := s.byCode[c.System]
		if m == nil {
			m = map[string]*Code{}
			s.byCode[c.System] = m
		}
		if _, dup := m[c.Code]; !dup {
			s.order[c.System] = append(s.order[c.System], c)
		}
		m[c.Code] = c
	}
	for _, r := range releases {
		r.Codes, r.Billable = 0, 0
		for _, c := range s.order[r.System] {
			r.Codes++
			if c.Billable {
				r.Billable++
			}
		}
		s.releases[r.System] = r
	}
	return s
}

// Lookup finds a code; code may be in any case, dotted or not.
func (s *Set) Lookup(sys System, code string) (*Code, bool) {
	c, ok := s.byCode[sys][NormalizeCode(sys, code)]
	return c, ok
}

// Find looks a code up in every system, ICD-10-CM first.
func (s *Set) Find(code string) (*Code, bool) {
	for _, sys := range systems {
		if c, ok := s.Lookup(sys, code); ok {
			return c, true
		}
	}
	return nil, false
}

// Codes returns the codes of sys in official order. The slice must not be
// modified.
func (s *Set) Codes(sys System) []*Code { return s.order[sys] }

// Systems returns the systems the set holds, in fixed order.
func (s *Set) Systems() []System {
	var out []System
	for _, sys := range systems {
		if len(s.order[sys]) > 0 {
			out = append(out, sys)
		}
	}
	return out
}

// Release returns the release of sys.
func (s *Set) Release(sys System) (Release, bool) {
	r, ok := s.releases[sys]
	return r, ok
}

// Releases returns every release, sorted by system.
func (s *Set) Releases() []Release {
	out := make([]Release, 0, len(s.releases))
	for _, r := range s.releases {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].System < out[j].System })
	return out
}

// Validate reports whether code is a billable code of sys valid on the date
// of service (a zero date means "any date the release covers").
func (s *Set) Validate(sys System, code string, dos time.Time) error {
	c, ok := s.Lookup(sys, code)
	if !ok {
		return fmt.Errorf("corpus: %s code %q: %w", sys, code, ErrUnknownCode)
	}
	if r, ok := s.releases[sys]; ok && !r.Covers(dos) {
		return fmt.Errorf("corpus: %s release %s does not cover %s: %w", sys, r.Name, dos.Format("2006-01-02"), ErrNotCovered)
	}
	if !c.Billable {
		return fmt.Errorf("corpus: %s code %s is a header, not billable: %w", sys, c.Code, ErrNotBillable)
	}
	return nil
}
