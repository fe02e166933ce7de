package suggest

import "slices"

// A vague code's live readings. Most readings of a category can never fit
// a given vague title, whatever the note says: they drop a word of the
// title (not one beside its "unspecified") or are "without" what it
// names (fit's first tests, which read only the two readings). Each vague
// code keeps, once per engine, its category's codes and stems with only
// the readings that may fit, and their holders, so that a note's words
// select, and fit reads, only those.

// liveSites is the codes (or stems) of a vague code's category that may
// refine it, in order, each with the readings that may fit it, in order,
// and the holders of their stems. When every reading of the category may
// fit, both are the category's own (siteCategory.allHolders), shared by
// its vague codes.
type liveSites struct {
	codes []siteCode
	by    *stemHolders
	cat   *siteCategory // its arrays hold the readings
	kept  []siteSpan    // the readings of codes that keep only some
}

// readingsOf returns the readings of c, a code of l.
func (l *liveSites) readingsOf(c *siteCode) []siteSpan {
	if c.kept {
		return l.kept[c.first:c.end:c.end]
	}
	return l.cat.spans[c.first:c.end:c.end]
}

// deadFit reports whether fit(r, vt, nw) is false for every note: r is
// without a word vt names, or drops a word of vt that fit never lets go
// (a head word, or one not beside vt's "unspecified").
func (e *Engine) deadFit(r, vt *siteReading) bool {
	sm := e.sites
	if without := slices.Index(r.ids, sm.withoutID); without >= 0 {
		vw := slices.Index(vt.ids, sm.withoutID)
		for _, s := range r.ids[without+1:] {
			if i := slices.Index(vt.ids, s); i >= 0 && (vw < 0 || i < vw) {
				return true
			}
		}
	}
	for i, s := range vt.ids {
		if vt.kinds[i]&kindFill != 0 || sm.otherID == s || containsID(r.ids, s) {
			continue
		}
		head := i == 0 || i == 1 && vt.ids[0] == sm.unspecID
		if !head && (vt.ids[i-1] == sm.unspecID || i+1 < len(vt.ids) && vt.ids[i+1] == sm.unspecID) {
			continue // fit lets it go unless the note says it (and r differs by more than a side)
		}
		return true
	}
	return false
}

// liveOf returns the codes of cs that may refine vague title vt, each
// with its readings that may fit, and their holders. A code whose
// readings all may fit shares them; the others' live readings share one
// array.
func (e *Engine) liveOf(cat *siteCategory, stems bool, vt *siteReading) liveSites {
	cs := cat.codes
	if stems {
		cs = cat.stems
	}
	n := 0
	for i := range cs {
		n += cs[i].count()
	}
	// dead marks the readings of cs, end to end, that can never fit.
	dead := make([]bool, n)
	nc, nr, at := 0, 0, 0
	for i := range cs {
		c := &cs[i]
		live := 0
		for ri, sp := range cat.spans[c.first:c.end] {
			r := cat.reading(sp)
			dead[at+ri] = e.deadFit(&r, vt)
			if !dead[at+ri] {
				live++
			}
		}
		at += c.count()
		if live > 0 {
			nc++
		}
		if live > 0 && live < c.count() {
			nr += live
		}
	}
	if nc == len(cs) && nr == 0 {
		return liveSites{codes: cs, by: cat.allHolders(stems), cat: cat}
	}
	out := make([]siteCode, 0, nc)
	var kept []siteSpan
	if nr > 0 {
		kept = make([]siteSpan, 0, nr)
	}
	at = 0
	for _, c := range cs {
		rs := cat.spans[c.first:c.end]
		d := dead[at : at+len(rs)]
		at += len(rs)
		live := 0
		for _, x := range d {
			if !x {
				live++
			}
		}
		if live == 0 {
			continue
		}
		if live < len(rs) {
			k := len(kept)
			for ri := range rs {
				if !d[ri] {
					kept = append(kept, rs[ri])
				}
			}
			c.kept, c.first, c.end = true, int32(k), int32(len(kept))
		}
		out = append(out, c)
	}
	l := liveSites{codes: out, cat: cat, kept: kept}
	h := holders(&l)
	l.by = &h
	return l
}
