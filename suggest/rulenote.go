package suggest

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"medcode/nlp"
)

// ruleNote is what the coding rules read of one note, worked out once per
// note on first use rather than once per rule or per cue: the cues of
// every phrase list of ruleCueLists (one pass over the tokens for all of
// them), the patient's age and whether the note documents a pregnancy.
// It lives in the pooled work struct; reset starts a note.
type ruleNote struct {
	doc   *nlp.Document
	w     *work
	tab   *ruleCueTable
	found bool    // table is filled
	table [][]cue // per list of tab: findCues(doc, list)
	last  []int   // find's scratch: 1 + the token a list was last tried at
	// filled lists the lists of table holding cues, emptied by the next
	// note's find rather than every list of the table.
	filled []int32
	// others, once othersDone, are the cues of otherPersonCues, which
	// patients reads per cue.
	others     []cue
	othersDone bool
	// other are the cues of lists outside the table, found on first use.
	other   []listCues
	ageDone bool
	ageYrs  int
	// wk, wkCue and wkOK are weeksOfGestation's answer, once wkDone.
	wkDone, wkOK bool
	wk           int
	wkCue        cue
	// reasons holds the rejections' reason strings (reasonbuf.go),
	// kept across notes: a carved string is never written again.
	reasons reasonBuf
}

// listCues are the cues of one phrase list outside the table.
type listCues struct {
	key  *phrase
	n    int
	cues []cue
}

// ruleCueTable indexes ruleCueLists for ruleNote: each list's place by
// the address of its first phrase, and per exact first word the lists
// with a phrase starting there and the phrases that can (cueAt reads only
// those: the others' first word does not match).
type ruleCueTable struct {
	lists [][]phrase
	// status and allergy are where the engine's status and allergy
	// rules' lists (e.status, e.allergy) start in lists, after
	// ruleCueLists.
	status, allergy int
	// byLen holds, per list length L, the lists of that length (the
	// first of each address) as lenLists[byLen[L]:byLen[L+1]], in list
	// order: cues finds a list by its length, read off the slice header,
	// and then its address, rather than through a map keyed by the
	// address (hashed and probed on every call, ~50 a note).
	byLen    []int32
	lenLists []listHead
	// first are the exact first words, in order of first use, each
	// word's lists a run of flat.
	first []firstWord
	flat  []firstList
	// slots finds a first word by its wordKey (firstSlot): find reads
	// a token's word there, its lists only when one of them can start
	// at the token.
	slots []firstSlot
	// arena holds the first words, which slots point into.
	arena string
	// headAny has bit k set when a first word has firstKey k: most
	// tokens' keys (seven in eight of the 4,096) hold no word, told from
	// these 512 bytes rather than slots', which a note's tokens read all
	// over and the rest of the note had evicted.
	headAny [4096 / 64]uint64
	// wordAny has bit wordKey of each exact first word set: of the
	// tokens headAny passes (two in five, common words sharing a key with
	// a first word), it stops most that are no first word before they
	// read slots.
	wordAny [8192 / 64]uint64
	// wild are the wildcard first words of three bytes or more, by the
	// wild3Key of their first three: those of key k are
	// wild[wildAt[k]:wildAt[k+1]]; short are the shorter ones. Keyed by
	// two bytes, the tokens of a common start ("re", "co", "de", "in")
	// each tried every word of it (ten under "re").
	wild   []wildFirst
	wildAt [1025]uint16
	short  []wildFirst
	// wildAny has bit k set when wild holds a word of key k: most
	// tokens' keys hold none, told without slicing wild.
	wildAny keyBits
}

// listHead is a list of the table by the address of its first phrase.
type listHead struct {
	p  *phrase
	li int32
}

// firstWord is an exact first word and the lists with a phrase starting
// with it.
type firstWord struct {
	word  string
	lists []firstList
}

// firstList is a list with a phrase starting with a word, and the
// phrases of the list that can start at a token of that word: whether one
// is the word alone, and the longer ones. second has bit secondKey of
// each longer phrase's second word (every bit for a wildcard): a token
// whose next word's bit is clear starts none of them, and most do not.
type firstList struct {
	list   int32
	single bool
	ps     []phrase
	second uint64
}

