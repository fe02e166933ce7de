package corpus

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Set is an immutable collection of code systems. It is safe for concurrent
// use once built.
//
// A Set holds no pointers per code: every string lives in one arena, and
// codes, names, children, notes and seventh-character rows are flat
// records that refer to it by offset (see record). A server keeps its Set
// for its lifetime and the garbage collector walks every pointer of it on
// every cycle; a hundred thousand Code structs with their slices made
// each cycle long enough to stall requests. Code values are built on
// demand (Lookup, Codes, Code) and the hot accessors (Brief, Children,
// SevenChr) allocate nothing.
type Set struct {
	arena string
	recs  []record       // by ID; recs[0] is unused so that ID 0 means no code
	names []span         // name texts, a run per record (record.names)
	kinds []NameKind     // the names' kinds, beside them
	spans []span         // notes strings, and the strays' children
	notes [][8]slab      // Notes fields, in notesFields order
	ext   []Extension    // seventh-character rows, tables shared
	times [][2]time.Time // Added, Terminated
	kids  []ID           // children present in the set, by parent
	// strays are the children, in spans, of the records with a child
	// the Set lacks; the others' children are their kids (childCodes).
	strays  map[ID]slab
	systems []System // system of record.sys
	order   map[System][]ID
	// table is an open-addressing lookup by (system, code) (codetable.go).
	table    []slot
	releases map[System]Release
	// editions are the ICD-10-CM releases of a Set loaded from several
	// order files (oldest first), each with its narrowed Set; parent is
	// the union a narrowed Set came from.
	editions []edition
	parent   *Set
	// view is what a narrowed Set changes of the records it shares with
	// its parent; nil otherwise.
	view *viewOverlay
}

// viewOverlay holds, by ID, the flags, title and children a narrowed Set
// gives a record (the records themselves are shared with the union).
type viewOverlay struct {
	flags []uint8
	// titles are the titles of the records flagged flagRetitled (a few
	// hundred of a hundred thousand): the others keep the record's.
	titles map[ID]span
	// own marks, by ID (a bit each), the records whose children in the
	// Set differ from their children in the union (a code the release
	// lacks); kids holds those. The others read the union's runs of
	// Set.kids, which the narrowed Set shares.
	own  []uint64
	kids map[ID][]ID
	// present, when not nil, says by ID which records the Set holds: its
	// lookup table is then the union's (shareTable), and a code found
	// there is the Set's only when present.
	present []bool
}

// flagsOf, displayOf and kidsOf read a record as s has it.
func (s *Set) flagsOf(id ID) uint8 {
	if s.view != nil {
		return s.view.flags[id]
	}
	return s.recs[id].flags
}

func (s *Set) displayOf(id ID) span {
	if s.view != nil && s.view.flags[id]&flagRetitled != 0 {
		return s.view.titles[id]
	}
	return s.recs[id].display
}

// flagRetitled marks, in viewOverlay.flags, a record whose title the
// narrowed Set has from viewOverlay.titles.
const flagRetitled = 1 << 7

func (s *Set) kidsOf(id ID) []ID {
	if v := s.view; v != nil && v.own[id>>6]&(1<<(id&63)) != 0 {
		k := v.kids[id]
		return k[:len(k):len(k)]
	}
	k := s.recs[id].kids
	return s.kids[k.off : k.off+k.len : k.off+k.len]
}

// ID is a code of a Set: a small handle without pointers. The zero ID is
// no code.
type ID int32

// span is a string of the arena.
type span struct{ off, len uint32 }

// slab is a run of a Set's flat slices.
type slab struct{ off, len uint32 }

// record is one code, without pointers. What Brief and the code lookup
// read comes first, within the record's first 28 bytes, so that they
// mostly touch one cache line.
type record struct {
	code, display, parent span
	sys                   uint8  // in Set.systems
	flags                 uint8  // flagBillable, flagModifier
	nils                  uint16 // fields that are nil rather than empty, and namesTitled
	short, chapter        span
	names                 slab  // in Set.names
	kids                  slab  // in Set.kids
	sevenChr              slab  // in Set.ext
	notes                 int32 // in Set.notes; -1 when every field is nil (allNotesNil)
	times                 int32 // in Set.times; -1 when both are zero
}

