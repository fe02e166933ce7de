package suggest

import "medcode/index"

// nameCaps is what caseClash needs of a name beyond its text, found once
// per name: whether the name is ASCII, and its words (runs of ASCII
// letters and digits, as nameClashASCII splits them) of two bytes or more
// written in capitals ("PIN", "NOS").
type nameCaps struct {
	ascii bool
	caps  []string
}

// nameCapsOf reads name's capitals words (ix is unused: nameMemo's
// signature).
func nameCapsOf(_ *index.Index, name string) *nameCaps {
	c := &nameCaps{ascii: isASCII(name)}
	if !c.ascii {
		return c
	}
	for i := 0; i < len(name); {
		if !alnumASCII(name[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(name) && alnumASCII(name[j]) {
			j++
		}
		if w := name[i:j]; len(w) >= 2 && allCaps(w) {
			c.caps = append(c.caps, w)
		}
		i = j
	}
	return c
}

// nameClashCaps is nameClash(word, name), told by name's capitals words
// (nameCapsOf) that most ASCII words cannot clash: a word not in capitals
// clashes only with the first name word it is (sameASCII), when that one
// is in capitals, so a word that is none of the capitals words does not;
// the rest are read as nameClash reads them (TestNameClashCaps).
func nameClashCaps(word, name string, c *nameCaps) bool {
	if c.ascii && word != "" && isASCII(word) && !capsWord(word) {
		for _, w := range c.caps {
			if sameASCII(word, w) {
				return nameClashASCII(word, name)
			}
		}
		return false
	}
	return nameClash(word, name)
}
