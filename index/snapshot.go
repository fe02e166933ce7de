package index

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"medcode/corpus"
	"medcode/nlp"
)

// Snapshot format: magic, format version, then length-prefixed sections.
//
//	"MEDCODEIX\n" | uvarint version | string analysisHash | string nlpOptionsJSON
//	uvarint nCodes  { byte system | string code }
//	uvarint nTerms  { string stem }                     (sorted)
//	uvarint nNames  { uvarint code | byte kind | string text | uvarint n { uvarint termID } }
//
// Strings are uvarint length + bytes. Weights, postings and norms are
// derived at load.
const (
	snapshotMagic   = "MEDCODEIX\n"
	snapshotVersion = 1
)

// ErrSnapshot is wrapped by every snapshot read error.
var ErrSnapshot = errors.New("index snapshot")

var systemByte = map[corpus.System]byte{corpus.ICD10CM: 1, corpus.CPT: 2, corpus.HCPCS: 3}

// byteSystem inverts systemByte.
var byteSystem = [...]corpus.System{1: corpus.ICD10CM, 2: corpus.CPT, 3: corpus.HCPCS}

// WriteFile writes the index snapshot to path atomically.
func (ix *Index) WriteFile(path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := ix.Write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("index: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// Write encodes the index snapshot.
func (ix *Index) Write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	opts, err := json.Marshal(ix.nlpOpts)
	if err != nil {
		return fmt.Errorf("index: encode analysis options: %w", err)
	}
	buf = append(buf, snapshotMagic...)
	buf = binary.AppendUvarint(buf, snapshotVersion)
	str(ix.hash)
	str(string(opts))
	buf = binary.AppendUvarint(buf, uint64(len(ix.codes)))
	for _, c := range ix.codes {
		buf = append(buf, c.sys)
		str(ix.str(c.code))
	}
	buf = binary.AppendUvarint(buf, uint64(len(ix.termStr)))
	for _, t := range ix.termStr {
		str(ix.str(t))
	}
	buf = binary.AppendUvarint(buf, uint64(len(ix.names)))
	var terms []uint32
	for i := range ix.names {
		n := &ix.names[i]
		buf = binary.AppendUvarint(buf, uint64(n.code))
		buf = append(buf, byte(n.kind))
		str(ix.nameText(n))
		buf = binary.AppendUvarint(buf, uint64(n.nterm))
		terms = ix.appendTerms(terms[:0], n)
		for _, t := range terms {
			buf = binary.AppendUvarint(buf, uint64(t))
		}
		if len(buf) > 1<<16 {
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("index: write snapshot: %w", err)
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return fmt.Errorf("index: write snapshot: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("index: write snapshot: %w", err)
	}
	return nil
}

// ReadFile loads a snapshot written by WriteFile.
func ReadFile(path string) (*Index, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	ix, err := Read(b)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return ix, nil
}

// Read decodes a snapshot. It fails with an error wrapping ErrSnapshot when
// the bytes are not a snapshot, are of another format version, are
// truncated, or were built with another analysis than this binary's.
func Read(b []byte) (*Index, error) {
	d := decoder{b: b}
	if len(b) < len(snapshotMagic) || string(b[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("index: %w: not a medcode index snapshot", ErrSnapshot)
	}
	d.off = len(snapshotMagic)
	if v := d.uvarint(); v != snapshotVersion {
		return nil, fmt.Errorf("index: %w: format version %d, this binary reads %d; rebuild with `medcode index build`", ErrSnapshot, v, snapshotVersion)
	}
	ix := &Index{hash: d.str()}
	if err := json.Unmarshal([]byte(d.str()), &ix.nlpOpts); err != nil && d.err == nil {
		return nil, fmt.Errorf("index: %w: analysis options: %v", ErrSnapshot, err)
	}
	if d.err != nil {
		return nil, d.err
	}
	pipe, err := nlp.New(ix.nlpOpts)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if pipe.Hash() != ix.hash {
		return nil, fmt.Errorf("index: %w: built with analysis %s, this binary analyses as %s; rebuild with `medcode index build`", ErrSnapshot, short(ix.hash), short(pipe.Hash()))
	}
	ix.pipe = pipe
	var ab arenaBuilder
	nc := d.count()
	ix.codes = make([]codeEntry, 0, nc)
	for i := 0; i < nc && d.err == nil; i++ {
		sb := d.byte()
		if (int(sb) >= len(byteSystem) || byteSystem[sb] == "") && d.err == nil {
			d.err = fmt.Errorf("index: %w: bad system byte %d at offset %d", ErrSnapshot, sb, d.off)
		}
		ix.codes = append(ix.codes, codeEntry{sys: sb, code: d.span(&ab)})
	}
	nt := d.count()
	ix.termStr = make([]span, 0, nt)
	for i := 0; i < nt && d.err == nil; i++ {
		ix.termStr = append(ix.termStr, d.span(&ab))
	}
	nn := d.count()
	ix.names = make([]name, 0, nn)
	for i := 0; i < nn && d.err == nil; i++ {
		var n name
		n.code = int32(d.uvarint())
		n.kind = corpus.NameKind(d.byte())
		n.text = d.span(&ab)
		k := d.count()
		if k > maxNameTerms && d.err == nil {
			d.err = fmt.Errorf("index: %w: a name of %d terms, more than %d", ErrSnapshot, k, maxNameTerms)
		}
		n.terms, n.nterm = uint32(len(ix.nameTerm)), uint16(k)
		for j := 0; j < k && d.err == nil; j++ {
			t := d.uvarint()
			if t >= uint64(nt) && d.err == nil {
				d.err = fmt.Errorf("index: %w: term id %d out of range", ErrSnapshot, t)
			}
			ix.nameTerm = append(ix.nameTerm, uint32(t))
		}
		if int(n.code) >= len(ix.codes) && d.err == nil {
			d.err = fmt.Errorf("index: %w: code id %d out of range", ErrSnapshot, n.code)
		}
		ix.names = append(ix.names, n)
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.off != len(b) {
		return nil, fmt.Errorf("index: %w: %d trailing bytes", ErrSnapshot, len(b)-d.off)
	}
	ix.arena = string(ab.b)
	ix.finish()
	return ix, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// decoder reads snapshot primitives, remembering the first error.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("index: %w: truncated at offset %d", ErrSnapshot, d.off)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.off += n
	return v
}

// count reads a length and checks it against the bytes left.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)-d.off) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.b) {
		d.fail()
		return 0
	}
	c := d.b[d.off]
	d.off++
	return c
}

// span reads a string into the arena.
func (d *decoder) span(ab *arenaBuilder) span {
	n := d.count()
	if d.err != nil {
		return span{}
	}
	sp := span{off: uint32(len(ab.b)), len: uint32(n)}
	ab.b = append(ab.b, d.b[d.off:d.off+n]...)
	d.off += n
	return sp
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[d.off : d.off+n])
	d.off += n
	return s
}
