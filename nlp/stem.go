package nlp

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/kljensen/snowball/english"
)

// word is an interned normalised form with its stem. It is 64 bytes, one
// cache line of its size class, with what makeTokens reads of every
// token's word; the rare dictionary entries are behind ext.
type word struct {
	norm, stem string
	head       uint64       // norm's first eight bytes (wordHead)
	trig       *triggerNode // the trigger trie's node of the form when it starts an assertion trigger (a child of the root), else nil
	ext        *wordExt     // nil unless the form is an abbreviation or its stem has expansions (abbrev, synonyms)
	stop       bool
	sense      senseWords  // the sense gates the form can open (sensewords.go)
	prefix     boundPrefix // a bound prefix of compounds (compound.go)
	tw         uint16      // the trigger id of the form when it continues an assertion trigger (triggerTrie.ids), else 0
}

// wordExt is what few words have: the dictionaries' entries of the
// form. It is never modified once a word points at it (setAbbr and
// setSyn copy it), so that copies of a word stay independent.
type wordExt struct {
	abbr *abbreviation // senses when the form is a dictionary abbreviation
	syn  *synonym      // expansions of the word's (canonical) stem
}

// abbrev is the word's abbreviation senses, or nil.
func (w *word) abbrev() *abbreviation {
	if w.ext == nil {
		return nil
	}
	return w.ext.abbr
}

// synonyms is the expansions of the word's stem, or nil.
func (w *word) synonyms() *synonym {
	if w.ext == nil {
		return nil
	}
	return w.ext.syn
}

// setAbbr sets the word's abbreviation senses, in a copy of its ext.
func (w *word) setAbbr(a *abbreviation) {
	e := wordExt{syn: w.synonyms(), abbr: a}
	w.setExt(e)
}

// setSyn sets the expansions of the word's stem, in a copy of its ext.
func (w *word) setSyn(syn *synonym) {
	e := wordExt{abbr: w.abbrev(), syn: syn}
	w.setExt(e)
}

// setExt points w at a new copy of e, or at nothing when e is empty.
func (w *word) setExt(e wordExt) {
	if e == (wordExt{}) {
		w.ext = nil
		return
	}
	w.ext = &e
}

// wordHead returns the head of a word spelled s: its first eight bytes
// as a little-endian number, zero past the end of s.
func wordHead(s string) (head uint64) {
	for i := min(len(s), 8) - 1; i >= 0; i-- {
		head = head<<8 | uint64(s[i])
	}
	return head
}

// wordTail returns the last eight bytes of s, a string of at least
// eight, as a little-endian number: one load, read through a byte slice
// of s's bytes that nothing writes, cheap enough for spellsShort to stay
// inlined.
func wordTail(s string) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[len(s)-8:]), 8))
}

// vocab maps normalised forms to interned words. The fixed part is built by
// New from every dictionary word and is read without locking; words seen
// later go to a bounded, sharded cache so the pipeline stays safe for
// concurrent use and its memory stays bounded: readers probe a shard's
// table without locking, writers take its mutex (shardtable.go). A full
// shard is emptied, which costs speed only: stems are a pure function of
// the form.
type vocab struct {
	fixed    map[string]word
	sealed   bool // the fixed words are in the shards' tables (seal)
	shards   [vocabShards]vocabShard
	stop     map[string]struct{}
	canon    map[string]string   // synonym norm -> canonical stem ("renal" -> "kidney")
	syn      map[string]*synonym // canonical stem -> expansions ("cancer" -> malignant neoplasm)
	noStem   bool
	shardCap int
	// trigFirst are the first words of the assertion triggers (the
	// trigger trie's root), once New built it (setTriggers).
	trigFirst map[string]*triggerNode
	// trigIDs are the trigger ids of the words that continue a trigger
	// (triggerTrie.ids), once New built the trie (setTriggers).
	trigIDs map[string]uint16
}

const (
	vocabShards   = 64
	vocabShardCap = 4096
)

type vocabShard struct {
	mu    sync.Mutex // held by writers; readers load table
	table atomic.Pointer[shardTable]
	fixed []fixedWord // the shard's fixed words, in every table (seal)
}

func newVocab(noStem bool) *vocab {
	v := &vocab{fixed: make(map[string]word, 4096), stop: stopSet(), canon: map[string]string{}, syn: map[string]*synonym{}, noStem: noStem, shardCap: vocabShardCap}
	return v
}