// Bits of record.nils; notes fields follow from nilNotes on.
const (
	nilNames = 1 << iota
	nilChildren
	nilSevenChr
	nilNotes
)

// namesTitled, a bit of record.nils after the notes', says that the
// code's names start with its display as NameTitle, which Set.names then
// leaves out (a hundred thousand names of the record's own display).
const namesTitled = nilNotes << 8

// titleFirst reports whether a code's first name, text of kind kind, is
// its display: the names of a record flagged namesTitled start after it.
func titleFirst(r *record, text span, kind NameKind) bool {
	return kind == NameTitle && text == r.display
}

// notesFields lists the fields of n in a fixed order.
func notesFields(n *Notes) [8]*[]string {
	return [8]*[]string{&n.Includes, &n.Excludes1, &n.Excludes2, &n.CodeFirst,
		&n.UseAdditional, &n.CodeAlso, &n.Notes, &n.SevenChrNote}
}

// NewSet builds a Set from codes in official order and the releases they came
// from. Parent/child links are taken as given. Later duplicates of a code
// replace earlier ones in lookups but keep the first position in order.
// The Set copies what it keeps: codes may be changed or dropped afterwards,
// and nothing of the caller's memory (a parse buffer, a cache file) stays
// reachable from it.
func NewSet(codes []*Code, releases []Release) *Set { return newSet(codes, releases, nil) }

// newSet is NewSet for a union of several ICD-10-CM releases: ms say
// which of the ICD-10-CM codes (in order) each release holds.
func newSet(codes []*Code, releases []Release, ms []membership) *Set {
	p := packer{
		s:        &Set{recs: make([]record, 1, len(codes)+1)},
		strs:     make(map[string]span, len(codes)*2),
		sys:      map[System]uint8{},
		ext:      map[extKey]slab{},
		children: childList{runs: make([]slab, 1, len(codes)+1)},
	}
	for _, c := range codes {
		p.add(c)
	}
	p.s.arena = string(p.arena)
	p.s.finish(releases, ms, &p.children)
	return p.s
}

// childList holds the children codes of a Set's records while the Set is
// built, by ID (runs[0] is unused): index resolves them to kids and
// keeps only the strays'.
type childList struct {
	spans []span
	runs  []slab
}

// finish derives the official order, the lookup table, the children in
// the set (from children) and the releases' counts from the records and
// the arena, then the editions of a union of ICD-10-CM releases (ms).
func (s *Set) finish(releases []Release, ms []membership, children *childList) {
	s.index(func(ID) bool { return true }, children)
	// The flat slices grew by appending: keep them at their length (a
	// Set lives as long as the process).
	s.names, s.kinds, s.spans = fit(s.names), fit(s.kinds), fit(s.spans)
	s.notes, s.times, s.ext = fit(s.notes), fit(s.times), fit(s.ext)
	s.releases = map[System]Release{}
	releases = append([]Release(nil), releases...)
	for i := range releases {
		r := &releases[i]
		r.System = System(strings.Clone(string(r.System)))
		r.Name, r.Source = strings.Clone(r.Name), strings.Clone(r.Source)
		if r.Supplements != nil {
			sup := make([]string, len(r.Supplements))
			for i, v := range r.Supplements {
				sup[i] = strings.Clone(v)
			}
			r.Supplements = sup
		}
		r.Codes, r.Billable = 0, 0
		if r.System == ICD10CM && len(ms) > 1 {
			continue // counted per edition
		}
		for _, id := range s.order[r.System] {
			r.Codes++
			if s.recs[id].flags&flagBillable != 0 {
				r.Billable++
			}
		}
		s.releases[r.System] = *r
	}
	s.addEditions(ms, releases)
}

// fit returns s without spare capacity: s itself when it has none.
func fit[T any](s []T) []T {
	if cap(s) == len(s) {
		return s
	}
	return slices.Clone(s)
}

