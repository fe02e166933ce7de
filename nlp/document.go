package nlp

// Span is a byte range of the analysed text.
type Span struct {
	Start, End int
}

// Assertion flags, combinable.
type Assertion uint8

// Assertion kinds. A term with no flag is affirmed and current.
//
// Three flags qualify others: Ended comes with Historical when the note
// says the condition or procedure is over ("status post", "resolved",
// "quit", "former", "5 years ago"), not merely part of the history
// ("history of hypertension" may well be current); Unrelated comes with
// Family when the other person is not a blood relative ("his wife's",
// "husband has"), so not even a family-history code follows; Result comes
// with Negated when the negation is a result stated of its subject ("HIV
// nonreactive", "chest x-ray normal", "Chest pain (-)"): the finding is
// absent, but a test named there was done.
const (
	Negated Assertion = 1 << iota
	Historical
	Family
	Hypothetical
	Uncertain
	Ended
	Unrelated
	Result
)

// Token is one surface token of the text.
type Token struct {
	Start, End int    // byte offsets: text[Start:End] is the token
	Norm       string // lower case, Unicode folded ("é" -> "e")
	Stem       string // snowball English stem of Norm
	Sent       int    // index into Document.Sentences
	Section    int    // index into Document.Sections, -1 before any header
	Assert     Assertion
	Stop       bool // a stop word, ignored for matching
	// sense is the sense words Norm is (senseWordsOf), written by
	// Analyze (Document.senseAt reads it). It, Stop and Assert share
	// one word after Section: a Token is 72 bytes, not the 80 it takes
	// with Stop after Stem.
	sense senseWords
}

// Term is one analysed term used for matching. Abbreviations expand to
// several terms that all point at the abbreviation's bytes, so evidence
// stays on the original text.
type Term struct {
	Stem       string // matching key
	Norm       string // normalised surface or expansion word
	Start, End int    // byte offsets of the source token(s); a compound's from its prefix (compound.go)
	Tok        int    // index of the source token (a compound's word, after its prefix)
	Sent       int
	Section    int
	Assert     Assertion
	Expanded   bool // came from an abbreviation expansion
}

// SectionKind is a normalised section type.
type SectionKind string

// Section is a headed part of the note.
type Section struct {
	Kind   SectionKind // e.g. "assessment_and_plan"; "" when unknown
	Header Span        // the header text (may be empty for the implicit first section)
	Span   Span        // header start to the start of the next section
}

// AssertionSpan records one trigger and the scope it governs.
type AssertionSpan struct {
	Kind    Assertion
	Trigger Span
	Scope   Span
}

// Abbreviation records one abbreviation expanded for matching.
type Abbreviation struct {
	Span      Span
	Expansion string
}

// Attribute is a detail useful for code specificity.
type Attribute struct {
	Kind  string // "laterality", "acuity", "encounter", "diabetes_type"
	Value string // "right", "left", "bilateral", "acute", "chronic", "initial", "subsequent", "sequela", "1", "2"
	Span  Span
	Sent  int
}

// Document is the analysis of one text.
type Document struct {
	Text          string
	Tokens        []Token
	Terms         []Term
	Sentences     []Span // sentences and list items, in order, covering every token
	Sections      []Section
	Assertions    []AssertionSpan
	Abbreviations []Abbreviation
	Attributes    []Attribute
	// senses are the sense words the tokens hold, once Analyze found
	// them (sensesKnown); the sense gates skip a note without any.
	senses senseWords
}
