package corpus

import (
	"encoding/binary"
	"math"
	"slices"
	"time"
	"unsafe"
)

// cacheEncoder writes releases and codes for the load cache (see
// cache.go). Strings are interned into a table; a slice is written as
// its length plus one, 0 standing for nil, so that a decoded Code is
// deeply equal to the one encoded.
type cacheEncoder struct {
	exts map[extKey]uint64 // seventh-character tables written so far
	strs map[string]uint32
	list []string
	body []byte
}

func (e *cacheEncoder) uvarint(v uint64) { e.body = binary.AppendUvarint(e.body, v) }

func (e *cacheEncoder) str(s string) {
	i, ok := e.strs[s]
	if !ok {
		i = uint32(len(e.list))
		e.strs[s] = i
		e.list = append(e.list, s)
	}
	e.uvarint(uint64(i))
}

// count writes the length of a slice that may be nil.
func (e *cacheEncoder) count(n int, isNil bool) {
	if isNil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(n) + 1)
}

func (e *cacheEncoder) strSlice(ss []string) {
	e.count(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *cacheEncoder) time(t time.Time) error {
	if t == (time.Time{}) {
		e.uvarint(0)
		return nil
	}
	b, err := t.MarshalBinary()
	if err != nil {
		return err
	}
	e.uvarint(uint64(len(b)))
	e.body = append(e.body, b...)
	return nil
}

// extKey identifies a seventh-character table shared by many codes.
type extKey struct {
	first *Extension
	n     int
}

// sevenChr writes a seventh-character table: 0 for nil, 1 and the table
// the first time it is seen, else 2 plus the number of the earlier table
// it shares its backing array with (so decoded codes share it too).
func (e *cacheEncoder) sevenChr(x []Extension) {
	switch {
	case x == nil:
		e.uvarint(0)
		return
	case len(x) > 0:
		k := extKey{&x[0], len(x)}
		if id, ok := e.exts[k]; ok {
			e.uvarint(id + 2)
			return
		}
		if e.exts == nil {
			e.exts = map[extKey]uint64{}
		}
		e.exts[k] = uint64(len(e.exts))
	}
	e.uvarint(1)
	e.uvarint(uint64(len(x)))
	for _, x := range x {
		e.str(x.Char)
		e.str(x.Text)
	}
}

func (e *cacheEncoder) releases(rels []Release) error {
	e.count(len(rels), rels == nil)
	for _, r := range rels {
		e.str(string(r.System))
		e.str(r.Name)
		if err := e.time(r.Effective); err != nil {
			return err
		}
		if err := e.time(r.Expires); err != nil {
			return err
		}
		e.str(r.Source)
		e.uvarint(uint64(r.Codes))
		e.uvarint(uint64(r.Billable))
		e.strSlice(r.Supplements)
	}
	return nil
}

const (
	flagBillable = 1 << iota
	flagModifier
)

func (e *cacheEncoder) codes(codes []*Code) error {
	e.uvarint(uint64(len(codes)))
	for _, c := range codes {
		e.str(string(c.System))
		e.str(c.Code)
		e.str(c.Display)
		e.str(c.Short)
		var flags uint64
		if c.Billable {
			flags |= flagBillable
		}
		if c.Modifier {
			flags |= flagModifier
		}
		e.uvarint(flags)
		e.str(c.Parent)
		e.strSlice(c.Children)
		e.str(c.Chapter)
		e.count(len(c.Names), c.Names == nil)
		for _, n := range c.Names {
			e.str(n.Text)
			e.uvarint(uint64(n.Kind))
		}
		for _, ss := range [...][]string{c.Notes.Includes, c.Notes.Excludes1, c.Notes.Excludes2, c.Notes.CodeFirst,
			c.Notes.UseAdditional, c.Notes.CodeAlso, c.Notes.Notes, c.Notes.SevenChrNote} {
			e.strSlice(ss)
		}
		e.sevenChr(c.SevenChr)
		if err := e.time(c.Added); err != nil {
			return err
		}
		if err := e.time(c.Terminated); err != nil {
			return err
		}
	}
	return nil
}

// memberships writes which ICD-10-CM codes each release of a union holds:
// per release its name, the number of codes, two bits per code (present,
// billable) and the titles that differ from the union's by position.
func (e *cacheEncoder) memberships(ms []membership) {
	e.count(len(ms), ms == nil)
	for _, m := range ms {
		e.str(m.release)
		e.uvarint(uint64(len(m.present)))
		bits := make([]byte, (2*len(m.present)+7)/8)
		for j := range m.present {
			if m.present[j] {
				bits[(2*j)/8] |= 1 << ((2 * j) % 8)
			}
			if m.billable[j] {
				bits[(2*j+1)/8] |= 1 << ((2*j + 1) % 8)
			}
		}
		e.uvarint(uint64(len(bits)))
		e.body = append(e.body, bits...)
		pos := make([]int, 0, len(m.titles))
		for p := range m.titles {
			pos = append(pos, p)
		}
		slices.Sort(pos)
		e.uvarint(uint64(len(pos)))
		for _, p := range pos {
			e.uvarint(uint64(p))
			e.str(m.titles[p])
		}
	}
}

// cacheDecoder reads what cacheEncoder wrote, straight into a Set: the
// string table becomes the Set's arena. The first error sticks; every
// count is checked against the bytes left, so corrupt input costs memory
// in proportion to its size and never panics.
type cacheDecoder struct {
	b    []byte
	blob string // the string table's bytes
	// inPlace: blob is read from b itself, not copied (decodeCache).
	inPlace bool
	strs    []span // the string table, in blob
	exts    []slab // seventh-character tables in order of appearance, in Set.ext
	err     error
}

// sevenChr reads a seventh-character table into s.ext; nil reports a nil
// table.
func (d *cacheDecoder) sevenChr(s *Set) (slab, bool) {
	switch v := d.uvarint(); {
	case v == 0 || d.err != nil:
		return slab{}, false
	case v >= 2:
		if v-2 >= uint64(len(d.exts)) {
			d.fail()
			return slab{}, false
		}
		return d.exts[v-2], true
	}
	n := d.n()
	sl := slab{uint32(len(s.ext)), uint32(n)}
	for range n {
		char := d.str()
		s.ext = append(s.ext, Extension{Char: char, Text: d.str()})
	}
	if n > 0 {
		d.exts = append(d.exts, sl)
	}
	return sl, true
}

func (d *cacheDecoder) fail() {
	if d.err == nil {
		d.err = errBadCache
	}
	d.b = nil
}

func (d *cacheDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// n reads a count of items taking at least one byte each.
func (d *cacheDecoder) n() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(v)
}

// count reads a slice length written by cacheEncoder.count: -1 for nil.
func (d *cacheDecoder) count() int {
	v := d.uvarint()
	if v == 0 {
		return -1
	}
	if v-1 > uint64(len(d.b)) {
		d.fail()
		return -1
	}
	return int(v - 1)
}

// stringTable reads the strings' spans and the blob they are spans of,
// which becomes the Set's arena.
func (d *cacheDecoder) stringTable() {
	n := d.n()
	size := d.uvarint()
	if d.err != nil || size > math.MaxUint32 {
		d.fail()
		return
	}
	d.strs = make([]span, n)
	for i := range d.strs {
		off, l := d.uvarint(), d.uvarint()
		if d.err != nil || off > size || l > size-off {
			d.fail()
			return
		}
		d.strs[i] = span{uint32(off), uint32(l)}
	}
	if size > uint64(len(d.b)) {
		d.fail()
		return
	}
	if d.inPlace && size > 0 {
		d.blob = unsafe.String(&d.b[0], int(size)) // b never changes (decodeCache)
	} else {
		d.blob = string(d.b[:size])
	}
	d.b = d.b[size:]
}

// span reads a string as an index into the table.
func (d *cacheDecoder) span() span {
	i := d.uvarint()
	if i >= uint64(len(d.strs)) {
		d.fail()
		return span{}
	}
	return d.strs[i]
}

func (d *cacheDecoder) str() string {
	sp := d.span()
	return d.blob[sp.off : sp.off+sp.len]
}

// spans reads a string slice into *to; false reports a nil slice.
func (d *cacheDecoder) spans(to *[]span) (slab, bool) {
	n := d.count()
	if n < 0 {
		return slab{}, false
	}
	sl := slab{uint32(len(*to)), uint32(n)}
	for range n {
		*to = append(*to, d.span())
	}
	return sl, true
}

func (d *cacheDecoder) strSlice() []string {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *cacheDecoder) time() time.Time {
	n := d.uvarint()
	if n == 0 {
		return time.Time{}
	}
	if n > uint64(len(d.b)) {
		d.fail()
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalBinary(d.b[:n]); err != nil {
		d.fail()
		return time.Time{}
	}
	d.b = d.b[n:]
	return t
}

func (d *cacheDecoder) releases() []Release {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]Release, n)
	for i := range out {
		r := &out[i]
		r.System = System(d.str())
		r.Name = d.str()
		r.Effective = d.time()
		r.Expires = d.time()
		r.Source = d.str()
		r.Codes = int(d.uvarint())
		r.Billable = int(d.uvarint())
		r.Supplements = d.strSlice()
	}
	return out
}