// index derives the official order, the lookup table and the children in
// the set of the records keep accepts. The table itself finds duplicates:
// a later one replaces the earlier in lookups and keeps its position.
// A union reads the children from children and files the strays; a
// narrowed Set (children nil) reads them from its union's records.
func (s *Set) index(keep func(ID) bool, children *childList) {
	n := 0
	for id := ID(1); int(id) < len(s.recs); id++ {
		if keep(id) {
			n++
		}
	}
	size := 1
	for size < 2*n+2 {
		size *= 2
	}
	s.table = make([]slot, size)
	s.order = map[System][]ID{}
	mask := len(s.table) - 1
	for id := ID(1); int(id) < len(s.recs); id++ {
		if !keep(id) {
			continue
		}
		r := &s.recs[id]
		sys, code := s.systems[r.sys], s.str(r.code)
		key, inline := codeKey(code)
		entry := slot{key: key, id: id, sys: r.sys, n: uint8(len(code)), long: !inline}
		for i := int(slotHash(key, r.sys)) & mask; ; i = (i + 1) & mask {
			cur := s.table[i]
			if cur.id == 0 {
				s.table[i] = entry
				s.order[sys] = append(s.order[sys], id)
				break
			}
			if cur.matches(s, key, r.sys, code) && s.str(s.recs[cur.id].code) == code {
				s.table[i] = entry // a later duplicate
				break
			}
		}
	}
	// Children present in the set, resolved once for the hot paths. A
	// narrowed Set keeps only the runs that differ from its union's.
	var run []ID
	for id := ID(1); int(id) < len(s.recs); id++ {
		r := &s.recs[id]
		if s.view == nil {
			start := len(s.kids)
			cs := children.runs[id]
			s.kids = s.appendKids(s.kids, r, children.spans[cs.off:cs.off+cs.len])
			r.kids = slab{uint32(start), uint32(len(s.kids) - start)}
			if r.kids.len != cs.len {
				if s.strays == nil {
					s.strays = map[ID]slab{}
				}
				s.strays[id] = slab{uint32(len(s.spans)), cs.len}
				s.spans = append(s.spans, children.spans[cs.off:cs.off+cs.len]...)
			}
			continue
		}
		run = s.appendUnionKids(run[:0], id)
		if !slices.Equal(run, s.kids[r.kids.off:r.kids.off+r.kids.len]) {
			s.view.own[id>>6] |= 1 << (id & 63)
			s.view.kids[id] = slices.Clone(run)
		}
	}
	s.kids = fit(s.kids)
	for sys, ids := range s.order {
		s.order[sys] = fit(ids)
	}
}

// appendKids appends the children of r (codes) that s holds.
func (s *Set) appendKids(dst []ID, r *record, children []span) []ID {
	for _, sp := range children {
		if k, ok := s.find(s.systems[r.sys], s.str(sp)); ok {
			dst = append(dst, k)
		}
	}
	return dst
}

// appendUnionKids appends, for a narrowed Set, the children of id in its
// union that it holds: the strays' from their codes, the others' from
// the union's kids, whose runs the records keep.
func (s *Set) appendUnionKids(dst []ID, id ID) []ID {
	r := &s.recs[id]
	if sl, ok := s.strays[id]; ok {
		return s.appendKids(dst, r, s.spans[sl.off:sl.off+sl.len])
	}
	sys := s.systems[r.sys]
	for _, k := range s.kids[r.kids.off : r.kids.off+r.kids.len] {
		if k, ok := s.find(sys, s.str(s.recs[k].code)); ok {
			dst = append(dst, k)
		}
	}
	return dst
}

// childCodes returns the children codes of id in a union: the strays'
// from their runs, the others' the codes of their kids.
func (s *Set) childCodes(id ID) []string {
	if sl, ok := s.strays[id]; ok {
		return s.strings(sl)
	}
	kids := s.kidsOf(id)
	out := make([]string, len(kids))
	for i, k := range kids {
		out[i] = s.str(s.recs[k].code)
	}
	return out
}

