package index

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"medcode/corpus"
	"medcode/internal/textmemo"
	"medcode/nlp"
)

// CodeRef identifies the code a name belongs to.
type CodeRef struct {
	System corpus.System
	Code   string
}

// name is one indexed name. It holds no pointers: its text is a span of
// the index's arena and its terms a span of its posting record (of
// nameTerm until the postings are laid), so the collector never walks the
// two hundred thousand names of a loaded index.
type name struct {
	code  int32
	kind  corpus.NameKind
	flags NameFlag // of the text, set by finish
	nterm uint16   // at most maxNameTerms, as a posting record's head holds it
	text  span     // in arena; in shared when its len has sharedText (sharetexts.go)
	terms uint32   // first of the name's unique term ids in post (in nameTerm, in name order, before layPostings)
}

// maxNameTerms bounds a name's terms: a posting record's head holds their
// count in 16 bits.
const maxNameTerms = 1<<16 - 1

// span is a string stored in the index's arena.
type span struct{ off, len uint32 }

// codeEntry is an indexed code: its system and its spelling in the arena.
type codeEntry struct {
	sys  uint8 // systemByte
	code span
}

// Index is an immutable TF-IDF index. Build it with Build or Read.
type Index struct {
	nlpOpts nlp.Options
	hash    string
	pipe    *nlp.Pipeline

	// arena holds every string of the index (codes, terms, name texts)
	// end to end; the tables below refer to it by offset.
	arena string
	// shared, once ShareTexts has run, is the code set's arena, which
	// holds the texts of the names that share theirs.
	shared string
	codes  []codeEntry
	// terms finds a stem's id (termtable.go); termID, whose keys are
	// arena substrings, does when the terms are too many for it (!termsOK).
	terms   termTable
	termsOK bool
	termID  map[string]uint32
	termStr []span // sorted: term ids are positions in sorted order
	df      []uint32
	weight  []float64
	names   []name
	// nameTerm holds the names' terms while an index is built or read;
	// layPostings moves them into post and drops it.
	nameTerm []uint32
	// post holds, per term, a record for each name whose rarest term it
	// is (see layPostings); postOff[t]:postOff[t+1] is term t's part.
	post []uint32
	w2   []float32 // per term: float32(w²), as the records' bounds read it
	// sw is per term its exact w² (weight[t]*weight[t]) and w side by
	// side, computed once rather than per record read: score's walk of a
	// record reads both (one array to index, one register less), the
	// window norms the w².
	sw        []termWeight
	postOff   []uint32
	postCount []uint32
	// kindW is kindWeight per name kind (a posting record's head holds
	// the kind in its top byte): score reads it from one table rather
	// than run kindWeight's switch per hit.
	kindW [256]float64
	// postTerm masks a record's term word to the term id; when it is
	// packTerm, the bits above it hold a bound on the term's w²
	// (packWeight).
	postTerm uint32
	// recordTerms is how many words a posting record holds per term: 2
	// packed (the packed terms, then the ids in name order), 1 unpacked.
	recordTerms uint32
	// pairs lists the packed records by the term pairs that open them
	// (pairs.go); nil when the postings are not packed.
	pairs *pairSet
	// idMask masks a posting record's name id and code words to the ids
	// (headIDMask: their top bytes hold the name's text, layHead), all
	// ones when the ids do not leave them room.
	idMask uint32

	pool sync.Pool // *scratch

	// memo remembers Stems of short texts.
	memo textmemo.Memo[[]string]
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
func (ix *Index) Code(i int32) CodeRef {
	c := ix.codes[i]
	return CodeRef{System: byteSystem[c.sys], Code: ix.str(c.code)}
}

// str returns the arena string at sp.
func (ix *Index) str(sp span) string { return ix.arena[sp.off : sp.off+sp.len] }

// appendTerms appends the term ids of name n, in name order, to dst.
func (ix *Index) appendTerms(dst []uint32, n *name) []uint32 {
	if ix.nameTerm != nil {
		return append(dst, ix.nameTerm[n.terms:n.terms+uint32(n.nterm)]...)
	}
	return append(dst, ix.nameOrder(n)...)
}

// nameOrder returns the posting record's term ids of name n in name
// order: its terms, unpacked, or the copy after the packed ones.
func (ix *Index) nameOrder(n *name) []uint32 {
	o, k := n.terms, uint32(n.nterm)
	if ix.postTerm == packTerm {
		o += k
	}
	return ix.post[o : o+k]
}

// NameText returns the text of name n.
func (ix *Index) NameText(n int32) string { return ix.nameText(&ix.names[n]) }

// nameText returns the text of n, from the arena or, when it shares its
// text (ShareTexts), from the shared string.
func (ix *Index) nameText(n *name) string {
	if sp := n.text; sp.len&sharedText != 0 {
		return ix.shared[sp.off : sp.off+sp.len&^sharedText]
	}
	return ix.str(n.text)
}

// NameCode returns the code of name n (an argument for Code).
func (ix *Index) NameCode(n int32) int32 { return ix.names[n].code }

// NameKind returns the kind of name n.
func (ix *Index) NameKind(n int32) corpus.NameKind { return ix.names[n].kind }

// NameTerms returns the term strings of name n, in name order.
func (ix *Index) NameTerms(n int32) []string {
	return ix.AppendNameTerms(make([]string, 0, ix.names[n].nterm), n)
}

// AppendNameTerms appends NameTerms(n) to dst and returns the extended
// slice: a caller that only reads the terms passes a buffer of its own
// rather than allocating a list per name (TestAppendNameTerms).
func (ix *Index) AppendNameTerms(dst []string, n int32) []string {
	nm := &ix.names[n]
	a := len(dst)
	dst = slices.Grow(dst, int(nm.nterm))[:a+int(nm.nterm)]
	out := dst[a:]
	if ix.nameTerm != nil {
		var buf [32]uint32
		for i, t := range ix.appendTerms(buf[:0], nm) {
			out[i] = ix.Term(t)
		}
		return dst
	}
	for i, t := range ix.nameOrder(nm) {
		out[i] = ix.Term(t)
	}
	return dst
}

// TermID returns the id of a stem.
func (ix *Index) TermID(stem string) (uint32, bool) {
	if ix.termsOK {
		return ix.terms.find(ix, stem)
	}
	id, ok := ix.termID[stem]
	return id, ok
}

// Term returns the stem of a term id.
func (ix *Index) Term(id uint32) string { return ix.str(ix.termStr[id]) }

// Weight returns the weight w(t) of a term id.
func (ix *Index) Weight(id uint32) float64 { return ix.weight[id] }

// PrefixTerms returns the ids of terms starting with prefix, at most limit,
// most frequent first (autocomplete on the word being typed).
func (ix *Index) PrefixTerms(prefix string, limit int) []uint32 {
	i := sort.Search(len(ix.termStr), func(i int) bool { return ix.Term(uint32(i)) >= prefix })
	var out []uint32
	for ; i < len(ix.termStr) && strings.HasPrefix(ix.Term(uint32(i)), prefix); i++ {
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
