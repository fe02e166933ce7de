package suggest

import "strings"

// The rules' regular expressions run over the whole note; most notes hold
// nothing they could match. The tests here are necessary conditions of a
// match, checked in one cheap pass, so that the expression runs only when
// it may match. Each names the part of its expression it relies on.

// digitThen reports whether s holds an ASCII digit followed, after any run
// of bytes from skip, by word (ASCII letters without other Unicode case
// folds, compared ignoring case).
func digitThen(s, skip, word string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte(skip, s[j]) >= 0 {
			j++
		}
		if len(s)-j >= len(word) && strings.EqualFold(s[j:j+len(word)], word) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds word (ASCII letters without other
// Unicode case folds), ignoring case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0]|0x20 && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// containsLower is strings.Contains(strings.ToLower(text), word) for a
// lower-case ASCII word, without the lower-cased copy of an ASCII text
// (on ASCII, ToLower is ASCII case folding: containsFold).
func containsLower(text, word string) bool {
	if isASCII(text) {
		return containsFold(text, word)
	}
	return strings.Contains(strings.ToLower(text), word)
}

// reSpace is RE2's \s.
const reSpace = "\t\n\f\r "
