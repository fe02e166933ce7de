package index

import (
	"sort"
	"strings"
	"sync"

	"medcode/corpus"
	"medcode/nlp"
)

// CodeRef identifies the code a name belongs to.
type CodeRef struct {
	System corpus.System
	Code   string
}

// name is one indexed name.
type name struct {
	code  int32
	kind  corpus.NameKind
	text  string
	terms []uint32 // unique term ids in name order
}

// Index is an immutable TF-IDF index. Build it with Build or Read.
type Index struct {
	nlpOpts nlp.Options
	hash    string
	pipe    *nlp.Pipeline

	codes   []CodeRef
	termID  map[string]uint32
	termStr []string // sorted: term ids are positions in sorted order
	df      []uint32
	weight  []float64
	names   []name
	// post holds, per term, a record for each name whose rarest term it
	// is (see finish); postOff[t]:postOff[t+1] is term t's part.
	post      []uint32
	postOff   []uint32
	postCount []uint32
	byCode    [][]int32 // code -> its names

	pool sync.Pool // *scratch
}

// Analyzer returns the analysis pipeline the index was built with. Queries
// must be analysed with it.
func (ix *Index) Analyzer() *nlp.Pipeline { return ix.pipe }

// NLPOptions returns the analysis options the index was built with.
func (ix *Index) NLPOptions() nlp.Options { return ix.nlpOpts }

// AnalysisHash identifies the analysis the index was built with.
func (ix *Index) AnalysisHash() string { return ix.hash }

// Len returns the number of indexed names.
func (ix *Index) Len() int { return len(ix.names) }

// Codes returns the number of indexed codes.
func (ix *Index) Codes() int { return len(ix.codes) }

// Terms returns the vocabulary size.
func (ix *Index) Terms() int { return len(ix.termStr) }

// Code returns the code of a hit.
func (ix *Index) Code(i int32) CodeRef { return ix.codes[i] }

// NameText returns the text of name n.
func (ix *Index) NameText(n int32) string { return ix.names[n].text }

// NameCode returns the code of name n (an argument for Code).
func (ix *Index) NameCode(n int32) int32 { return ix.names[n].code }

// NameKind returns the kind of name n.
func (ix *Index) NameKind(n int32) corpus.NameKind { return ix.names[n].kind }

// NameTerms returns the term strings of name n.
func (ix *Index) NameTerms(n int32) []string {
	out := make([]string, len(ix.names[n].terms))
	for i, t := range ix.names[n].terms {
		out[i] = ix.termStr[t]
	}
	return out
}

// TermID returns the id of a stem.
func (ix *Index) TermID(stem string) (uint32, bool) {
	id, ok := ix.termID[stem]
	return id, ok
}

// Term returns the stem of a term id.
func (ix *Index) Term(id uint32) string { return ix.termStr[id] }

// Weight returns the weight w(t) of a term id.
func (ix *Index) Weight(id uint32) float64 { return ix.weight[id] }

// PrefixTerms returns the ids of terms starting with prefix, at most limit,
// most frequent first (autocomplete on the word being typed).
func (ix *Index) PrefixTerms(prefix string, limit int) []uint32 {
	i := sort.SearchStrings(ix.termStr, prefix)
	var out []uint32
	for ; i < len(ix.termStr) && strings.HasPrefix(ix.termStr[i], prefix); i++ {
		out = append(out, uint32(i))
	}
	sort.SliceStable(out, func(a, b int) bool { return ix.df[out[a]] > ix.df[out[b]] })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// PostingLen returns how many names have t as their rarest term.
func (ix *Index) PostingLen(t uint32) int { return int(ix.postCount[t]) }