// wordKey hashes a word to one of 8,192 bits of ruleCueTable.wordAny,
// from other bytes than firstKey's: its middle and next-to-last bytes.
func wordKey(s string) uint {
	return (uint(len(s))*0x9e37 ^ uint(s[len(s)/2])*0x85eb ^ uint(s[max(len(s)-2, 0)])*0xc2b2 ^ uint(s[0])*0x27d4) * 0x165667b1 >> 7 & 8191
}

// secondKey hashes a word to one of 64 bits of firstList.second.
func secondKey(s string) uint64 { return 1 << (exactKey(s) & 63) }

// addSecond puts the second word of phrase p (two words or more) in
// f.second.
func (f *firstList) addSecond(p phrase) {
	if w := p[1]; w == "" || strings.HasSuffix(w, "*") {
		f.second = ^uint64(0)
	} else {
		f.second |= secondKey(w)
	}
}

// newRuleCueTable indexes lists.
func newRuleCueTable(lists [][]phrase) *ruleCueTable {
	t := &ruleCueTable{lists: lists}
	t.layHeads()
	first := map[string][]firstList{}
	var words []string // in order of first use: the table is deterministic
	for li, ps := range lists {
		if len(ps) == 0 {
			continue
		}
		for _, p := range ps {
			if pre, ok := strings.CutSuffix(p[0], "*"); ok {
				if len(pre) < 3 {
					t.short = append(t.short, wildFirst{prefix: pre, list: int32(li)})
				} else {
					t.wild = append(t.wild, wildFirst{prefix: pre, list: int32(li)})
				}
				continue
			}
			fl, seen := first[p[0]]
			if !seen {
				words = append(words, p[0])
			}
			if len(fl) == 0 || fl[len(fl)-1].list != int32(li) {
				fl = append(fl, firstList{list: int32(li)})
			}
			if len(p) == 1 {
				fl[len(fl)-1].single = true
			} else {
				fl[len(fl)-1].ps = append(fl[len(fl)-1].ps, p)
				fl[len(fl)-1].addSecond(p)
			}
			first[p[0]] = fl
		}
	}
	// The words, compared on every token holding one, sit in one array.
	arena := strings.Join(words, "")
	t.arena = arena
	for _, w := range words {
		fl := first[w]
		for i := range fl { // wildcard phrases a token of w starts too
			for _, p := range lists[fl[i].list] {
				if pre, ok := strings.CutSuffix(p[0], "*"); ok && strings.HasPrefix(w, pre) {
					if len(p) == 1 {
						fl[i].single = true
					} else {
						fl[i].ps = append(fl[i].ps, p)
						fl[i].addSecond(p)
					}
				}
			}
		}
		k := firstKey(w)
		t.flat = append(t.flat, fl...)
		t.first = append(t.first, firstWord{word: arena[:len(w)], lists: fl})
		arena = arena[len(w):]
		t.headAny[k/64] |= 1 << (k % 64)
		k2 := wordKey(w)
		t.wordAny[k2/64] |= 1 << (k2 % 64)
	}
	// Each first word's lists are its run of flat, pointed into once
	// flat is whole (it moves as it grows).
	at := 0
	for i := range t.first {
		n := len(t.first[i].lists)
		t.first[i].lists = t.flat[at : at+n : at+n]
		at += n
	}
	t.laySlots()
	t.layWildPhrases()
	slices.SortStableFunc(t.wild, func(a, b wildFirst) int { return cmp.Compare(wild3Key(a.prefix), wild3Key(b.prefix)) })
	for _, f := range t.wild {
		k := wild3Key(f.prefix)
		t.wildAt[k+1]++
		t.wildAny.set(k)
	}
	for k := 1; k < len(t.wildAt); k++ {
		t.wildAt[k] += t.wildAt[k-1]
	}
	return t
}

