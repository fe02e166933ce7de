package corpus

import (
	"fmt"
	"sort"
)

// ReleaseDiff is what changed in ICD-10-CM from one release to another,
// each list in code order.
type ReleaseDiff struct {
	From        string         `json:"from"`
	To          string         `json:"to"`
	Added       []DiffEntry    `json:"added"`       // new codes
	Deleted     []DiffEntry    `json:"deleted"`     // codes gone
	Revised     []DiffEntry    `json:"revised"`     // long title changed
	NowHeader   []DiffEntry    `json:"nowHeader"`   // billable before, a header now (expanded)
	NowBillable []DiffEntry    `json:"nowBillable"` // a header before, billable now
	Counts      map[string]int `json:"counts"`
}

// DiffEntry is one changed code: its title in the newer release (the
// older one for a deleted code) and, when revised, the older title.
type DiffEntry struct {
	Code     string `json:"code"`
	Title    string `json:"title"`
	Billable bool   `json:"billable"`
	Was      string `json:"was,omitempty"`
}

// Diff compares two ICD-10-CM releases of a Set by name (see In).
func (s *Set) Diff(from, to string) (ReleaseDiff, error) {
	a, err := s.In(from)
	if err != nil {
		return ReleaseDiff{}, err
	}
	b, err := s.In(to)
	if err != nil {
		return ReleaseDiff{}, err
	}
	ra, _ := a.Release(ICD10CM)
	rb, _ := b.Release(ICD10CM)
	d := ReleaseDiff{From: ra.Name, To: rb.Name}
	u := s.Union()
	for _, id := range u.IDs(ICD10CM) {
		code := u.Brief(id).Code
		_, inA := a.ID(ICD10CM, code)
		_, inB := b.ID(ICD10CM, code)
		x, y := a.Brief(id), b.Brief(id)
		switch {
		case inB && !inA:
			d.Added = append(d.Added, DiffEntry{Code: code, Title: y.Display, Billable: y.Billable})
		case inA && !inB:
			d.Deleted = append(d.Deleted, DiffEntry{Code: code, Title: x.Display, Billable: x.Billable})
		case inA && inB:
			if x.Display != y.Display {
				d.Revised = append(d.Revised, DiffEntry{Code: code, Title: y.Display, Billable: y.Billable, Was: x.Display})
			}
			if x.Billable && !y.Billable {
				d.NowHeader = append(d.NowHeader, DiffEntry{Code: code, Title: y.Display})
			}
			if !x.Billable && y.Billable {
				d.NowBillable = append(d.NowBillable, DiffEntry{Code: code, Title: y.Display, Billable: true})
			}
		}
	}
	d.count()
	return d, nil
}

func (d *ReleaseDiff) count() {
	d.Counts = map[string]int{"added": len(d.Added), "deleted": len(d.Deleted), "revised": len(d.Revised),
		"nowHeader": len(d.NowHeader), "nowBillable": len(d.NowBillable)}
}

// AddendaDiff reads an order-file addenda as a ReleaseDiff: a code both
// deleted and added is a flag change (now a header, or now billable), a
// "Revise from:"/"Revise to:" pair a revised title; the rest are added
// or deleted codes. Lists come in code order.
func AddendaDiff(from, to string, entries []AddendaEntry) ReleaseDiff {
	d := ReleaseDiff{From: from, To: to}
	added, deleted := map[string]AddendaEntry{}, map[string]AddendaEntry{}
	var revisedFrom = map[string]AddendaEntry{}
	for _, e := range entries {
		switch e.Action {
		case AddendaAdd:
			added[e.Code] = e
		case AddendaDelete:
			deleted[e.Code] = e
		case AddendaReviseFrom:
			revisedFrom[e.Code] = e
		case AddendaReviseTo:
			d.Revised = append(d.Revised, DiffEntry{Code: e.Code, Title: e.Long, Billable: e.Billable, Was: revisedFrom[e.Code].Long})
		}
	}
	for code, a := range added {
		del, both := deleted[code]
		switch {
		case !both:
			d.Added = append(d.Added, DiffEntry{Code: code, Title: a.Long, Billable: a.Billable})
		case del.Billable && !a.Billable:
			d.NowHeader = append(d.NowHeader, DiffEntry{Code: code, Title: a.Long})
		case !del.Billable && a.Billable:
			d.NowBillable = append(d.NowBillable, DiffEntry{Code: code, Title: a.Long, Billable: true})
		}
	}
	for code, del := range deleted {
		if _, both := added[code]; !both {
			d.Deleted = append(d.Deleted, DiffEntry{Code: code, Title: del.Long, Billable: del.Billable})
		}
	}
	for _, l := range []*[]DiffEntry{&d.Added, &d.Deleted, &d.Revised, &d.NowHeader, &d.NowBillable} {
		sort.Slice(*l, func(i, j int) bool { return (*l)[i].Code < (*l)[j].Code })
	}
	d.count()
	return d
}

// Disagreements lists the codes two diffs of the same releases place
// differently (a Diff of the order files against the publisher's
// addenda); empty when they agree. Titles are not compared.
func (d ReleaseDiff) Disagreements(o ReleaseDiff) []string {
	var out []string
	for _, l := range []struct {
		name string
		a, b []DiffEntry
	}{{"added", d.Added, o.Added}, {"deleted", d.Deleted, o.Deleted}, {"revised", d.Revised, o.Revised},
		{"nowHeader", d.NowHeader, o.NowHeader}, {"nowBillable", d.NowBillable, o.NowBillable}} {
		in := map[string]int{}
		for _, e := range l.a {
			in[e.Code]++
		}
		for _, e := range l.b {
			in[e.Code] -= 2
		}
		codes := make([]string, 0, len(in))
		for c := range in {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			switch in[c] {
			case 1:
				out = append(out, fmt.Sprintf("%s %s only in %s..%s", l.name, c, d.From, d.To))
			case -2:
				out = append(out, fmt.Sprintf("%s %s only in the addenda", l.name, c))
			}
		}
	}
	return out
}
