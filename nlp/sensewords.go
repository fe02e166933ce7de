package nlp

// senseWords are the kinds of sense-gate words a form is, or a note holds
// (sense.go): each gate answers no at once for a note holding none of its
// words.
type senseWords uint8

const (
	senseVaccine    senseWords = 1 << iota // in vaccineAny (vaccineWords ⊆ vaccineAny)
	senseInstrument                        // in instrumentWords
	sensePregnancy                         // in pregnancyWords, or gravida-para shorthand
	// sensesKnown marks a Document whose senses Analyze found; a Document
	// built otherwise is scanned.
	sensesKnown
)

// senseWordsOf is what a normalised form opens.
func senseWordsOf(norm string) senseWords {
	var s senseWords
	if vaccineAny[norm] {
		s |= senseVaccine
	}
	if instrumentWords[norm] {
		s |= senseInstrument
	}
	if pregnancyWords[norm] || gravidaPara(norm) {
		s |= sensePregnancy
	}
	return s
}

// mayHold reports whether the note may hold words of kind s: false only
// when Analyze found it holds none.
func (d *Document) mayHold(s senseWords) bool {
	return d.senses&sensesKnown == 0 || d.senses&s != 0
}