// layWildPhrases gives each wildcard first word of wild its list's
// phrases whose first word is a wildcard, and each of short its whole
// list. find tries a token's wild words after its exact word, whose
// firstList holds the list's phrases of exactly that first word with its
// wildcard phrases: when that try ran, last stops the wildcard's; when
// it was skipped (no phrase's second word follows) none of them starts
// at the token; and no other phrase but a wildcard's can. short's are
// tried before the exact word: they read every phrase.
func (t *ruleCueTable) layWildPhrases() {
	of := make(map[int32][]phrase)
	wildOf := func(li int32) []phrase {
		ps, ok := of[li]
		if !ok {
			for _, p := range t.lists[li] {
				if strings.HasSuffix(p[0], "*") {
					ps = append(ps, p)
				}
			}
			of[li] = ps
		}
		return ps
	}
	for i := range t.short {
		t.short[i].ps = t.lists[t.short[i].list]
	}
	for i := range t.wild {
		t.wild[i].ps = wildOf(t.wild[i].list)
	}
}

// layHeads fills byLen and lenLists: per length, the lists of that
// length whose first phrase's address no earlier list of it starts at.
func (t *ruleCueTable) layHeads() {
	maxLen := 0
	for _, ps := range t.lists {
		maxLen = max(maxLen, len(ps))
	}
	t.byLen = make([]int32, maxLen+2)
	t.lenLists = t.lenLists[:0]
	for l := 1; l <= maxLen; l++ {
		t.byLen[l] = int32(len(t.lenLists))
	lists:
		for li, ps := range t.lists {
			if len(ps) != l {
				continue
			}
			for _, h := range t.lenLists[t.byLen[l]:] {
				if h.p == &ps[0] {
					continue lists
				}
			}
			t.lenLists = append(t.lenLists, listHead{&ps[0], int32(li)})
		}
	}
	t.byLen[maxLen+1] = int32(len(t.lenLists))
}

// listOf returns the index of the first list of the table with ps's
// first phrase's address and length, ok false when none is.
func (t *ruleCueTable) listOf(ps []phrase) (int32, bool) {
	l := len(ps)
	if l == 0 || l+1 >= len(t.byLen) {
		return 0, false
	}
	p := &ps[0]
	for _, h := range t.lenLists[t.byLen[l]:t.byLen[l+1]] {
		if h.p == p {
			return h.li, true
		}
	}
	return 0, false
}

// ruleCues is an engine's ruleCueTable, built on first use.
type ruleCues struct {
	once sync.Once
	tab  *ruleCueTable
	// per are the rules' other per-engine tables (ruletables.go).
	per ruleTables
}

// get returns e's table, built on the first call: ruleCueLists, then
// the phrases of e's status and allergy rules.
func (r *ruleCues) get(e *Engine) *ruleCueTable {
	r.once.Do(func() {
		lists := ruleCueLists()
		status := len(lists)
		for _, x := range e.status {
			lists = append(lists, x.phrases)
		}
		allergy := len(lists)
		for _, x := range e.allergy {
			lists = append(lists, x.phrases)
		}
		r.tab = newRuleCueTable(lists)
		r.tab.status, r.tab.allergy = status, allergy
	})
	return r.tab
}

// reset starts note doc (w's analysis).
func (n *ruleNote) reset(e *Engine, w *work, doc *nlp.Document) {
	n.doc, n.w, n.tab = doc, w, e.coder.rules.get(e)
	n.found, n.ageDone, n.wkDone, n.othersDone = false, false, false, false
	n.other = n.other[:0]
}

// cues returns findCues(doc, ps). The slice is shared: callers must not
// change its cues (appending to it copies).
func (n *ruleNote) cues(ps []phrase) []cue {
	if len(ps) == 0 {
		return nil
	}
	if li, ok := n.tab.listOf(ps); ok {
		if !n.found {
			n.find()
		}
		cs := n.table[li]
		return cs[:len(cs):len(cs)]
	}
	for _, o := range n.other {
		if o.key == &ps[0] && o.n == len(ps) {
			return o.cues[:len(o.cues):len(o.cues)]
		}
	}
	cs := findCues(n.doc, ps)
	n.other = append(n.other, listCues{key: &ps[0], n: len(ps), cues: cs})
	return cs[:len(cs):len(cs)]
}

