package index

import (
	"math"
	"slices"

	"medcode/corpus"
)

// Query is the analysed text of one sentence or list item: term ids and
// the position of each (terms expanded from one abbreviation share a
// position).
type Query struct {
	Terms []uint32
	Pos   []int32
}

// SearchOptions tune one search. The zero value works.
type SearchOptions struct {
	MinCoverage float64         // drop hits covering less of their name; 0 = 0.5
	MinScore    float64         // drop hits scoring less
	Systems     []corpus.System // empty: every system
	Limit       int             // 0: no limit
}

// Hit is one name matching a query, with every part of its score. Score
// and Coverage come first: the passes over a note's mentions read them
// (and little else of the hit), and a mention lays its hit out right
// after its own most read fields (suggest's mention). The counts are
// int32, like the positions, so the hit carries no padding.
type Hit struct {
	Score    float64
	Coverage float64 // Σ matched w² / Σ name w²
	Name     int32
	Code     int32
	Matched  int32 // matched terms
	Length   int32 // terms in the name
	First    int32 // query position of the first matched term
	Last     int32 // query position of the last matched term
	// Positions are the query positions matched, one per matched name term.
	Positions []int32
	Cosine    float64 // TF-IDF cosine against the matched window
	Order     float64 // share of adjacent name-term pairs in note order
	Mass      float64 // Σ matched w (how much information matched)
}

// kindWeight scales scores by where a name comes from.
func kindWeight(k corpus.NameKind) float64 {
	switch k {
	case corpus.NameTitle, corpus.NameSynonym:
		return 1
	case corpus.NameInclusion, corpus.NameIndex, corpus.NameLearned:
		return 0.95
	case corpus.NameShort, corpus.NameCrossRef:
		return 0.85 // abbreviated, or reached indirectly
	default:
		return 0.9
	}
}

// scratch is per-search working memory, pooled: which terms the query
// holds (a bitset), and a slot per term pointing at its query positions.
type scratch struct {
	present []uint64
	slot    []int32   // term -> index into one+1 (| repeatedSlot past its first position); 0 = not in query
	pos     [][]int32 // positions of a repeated query term, at its slot's index (enter); empty for the others
	touched []uint32
	// sorted is touched in id order, for a search through pair lists
	// that looks its terms up (sortedTerms sorts it once per search).
	sorted []uint32
	// sortedPos is true when the query's positions never decrease (as a
	// sentence's do): a hit's window is then one run of query terms.
	sortedPos bool
	// tabled is true once at is filled for the search (the first record
	// scored fills it: a search that scores none never needs it).
	tabled bool
	// at[p-at0] is, for a sorted query, the index of its first position
	// at or after p, for p from at0 to one past its last position (nil:
	// the span is too long to tabulate, run searches instead).
	at  []int32
	at0 int32
	// wins remembers run norms (runNorm) of a search's windows by their
	// run [lo, hi): an entry is the search's if its key holds winKey, the
	// search's number in the bits above 2*winShift (nextWindows).
	wins   [winMemos]winMemo
	winKey uint64
	keys   []hitKey // sort keys of the hits
	// refs are the hits' names' refs (HitRef), as found: valid, like
	// hits, until the next search.
	refs []HitRef
	// keyBuf is sortKeys' room to merge keys through.
	keyBuf []hitKey
	hits   []Hit // the hits as found, before they are copied out in order
	// todo lists the records a search through pair lists reads.
	todo []pending
	// one is, per query slot, its first position (score's: most terms
	// occur once in a query, and that is where they match).
	one []int32
	// qmask has bit t%64 set for each query term t (mark): a term whose
	// bit is clear is no query term, answered without reading present.
	qmask uint64
	// qbits has bit t%512 set for each query term t (word t/64%8; qmask
	// is the or of its words): one line, in cache, that tells nearly
	// every other term from the query's, where present's bit would be a
	// load from kilobytes (the pair lists' scan reads it).
	qbits [8]uint64
}

// hitKey orders hits without moving them.
type hitKey struct {
	score float64
	name  int32
	i     int32
}

func (ix *Index) getScratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok {
		return s
	}
	return ix.newScratch()
}

