package suggest

import "strings"

// rowWords are the words of a chosen seventh-character row as
// seventhWords matches tokens against them, with the first bytes of the
// words: a token whose Norm starts with none of them (most of a
// sentence's) equals no word, in either form, without a string compare.
type rowWords struct {
	words []string
	first [4]uint64 // bit b: a word starts with byte b
	empty bool      // a word is "": the first bytes decide nothing
}

// newRowWords indexes words' first bytes.
func newRowWords(words []string) rowWords {
	rw := rowWords{words: words}
	for _, w := range words {
		if w == "" {
			rw.empty = true
			continue
		}
		rw.first[w[0]>>6] |= 1 << (w[0] & 63)
	}
	return rw
}

// says reports whether norm, or norm without a final "s", is one of the
// words (inRowPlain's verdict): both forms start with norm's first byte
// when they are not empty, and no word is empty unless rw.empty.
func (rw *rowWords) says(norm string) bool {
	if !rw.empty && (norm == "" || rw.first[norm[0]>>6]&(1<<(norm[0]&63)) == 0) {
		return false
	}
	for _, w := range rw.words {
		if norm == w || strings.TrimSuffix(norm, "s") == w {
			return true
		}
	}
	return false
}