// find fills table: per list, findCues(doc, list), in one pass over the
// tokens into the note's reused slices.
func (n *ruleNote) find() {
	n.found = true
	t, doc := n.tab, n.doc
	if len(n.table) != len(t.lists) {
		n.table = make([][]cue, len(t.lists))
		n.last = make([]int, len(t.lists))
		n.filled = n.filled[:0]
	}
	for _, li := range n.filled {
		n.table[li] = n.table[li][:0]
	}
	n.filled = n.filled[:0]
	clear(n.last)
	toks, short := doc.Tokens, t.short
	anyShort := len(short) > 0 // the rules' lists hold none: not ranged per token
	for i := range toks {
		w := toks[i].Norm
		if anyShort {
			for _, f := range short {
				if strings.HasPrefix(w, f.prefix) {
					n.try(f.list, i, f.ps)
				}
			}
		}
		if w == "" {
			continue
		}
		var s *firstSlot
		if k := firstKey(w); t.headAny[k/64]&(1<<(k%64)) != 0 {
			if k2 := wordKey(w); t.wordAny[k2/64]&(1<<(k2%64)) != 0 {
				s = t.slotOf(w, k2)
			}
		}
		if s != nil {
			// The next word's secondKey, 0 when the sentence ends here
			// (every bit for an empty word, which "*" matches).
			var next uint64
			if j := i + 1; j < len(toks) && toks[j].Sent == toks[i].Sent {
				next = ^uint64(0)
				if nw := toks[j].Norm; nw != "" {
					next = secondKey(nw)
				}
			}
			// A list with no phrase of the word alone and none whose
			// second word's bit next holds finds nothing here (half the
			// lists of the words a note holds): not called. Its last
			// stays unmarked, so a wildcard of the list that matches the
			// token too tries it again (try), finding nothing either: no
			// phrase of the list starts here. The slot's union of its
			// lists' tells a word none of whose lists can start here
			// without reading them.
			if s.single || s.second&next != 0 {
				for fi := s.flat; fi < s.flat+s.lists; fi++ {
					if f := &t.flat[fi]; f.single || f.second&next != 0 {
						n.tryFirst(f, i, next)
					}
				}
			}
		}
		if len(w) < 3 {
			continue
		}
		k := wild3Key(w)
		if !t.wildAny.has(k) {
			continue
		}
		for _, f := range t.wild[t.wildAt[k]:t.wildAt[k+1]] {
			if strings.HasPrefix(w, f.prefix) {
				n.try(f.list, i, f.ps)
			}
		}
	}
}

// tryFirst is try of f's list at token i, whose word starts f's phrases:
// cueAt without matching the first word again. next is the secondKey of
// token i+1 (0: none in i's sentence).
func (n *ruleNote) tryFirst(f *firstList, i int, next uint64) {
	if n.last[f.list] == i+1 {
		return
	}
	n.last[f.list] = i + 1
	toks := n.doc.Tokens
	best := -1
	if f.single {
		best = i
	}
	ps := f.ps
	if f.second&next == 0 {
		ps = nil // no phrase's second word is token i+1's
	}
	for _, p := range ps {
		j := i + len(p) - 1
		if j >= len(toks) || toks[j].Sent != toks[i].Sent || j <= best {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if !wordMatch(toks[i+k].Norm, p[k]) {
				ok = false
				break
			}
		}
		if ok {
			best = j
		}
	}
	if best >= 0 {
		n.add(f.list, tokenCue(n.doc, i, best))
	}
}

// add appends cue c to list li's, noting a list's first in filled.
func (n *ruleNote) add(li int32, c cue) {
	if len(n.table[li]) == 0 {
		n.filled = append(n.filled, li)
	}
	n.table[li] = append(n.table[li], c)
}

// try records the cue of list li at token i, reading phrases ps (the
// list's phrases that can start there), once per token.
func (n *ruleNote) try(li int32, i int, ps []phrase) {
	if n.last[li] == i+1 {
		return
	}
	n.last[li] = i + 1
	if c, ok := cueAt(n.doc, i, ps); ok {
		n.add(li, c)
	}
}

// lists returns the cues of the k lists of the table from at on (the
// status or allergy rules'), shared.
func (n *ruleNote) lists(at, k int) [][]cue {
	if !n.found {
		n.find()
	}
	return n.table[at : at+k]
}

// filledOf appends to dst, ascending, the k lists of the table from at
// on (the status or allergy rules') that hold a cue, numbered from at: a
// rule walks those alone rather than every list and its rule, which the
// rest of the note had evicted and most of which hold nothing.
func (n *ruleNote) filledOf(at, k int, dst []int32) []int32 {
	if !n.found {
		n.find()
	}
	for _, li := range n.filled {
		if i := int(li) - at; i >= 0 && i < k {
			dst = append(dst, int32(i))
		}
	}
	slices.Sort(dst)
	return dst
}