// newScratch returns empty working memory for searches of ix.
func (ix *Index) newScratch() *scratch {
	// present covers narrowTerms at least: the pair lists' filters read
	// it unchecked (pairIndex.list).
	words := (max(len(ix.termStr), narrowTerms) + 63) / 64
	return &scratch{slot: make([]int32, len(ix.termStr)), present: make([]uint64, words)}
}

// reset empties s after a search: the query's terms leave slot and
// present, and the lists that grew past their bounds are let go.
func (s *scratch) reset() {
	for _, t := range s.touched {
		s.slot[t] = 0
		s.present[t/64] = 0
	}
	s.touched = s.touched[:0]
	s.qbits = [8]uint64{}
	for i := range s.pos {
		s.pos[i] = s.pos[i][:0]
	}
	s.pos = s.pos[:0]
	s.one = s.one[:0]
	if cap(s.hits) > maxPooledHits {
		s.hits = nil // a rare wide search: the scratch keeps no megabytes
		s.refs = nil
	}
	if cap(s.todo) > maxPooledTodo {
		s.todo = nil
	}
}

// enter lists the query's terms in s: each distinct term its slot, its
// first position (one), its present bit and its bit in qmask; a term the
// query repeats its slot's repeatedSlot and its positions (pos, at its
// slot's index: listed only for the repeated terms, which are few, and
// read only by nearest): one pass over the query where there were two
// (the terms, then their present bits).
func (s *scratch) enter(q Query) {
	var qm uint64
	for i, t := range q.Terms {
		if int(t) >= len(s.slot) {
			continue
		}
		// A term not yet entered is told by its present bit (kilobytes,
		// in cache), and its slot only written.
		if s.present[t/64]&(1<<(t%64)) == 0 {
			s.touched = append(s.touched, t)
			s.one = append(s.one, q.Pos[i])
			s.slot[t] = int32(len(s.one))
			s.present[t/64] |= 1 << (t % 64)
			s.qbits[t/64%8] |= 1 << (t % 64)
			qm |= 1 << (t % 64)
			continue
		}
		k := s.slot[t]
		s.slot[t] = k | repeatedSlot
		s.repeat(k&^repeatedSlot, q.Pos[i])
	}
	s.qmask = qm
}

// repeat adds position p to the positions of query slot k, a term seen
// before: the first time, pos grows to hold the slot and its list starts
// with the slot's first position (one).
func (s *scratch) repeat(k int32, p int32) {
	if int(k) > len(s.pos) {
		if int(k) <= cap(s.pos) {
			s.pos = s.pos[:k] // lists left empty by reset
		} else {
			s.pos = append(s.pos, make([][]int32, int(k)-len(s.pos))...)
		}
	}
	ps := &s.pos[k-1]
	if len(*ps) == 0 {
		*ps = append(*ps, s.one[k-1])
	}
	*ps = append(*ps, p)
}

// repeatedSlot marks a query slot (scratch.slot) holding more than one
// position: score places a term of it by nearest, not at its first.
const repeatedSlot = 1 << 30

// maxPooledHits and maxPooledTodo bound the hits and record lists a
// scratch keeps between searches.
const (
	maxPooledHits = 4096
	maxPooledTodo = 1 << 16
)

// Search finds the names a query mentions. Hits are in a total order:
// score desc, then name id asc.
func (ix *Index) Search(q Query, opts SearchOptions) []Hit {
	hits, _ := ix.SearchInto(nil, nil, q, opts)
	return hits
}

// SearchInto is Search appending the hits to dst[:0] and their matched
// positions to pos, so a caller searching many sentences reuses both
// buffers: it returns the hits and the grown pos. Each hit's Positions
// is a full slice of pos's storage (appending to it never overwrites
// another hit's), valid until the caller reuses pos.
func (ix *Index) SearchInto(dst []Hit, pos []int32, q Query, opts SearchOptions) ([]Hit, []int32) {
	return ix.search(nil, dst, pos, q, opts)
}

// search is SearchInto in the scratch sc (nil: a pooled one).
func (ix *Index) search(sc *scratch, dst []Hit, pos []int32, q Query, opts SearchOptions) ([]Hit, []int32) {
	minCov, pairs, ok := ix.plan(q, opts)
	if !ok {
		return dst[:0], pos // no query term has a record to read
	}
	if sc == nil {
		return ix.searchInto(dst, pos, q, opts, minCov, pairs)
	}
	return ix.searchWith(sc, dst, pos, q, opts, minCov, pairs)
}