// set reads the codes into a Set with rels.
func (d *cacheDecoder) set(rels []Release) *Set {
	n := d.n()
	if d.err != nil {
		return nil
	}
	s := &Set{arena: d.blob, recs: make([]record, 1, n+1)}
	children := childList{runs: make([]slab, 1, n+1)}
	sysOf := map[string]uint8{}
	for range n {
		var r record
		sys := d.str()
		k, ok := sysOf[sys]
		if !ok {
			if len(s.systems) == math.MaxUint8 {
				d.fail()
				return nil
			}
			k = uint8(len(s.systems))
			sysOf[sys] = k
			s.systems = append(s.systems, System(sys))
		}
		r.sys = k
		r.code, r.display, r.short = d.span(), d.span(), d.span()
		r.flags = uint8(d.uvarint() & (flagBillable | flagModifier))
		r.parent = d.span()
		run, ok := d.spans(&children.spans)
		if !ok {
			r.nils |= nilChildren
		}
		r.chapter = d.span()
		if k := d.count(); k < 0 {
			r.nils |= nilNames
		} else {
			r.names = slab{uint32(len(s.names)), 0}
			for i := range k {
				text := d.span()
				kind := d.uvarint()
				if kind > math.MaxUint8 {
					d.fail()
				}
				if i == 0 && titleFirst(&r, text, NameKind(kind)) {
					r.nils |= namesTitled
					continue
				}
				s.names = append(s.names, text)
				s.kinds = append(s.kinds, NameKind(kind))
				r.names.len++
			}
		}
		var notes [8]slab
		for i := range notes {
			if notes[i], ok = d.spans(&s.spans); !ok {
				r.nils |= nilNotes << i
			}
		}
		if r.sevenChr, ok = d.sevenChr(s); !ok {
			r.nils |= nilSevenChr
		}
		added, term := d.time(), d.time()
		if d.err != nil {
			return nil
		}
		s.file(r, &notes, added, term)
		children.runs = append(children.runs, run)
	}
	ms := d.memberships()
	if d.err != nil {
		return nil
	}
	s.finish(rels, ms, &children)
	return s
}

// memberships reads what cacheEncoder.memberships wrote.
func (d *cacheDecoder) memberships() []membership {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]membership, n)
	for i := range out {
		m := &out[i]
		m.release = d.str()
		size64 := d.uvarint()
		bits := d.n()
		size := int(size64)
		if d.err != nil || size64 > uint64(4*len(d.b)) || bits != (2*size+7)/8 {
			d.fail()
			return nil
		}
		m.present, m.billable = make([]bool, size), make([]bool, size)
		for j := range size {
			m.present[j] = d.b[(2*j)/8]&(1<<((2*j)%8)) != 0
			m.billable[j] = d.b[(2*j+1)/8]&(1<<((2*j+1)%8)) != 0
		}
		d.b = d.b[bits:]
		k := d.n()
		for range k {
			pos := d.uvarint()
			t := d.str()
			if d.err != nil || pos >= uint64(size) {
				d.fail()
				return nil
			}
			if m.titles == nil {
				m.titles = map[int]string{}
			}
			m.titles[int(pos)] = t
		}
	}
	return out
}
