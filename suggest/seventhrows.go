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

// seventhCache holds stems' seventhRows.
type seventhCache map[corpus.ID]*seventhRows

// maxSeventhRows bounds the stems whose rows a sentenceRanges keeps.
const maxSeventhRows = 4096

// seventhRowsOf returns stem's rows, read once and kept in sr (across
// notes, for up to maxSeventhRows stems).
func (r *sentenceRanges) seventhRowsOf(set *corpus.Set, stem corpus.ID) *seventhRows {
	if sr, ok := r.rows[stem]; ok {
		return sr
	}
	sr := r.readSeventhRows(set, stem)
	if len(r.rows) < maxSeventhRows {
		if r.rows == nil {
			r.rows = seventhCache{}
		}
		r.rows[stem] = sr
	}
	return sr
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
	return sr
}