// packer lays codes out for NewSet.
type packer struct {
	s        *Set
	arena    []byte
	strs     map[string]span
	sys      map[System]uint8
	ext      map[extKey]slab
	children childList
}

func (p *packer) str(v string) span {
	if sp, ok := p.strs[v]; ok {
		return sp
	}
	sp := span{uint32(len(p.arena)), uint32(len(v))}
	p.arena = append(p.arena, v...)
	p.strs[v] = sp
	return sp
}

func (p *packer) strings(ss []string) slab {
	sl := slab{uint32(len(p.s.spans)), uint32(len(ss))}
	for _, v := range ss {
		p.s.spans = append(p.s.spans, p.str(v))
	}
	return sl
}

func (p *packer) add(c *Code) {
	s := p.s
	sys, ok := p.sys[c.System]
	if !ok {
		sys = uint8(len(s.systems))
		p.sys[c.System] = sys
		s.systems = append(s.systems, System(strings.Clone(string(c.System))))
	}
	r := record{
		code: p.str(c.Code), display: p.str(c.Display), short: p.str(c.Short),
		parent: p.str(c.Parent), chapter: p.str(c.Chapter), sys: sys,
	}
	run := slab{uint32(len(p.children.spans)), uint32(len(c.Children))}
	for _, v := range c.Children {
		p.children.spans = append(p.children.spans, p.str(v))
	}
	p.children.runs = append(p.children.runs, run)
	if c.Billable {
		r.flags |= flagBillable
	}
	if c.Modifier {
		r.flags |= flagModifier
	}
	if c.Names == nil {
		r.nils |= nilNames
	}
	if c.Children == nil {
		r.nils |= nilChildren
	}
	if c.SevenChr == nil {
		r.nils |= nilSevenChr
	}
	r.names = slab{uint32(len(s.names)), 0}
	for i, n := range c.Names {
		text := p.str(n.Text)
		if i == 0 && titleFirst(&r, text, n.Kind) {
			r.nils |= namesTitled
			continue
		}
		s.names = append(s.names, text)
		s.kinds = append(s.kinds, n.Kind)
		r.names.len++
	}
	if len(c.SevenChr) > 0 {
		// Codes share their category's table; so do their records.
		k := extKey{&c.SevenChr[0], len(c.SevenChr)}
		sl, ok := p.ext[k]
		if !ok {
			sl = slab{uint32(len(s.ext)), uint32(len(c.SevenChr))}
			for _, x := range c.SevenChr {
				s.ext = append(s.ext, Extension{Char: strings.Clone(x.Char), Text: strings.Clone(x.Text)})
			}
			p.ext[k] = sl
		}
		r.sevenChr = sl
	}
	var notes [8]slab
	for i, f := range notesFields(&c.Notes) {
		if *f == nil {
			r.nils |= nilNotes << i
			continue
		}
		notes[i] = p.strings(*f)
	}
	s.file(r, &notes, c.Added, c.Terminated)
}

// allNotesNil is every notes bit of record.nils.
const allNotesNil = 0xff * nilNotes

// file appends r to s with its notes, unless every field is nil (per
// r.nils), and its dates, unless both are zero.
func (s *Set) file(r record, notes *[8]slab, added, terminated time.Time) {
	r.notes, r.times = -1, -1
	if r.nils&allNotesNil != allNotesNil {
		r.notes = int32(len(s.notes))
		s.notes = append(s.notes, *notes)
	}
	if !added.IsZero() || !terminated.IsZero() {
		r.times = int32(len(s.times))
		s.times = append(s.times, [2]time.Time{added, terminated})
	}
	s.recs = append(s.recs, r)
}