// plan is what every search of q settles first: its coverage bound
// (opts.MinCoverage, 0.5 when unset), the pair lists it reads at that
// bound, and whether any query term opens a record at all.
func (ix *Index) plan(q Query, opts SearchOptions) (minCov float64, pairs *pairIndex, ok bool) {
	minCov = opts.MinCoverage
	if minCov == 0 {
		minCov = 0.5
	}
	pairs = ix.pairLists(minCov)
	return minCov, pairs, ix.opens(q.Terms, pairs)
}

// searchInto is SearchInto past its check that the query opens a record,
// reading the pair lists pairs (nil: every record of the query's terms),
// in a pooled scratch.
func (ix *Index) searchInto(dst []Hit, pos []int32, q Query, opts SearchOptions, minCov float64, pairs *pairIndex) ([]Hit, []int32) {
	sc := ix.getScratch()
	dst, pos = ix.searchWith(sc, dst, pos, q, opts, minCov, pairs)
	ix.pool.Put(sc)
	return dst, pos
}

// searchWith is searchInto in the scratch sc, which it leaves empty (or,
// when a search panicked in it, empties first).
func (ix *Index) searchWith(sc *scratch, dst []Hit, pos []int32, q Query, opts SearchOptions, minCov float64, pairs *pairIndex) ([]Hit, []int32) {
	found, keys, pos := ix.find(sc, pos, q, opts, minCov, pairs)
	// Each hit kept is copied out once, in order.
	hits := slices.Grow(dst[:0], len(keys))[:len(keys)]
	for j, k := range keys {
		hits[j] = found[k.i]
	}
	// The scratch (pooled, or a Searcher's) keeps no caller's positions
	// alive: only the pointer is cleared (score sets every field of a hit
	// it keeps), not the whole hit.
	for i := range found {
		found[i].Positions = nil
	}
	return hits, pos
}

// find runs a search in the scratch sc, which it leaves empty (or, when a
// search panicked in it, empties first) but for the hits it returns: the
// hits as scored (found, backed by sc's memory) and the sort keys of
// those kept, in order (at most opts.Limit), both valid until sc's next
// search, and the grown pos.
func (ix *Index) find(sc *scratch, pos []int32, q Query, opts SearchOptions, minCov float64, pairs *pairIndex) (found []Hit, keys []hitKey, _ []int32) {
	if len(sc.touched) != 0 {
		sc.reset() // a search that did not finish
	}
	sc.enter(q)
	var allowed uint32 // bit per system byte; 0 = every system
	for _, s := range opts.Systems {
		allowed |= 1 << systemByte[s]
	}
	sc.sortedPos = slices.IsSorted(q.Pos)
	sc.tabled = false
	// A first pass over each record bounds the coverage from the stored
	// float32 weights (a hair below minCov, so rounding never drops a hit);
	// score computes the exact values for the survivors.
	r := reader{ix: ix, sc: sc, q: q, minCov: minCov, loose: minCov - 1e-4, minScore: opts.MinScore, allowed: allowed, hits: sc.hits[:0], keys: sc.keys[:0], refs: sc.refs[:0], arena: pos, todo: sc.todo[:0]}
	sc.sorted = sc.sorted[:0]
	for _, t := range sc.touched {
		if pairs != nil {
			pairs.search(t, &r)
			continue
		}
		for o := ix.postOff[t]; o < ix.postOff[t+1]; o += ix.recordLen(ix.post[o+1] & 0xffff) {
			r.todo = append(r.todo, pending{o, noTerm}) // every record of t
		}
	}
	r.readTodo()
	sc.todo = r.todo[:0]
	// The hits were scored into scratch, each with its key (score): small
	// keys are sorted, not hits.
	found, keys = r.hits, r.keys
	keys = sortKeys(keys, &sc.keyBuf)
	if opts.Limit > 0 && len(keys) > opts.Limit {
		keys = keys[:opts.Limit]
	}
	sc.keys, sc.hits, sc.refs = keys, found[:0], r.refs
	sc.reset()
	return found, keys, r.arena
}

