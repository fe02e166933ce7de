package nlp

// stopWords are dropped from the term stream. Clinically meaningful small
// words are deliberately absent: with, without, no, not, type, stage, left,
// right, both, due, after, before, above, below, over, under, other, more,
// less, multiple, single, acute, chronic. "mention" is the titles'
// meta-language ("without mention of fluctuations" is "without
// fluctuations"), never a note's finding.
var stopWords = []string{
	"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by",
	"is", "was", "are", "were", "be", "been", "being", "am", "as", "from",
	"that", "this", "these", "those", "it", "its", "he", "she", "his", "her",
	"hers", "him", "they", "them", "their", "we", "our", "us", "you", "your",
	"i", "me", "my", "has", "have", "had", "having", "do", "does", "did",
	"will", "would", "shall", "can", "could", "may", "might", "must",
	"which", "who", "whom", "whose", "what", "when", "where", "then", "than",
	"there", "here", "so", "such", "also", "into", "onto", "upon", "via",
	"per", "if", "but", "yet", "just", "very", "any", "some", "each",
	"s", "etc", "mention",
}

// stopSet builds the lookup set; the list is also hashed into Pipeline.Hash.
func stopSet() map[string]struct{} {
	m := make(map[string]struct{}, len(stopWords))
	for _, w := range stopWords {
		m[w] = struct{}{}
	}
	return m
}
