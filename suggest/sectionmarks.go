package suggest

import "medcode/nlp"

// sectionMarks holds, for each section of a note, one bit per rule table
// (historySections, takenUp, presenting, onTheWay, laterSections) that
// holds the section's kind, and markKnown when the section has a kind at
// all. The rules that test every mention of every recommended candidate
// (unaddressed, unconcluded, laterEncounters) then read a byte by the
// mention's section instead of hashing the section's name in a map once
// per mention and table. A section's marks are read from the tables when
// a mention first asks for them: most of a note's sections hold no
// recommended candidate's mention.
type sectionMarks struct {
	doc    *nlp.Document
	tables [3]map[nlp.SectionKind]bool
	marks  []uint8 // markUnread until asked
}

// The bits of sectionMarks beyond the tables' own.
const (
	markKnown  uint8 = 1 << 7 // sectionKind is not ""
	markUnread uint8 = 1 << 6 // the tables are not read yet
)

// newSectionMarks returns the marks of doc's sections, bit i of a
// section's marks set when tables[i] holds its kind (at most three
// tables), in buf's storage when it is long enough.
func newSectionMarks(doc *nlp.Document, buf []uint8, tables ...map[nlp.SectionKind]bool) sectionMarks {
	s := sectionMarks{doc: doc, marks: buf[:0]}
	copy(s.tables[:], tables)
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
		m = 0
		if kind != "" {
			m = markKnown
		}
		for i, t := range s.tables {
			if t[kind] {
				m |= 1 << i
			}
		}
		s.marks[sec] = m
	}
	return m
}

// everyMentionMarked reports whether every mention of c lies in a section
// whose marks masked by mask are want, reading each mention in place (a
// mention is ~170 bytes).
func everyMentionMarked(c *candidate, marks *sectionMarks, mask, want uint8) bool {
	for i := range c.mentions {
		if marks.of(c.mentions[i].section)&mask != want {
			return false
		}
	}
	return true
}