// opens reports whether a search reading pairs (nil: every posting
// record) reads any record for the query terms: whether one of them has
// records, or, through pairs, solo records or a pair whose second term
// may be in the query (its gate, pairIndex, shares a bit with the terms'
// mask, as the search tests it). A search whose terms have none finds
// nothing, and skips its setup.
func (ix *Index) opens(terms []uint32, pairs *pairIndex) bool {
	if pairs == nil {
		for _, t := range terms {
			if int(t) < len(ix.termStr) && ix.postOff[t] != ix.postOff[t+1] {
				return true
			}
		}
		return false
	}
	// The query's mask (scratch.mark's qmask) over the terms the search
	// keeps, then their gates against it.
	var qm uint64
	for _, t := range terms {
		if int(t) < len(ix.termStr) {
			qm |= 1 << (t % 64)
		}
	}
	for _, t := range terms {
		if int(t) < len(ix.termStr) && pairs.lines[t].gate&qm != 0 {
			return true
		}
	}
	return false
}

// reader runs the coverage bound on posting records of one search and
// scores the records that pass it.
type reader struct {
	ix       *Index
	sc       *scratch
	q        Query
	minCov   float64
	loose    float64 // the bound: a hair below minCov
	minScore float64
	allowed  uint32 // bit per system byte; 0 = every system
	hits     []Hit
	keys     []hitKey // per hit, its sort key
	refs     []HitRef // per hit, its name's (Searcher.Refs)
	arena    []int32
	todo     []pending // records to read: the pair lists' or every record of the terms
	sink     uint32    // keeps the loads of the records' head words as they are listed
}

// pending is a record to read: its offset in post and the pair term it
// is read under (noTerm: none).
type pending struct{ o, u uint32 }

// readTodo reads the records listed in todo, in order: it bounds each
// and scores (score) those that pass. With u other than noTerm a record is
// read under pair (t, u) (pairs.go) and left alone unless u is the first
// term after t the query holds: it is read under that term's pair.
//
// The records' head words were loaded as they were listed (the pair
// lists' search sums them into sink; the walk over every record of a
// term reads each to step to the next), independent loads the processor
// overlaps, so this pass finds them in cache (the records lie scattered
// over megabytes of postings: each read alone would wait on memory), and
// no pass of its own loads them first. The bound is this loop's body,
// not a call a record: the search's values stay in registers across the
// records.
func (r *reader) readTodo() {
	if r.ix.postTerm == packTerm {
		r.readPacked()
	} else {
		r.readPlain()
	}
}

// readPacked is readTodo over packed records: the weights are the term
// words' bounds (packWeight), no larger than w², so the weight missed is
// never overstated and a record is left only on it. Every record starts
// with its heaviest term, which the query holds: the bound starts from
// its weight.
func (r *reader) readPacked() {
	post, present := r.ix.post, r.sc.present
	allowed, loose := r.allowed, r.loose
next:
	for _, p := range r.todo {
		o, u := p.o, p.u
		rec := post[o:]
		h1 := rec[1]
		if allowed != 0 && allowed&(1<<(h1>>16&0xff)) == 0 {
			continue
		}
		body := rec[recordHead : recordHead+h1&0xffff]
		// A record stops as soon as the weight it misses shows it cannot
		// reach the bound (the margin covers the float32 rounding of the
		// stored weights against their norm).
		norm := recordNorm(rec)
		need := loose * norm
		room := norm - need
		slack := room + 1e-4*norm
		// The walk stops once the matched weight reaches the bound or the
		// missed weight exceeds its slack (the terms go heaviest first, so
		// both come early).
		m2, miss := wordWeight(body[0]), 0.0
		if m2 < need {
			for _, tw := range body[1:] {
				tt := tw & packTerm
				w := wordWeight(tw)
				if present[tt/64]&(1<<(tt%64)) != 0 {
					if u != noTerm {
						if tt != u {
							continue next
						}
						u = noTerm
					}
					if m2 += w; m2 >= need {
						break
					}
				} else if miss += w; miss > slack {
					continue next
				}
			}
			if m2 < need && miss > room {
				continue // every term walked: the weight missed leaves too little
			}
		}
		r.score(o) // by offset: the walk above keeps fewer values live
	}
}