// find looks a canonical code up.
func (s *Set) find(sys System, code string) (ID, bool) {
	if len(s.table) == 0 {
		return 0, false
	}
	si := -1
	for i, x := range s.systems {
		if x == sys {
			si = i
			break
		}
	}
	if si < 0 {
		return 0, false
	}
	key, _ := codeKey(code)
	mask := len(s.table) - 1
	for i := int(slotHash(key, uint8(si))) & mask; ; i = (i + 1) & mask {
		e := &s.table[i]
		if e.id == 0 {
			return 0, false
		}
		if e.matches(s, key, uint8(si), code) {
			if s.view != nil && s.view.present != nil && !s.view.present[e.id] {
				return 0, false
			}
			return e.id, true
		}
	}
}

// valid reports whether id names a code of s.
func (s *Set) valid(id ID) bool { return id > 0 && int(id) < len(s.recs) }

func (s *Set) str(sp span) string { return s.arena[sp.off : sp.off+sp.len] }

// ID finds a code; code may be in any case, dotted or not.
func (s *Set) ID(sys System, code string) (ID, bool) {
	return s.find(sys, NormalizeCode(sys, code))
}

// Brief is the part of a code the suggest engine reads on every note. It
// is returned by value and allocates nothing.
type Brief struct {
	System   System
	Code     string
	Display  string
	Parent   string
	Billable bool
	Modifier bool
}

// Brief returns the brief of id, the zero Brief for ID 0. The result is
// written field by field (a Brief is returned in memory: a literal is
// built in a zeroed temporary and copied).
func (s *Set) Brief(id ID) (b Brief) {
	if !s.valid(id) {
		return b
	}
	// flagsOf and displayOf in one: the view's flags read once (the
	// suggest rules ask ~330 briefs a note).
	r := &s.recs[id]
	flags, display := r.flags, r.display
	if v := s.view; v != nil {
		if flags = v.flags[id]; flags&flagRetitled != 0 {
			display = v.titles[id]
		}
	}
	b.System, b.Code, b.Display, b.Parent = s.systems[r.sys], s.str(r.code), s.str(display), s.str(r.parent)
	b.Billable, b.Modifier = flags&flagBillable != 0, flags&flagModifier != 0
	return b
}

// CodeString returns the code of id ("E11.9"), "" for an ID not in the
// set: Brief(id).Code without reading the rest of the brief, for the many
// callers that need only the code.
func (s *Set) CodeString(id ID) string {
	if !s.valid(id) {
		return ""
	}
	return s.str(s.recs[id].code)
}

// SystemOf returns the system of id, "" for an ID not in the set:
// Brief(id).System without reading the rest of the brief.
func (s *Set) SystemOf(id ID) System {
	if !s.valid(id) {
		return ""
	}
	return s.systems[s.recs[id].sys]
}

// Children returns the children of id that are in the set, in official
// order. The slice must not be modified.
func (s *Set) Children(id ID) []ID {
	if !s.valid(id) {
		return nil
	}
	return s.kidsOf(id)
}

// SevenChr returns the effective seventh-character table of id (shared:
// it must not be modified).
func (s *Set) SevenChr(id ID) []Extension {
	if !s.valid(id) || s.recs[id].nils&nilSevenChr != 0 {
		return nil
	}
	r := &s.recs[id]
	return s.ext[r.sevenChr.off : r.sevenChr.off+r.sevenChr.len : r.sevenChr.off+r.sevenChr.len]
}

