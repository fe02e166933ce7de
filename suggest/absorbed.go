package suggest

// absorbedCodes are the codes the combination and sequela rules code in
// another (a combination or sequela code), each with the code absorbing
// it, the last one set. They are a few a note and every suggestion of the
// result is looked up: a short list compared in place costs less than a
// map's hashing.
type absorbedCodes []absorbedCode

// absorbedCode is one absorbed code and the code absorbing it.
type absorbedCode struct{ code, by string }

// set records that by absorbs code, in place of an earlier code absorbing
// it.
func (a *absorbedCodes) set(code, by string) {
	for i := range *a {
		if (*a)[i].code == code {
			(*a)[i].by = by
			return
		}
	}
	*a = append(*a, absorbedCode{code, by})
}

// by returns the code absorbing code, and whether one does.
func (a absorbedCodes) by(code string) (string, bool) {
	for _, x := range a {
		if x.code == code {
			return x.by, true
		}
	}
	return "", false
}
