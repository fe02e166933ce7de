package suggest

import "medcode/nlp"

// noteSex is which sexes (sexWords' values) a note's words state
// anywhere, found by one scan of its tokens on the first ask (of).
type noteSex struct {
	done         bool
	female, male bool
}

// of returns x, scanning doc's tokens the first time.
func (x *noteSex) of(doc *nlp.Document) noteSex {
	if !x.done {
		x.done = true
		for i := range doc.Tokens {
			switch sexOf(doc.Tokens[i].Norm) {
			case "female":
				x.female = true
			case "male":
				x.male = true
			}
		}
	}
	return *x
}

// sexOf is sexWords[norm], as a switch: asked of every token of a note,
// a map lookup hashes each word; the switch compares lengths first
// (TestSexOfIsSexWords holds the two to the same words).
func sexOf(norm string) string {
	switch norm {
	case "she", "her", "woman", "female", "lady", "girl":
		return "female"
	case "he", "his", "man", "male", "gentleman", "boy":
		return "male"
	}
	return ""
}

// neoSaid is the words completeNeoplasm reads as said of sentence sent:
// the sexes the note states anywhere (sex), the normalised words of the
// sentence's tokens and the words its abbreviations expand to
// ("intraductal" of "DCIS" or "ductal carcinoma in situ"). The tokens
// are in sentence order: the sentence's are one run, not a scan of the
// note.
func neoSaid(doc *nlp.Document, sent int, sex noteSex) map[string]bool {
	said := map[string]bool{}
	if sex.female {
		said["female"] = true
	}
	if sex.male {
		said["male"] = true
	}
	lo, hi := sentenceTokens(doc, sent)
	for i := lo; i < hi; i++ {
		said[doc.Tokens[i].Norm] = true
	}
	for _, t := range sentenceTerms(doc, sent) {
		if t.Expanded {
			said[t.Norm] = true
		}
	}
	return said
}
