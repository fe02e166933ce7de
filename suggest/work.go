package suggest

import (
	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// work is the scratch memory of one Suggest call, pooled by the engine so
// that a busy engine allocates little and the collector runs rarely.
// Nothing a Result holds points into it: results copy what they keep.
type work struct {
	// res is the arrays of the Result being rendered (resultarena.go);
	// nil between calls.
	res      *resultArena
	cands    []*candidate // every candidate handed out, reused
	used     int          // candidates handed out in this call
	order    []*candidate
	mentions []mention // arena: every candidate's mentions
	sc       sentenceScratch
	// searchers search the engine's indexes, the code names' and the
	// learned names', in memory the work keeps (searcherOf).
	searchers [2]*index.Searcher
	pos       []int32 // arena: hit positions of every search
	// posHead is the first element of pos's array when putWork last
	// cleared mentions (nil: none).
	posHead  *int32
	live     []*candidate
	feats    []float64
	pre      []scored
	kept     []scored
	sorted   []scored
	idx      []int32
	z        []float64
	ceil     []float64 // the Ceiling's confidences (ceiling.go)
	gf       []float64 // feature rows without the corpus features (ceiling.go)
	spans    []span
	cats     map[string]int // candidates per category
	rejected []Rejection    // rejections before sorting and dedupe
	doc      nlp.Document   // the note's analysis
	owner    []corpus.ID    // per token: the stem whose 7th character it states
	sr       sentenceRanges // tokens and terms per sentence
	sents    []int          // sentences of one candidate
	gsents   []int          // titleGrounding's sentences
	gterms   []uint32       // titleGrounding's affirmed term ids
	ground   groundIndex    // titleGrounding's index of the note's affirmed terms
	// dxSection says, per section of the note, whether it is an
	// assessment or diagnosis section; df caches the training-note share
	// of each token's stem (-1: not looked up yet).
	dxSection []bool
	df        []float64
	// secMarks is the storage of the sections' marks the lowering rules
	// share (sectionmarks.go).
	secMarks []uint8
	// stems caches index.Stems of the names nameSays reads in this call.
	stems map[string][]string
	// preg caches doc.Pregnancy's answer: 0 not asked yet, 1 yes, -1 no.
	preg int8
	// site, refine and full are site.go's words, refine.go's readings
	// and specificity.go's full readings.
	site   siteScratch
	refine refineScratch
	full   []fullReading
	// verdicts is discriminate's scratch (discriminate.go).
	verdicts    []verdict
	rk          rankScratch  // the ranking passes' scratch (ranktables.go)
	seq         seqScratch   // sequence's scratch (sequence.go)
	tid, ltid   []int32      // per note term: main and learned index ids (termids.go)
	termStems   []string     // per note term: its stem, as noteTermIDs looks them up at once
	seventhMemo []seventhKey // seventhWords' choices of this note (seventh.go)
	// liveScores and liveSorted are capLive's scratch (livecap.go).
	liveScores, liveSorted []float64
	rn                     ruleNote        // what the coding rules read of the note (rulenote.go)
	tail                   tailScratch     // the scoring and rendering tail's scratch (tailscratch.go)
	spec                   specificScratch // specific's readings by sentence (specificscratch.go)
	neo                    neoScratch      // neoSites' stem and row stamps (neoscratch.go)
	liveTitle              liveTitles      // the live candidates' title facts, for specific and refine (titlelive.go)
}

// nameStems is ix.Stems(name), analysed once per call.
func (w *work) nameStems(ix *index.Index, name string) []string {
	if s, ok := w.stems[name]; ok {
		return s
	}
	if w.stems == nil {
		w.stems = map[string][]string{}
	}
	s := ix.Stems(name)
	w.stems[name] = s
	return s
}

// pregnant reports whether the note documents a pregnancy
// (nlp.Document.Pregnancy), asked once per note.
func (w *work) pregnant() bool {
	if w.preg == 0 {
		w.preg = -1
		if _, ok := w.doc.Pregnancy(); ok {
			w.preg = 1
		}
	}
	return w.preg > 0
}

// noteSections prepares the per-note section and token caches.
func (w *work) noteSections(doc *nlp.Document) {
	w.dxSection = w.dxSection[:0]
	for _, s := range doc.Sections {
		w.dxSection = append(w.dxSection, diagnosisSection(string(s.Kind)))
	}
	w.df = w.df[:0]
	for range doc.Tokens {
		w.df = append(w.df, -1)
	}
}

// termDF is the share of training notes holding token p's stem: read
// once per token, from tab, TermDF laid out (termdf.go), or df when tab
// is nil. It inlines: most calls find the token read.
func (w *work) termDF(tab *dfTable, df map[string]float64, doc *nlp.Document, p int32) float64 {
	if d := w.df[p]; d >= 0 {
		return d
	}
	return w.readDF(tab, df, doc, p)
}

// readDF is termDF of a token not read yet.
func (w *work) readDF(tab *dfTable, df map[string]float64, doc *nlp.Document, p int32) float64 {
	var d float64
	if tab != nil {
		d = tab.get(doc.Tokens[p].Stem)
	} else {
		d = df[doc.Tokens[p].Stem]
	}
	w.df[p] = d
	return d
}

// getWork hands out scratch for a note of n bytes: a long note's from
// longWork when it holds one.
func (e *Engine) getWork(n int) *work {
	if n > pooledNoteBytes {
		if w := e.longWork.Swap(nil); w != nil {
			return w
		}
	}
	if w, ok := e.work.Get().(*work); ok {
		return w
	}
	return &work{cats: map[string]int{}}
}

// pooledNoteBytes parts the notes whose scratch is pooled in work from
// the long ones pooled in longWork. Scratch grows to the longest note a
// work has coded and never shrinks: a note near MaxNoteBytes leaves
// arrays tens of times a typical note's (a 100 KB note ~15 MB of
// mentions, tokens and terms). In one pool, every work
// would in time carry that for every note. Dropping such a work instead
// made each long note allocate its scratch anew: 27 MB of garbage a
// 100 KB note, over half the garbage of make load's mix. So long notes
// reuse a work of their own, one: the server on two cores codes one long
// note at a time (admission.go: all engine slots but one), and a
// sync.Pool of them kept one per processor and its victims, ~15 MB more
// live heap under make load. A second long note coded at once takes a
// work of its own, dropped after. Unlike a pool's, the one kept is not
// let go when long notes stop coming: up to ~15 MB after a 100 KB note,
// inside --memory-limit's headroom.
const pooledNoteBytes = 16 << 10

// putWork clears what points elsewhere (so pooled scratch keeps no note's
// memory alive) and pools w, or keeps it in longWork when it coded a note
// longer than pooledNoteBytes and longWork is empty.
func (e *Engine) putWork(w *work) {
	long := len(w.doc.Text) > pooledNoteBytes
	for _, c := range w.cands[:w.used] {
		*c = candidate{}
	}
	w.used = 0
	w.preg = 0
	w.res = nil
	clear(w.stems)
	clear(w.cats)
	w.tail.reset()
	w.spec.reset()
	w.liveTitle.reset()
	clear(w.rejected)
	w.rejected = w.rejected[:0]
	clear(w.doc.Tokens)
	clear(w.doc.Terms)
	clear(w.doc.Sections)
	w.doc = nlp.Document{Tokens: w.doc.Tokens[:0], Terms: w.doc.Terms[:0], Sections: w.doc.Sections[:0]}
	clear(w.order)
	w.order = w.order[:0]
	// The mention arena points only at what outlives the note, the
	// index's names and w.pos's array, unless a search grew that array
	// during the note: the positions of its earlier hits then hold the
	// old one. Only then is it cleared, room and all (the room past its
	// length holds earlier notes' mentions). Left are the few positions
	// a side or site edit appends to a best mention (side.go, site.go),
	// bytes, until the slot is reused.
	if head := arrayHead(w.pos); head != w.posHead {
		clear(w.mentions[:cap(w.mentions)])
		w.posHead = head
	}
	w.mentions = w.mentions[:0]
	w.pos = w.pos[:0]
	clear(w.live)
	w.live = w.live[:0]
	clear(w.pre)
	w.pre = w.pre[:0]
	clear(w.kept)
	w.kept = w.kept[:0]
	clear(w.sorted)
	w.sorted = w.sorted[:0]
	clear(w.spans)
	w.spans = w.spans[:0]
	// The note's term ids go with it: passes that reuse collect's ids
	// check their length against the next note's terms (termids.go,
	// noteids.go, sentences.go), and an empty list never matches.
	w.tid, w.ltid, w.sr.ids = w.tid[:0], w.ltid[:0], w.sr.ids[:0]
	clear(w.termStems) // they point into the note
	w.termStems = w.termStems[:0]
	if long {
		e.longWork.CompareAndSwap(nil, w) // else dropped: one long work is kept
		return
	}
	e.work.Put(w)
}

// arrayHead is the first element of s's array, nil when it has none.
func arrayHead(s []int32) *int32 {
	if cap(s) == 0 {
		return nil
	}
	return &s[:1][0]
}

// candidate hands out a zeroed candidate.
func (w *work) candidate() *candidate {
	if w.used == len(w.cands) {
		w.cands = append(w.cands, new(candidate))
	}
	c := w.cands[w.used]
	w.used++
	return c
}

// mentionSlice hands out room for n mentions (length 0, capacity n) from
// the arena. When the arena is full a larger one replaces it; slices
// handed out earlier keep the old one.
func (w *work) mentionSlice(n int) []mention {
	l := len(w.mentions)
	if cap(w.mentions)-l < n {
		w.mentions = make([]mention, 0, max(2*cap(w.mentions), 1024, n))
		l = 0
	}
	w.mentions = w.mentions[:l+n]
	return w.mentions[l : l : l+n]
}

// floats returns a zeroed slice of n float64s, reusing buf.
func floats(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
