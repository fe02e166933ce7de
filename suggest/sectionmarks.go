package suggest

import "medcode/nlp"

// sectionMarks holds, for each section of a note, one bit per rule table
// (historySections, laterSections, takenUp, presenting, onTheWay) that
// holds the section's kind, and markKnown when the section has a kind at
// all. The rules that test every mention of every recommended candidate
// (unaddressed, unconcluded, laterEncounters) then read a byte by the
// mention's section instead of hashing the section's name in a map once
// per mention and table. A section's marks are read when a mention first
// asks for them, with one lookup of its kind in the engine's sectionBits
// for all the tables: most of a note's sections hold no recommended
// candidate's mention, and the rules share one sectionMarks a note.
type sectionMarks struct {
	doc   *nlp.Document
	bits  map[nlp.SectionKind]uint8 // sectionBitsOf
	marks []uint8                   // markUnread until asked
}

// The bits of sectionMarks: one per table, and two beyond the tables'.
const (
	markHistory    uint8 = 1 << iota // historySections
	markLater                        // laterSections
	markTakenUp                      // takenUp
	markPresenting                   // presenting
	markOnTheWay                     // onTheWay

	markKnown  uint8 = 1 << 7 // sectionKind is not ""
	markUnread uint8 = 1 << 6 // the tables are not read yet
)

// sectionBitsOf returns, for each kind a rule table holds, the marks of
// the tables holding it (Engine.sectionBits).
func sectionBitsOf() map[nlp.SectionKind]uint8 {
	bits := map[nlp.SectionKind]uint8{}
	for _, t := range [...]struct {
		table map[nlp.SectionKind]bool
		bit   uint8
	}{{historySections, markHistory}, {laterSections, markLater}, {takenUp, markTakenUp}, {presenting, markPresenting}, {onTheWay, markOnTheWay}} {
		for k, in := range t.table {
			if in {
				bits[k] |= t.bit
			}
		}
	}
	return bits
}

// newSectionMarks returns the marks of doc's sections by bits
// (sectionBitsOf), in buf's storage when it is long enough.
func newSectionMarks(doc *nlp.Document, buf []uint8, bits map[nlp.SectionKind]uint8) sectionMarks {
	s := sectionMarks{doc: doc, bits: bits, marks: buf[:0]}
	for range doc.Sections {
		s.marks = append(s.marks, markUnread)
	}
	return s
}

// of returns the marks of section sec, none for a section the note does
// not have (sectionKind's "").
func (s *sectionMarks) of(sec int) uint8 {
	if uint(sec) >= uint(len(s.marks)) {
		return 0
	}
	m := s.marks[sec]
	if m&markUnread != 0 {
		kind := s.doc.Sections[sec].Kind
		m = s.bits[kind]
		if kind != "" {
			m |= markKnown
		}
		s.marks[sec] = m
	}
	return m
}

// everyMentionMarked reports whether every mention of c lies in a section
// whose marks masked by mask are want, reading each mention in place (a
// mention is 160 bytes).
func everyMentionMarked(c *candidate, marks *sectionMarks, mask, want uint8) bool {
	for i := range c.mentions {
		if marks.of(c.mentions[i].section)&mask != want {
			return false
		}
	}
	return true
}