// readPlain is readTodo over records in name order, their weights read
// from w2.
func (r *reader) readPlain() {
	post, w2, present := r.ix.post, r.ix.w2, r.sc.present
	allowed, loose := r.allowed, r.loose
next:
	for _, p := range r.todo {
		o, u := p.o, p.u
		rec := post[o:]
		h1 := rec[1]
		if allowed != 0 && allowed&(1<<(h1>>16&0xff)) == 0 {
			continue
		}
		norm := recordNorm(rec)
		need := loose * norm
		slack := norm - need + 1e-4*norm
		var m2, miss float64
		for _, tt := range rec[recordHead : recordHead+h1&0xffff] {
			w := float64(w2[tt])
			if present[tt/64]&(1<<(tt%64)) != 0 {
				if u != noTerm {
					if tt != u {
						continue next
					}
					u = noTerm
				}
				if m2 += w; m2 >= need {
					break
				}
			} else if miss += w; miss > slack {
				continue next
			}
		}
		if m2 < need {
			continue
		}
		r.score(o)
	}
}

// winMemo is a remembered run norm: its key (the search's number, lo
// and hi) and the norm.
type winMemo struct {
	key  uint64
	win2 float64
}

// winMemos is how many run norms a scratch remembers (a power of two),
// winShift the bits of lo and of hi in a key, winMul spreads lo over the
// entries.
const (
	winMemos = 64
	winShift = 16
	winMul   = 7
)

// nextWindows numbers a new search's windows: the entries of the ones
// before stop matching. When the numbers wrap around, the entries are
// emptied, so an old one never matches again.
func (s *scratch) nextWindows() {
	s.winKey += 1 << (2 * winShift)
	if s.winKey == 0 {
		s.wins = [winMemos]winMemo{}
		s.winKey = 1 << (2 * winShift)
	}
}

// sortedTerms returns the query's distinct terms in id order, sorting
// them the first time a search asks (most never do).
func (s *scratch) sortedTerms() []uint32 {
	if len(s.sorted) == 0 {
		s.sorted = append(s.sorted, s.touched...)
		slices.Sort(s.sorted)
	}
	return s.sorted
}

// maxRunTable bounds the span of query positions tabulated for run.
const maxRunTable = 4096

// tabulate fills at for a sorted query's positions ps.
func (s *scratch) tabulate(ps []int32) {
	s.at = s.at[:0]
	if !s.sortedPos || len(ps) == 0 || int(ps[len(ps)-1]-ps[0]) >= maxRunTable {
		return
	}
	s.at0 = ps[0]
	n := int(ps[len(ps)-1]-ps[0]) + 2 // positions ps[0] to one past the last
	at := slices.Grow(s.at, n)[:n]
	// Filled a run at a time: the entries from one position past ps[i-1]
	// to ps[i] hold i (a repeated position's run is empty), the last one
	// past the last position len(ps).
	j := 0
	for i, p := range ps {
		for e := int(p - s.at0); j <= e; j++ {
			at[j] = int32(i)
		}
	}
	at[j] = int32(len(ps))
	s.at = at
}

// run returns the indexes [lo, hi) of a sorted query's positions ps from
// first to last, two of its positions.
func (s *scratch) run(ps []int32, first, last int32) (lo, hi int) {
	if len(s.at) != 0 {
		return s.runAt(first, last)
	}
	return searchRun(ps, first, last)
}

// runAt is run read from the table at, which must be filled (it inlines
// where run does not).
func (s *scratch) runAt(first, last int32) (lo, hi int) {
	return int(s.at[first-s.at0]), int(s.at[last+1-s.at0])
}

// searchRun is run without the table (a query whose positions span
// maxRunTable or more).
func searchRun(ps []int32, first, last int32) (lo, hi int) {
	lo, _ = slices.BinarySearch(ps, first)
	hi, _ = slices.BinarySearch(ps, last+1)
	return lo, hi
}

