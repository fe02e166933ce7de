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
	// senseVaccineWord and senseVaccineLink are a token's only (senseAt):
	// a Document's senses hold the gates' bits above.
	senseVaccineWord // in vaccineWords (VaccineTarget's words after and before a span)
	senseVaccineLink // in vaccineLinks
	// senseAttribute marks a word of attributes' switch
	// (attributeWords): makeTerms lists the terms of such words, the only
	// ones attributes reads.
	senseAttribute
	// senseGates are the bits a Document's senses hold of its tokens'.
	senseGates = senseVaccine | senseInstrument | sensePregnancy
)

// senseWordsOf is what a normalised form opens.
func senseWordsOf(norm string) senseWords {
	var s senseWords
	if vaccineAny[norm] {
		s |= senseVaccine
	}
	if vaccineWords[norm] {
		s |= senseVaccineWord
	}
	if vaccineLinks[norm] {
		s |= senseVaccineLink
	}
	if instrumentWords[norm] {
		s |= senseInstrument
	}
	if pregnancyWords[norm] || gravidaPara(norm) {
		s |= sensePregnancy
	}
	if attributeWords[norm] {
		s |= senseAttribute
	}
	return s
}

// mayHold reports whether the note may hold words of kind s: false only
// when Analyze found it holds none.
func (d *Document) mayHold(s senseWords) bool {
	return d.senses&sensesKnown == 0 || d.senses&s != 0
}

// senseAt is the sense words token j is (senseWordsOf its Norm): the bits
// Analyze wrote on the token, or, on a Document built otherwise, its
// Norm looked up. The gates ask per token of every span a rule asks of,
// span after span of a long note: a bit test, not a map lookup.
func (d *Document) senseAt(j int) senseWords {
	if d.senses&sensesKnown != 0 {
		return d.Tokens[j].sense
	}
	return senseWordsOf(d.Tokens[j].Norm)
}
