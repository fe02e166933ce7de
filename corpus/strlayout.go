package corpus

import (
	"slices"
	"strings"
)

// layoutStrings lays distinct strings out in one blob for the load
// cache, whose string table becomes a Set's arena: a string that is a
// prefix or a suffix of a longer one takes no bytes of its own but is
// the span of the longer one's bytes it repeats ("Fracture, femur" of
// "Fracture, femur, neck"). The others follow each other in the order
// given, which keeps a code's strings together. It returns the blob and
// each string's span in it, by position in list.
//
// Sorting finds the covering strings: a string that is a prefix of
// another is one of the next in order, and a suffix one of the next in
// order of the reversed strings. A covering string is longer, so
// following the chain of covers ends.
func layoutStrings(list []string) ([]byte, []span) {
	type cover struct {
		by  int32 // index of the longer string, -1 for none
		pos uint32
	}
	covers := make([]cover, len(list))
	for i := range covers {
		covers[i].by = -1
	}
	order := make([]int32, len(list))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(list[a], list[b]) })
	for k := len(order) - 2; k >= 0; k-- {
		a, b := order[k], order[k+1]
		if len(list[a]) < len(list[b]) && strings.HasPrefix(list[b], list[a]) {
			covers[a] = cover{by: b}
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return compareReversed(list[a], list[b]) })
	for k := len(order) - 2; k >= 0; k-- {
		a, b := order[k], order[k+1]
		if covers[a].by < 0 && len(list[a]) < len(list[b]) && strings.HasSuffix(list[b], list[a]) {
			covers[a] = cover{by: b, pos: uint32(len(list[b]) - len(list[a]))}
		}
	}
	size := 0
	for i, s := range list {
		if covers[i].by < 0 {
			size += len(s)
		}
	}
	blob := make([]byte, 0, size)
	spans := make([]span, len(list))
	placed := make([]bool, len(list))
	for i, s := range list {
		if covers[i].by < 0 {
			spans[i] = span{uint32(len(blob)), uint32(len(s))}
			placed[i] = true
			blob = append(blob, s...)
		}
	}
	var chain []int32
	for i := range list {
		// Walk up to a placed string, then down again giving each its
		// span within the one covering it.
		chain = chain[:0]
		for j := int32(i); !placed[j]; j = covers[j].by {
			chain = append(chain, j)
		}
		for k := len(chain) - 1; k >= 0; k-- {
			j := chain[k]
			up := spans[covers[j].by]
			spans[j] = span{up.off + covers[j].pos, uint32(len(list[j]))}
			placed[j] = true
		}
	}
	return blob, spans
}

// compareReversed orders strings as strings.Compare orders their
// reversed bytes.
func compareReversed(a, b string) int {
	i, j := len(a)-1, len(b)-1
	for ; i >= 0 && j >= 0; i, j = i-1, j-1 {
		if a[i] != b[j] {
			if a[i] < b[j] {
				return -1
			}
			return 1
		}
	}
	switch {
	case i < 0 && j < 0:
		return 0
	case i < 0:
		return -1
	}
	return 1
}
