package suggest

import (
	"fmt"
	"strings"
	"time"

	"medcode/corpus"
	"medcode/index"
)

// The engine codes each note with the ICD-10-CM release in force on its
// date of service. The index covers the union of the loaded releases;
// per release, the engine keeps what resolution makes of the index's
// codes in that release (targets, the header → default-child edits,
// Excludes1, frequent codes), built over the Set narrowed to it
// (corpus.Set.In). The model and coder feedback name codes by their
// strings, so a new release keeps them: a code a release dropped is
// simply not reachable in it.

// New builds an Engine over a code set and an index built from it. When
// the set holds several ICD-10-CM releases, the Engine holds one per
// release and Suggest picks by the request's date of service.
func New(set *corpus.Set, ix *index.Index, opts Options) (*Engine, error) {
	rels := set.ICD10CMReleases()
	if len(rels) < 2 {
		e, err := newEngine(set, ix, opts, nil)
		if err != nil {
			return nil, err
		}
		e.union, e.now = set, opts.Now
		return e, nil
	}
	// The newest release's engine is built first: the older ones take
	// from it what depends on the model or the index only (the priors and
	// their table, the site table and the site work shared per note) and
	// share every table of theirs that came out the same (shareEqual).
	byRelease := make([]*Engine, len(rels))
	var newest *Engine
	for i := len(rels) - 1; i >= 0; i-- {
		v, err := set.In(rels[i].Name)
		if err != nil {
			return nil, fmt.Errorf("suggest: %w", err)
		}
		if byRelease[i], err = newEngine(v, ix, opts, newest); err != nil {
			return nil, err
		}
		byRelease[i].union = set
		if newest == nil {
			newest = byRelease[i]
		} else {
			byRelease[i].shareEqual(newest)
		}
	}
	if sharedFrom(opts.Base, byRelease[0].set, ix) == nil {
		slots := make([]*slotTable, len(byRelease))
		for i, sub := range byRelease {
			slots[i] = sub.slots
		}
		shareSlots(slots)
	}
	// The names' stems depend on the index only (namestems.go). No
	// release engine has read them yet.
	for _, sub := range byRelease[:len(byRelease)-1] {
		sub.nameStems.shared = &newest.nameStems
	}
	// The newest release answers everything that is not per note.
	newest.byRelease, newest.now = byRelease, opts.Now
	return newest, nil
}

// today is the date of service of a request without one.
func (e *Engine) today() time.Time {
	now := time.Now()
	if e.now != nil {
		now = e.now()
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// forRequest returns the engine of the release a request is coded with:
// req.Release by name (a date of service, when given, must fall in it),
// else the one covering req.DateOfService (today when zero; the newest,
// undated, when today is past every release). It fills DateOfService
// with today when that picked the release. An unknown release or a date no
// release covers is an error wrapping corpus.ErrUnknownRelease or
// corpus.ErrNotCovered that lists the loaded releases and periods.
func (e *Engine) forRequest(req *Request) (*Engine, error) {
	explicit := !req.DateOfService.IsZero()
	var (
		v   *corpus.Set
		err error
	)
	switch {
	case req.Release != "":
		if v, err = e.union.In(req.Release); err == nil && explicit {
			if r, _ := v.Release(corpus.ICD10CM); !r.Covers(req.DateOfService) {
				err = fmt.Errorf("corpus: ICD-10-CM release %s (%s) does not cover the date of service %s: %w",
					r.Name, r.Period(), req.DateOfService.Format(time.DateOnly), corpus.ErrNotCovered)
			}
		}
	case !explicit:
		if v, err = e.union.On(e.today()); err != nil {
			// Today is past the newest release: keep coding with it,
			// undated.
			return e, nil
		}
		req.DateOfService = e.today()
	default:
		v, err = e.union.On(req.DateOfService)
	}
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	r, _ := v.Release(corpus.ICD10CM)
	for _, sub := range e.byRelease {
		if sr, _ := sub.set.Release(corpus.ICD10CM); sr.Name == r.Name {
			return sub, nil
		}
	}
	return e, nil
}

// Releases are the ICD-10-CM releases the engine codes with, oldest first.
func (e *Engine) Releases() []corpus.Release { return e.union.ICD10CMReleases() }

// ancestorIn finds the nearest ancestor of an ICD-10-CM code that set
// holds (a code added by a later release, or deleted by this one, gives
// its names to it); 0 when none.
func ancestorIn(set *corpus.Set, ref index.CodeRef) corpus.ID {
	if ref.System != corpus.ICD10CM {
		return 0
	}
	raw := strings.Replace(ref.Code, ".", "", 1)
	for n := len(raw) - 1; n >= 3; n-- {
		if id, ok := set.ID(corpus.ICD10CM, raw[:n]); ok {
			return id
		}
	}
	return 0
}

// dateString spells a date of service, "" for none.
func dateString(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}