// Code returns a fresh copy of code id with all its names and notes, nil
// for ID 0.
func (s *Set) Code(id ID) *Code {
	if !s.valid(id) {
		return nil
	}
	r := &s.recs[id]
	flags := s.flagsOf(id)
	c := &Code{
		System: s.systems[r.sys], Code: s.str(r.code), Display: s.str(s.displayOf(id)), Short: s.str(r.short),
		Billable: flags&flagBillable != 0, Modifier: flags&flagModifier != 0,
		Parent: s.str(r.parent), Chapter: s.str(r.chapter), SevenChr: s.SevenChr(id),
	}
	if r.nils&nilNames == 0 {
		n := int(r.names.len)
		if r.nils&namesTitled != 0 {
			n++
		}
		c.Names = make([]Name, 0, n)
		if r.nils&namesTitled != 0 {
			// The union's display: a narrowed Set's title is another name.
			c.Names = append(c.Names, Name{Text: s.str(r.display), Kind: NameTitle})
		}
		for i, sp := range s.names[r.names.off : r.names.off+r.names.len] {
			c.Names = append(c.Names, Name{Text: s.str(sp), Kind: s.kinds[int(r.names.off)+i]})
		}
	}
	switch {
	case r.nils&nilChildren != 0:
	case s.parent != nil:
		// A narrowed Set lists the children its release holds.
		c.Children = make([]string, 0, len(s.kidsOf(id)))
		for _, k := range s.Children(id) {
			c.Children = append(c.Children, s.str(s.recs[k].code))
		}
	default:
		c.Children = s.childCodes(id)
	}
	c.Notes = s.Notes(id)
	if r.times >= 0 {
		c.Added, c.Terminated = s.times[r.times][0], s.times[r.times][1]
	}
	return c
}

func (s *Set) strings(sl slab) []string {
	out := make([]string, sl.len)
	for i, sp := range s.spans[sl.off : sl.off+sl.len] {
		out[i] = s.str(sp)
	}
	return out
}

// Lookup finds a code; code may be in any case, dotted or not. The Code is
// a fresh copy; hot paths use ID and Brief.
func (s *Set) Lookup(sys System, code string) (*Code, bool) {
	id, ok := s.ID(sys, code)
	if !ok {
		return nil, false
	}
	return s.Code(id), true
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

// IDs returns the codes of sys in official order. The slice must not be
// modified.
func (s *Set) IDs(sys System) []ID { return s.order[sys] }

// Len returns the number of codes of sys.
func (s *Set) Len(sys System) int { return len(s.order[sys]) }

// Codes returns fresh copies of the codes of sys in official order (it
// allocates every code: for loading and reporting, not per request).
func (s *Set) Codes(sys System) []*Code {
	ids := s.order[sys]
	out := make([]*Code, len(ids))
	for i, id := range ids {
		out[i] = s.Code(id)
	}
	return out
}

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

// Releases returns every release, sorted by system, then by date (a
// union of several ICD-10-CM releases lists each; see ICD10CMReleases).
func (s *Set) Releases() []Release {
	out := make([]Release, 0, len(s.releases)+len(s.editions))
	for _, r := range s.releases {
		if r.System != ICD10CM || len(s.editions) == 0 {
			out = append(out, r)
		}
	}
	for _, e := range s.editions {
		out = append(out, e.rel)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].System != out[j].System {
			return out[i].System < out[j].System
		}
		return out[i].Effective.Before(out[j].Effective)
	})
	return out
}

// Validate reports whether code is a billable code of sys valid on the date
// of service (a zero date means "any date the release covers").
func (s *Set) Validate(sys System, code string, dos time.Time) error {
	if sys == ICD10CM && len(s.editions) > 0 && !dos.IsZero() {
		v, err := s.On(dos)
		if err != nil {
			return err
		}
		return v.Validate(sys, code, dos)
	}
	id, ok := s.ID(sys, code)
	if !ok {
		return fmt.Errorf("corpus: %s code %q: %w", sys, code, ErrUnknownCode)
	}
	if r, ok := s.releases[sys]; ok && !r.Covers(dos) {
		return fmt.Errorf("corpus: %s release %s does not cover %s: %w", sys, r.Name, dos.Format("2006-01-02"), ErrNotCovered)
	}
	if h := s.Brief(id); !h.Billable {
		return fmt.Errorf("corpus: %s code %s is a header, not billable: %w", sys, h.Code, ErrNotBillable)
	}
	return nil
}

// Notes returns a fresh copy of the notes of id.
func (s *Set) Notes(id ID) Notes {
	var n Notes
	if !s.valid(id) || s.recs[id].notes < 0 {
		return n
	}
	r := &s.recs[id]
	for i, f := range notesFields(&n) {
		if r.nils&(nilNotes<<i) == 0 {
			*f = s.strings(s.notes[r.notes][i])
		}
	}
	return n
}