// inSentence returns the cues of ps in sentence sent: findCuesIn(doc,
// sent, ps), shared.
func (n *ruleNote) inSentence(sent int, ps []phrase) []cue {
	return cuesIn(n.cues(ps), sent)
}

// cuesIn returns the cues of cs (in note order, as cues returns them) in
// sentence sent, shared. Its binary search is sort.Search's written out:
// the rules ask it per candidate and evidence span, and the closure's
// call per step cost more than the step (TestCuesIn holds it to
// sort.Search).
func cuesIn(cs []cue, sent int) []cue {
	lo, hi := 0, len(cs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cs[m].sent < sent {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(cs) && cs[hi].sent == sent {
		hi++
	}
	return cs[lo:hi:hi]
}

// sentenceHas is sentenceHas(doc, sent, ps, before).
func (n *ruleNote) sentenceHas(sent int, ps []phrase, before int) bool {
	for _, c := range n.inSentence(sent, ps) {
		if before < 0 || c.tok < before {
			return true
		}
	}
	return false
}

// near is near(doc, c, ps, before, after): a cue of ps in c's sentence
// ending at most before tokens before c or starting at most after tokens
// after it.
func (n *ruleNote) near(c cue, ps []phrase, before, after int) bool {
	if c.sent < 0 || c.tok < 0 {
		return false
	}
	return nearIn(n.cues(ps), &c, before, after)
}

// nearIn is near over the cues cs of a list (n.cues of it), for a rule
// that asks of one list per evidence span: the list is looked up once.
// c.sent and c.tok are >= 0.
func nearIn(cs []cue, c *cue, before, after int) bool {
	for _, o := range cuesIn(cs, c.sent) {
		if o.last < c.tok && c.tok-o.last <= before || o.tok > c.last && o.tok-c.last <= after {
			return true
		}
	}
	return false
}

// patients is patients(doc, c). The cues of otherPersonCues are looked
// up once a note: the rules ask it per cue.
func (n *ruleNote) patients(c cue) bool {
	if c.assert&blockedAssert != 0 {
		return false
	}
	if c.sent < 0 || c.tok < 0 {
		return true // near's answer: no cue is near
	}
	if !n.othersDone {
		n.others, n.othersDone = n.cues(otherPersonCues), true
	}
	return !nearIn(n.others, &c, 4, 0)
}

// liveCues is liveCues(doc, ps).
func (n *ruleNote) liveCues(ps []phrase) []cue {
	var out []cue
	for _, c := range n.cues(ps) {
		if n.patients(c) {
			out = append(out, c)
		}
	}
	return out
}

// runRanges returns the work's sentence ranges when they hold this
// note's tokens in sentence order, each sentence's a run (discriminate
// indexed them before the rules run: sentenceRanges.tokRun), nil
// otherwise: a rule reading only some sentences' tokens then reads their
// runs rather than every token's sentence. (Not tokenRuns, the function
// that lays the runs: sentenceruns.go.)
func (n *ruleNote) runRanges() *sentenceRanges {
	if n.w == nil || n.doc != &n.w.doc {
		return nil
	}
	if sr := &n.w.sr; sr.tokRun && len(sr.tok) == len(n.doc.Sentences) {
		return sr
	}
	return nil
}

// age is age(doc), read once per note.
func (n *ruleNote) age() int {
	if !n.ageDone {
		n.ageYrs, n.ageDone = age(n.doc), true
	}
	return n.ageYrs
}

// pregnant says whether the note documents a pregnancy (doc.Pregnancy's
// ok), asked once per note.
func (n *ruleNote) pregnant() bool {
	if n.w != nil && n.doc == &n.w.doc {
		return n.w.pregnant()
	}
	_, ok := n.doc.Pregnancy()
	return ok
}

// weeks is weeksOfGestation, read once per note.
func (n *ruleNote) weeks() (int, cue, bool) {
	if !n.wkDone {
		n.wk, n.wkCue, n.wkOK = weeksOfGestation(n)
		n.wkDone = true
	}
	return n.wk, n.wkCue, n.wkOK
}
