package suggest

import "strings"

// strList is a list of strings laid end to end in one string, with each
// one's end. A per-code memo that keeps many short strings keeps them as
// one strList instead: the collector follows two pointers (the text and
// the ends, neither holding pointers) rather than one per string, and a
// copied string is one allocation, not one each.
type strList struct {
	text string
	ends []uint32
}

// packStrings lays ss end to end.
func packStrings(ss []string) strList {
	if len(ss) == 0 {
		return strList{}
	}
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	var sb strings.Builder
	sb.Grow(n)
	ends := make([]uint32, len(ss))
	for i, s := range ss {
		sb.WriteString(s)
		ends[i] = uint32(sb.Len())
	}
	return strList{text: sb.String(), ends: ends}
}

// len is the number of strings.
func (l *strList) len() int { return len(l.ends) }

// at is the i-th string.
func (l *strList) at(i int) string {
	lo := uint32(0)
	if i > 0 {
		lo = l.ends[i-1]
	}
	return l.text[lo:l.ends[i]]
}
