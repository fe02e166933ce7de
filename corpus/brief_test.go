package corpus

import (
	"context"
	"testing"
)

// briefPlain is Brief's plain form: flagsOf and displayOf, each reading
// the view.
func briefPlain(s *Set, id ID) Brief {
	if !s.valid(id) {
		return Brief{}
	}
	r := &s.recs[id]
	flags := s.flagsOf(id)
	return Brief{
		System: s.systems[r.sys], Code: s.str(r.code), Display: s.str(s.displayOf(id)), Parent: s.str(r.parent),
		Billable: flags&flagBillable != 0, Modifier: flags&flagModifier != 0,
	}
}

// TestBriefPlain holds Brief, which reads a view's flags once, to
// briefPlain over every ID (and two past them) of a union and of its
// narrowed Sets, retitled records among them.
func TestBriefPlain(t *testing.T) {
	set, err := Load(context.Background(), Options{Dir: twoReleases(t), NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	retitled := 0
	for _, name := range []string{"", "FY2026", "FY2027"} {
		s := set
		if name != "" {
			if s, err = set.In(name); err != nil {
				t.Fatal(err)
			}
			for _, f := range s.view.flags {
				if f&flagRetitled != 0 {
					retitled++
				}
			}
		}
		for id := ID(-1); int(id) <= len(s.recs)+1; id++ {
			if got, want := s.Brief(id), briefPlain(s, id); got != want {
				t.Errorf("%q: Brief(%d) = %+v, plain %+v", name, id, got, want)
			}
		}
	}
	t.Logf("%d retitled records", retitled)
}