// sortKeys orders hit keys by score desc, then name asc (names are
// unique: the order is total) and returns them sorted: by score buckets
// (bucketKeys, which leaves them in buf's array and hands keys' array to
// buf) past some eighteen keys, by insertion when they are fewer, else (a
// score outside the buckets' span) by merging insertion-sorted runs
// through buf (grown as needed), which leaves keys sorted in place. Past
// some thirty keys (a long sentence's hits) insertion's quadratic moves
// outweigh a merge's passes, and the merge's comparisons inline where a
// library sort calls a closure.
func sortKeys(keys []hitKey, buf *[]hitKey) []hitKey {
	n := len(keys)
	if n > minBucketKeys {
		if sorted, ok := bucketKeys(keys, buf); ok {
			return sorted
		}
	}
	if n <= maxInsertKeys {
		insertKeys(keys)
		return keys
	}
	for lo := 0; lo < n; lo += keyRun {
		insertKeys(keys[lo:min(lo+keyRun, n)])
	}
	tmp := slices.Grow((*buf)[:0], n)[:n]
	src, dst := keys, tmp
	for w := keyRun; w < n; w *= 2 {
		for lo := 0; lo < n; lo += 2 * w {
			mid, hi := min(lo+w, n), min(lo+2*w, n)
			mergeKeys(dst[lo:hi], src[lo:mid], src[mid:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
	*buf = tmp[:0]
	return keys
}

// maxInsertKeys is the most keys sortKeys sorts by insertion alone, and
// keyRun the length of the runs it sorts by insertion before merging.
const (
	maxInsertKeys = 32
	keyRun        = 12
)

// bucketKeys sorts keys by distributing them over buckets of scores
// (a run of the scores' float64 bits each, higher scores first) into
// buf's array (grown as needed) and sorting the result by insertion: two
// passes and the few moves within a bucket, where the merge makes a pass
// per doubling. Keys in different buckets are in order already (a
// non-negative float's bits order as the float), so the insertion moves
// a key only past those of its bucket. It returns the sorted keys, in
// buf's former array, and hands keys' array to buf (no copy back). It
// reports false, keys left alone, when a score lies outside (keyFloor,
// 1] (NaN among them): sortKeys merges those.
func bucketKeys(keys []hitKey, buf *[]hitKey) ([]hitKey, bool) {
	var start [keyBuckets + 1]int32
	for i := range keys {
		// Past 1 (a negative or NaN score among them) the difference
		// wraps around, at or below keyFloor it reaches keyRange.
		d := oneBits - math.Float64bits(keys[i].score)
		if d >= keyRange {
			return keys, false
		}
		start[d>>keyShift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	n := len(keys)
	tmp := slices.Grow((*buf)[:0], n)[:n]
	for _, k := range keys {
		b := (oneBits - math.Float64bits(k.score)) >> keyShift
		tmp[start[b]] = k
		start[b]++
	}
	insertKeys(tmp)
	*buf = keys[:0]
	return tmp, true
}

// sortKeys sorts more than minBucketKeys keys by buckets (bucketKeys
// zeroes and sums its keyBuckets counts: a cost a few keys do not repay;
// at some eighteen insertion's moves cost as much).
// The buckets span the scores in (keyFloor, 1], keyRange of their bits,
// 2^keyShift bits each: 16 buckets a power of two, 48 in all, the
// engine's scores (at least its MinScore 0.2) in the last two powers and
// 1. Finer buckets (64 a power, 192 in all) cost more to zero and sum
// than the moves they spare a search's few dozen keys.
const (
	minBucketKeys = 18
	oneBits       = 0x3ff0000000000000 // math.Float64bits(1)
	keyFloorBits  = 0x3fc0000000000000 // math.Float64bits(keyFloor)
	keyFloor      = 0.125
	keyRange      = oneBits - keyFloorBits
	keyShift      = 48
	keyBuckets    = keyRange >> keyShift
)

// keyBefore reports whether hit key a goes before b: a higher score, or
// the same score and a lower name.
func keyBefore(a, b *hitKey) bool {
	return a.score > b.score || a.score == b.score && a.name < b.name
}

// insertKeys sorts keys by insertion.
func insertKeys(keys []hitKey) {
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for ; j > 0 && keyBefore(&k, &keys[j-1]); j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// mergeKeys merges the sorted keys a and b into dst, which holds both;
// a's key goes first of two equal (none are: names are unique).
func mergeKeys(dst, a, b []hitKey) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if keyBefore(&b[j], &a[i]) {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

// score computes a hit's exact parts from the posting record at post[o],
// which passed the bound, and keeps the hit (appends it to r.hits, and its
// sort key to r.keys) unless it misses minCov or minScore. It reads the
// search from r rather than from arguments: fewer values to pass and keep
// live. The hit is kept here, not by a caller handing in a slot (a call
// less a record), and its key with it, not in a pass over the hits after.
func (r *reader) score(o uint32) {
	ix, sc := r.ix, r.sc
	rec := ix.post[o:]
	nw := rec[1] & 0xffff
	// The record's terms in name order, laid after the packed ones (or
	// alone, unpacked: layPostings).
	head, terms := rec[:recordHead], rec[recordHead+(ix.recordTerms-1)*nw:recordHead+ix.recordTerms*nw]
	nt := len(terms)
	// The matched terms' positions go straight into the arena (room for
	// every term: how many match is known only after the walk).
	if cap(r.arena)-len(r.arena) < nt {
		// A new array: earlier hits keep pointing into the old one.
		r.arena = make([]int32, 0, max(2*cap(r.arena), 1024, nt))
	}
	a := len(r.arena)
	room := r.arena[a : a+nt]
	m2, mass, matched, marks, anchor := sc.matchTerms(terms, ix.sw, room)
	norm2 := recordNorm(head)
	cov := m2 / norm2
	if cov < r.minCov || matched == 0 {
		return
	}
	positions := room[:matched:matched]
	// One or two matched terms (nearly every hit), placed at their slots'
	// first positions, are spanned here rather than by a call to spanOf
	// (the same values: TestScoreIsPlain).
	var first, last int32
	var inOrder int
	switch {
	case marks&repeatedSlot != 0:
		sc.nearest(terms, positions, anchor)
		first, last, inOrder = spanOf(positions)
	case matched == 1:
		first, last = positions[0], positions[0]
	case matched == 2:
		p0, p1 := positions[0], positions[1]
		first, last = min(p0, p1), max(p0, p1)
		if p1 >= p0 {
			inOrder = 1
		}
	default:
		first, last, inOrder = spanOf(positions)
	}
	// Only the length is stored (the same array): no write barrier's test.
	r.arena = r.arena[:a+matched]
	// Window norm: every query term inside [first, last].
	var win2 float64
	if sc.sortedPos { // the same terms in the same order
		if !sc.tabled {
			sc.tabulate(r.q.Pos)
			sc.tabled = true
			sc.nextWindows()
		}
		// run's two cases spelled out: run does not inline, runAt does.
		var lo, hi int
		if len(sc.at) != 0 {
			lo, hi = sc.runAt(first, last)
		} else {
			lo, hi = searchRun(r.q.Pos, first, last)
		}
		// Records matching the same query terms share their run: its
		// norm is summed once a search (windows).
		if key := sc.winKey | uint64(lo)<<winShift | uint64(hi); hi < 1<<winShift {
			if e := &sc.wins[(lo*winMul+hi)&(winMemos-1)]; e.key == key {
				win2 = e.win2
			} else {
				win2 = ix.runNorm(r.q.Terms[lo:hi])
				e.key, e.win2 = key, win2
			}
		} else {
			win2 = ix.runNorm(r.q.Terms[lo:hi])
		}
	} else {
		win2 = ix.windowNorm(r.q, first, last)
	}
	cos := 0.0
	if win2 > 0 {
		cos = min1(m2 / math.Sqrt(norm2*win2))
	}
	order := 1.0
	if pairs := matched - 1; pairs > 0 {
		order = float64(inOrder) / float64(pairs)
	}
	ni, code := int32(head[0]&ix.idMask), int32(head[2]&ix.idMask)
	kind := head[1] >> 24
	score := ix.kindW[kind] * cov * cov * (0.7 + 0.3*cos) * (0.85 + 0.15*order)
	if score < r.minScore {
		return
	}
	// Set in place, field by field: a hit is some hundred bytes, and a
	// composite literal is built on the stack and copied.
	n := len(r.hits)
	if n == cap(r.hits) {
		r.hits = slices.Grow(r.hits, 1)
	}
	r.hits = r.hits[:n+1] // the length alone stored
	h := &r.hits[n]
	h.Name, h.Code, h.Score = ni, code, score
	h.Coverage, h.Cosine, h.Order, h.Mass = cov, cos, order, mass
	h.Matched, h.Length = int32(matched), int32(nt)
	h.First, h.Last, h.Positions = first, last, positions
	r.keys = append(r.keys, hitKey{score, ni, int32(n)})
	r.refs = append(r.refs, ix.headRef((*[recordHead]uint32)(head), ni, kind))
}

// termWeight is a term's w² and w.
type termWeight struct{ sq, w float64 }

// matchTerms walks a record's terms in name order: it sums the matched
// ones' w² and w (m2, mass), and places each matched term at its query
// slot's first position (scratch.one) in room, which has room for every
// term. It returns how many matched, the or of their slots (repeatedSlot
// set when one of them holds several positions: nearest places those) and
// the anchor, the first position of the rarest matched term (the first of
// the heaviest in name order). A term the query lacks is told by the
// query's mask and present bits (kilobytes, in cache) and reads neither
// its slot nor its weights (tables of hundreds of kilobytes, each term a
// line that would wait on memory): the record's norm² is its head's
// (recordNorm). It is a function of its own, not part of score, so that
// its loop keeps its values in registers (within score the compiler
// spilled them).
//
//go:noinline
func (sc *scratch) matchTerms(terms []uint32, sw []termWeight, room []int32) (m2, mass float64, matched int, marks, anchor int32) {
	slot, one, present, qm := sc.slot, sc.one, sc.present, sc.qmask
	sw, room = sw[:len(slot)], room[:len(terms)]
	bestW := -1.0
	for _, t := range terms {
		if qm&(1<<(t%64)) == 0 || present[t/64]&(1<<(t%64)) == 0 {
			continue
		}
		k := slot[t]
		e := sw[t]
		m2 += e.sq
		mass += e.w
		marks |= k
		p := one[k&^repeatedSlot-1]
		room[matched] = p
		matched++
		if e.w > bestW {
			bestW, anchor = e.w, p
		}
	}
	return m2, mass, matched, marks, anchor
}

// nearest places again the matched terms of a record (terms, in name
// order; positions holds matchTerms' placings, one a matched term) whose
// query slots hold several positions: each takes its occurrence nearest
// the anchor (the first wins a tie).
func (sc *scratch) nearest(terms []uint32, positions []int32, anchor int32) {
	i := 0
	for _, t := range terms {
		if sc.present[t/64]&(1<<(t%64)) == 0 {
			continue // no query term: its slot is not read
		}
		k := sc.slot[t]
		if k&repeatedSlot != 0 {
			ps := sc.pos[k&^repeatedSlot-1]
			best := ps[0]
			for _, p := range ps[1:] {
				if abs32(p-anchor) < abs32(best-anchor) {
					best = p
				}
			}
			positions[i] = best
		}
		i++
	}
}

// spanOf returns the first and last of a hit's positions (MaxInt32 and
// -1 when there are none) and how many adjacent ones are in note order.
// Like matchTerms it is kept out of score, whose values its loop would
// spill.
//
//go:noinline
func spanOf(positions []int32) (first, last int32, inOrder int) {
	first, last = math.MaxInt32, -1
	for i, p := range positions {
		if i > 0 && p >= positions[i-1] {
			inOrder++
		}
		first, last = min(first, p), max(last, p)
	}
	return first, last, inOrder
}

// windowNorm is the Σ w² of the query terms at positions first to last,
// in query order.
func (ix *Index) windowNorm(q Query, first, last int32) float64 {
	var win2 float64
	for i, t := range q.Terms {
		if p := q.Pos[i]; p >= first && p <= last && int(t) < len(ix.sw) {
			win2 += ix.sw[t].sq
		}
	}
	return win2
}

// runNorm is windowNorm for a sorted query's run of terms from first to
// last (scratch.run): every one of them lies in the window (TestRunNorm).
func (ix *Index) runNorm(terms []uint32) float64 {
	var win2 float64
	for _, t := range terms {
		if int(t) < len(ix.sw) {
			win2 += ix.sw[t].sq
		}
	}
	return win2
}

// min1 is math.Min(1, x), bit for bit (a NaN stays NaN, -0 stays -0),
// without its call (TestMin1).
func min1(x float64) float64 {
	if x >= 1 {
		return 1
	}
	return x
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