// stemOf computes the stem of a normalised form. Forms holding a digit, and
// forms of one or two bytes, are their own stem.
func (v *vocab) stemOf(norm string) string {
	if v.noStem || len(norm) <= 2 {
		return norm
	}
	for i := 0; i < len(norm); i++ {
		if isDigitByte(norm[i]) {
			return norm
		}
	}
	if keepWhole(norm) {
		return norm
	}
	return english.Stem(norm, false)
}

// keepWhole reports forms the English stemmer would fold onto another
// word: an inflammation ("-itis") onto its organ ("sinusitis" and
// "sinus", "thyroiditis" and "thyroid", "pancreatitis" and "pancreatic"),
// and a Latin organism epithet onto its disease ("pneumoniae" and
// "pneumonia", "influenzae" and "influenza", "gonorrhoeae"), and the "-ism"
// disorders that are not their root ("alcoholism" is no "alcohol" use a
// social history mentions, "parkinsonism" no Parkinson disease), and
// "severity", which names the scale and not its top ("severity not yet
// classified", "mild in severity" are no "severe"). They are their own
// stem.
func keepWhole(norm string) bool {
	n := len(norm)
	switch {
	case norm == "alcoholism" || norm == "parkinsonism" || norm == "severity":
		return true
	case n > 6 && norm[n-4:] == "itis":
		return true
	case n > 6 && (norm[n-3:] == "iae" || norm[n-3:] == "zae" || norm[n-3:] == "eae"):
		return true
	}
	return false
}

// newWord analyses a normalised form: its stem is the canonical stem of a
// synonym, else its own.
func (v *vocab) newWord(norm string) word {
	_, stop := v.stop[norm]
	stem, ok := v.canon[norm]
	if !ok {
		stem = v.stemOf(norm)
	}
	w := word{norm: norm, stem: stem, stop: stop, sense: senseWordsOf(norm), prefix: boundPrefixOf(norm), trig: v.trigFirst[norm], tw: v.trigIDs[norm]}
	w.setSyn(v.syn[stem])
	w.head = wordHead(norm)
	return w
}

// setTriggers records the triggers' first words and the trigger ids of
// the words that continue them, marks the fixed words among them and
// forgets the cached words (analysed before, unmarked); only New calls
// it, before seal.
func (v *vocab) setTriggers(first map[string]*triggerNode, ids map[string]uint16) {
	v.trigFirst, v.trigIDs = first, ids
	for norm, w := range v.fixed {
		w.trig, w.tw = first[norm], ids[norm]
		v.fixed[norm] = w
	}
	for i := range v.shards {
		v.shards[i].table.Store(nil)
	}
}

// add puts a form into the fixed table; only New calls it.
func (v *vocab) add(norm string) word {
	if w, ok := v.fixed[norm]; ok {
		return w
	}
	w := v.newWord(norm)
	v.fixed[norm] = w
	return w
}

// seal puts the fixed words into the shards' tables, which then hold
// nothing else; New calls it last. Each fixed word is stored once, so a
// lookup returns the same word whichever table holds it.
func (v *vocab) seal() {
	for norm, w := range v.fixed {
		h := fnv1a([]byte(norm))
		s := &v.shards[h%vocabShards]
		s.fixed = append(s.fixed, fixedWord{w: &w, h: h})
	}
	for i := range v.shards {
		s := &v.shards[i]
		s.table.Store(s.fixedTable())
	}
	v.sealed = true
}

// linkSynonyms attaches expansions to the fixed words added before the
// synonym table was complete; only New calls it.
func (v *vocab) linkSynonyms() {
	for norm, w := range v.fixed {
		if e := v.syn[w.stem]; e != w.synonyms() {
			w.setSyn(e)
			v.fixed[norm] = w
		}
	}
}

// lookup returns the word for the normalised bytes b, computing and caching
// it when new. It does not allocate for known words.
func (v *vocab) lookup(b []byte) word { return v.lookupHashed(b, fnv1a(b)) }

// lookupHashed is lookup given h, the FNV-1a hash of b.
func (v *vocab) lookupHashed(b []byte, h uint32) word { return *v.find(b, h) }

// find is lookupHashed returning the interned word, which the caller
// must not modify.
func (v *vocab) find(b []byte, h uint32) *word {
	if !v.sealed {
		if w, ok := v.fixed[string(b)]; ok {
			return &w
		}
	}
	s := &v.shards[h%vocabShards]
	if t := s.table.Load(); t != nil {
		if w := t.find(b, h); w != nil {
			return w
		}
	}
	w := v.newWord(string(b))
	s.mu.Lock()
	p := s.store(w, h, v.shardCap)
	s.mu.Unlock()
	return p
}
