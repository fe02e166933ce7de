package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
)

// seventhRows is what seventhChoice reads of a stem's seventh-character
// rows, none of which depends on the note: the rows, each row's meaning
// words, per word whether it is a side and whether saying it documents
// the row (the stem's title does not hold it and not every row does), the
// rows that tie-break low ("unspecified", "not applicable"), the
// encounter each row starts with, and whether a row names a nonunion
// (healing.go).
type seventhRows struct {
	ext      []corpus.Extension
	words    [][]string
	distinct [][]bool
	side     [][]bool
	low      []bool
	starts   []encounterBit
	nonunion bool
	// vocab are the rows' distinct words and wid each row word's index
	// in vocab, so seventhChoice asks the note about each word once; gid
	// is each vocab word's number in the sentenceRanges' seventh
	// vocabulary (seventhvocab.go).
	vocab []string
	wid   [][]uint16
	gid   []uint16
	// last is, per row, the last row of its character (seventhWords
	// marks that row's words).
	last []int
	// masked rows have bit sets over vocab (seventhmask.go): mask per
	// row, its words; sideMask the side words, distinctMask the words
	// whose saying documents a row.
	masked       bool
	mask         []uint64
	sideMask     uint64
	distinctMask uint64
	// class numbers the rows' content as seventhChoice and seventhWords
	// read it (characters, words and their flags): stems of one class
	// choose alike from the same sentences (-1: no class).
	class int32
}

// encounterBit is the encounter a row's meaning starts with.
type encounterBit uint8

const (
	startsInitial encounterBit = 1 << iota
	startsSubsequent
	startsSequela
)

// encounterStart returns the bit of encounter ("initial", "subsequent",
// "sequela") and the words a row starts with to state it; 0 for another.
func encounterStart(encounter string) (encounterBit, string) {
	switch encounter {
	case "initial":
		return startsInitial, "initial encounter"
	case "subsequent":
		return startsSubsequent, "subsequent encounter"
	case "sequela":
		return startsSequela, "sequela"
	}
	return 0, ""
}

// seventhCache holds stems' seventhRows, and the classes of their
// contents by signature (rowsSignature).
type seventhCache struct {
	by      map[corpus.ID]*seventhRows
	classes map[string]int32
}

// maxSeventhRows bounds the stems whose rows a sentenceRanges keeps.
const maxSeventhRows = 4096

// seventhRowsOf returns stem's rows, read once and kept in sr (across
// notes, for up to maxSeventhRows stems).
func (r *sentenceRanges) seventhRowsOf(set *corpus.Set, stem corpus.ID) *seventhRows {
	if sr, ok := r.rows.by[stem]; ok {
		return sr
	}
	sr := r.readSeventhRows(set, stem)
	sr.class = -1
	if len(r.rows.by) < maxSeventhRows {
		if r.rows.by == nil {
			r.rows.by, r.rows.classes = map[corpus.ID]*seventhRows{}, map[string]int32{}
		}
		r.rows.by[stem] = sr
		sig := sr.signature()
		k, ok := r.rows.classes[sig]
		if !ok {
			k = int32(len(r.rows.classes))
			r.rows.classes[sig] = k
		}
		sr.class = k
	}
	return sr
}

// signature writes out what seventhChoice and seventhWords read of the
// rows: each row's character, tie-break and encounter, and its words
// with their flags (vocab, wid and gid follow from the words).
func (sr *seventhRows) signature() string {
	var b strings.Builder
	if sr.nonunion {
		b.WriteByte('n')
	}
	for i, x := range sr.ext {
		b.WriteByte(0)
		b.WriteString(x.Char)
		b.WriteByte(1)
		if sr.low[i] {
			b.WriteByte('l')
		}
		b.WriteByte('0' + byte(sr.starts[i]))
		for j, w := range sr.words[i] {
			b.WriteByte(2)
			b.WriteString(w)
			b.WriteByte(3)
			if sr.distinct[i][j] {
				b.WriteByte('d')
			}
			if sr.side[i][j] {
				b.WriteByte('s')
			}
		}
	}
	return b.String()
}

// readSeventhRows reads stem's rows (see seventhRows).
func (r *sentenceRanges) readSeventhRows(set *corpus.Set, stem corpus.ID) *seventhRows {
	ext := meanings(set, stem)
	sr := &seventhRows{ext: ext}
	for _, x := range ext {
		sr.words = append(sr.words, r.meaningWords(x.Text))
	}
	// rows counts the rows whose meaning holds w.
	rows := func(w string) int {
		n := 0
		for _, words := range sr.words {
			if slices.Contains(words, w) {
				n++
			}
		}
		return n
	}
	// The stem's own title words ("fracture") are said for the diagnosis,
	// not for the encounter.
	title := strings.ToLower(set.Brief(stem).Display)
	for i, x := range ext {
		var d, s []bool
		for _, w := range sr.words[i] {
			d = append(d, !strings.Contains(title, w) && rows(w) < len(ext))
			s = append(s, sideWord(w))
		}
		sr.distinct, sr.side = append(sr.distinct, d), append(sr.side, s)
		sr.low = append(sr.low, strings.Contains(x.Text, "nspecified") || strings.Contains(x.Text, "ot applicable"))
		var st encounterBit
		for _, enc := range []string{"initial", "subsequent", "sequela"} {
			bit, want := encounterStart(enc)
			if len(x.Text) >= len(want) && strings.EqualFold(x.Text[:len(want)], want) {
				st |= bit
			}
		}
		sr.starts = append(sr.starts, st)
		sr.nonunion = sr.nonunion || slices.Contains(sr.words[i], "nonunion")
	}
	for _, words := range sr.words {
		ids := make([]uint16, len(words))
		for j, w := range words {
			k := slices.Index(sr.vocab, w)
			if k < 0 {
				k = len(sr.vocab)
				sr.vocab = append(sr.vocab, w)
			}
			ids[j] = uint16(k)
		}
		sr.wid = append(sr.wid, ids)
	}
	for _, w := range sr.vocab {
		sr.gid = append(sr.gid, r.sevenWord(w))
	}
	for i, x := range ext {
		sr.last = append(sr.last, i)
		for j := range ext[i+1:] {
			if ext[i+1+j].Char == x.Char {
				sr.last[i] = i + 1 + j
			}
		}
	}
	sr.setMasks()
	return sr
}

// holds reports whether a token of word numbers p (sevenWords) is one of
// the words ids (indices into sr.vocab).
func (sr *seventhRows) holds(ids []uint16, p sevenPair) bool {
	for _, k := range ids {
		if g := sr.gid[k]; g == p[0] || g == p[1] {
			return true
		}
	}
	return false
}
