package suggest

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"medcode/corpus"
	"medcode/nlp"
)

// Conflict resolution: which of the scored candidates a coder would keep
// when two of them say the same thing at different specificity, or may
// not be coded together. Decisions rest on what the note documents and on
// the code sets' own structure, never on priors:
//
//   - less_specific: an unspecified code gives way to a documented code of
//     its category that says more (N18.9 beside N18.31, E78.5 beside
//     E78.2), and a code gives way to one the Alphabetic Index reaches
//     through subterms of its own entry (I10 "Hypertension" beside I12.9
//     "Hypertension, kidney"; R52 "Pain" beside "Pain, knee").
//   - contradicted: a "without complications" code gives way to a fully
//     documented code "with" a complication of its category.
//   - integral_symptom: a sign or symptom (chapter R) gives way to a
//     documented diagnosis that has it as a routine part: one whose names
//     carry the symptom's words (fever in "Dengue fever") or, as a
//     supplement, a classic pair of integralPairs (dysuria with a UTI).
//   - excludes1: of two codes excluding each other, the better documented
//     stays (an exact name match over a partial one, a diagnosis over a
//     symptom, a specified code over an unspecified one), the ranking only
//     breaking ties.
//
// A code gives way only to a replacement that is itself recommended: at
// least at the decision threshold, documented by an official name its words
// match exactly, and not giving way itself. Otherwise both stay, so no
// condition vanishes. A code that gives way under less_specific,
// integral_symptom or excludes1 is still documented: it stays ranked below
// the decision threshold and the code it yields to, with its reason as an
// edit (yieldTo); only a code the note contradicts, or an Excludes1 loser
// with no words of its own (or any loser in annotation mode), is rejected.

// support grades a candidate's own documentation.
type support struct {
	level       int  // 0: no words of its own (sibling); 1: partial or learned; 2: exact official name
	symptom     bool // ICD-10-CM chapter R
	unspecified bool // the title says "unspecified"
	reason      bool // named only in the note's reason for the visit or study (reason.go)
	answer      bool // named in the note's conclusion (impression, assessment, diagnoses)
	asked       bool // a recommended code's notes ask for it as an additional code

	// What giveWay reads of the code's own strings, worked out once per
	// candidate rather than once per pair (pairFacts).
	icd         bool           // an ICD-10-CM code (factICD: its brief's System is corpus.ICD10CM)
	withoutComp bool           // ICD-10-CM title says "without complication"
	withComp    bool           // ICD-10-CM title says " with " and not "without"
	canExplain  bool           // may explain a symptom (explains: not R, not Z, no symptomPrefix)
	id          corpus.ID      // the code's id (pairFacts), 0 when not known
	cat         int32          // the code's category number (codeFact.cat), -1 when not known
	lists       bool           // explainers and integral are filled
	explainers  []string       // a reason symptom's explainedBy prefixes (explains)
	integral    []string       // a symptom's integralPairs diagnosis prefixes (integralPair)
	names       *conflictNames // the code's names

	// explainFirst and integralFirst have the firstBit of each prefix of
	// explainers and integral set: a code whose first byte's bit is clear
	// starts with none of them, so most pairs skip the prefix loop.
	explainFirst, integralFirst uint64

	// keyMask and keyBits are the keyMask and keyBits of the code's
	// title stems (keysOf), read when keyRead (keyNone: the title has
	// none); stemsAny and stemBitsAny are the stemsAny and stemBitsAny of
	// its names' stems (stemsOf), read when stemsRead. The resolve loop
	// reads them once per candidate for mayGive's symptom test
	// (namesSymptom's first tests), not once per pair.
	keyMask, keyBits, stemsAny, stemBitsAny uint64
	keyRead, keyNone, stemsRead             bool
}

// pairFacts fills s's per-candidate flags and names of giveWay for code
// id.
func (e *Engine) pairFacts(s *support, id corpus.ID) {
	s.names = e.conflictNames(id)
	s.id = id
	var spare codeFact
	f := e.factIn(id) // inlined: the table's entry, the call only past it
	if f == nil {
		f = e.factRef(id, &spare)
	}
	s.cat = -1
	if f.flags&factKnown != 0 {
		s.cat = f.cat
	}
	s.icd = f.flags&factICD != 0
	s.withoutComp = f.flags&factWithoutComp != 0
	s.withComp = f.flags&factWithComp != 0
	s.canExplain = f.flags&factCanExplain != 0
}

// pairLists fills s's explainers and integral for code b, once. The
// test of lists is the whole of most calls: it is kept small enough to
// be inlined into giveWay, fillLists doing the rest.
func (e *Engine) pairLists(s *support, b *corpus.Brief) *support {
	if !s.lists {
		e.fillLists(s, b)
	}
	return s
}

// fillLists is pairLists' first call: the lists of the code's id from
// the engine's table (symptomlists.go), worked out from b's code for a
// support of no id or a code past the table.
func (e *Engine) fillLists(s *support, b *corpus.Brief) {
	s.lists = true
	l, ok := e.symptomListsOf(s.id)
	if !ok {
		v := e.listsByString(b.Code)
		l = &v
	}
	if s.reason && !s.asked {
		s.explainers, s.explainFirst = l.explainers, l.explainFirst
	}
	if s.symptom {
		s.integral, s.integralFirst = l.integral, l.integralFirst
	}
}

// firstBit is the bit of a code's first byte in a prefix set's mask
// (support.explainFirst): bytes 64 apart share a bit, which only lets a
// pair through to the prefix loop.
func firstBit(c byte) uint64 { return 1 << (c & 63) }

// firstBits returns the mask of firstBit of each of prefixes' first bytes
// (all bits when one is empty: it is a prefix of every code).
func firstBits(prefixes []string) uint64 {
	var m uint64
	for _, p := range prefixes {
		if p == "" {
			return ^uint64(0)
		}
		m |= firstBit(p[0])
	}
	return m
}

// hasPrefixBytes is strings.HasPrefix(d, p) compared byte by byte: the
// prefixes are a few bytes and most differ from d at the first, where
// HasPrefix calls memequal for each.
func hasPrefixBytes(d, p string) bool {
	if len(p) > len(d) {
		return false
	}
	for i := range len(p) {
		if d[i] != p[i] {
			return false
		}
	}
	return true
}

// explainers is strings.Fields(explainedBy[sp]), split once per engine
// and sorted (explainedIn stops at the first prefix sorting after the
// code).
func (e *Engine) explainers(sp string) []string {
	t := &e.rank
	t.explainOnce.Do(func() {
		t.explainedBy = make(map[string][]string, len(explainedBy))
		for k, v := range explainedBy {
			f := strings.Fields(v)
			slices.Sort(f)
			t.explainedBy[k] = f
		}
	})
	return t.explainedBy[sp]
}

// explainedIn is explains(d, s) for d's and s's support (pairFacts).
func explainedIn(d string, sd, ss *support) bool {
	if !sd.canExplain || d != "" && ss.explainFirst&firstBit(d[0]) == 0 {
		return false
	}
	return sortedPrefixOf(d, ss.explainers)
}

// sortedPrefixOf reports whether one of the sorted prefixes is a prefix of
// d. A prefix of d sorts at or before d: the scan stops at the first
// prefix differing from d by a greater byte, as every later one sorts
// after it (TestPairFactsAgree holds it to explains).
func sortedPrefixOf(d string, prefixes []string) bool {
	for _, p := range prefixes {
		k := 0
		for k < len(p) && k < len(d) && p[k] == d[k] {
			k++
		}
		if k == len(p) {
			return true
		}
		if k < len(d) && p[k] > d[k] {
			return false
		}
	}
	return false
}

// integralIn is integralPair(s, d) for s's support (pairFacts).
func integralIn(d string, ss *support) bool {
	if d != "" && ss.integralFirst&firstBit(d[0]) == 0 {
		return false
	}
	for _, dp := range ss.integral {
		if hasPrefixBytes(d, dp) {
			return true
		}
	}
	return false
}

// gradeInto grades k into s, a zero support: its level, symptom and
// unspecified, written in place (a support is large: made and returned by
// value it was zeroed and copied twice a candidate).
func (e *Engine) gradeInto(s *support, k *scored) {
	var spare codeFact
	f := e.factIn(k.code) // inlined: the table's entry, the call only past it
	if f == nil {
		f = e.factRef(k.code, &spare)
	}
	s.symptom, s.unspecified = f.flags&factSymptom != 0, f.flags&factUnspecified != 0
	if k.c.sibling || len(k.c.mentions) == 0 {
		return
	}
	s.level = 1
	for mi := range k.c.mentions {
		m := &k.c.mentions[mi]
		if !m.learned && m.hit.Coverage >= 0.99 && !m.dominated && m.partNeg == 0 {
			s.level = 2
			break
		}
	}
}

// unspecifiedTitle reports whether a title says "unspecified".
func unspecifiedTitle(display string) bool {
	return strings.Contains(display, "unspecified") || strings.HasPrefix(display, "Unspecified")
}

// better reports whether a's documentation beats b's under Excludes1: the
// exact match over the partial, a diagnosis over a symptom, the specified
// over the unspecified. It is false on a tie.
func better(a, b support) bool {
	if a.level != b.level {
		return a.level > b.level
	}
	if a.symptom != b.symptom {
		return !a.symptom
	}
	if a.unspecified != b.unspecified {
		return !a.unspecified
	}
	return false
}

// conflictNames are the names of one code the conflict checks read,
// built once per engine (Engine.conflictMemo); the analysed parts (keys,
// stems) are made on first use, once, and only for the codes a check
// reads them of.
type conflictNames struct {
	// The fields the resolve loop reads per candidate and pair come
	// first, in the order it reads them, so that they share the object's
	// first cache line (the object is 256 bytes, a size class the
	// allocator lays on 256-byte boundaries): pathsBits (giveGate,
	// reachedThrough's first test), the path count, excl (clashOf, per
	// kept candidate) and pathHashes (reachedThrough). Laid as the
	// struct's other fields were, they sat on three or four lines a
	// code, each a miss for a code not read lately.
	pathsBits pathBits
	nPaths    int32
	nPaired   int32
	// excl is the code's exclCode (exclCodeOf), nil when it lists no
	// prefix: resolveConflicts reads it beside the names, without a
	// second memo's lookup.
	excl *exclCode
	// withinHashes are the pathHash of each lower-cased within prefix,
	// in hash order, as the prefixes are. pathHashes are pathHash of each
	// path. withinBits has the bit of each of withinHashes set, pathsBits
	// of each of pathHashes: a path whose bit is clear, or whose hash is
	// not there, is not within (reachedThrough).
	pathHashes   []uint64
	withinBits   pathBits
	withinHashes []uint64
	id           corpus.ID
	// strs holds, end to end (strList: a memo kept for every code a note
	// names, its strings are one object for the collector), the code's
	// own lower-case Alphabetic Index paths (path), then the code
	// prefixes its (and its ancestors') "code first", "use additional
	// code" and "code also" notes name (pairedAt: codes coded with it,
	// not instead of it), then the proper prefixes (at a comma) of the
	// index paths of the code and its ancestors (withinAt), each once
	// (lower-case when not ASCII; lowerIs compares them).
	strs strList
	// pairedBits has the categoryBit of each paired prefix set (all of
	// them when one is shorter than a category): a code whose category's
	// bit is clear starts with none (pairedWith).
	pairedBits pathBits

	key   atomic.Pointer[conflictKeys]
	stems atomic.Pointer[conflictStems]
	// The blank field makes the object 256 bytes (224 without it): objects of 224
	// bytes start every 224 bytes, half of them in the middle of a
	// cache line, where the first fields above would straddle two.
	_ [32]byte
}

// pathCount is the number of the code's own Index paths; path is the
// i-th.
func (n *conflictNames) pathCount() int    { return int(n.nPaths) }
func (n *conflictNames) path(i int) string { return n.strs.at(i) }

// pairedCount is the number of code prefixes the notes pair the code
// with; pairedAt is the i-th.
func (n *conflictNames) pairedCount() int      { return int(n.nPaired) }
func (n *conflictNames) pairedAt(i int) string { return n.strs.at(int(n.nPaths) + i) }

// withinAt is the i-th within prefix, in withinHashes' order.
func (n *conflictNames) withinAt(i int) string { return n.strs.at(int(n.nPaths+n.nPaired) + i) }

// conflictKeys are the title and Index path stems of a code (keysOf).
type conflictKeys struct {
	key  []string   // the stems of its title without vague or bracketed words
	keys [][]string // key, then the stems of each own index path without vague words
	// keyMask has bit stemBit(s) set for every stem s of key: a name
	// whose mask lacks one cannot hold every stem of key (namesSymptom).
	keyMask uint64
	// keyHashes are the pathHash of each stem of key: a stem whose hash
	// differs is another stem.
	keyHashes []uint64
	// keyBits is hashBits of keyHashes, a second mask as keyMask is:
	// bits of another hash.
	keyBits uint64
}

// conflictStems are the stems of every name of a code and its ancestors
// (stemsOf).
type conflictStems struct {
	stems [][]string // stems of every name of the code and its ancestors (none saying "without")
	// stemMasks have bit stemBit(s) set for every stem s of each stems
	// entry, stemsAny their union; stemHashes are the pathHash of each
	// stem of stems.
	stemMasks  []uint64
	stemsAny   uint64
	stemHashes [][]uint64
	// stemBits are hashBits of each stemHashes entry: a name whose
	// stemMasks entry holds keyMask may still lack a stem of the key
	// (64 bits, some ten stems a name), which its stemBits entry most
	// often tells without comparing its stems' hashes.
	stemBits []uint64
	// stemBitsAny is the union of stemBits: a key whose keyBits it lacks
	// one of is in no name.
	stemBitsAny uint64
}

// hashBits is the mask of the top six bits of each of the pathHashes hs:
// a stem's bit of another hash than stemBit's.
func hashBits(hs []uint64) uint64 {
	var m uint64
	for _, h := range hs {
		m |= 1 << (h >> 58)
	}
	return m
}

// stemBit is the bit of stem s in a conflictNames mask.
func stemBit(s string) uint64 { return 1 << (fnv1a(s) & 63) }

// stemMask is the mask of stems.
func stemMask(stems []string) uint64 {
	var m uint64
	for _, s := range stems {
		m |= stemBit(s)
	}
	return m
}

// conflictNames returns the names of code id the conflict checks read.
func (e *Engine) conflictNames(id corpus.ID) *conflictNames {
	if n, ok := e.conflictMemo.load(e.set, id); ok {
		return n
	}
	n := &conflictNames{id: id, excl: e.exclCodeOf(id).orNil()}
	var paths, paired []string
	own := e.set.Code(id) // read once, for its paths and as the first of its line
	if code := own; code != nil {
		for _, nm := range code.Names {
			if nm.Kind == corpus.NameIndex {
				paths = append(paths, strings.ToLower(nm.Text))
			}
		}
	}
	var within []pathPrefix
	for c := id; c != 0; c = e.parent(c) {
		code := own
		if c != id {
			code = e.set.Code(c)
		}
		if code == nil {
			break
		}
		for _, ns := range [][]string{code.Notes.CodeFirst, code.Notes.UseAdditional, code.Notes.CodeAlso} {
			for _, note := range ns {
				for _, m := range codeRef.FindAllStringSubmatch(note, -1) {
					paired = append(paired, strings.TrimSuffix(m[1], "."))
				}
			}
		}
		for _, nm := range code.Names {
			if nm.Kind == corpus.NameIndex && isASCII(nm.Text) {
				// An ASCII name keeps its own bytes (the code set's
				// string, no copy), lower-cased when compared (lowerIs),
				// its prefixes hashed lower-cased as the walk passes.
				t, h := nm.Text, pathHashSeed
				for i := range len(t) {
					c := t[i]
					if c == ',' {
						within = append(within, pathPrefix{h, t[:i]}) // pathHash of the lower-cased t[:i]
					}
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					h = pathHashByte(h, c)
				}
				continue
			}
			if nm.Kind == corpus.NameIndex {
				p, keep := strings.ToLower(nm.Text), nm.Text
				if !isASCII(keep) {
					keep = p
				}
				for i := range len(p) {
					if p[i] == ',' {
						within = append(within, pathPrefix{pathHash(p[:i]), keep[:i]})
					}
				}
			}
		}
	}
	n.lay(paths, paired, within)
	n.setPairedBits()
	return e.conflictMemo.store(e.set, id, n)
}

// pathPrefix is a within prefix of an Index name (p, lower-case when not
// ASCII) and the pathHash of its lower-cased bytes (h).
type pathPrefix struct {
	h uint64
	p string
}

// lay fills n's strings, hashes and bits from its own lower-case Index
// paths, its paired prefixes and its names' within prefixes (sorted here
// by hash, each string kept once; within's order is lost).
func (n *conflictNames) lay(paths, paired []string, within []pathPrefix) {
	for _, p := range paths {
		h := pathHash(p)
		n.pathHashes = append(n.pathHashes, h)
		n.pathsBits.set(h)
	}
	slices.SortFunc(within, func(a, b pathPrefix) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return strings.Compare(a.p, b.p)
	})
	within = slices.CompactFunc(within, func(a, b pathPrefix) bool { return a.p == b.p })
	strs := slices.Grow(append(paths, paired...), len(within))
	if len(within) > 0 {
		n.withinHashes = make([]uint64, len(within))
		for i, w := range within {
			strs = append(strs, w.p)
			n.withinHashes[i] = w.h
			n.withinBits.set(w.h)
		}
	}
	n.strs, n.nPaths, n.nPaired = packStrings(strs), int32(len(paths)), int32(len(paired))
}

// keysOf returns n's title and Index path stems, made on first use.
func (e *Engine) keysOf(n *conflictNames) *conflictKeys {
	if k := n.key.Load(); k != nil {
		return k
	}
	k := &conflictKeys{}
	if code := e.set.Code(n.id); code != nil {
		k.key = e.keyStems(corpus.WithoutBracketed(code.Display))
		k.keyMask = stemMask(k.key)
		k.keyHashes = stemHashes(k.key)
		k.keyBits = hashBits(k.keyHashes)
		k.keys = append(k.keys, k.key)
		for _, nm := range code.Names {
			if nm.Kind == corpus.NameIndex {
				k.keys = append(k.keys, e.keyStems(nm.Text))
			}
		}
	}
	if n.key.CompareAndSwap(nil, k) {
		return k
	}
	return n.key.Load()
}

// stemsOf returns the stems of every name of n's code and its ancestors,
// made on first use.
func (e *Engine) stemsOf(n *conflictNames) *conflictStems {
	if st := n.stems.Load(); st != nil {
		return st
	}
	cs := &conflictStems{}
	nstems := 0
	for c := n.id; c != 0; c = e.parent(c) {
		code := e.set.Code(c)
		if code == nil {
			break
		}
		for _, nm := range code.Names {
			if !containsLower(nm.Text, "without") {
				st := e.ix.StemsKept(nm.Text) // shared, read only
				cs.stems = append(cs.stems, st)
				nstems += len(st)
			}
		}
	}
	// The masks and hashes of all the names share two arrays.
	cs.stems = slices.Clip(cs.stems)
	cs.stemMasks = make([]uint64, len(cs.stems))
	cs.stemHashes = make([][]uint64, len(cs.stems))
	cs.stemBits = make([]uint64, len(cs.stems))
	hashes := make([]uint64, 0, nstems)
	for i, st := range cs.stems {
		cs.stemMasks[i] = stemMask(st)
		cs.stemsAny |= cs.stemMasks[i]
		at := len(hashes)
		for _, s := range st {
			hashes = append(hashes, pathHash(s))
		}
		cs.stemHashes[i] = hashes[at:len(hashes):len(hashes)]
		cs.stemBits[i] = hashBits(cs.stemHashes[i])
		cs.stemBitsAny |= cs.stemBits[i]
	}
	if n.stems.CompareAndSwap(nil, cs) {
		return cs
	}
	return n.stems.Load()
}

// keyStems are the stems of text without vague words.
func (e *Engine) keyStems(text string) []string {
	st := e.ix.StemsKept(text)
	n := 0
	for _, s := range st {
		if !e.vague[s] {
			n++
		}
	}
	if n == len(st) {
		return st // shared, read only
	}
	out := make([]string, 0, n)
	for _, s := range st {
		if !e.vague[s] {
			out = append(out, s)
		}
	}
	return out
}

// vagueWords say nothing about what a symptom is.
var vagueWords = []string{"unspecified", "other", "NOS", "NEC", "specified", "site", "not", "elsewhere", "classified"}

// reachedThrough reports whether one of b's index paths (its own or its
// ancestors') continues one of a's own paths with subterms: the Index
// reaches b by specifying a.
func reachedThrough(a, b *conflictNames) bool {
	if !b.withinBits.meets(&a.pathsBits) {
		return false
	}
	for i, h := range a.pathHashes {
		if !b.withinBits.has(h) {
			continue
		}
		// b's within prefixes are a few (~7), in hash order: a scan to
		// the first hash not below h finds its run, as the binary search
		// it replaces did, without a call per path whose bit is set
		// (most of them another path's: TestReachedThroughAgrees).
		for j, x := range b.withinHashes {
			if x < h {
				continue
			}
			if x != h {
				break
			}
			if lowerIs(b.withinAt(j), a.path(i)) {
				return true
			}
		}
	}
	return false
}

// lowerIs reports whether s with its ASCII letters lower-cased is lower
// (s ASCII or already lower-case: strings.ToLower(s) == lower).
func lowerIs(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// pathHash is the 64-bit FNV-1a hash of s (an Index path, a stem).
func pathHash(s string) uint64 {
	h := pathHashSeed
	for i := 0; i < len(s); i++ {
		h = pathHashByte(h, s[i])
	}
	return h
}

// pathHashSeed is pathHash of "" (FNV-1a's offset basis).
const pathHashSeed = uint64(14695981039346656037)

// pathHashByte is pathHash's step: the hash of a string and then c, from
// h, the string's.
func pathHashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * 1099511628211 }

// pathBits is a set of path hashes as 256 bits, one per hash (its top
// eight bits): a code's within holds ~7 prefixes and its paths ~8, so
// that two codes' bits rarely meet unless a path is shared, where 64 bits
// let most pairs through to the binary search.
type pathBits [4]uint64

// set adds the path of hash h.
func (b *pathBits) set(h uint64) { b[h>>62] |= 1 << ((h >> 56) & 63) }

// has reports whether h's bit is set: the path of hash h may be in the
// set.
func (b *pathBits) has(h uint64) bool { return b[h>>62]&(1<<((h>>56)&63)) != 0 }

// meets reports whether b and o share a bit.
func (b *pathBits) meets(o *pathBits) bool {
	return b[0]&o[0]|b[1]&o[1]|b[2]&o[2]|b[3]&o[3] != 0
}

// setPairedBits fills n.pairedBits from its paired prefixes.
func (n *conflictNames) setPairedBits() {
	n.pairedBits = pathBits{}
	for i := range n.pairedCount() {
		p := n.pairedAt(i)
		if len(p) < 3 {
			n.pairedBits = pathBits{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			return
		}
		n.pairedBits.set(categoryBit(p))
	}
}

// categoryBit is the pathBits hash of s's first three bytes (len(s) >= 3):
// a code starts with a prefix of three bytes or more only if the two's
// hashes agree.
func categoryBit(s string) uint64 {
	return (uint64(s[0])<<16 | uint64(s[1])<<8 | uint64(s[2])) * 0x9E3779B97F4A7C15
}

// pairedWith reports whether a's notes ask for code b beside it. Most
// pairs giveWay reads are paired by neither code's notes: their
// categories' bits answer without comparing b to each prefix.
func pairedWith(a *conflictNames, b string) bool {
	return a.nPaired != 0 && (len(b) < 3 || a.pairedBits.has(categoryBit(b))) && pairedScan(a, b)
}

// pairedScan is pairedWith comparing b to every paired prefix.
func pairedScan(a *conflictNames, b string) bool {
	for i := range a.pairedCount() {
		if strings.HasPrefix(b, a.pairedAt(i)) {
			return true
		}
	}
	return false
}

// namesSymptom reports whether a name of code b carries every word of a's
// title (a symptom, or the unspecified code of b's category).
func namesSymptom(a *conflictKeys, b *conflictStems) bool {
	if len(a.key) == 0 || a.keyMask&^b.stemsAny != 0 || a.keyBits&^b.stemBitsAny != 0 {
		return false
	}
	for i, st := range b.stems {
		if a.keyMask&^b.stemMasks[i] != 0 || a.keyBits&^b.stemBits[i] != 0 {
			continue // a stem of a's key is not in this name
		}
		all := true
		for ki, kh := range a.keyHashes {
			if !hasStem(st, b.stemHashes[i], a.key[ki], kh) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// hasStem is slices.Contains(stems, k) for k of hash kh and stems of
// hashes hs (stemHashes): only a stem of the same hash is compared.
func hasStem(stems []string, hs []uint64, k string, kh uint64) bool {
	for j, h := range hs {
		if h == kh && stems[j] == k {
			return true
		}
	}
	return false
}

// stemHashes returns the pathHash of each of stems.
func stemHashes(stems []string) []uint64 {
	hs := make([]uint64, len(stems))
	for i, st := range stems {
		hs[i] = pathHash(st)
	}
	return hs
}

// integralPairs supplements namesSymptom with classic signs and symptoms
// routinely part of a diagnosis whose names do not say so (guideline
// I.B.5): symptom code prefix -> diagnosis code prefixes.
var integralPairs = map[string][]string{
	"R30.0":  {"N30", "N39.0", "N10", "N34"},   // dysuria: cystitis, UTI, pyelonephritis, urethritis
	"R35.0":  {"N30", "N39.0", "N10", "N40.1"}, // urinary frequency
	"R39.1":  {"N30", "N39.0", "N10", "N40.1"}, // urgency, hesitancy, poor stream
	"R50":    {"J09", "J10", "J11", "J12", "J13", "J14", "J15", "J16", "J17", "J18", "A40", "A41", "N10", "J02", "J03", "J20", "B34", "A08", "A09"},
	"R05":    {"J09", "J10", "J11", "J12", "J13", "J14", "J15", "J16", "J17", "J18", "J20", "J40", "J41", "J42", "J44", "J45", "J06", "U07.1"},
	"R06.0":  {"I50", "J44", "J45", "J81", "I26"},
	"R06.2":  {"J44", "J45", "J21"},
	"R07.2":  {"I20", "I21", "I22", "I24"},
	"R07.9":  {"I20", "I21", "I22", "I24"},
	"R07.89": {"I20", "I21", "I22", "I24"},
	"R51":    {"G43", "G44"},
	"R11":    {"A08", "A09", "K29", "K52", "K56", "O21"},
	"R10":    {"K35", "K37", "K80", "K81", "K85", "K57", "K50", "K51", "N20"},
	"R19.7":  {"A04", "A08", "A09", "K50", "K51", "K52", "K58.0"},
	"R60":    {"I50", "N04"},
	"R07.0":  {"J02", "J03"},
	"R09.81": {"J00", "J01", "J30", "J32"},
	"R42":    {"H81"},
	"R21":    {"B01", "B05", "B06", "B08", "L20", "L23", "L24", "L30", "L50"},
	"R31":    {"N20", "N21", "N30"},
	"R53.8":  {"D50", "D51", "D52", "D53", "D64"},
}

// integralLens has bit k set when a key of integralPairs is k bytes long
// (k < 64): pairLists looks up only prefixes of those lengths, three of a
// six-byte code (TestIntegralLens holds it to the table's keys).
const integralLens = 1<<3 | 1<<5 | 1<<6

// integralPair reports whether symptom code s is routinely part of
// diagnosis code d by integralPairs.
func integralPair(s, d string) bool {
	for k := 1; k <= len(s); k++ {
		ds, ok := integralPairs[s[:k]]
		if !ok {
			continue
		}
		for _, dp := range ds {
			if strings.HasPrefix(d, dp) {
				return true
			}
		}
	}
	return false
}

// mayYield is giveWay's first test: a and b are ICD-10-CM codes, not the
// same one, and the note supports b. Most pairs fail it, so callers test
// it before calling giveWay. The supports' pairFacts are filled: their
// icd flags say what the briefs' systems say (TestSupportICD), without
// comparing strings per pair.
func mayYield(a, b *scored, sa, sb *support) bool {
	return sa.icd && sb.icd && a.code != b.code && sb.level != 0
}

// lessOnly reports whether giveWay can find no rule for a code of support
// sa but less_specific: it is not "without complication" (contradicted),
// not a reason for the visit left to explain (integral_symptom by the
// conclusion) and not a symptom (integral_symptom).
func lessOnly(sa *support) bool {
	return !sa.withoutComp && !(sa.reason && !sa.asked) && !sa.symptom
}

// giveWay returns the rule for which a (a worse or redundant code) gives
// way to b, or "", and which of giveWayReason's reasons says why: the
// reason is written only for the replacement a gives way to.
func (e *Engine) giveWay(a, b *scored, ab, bb *corpus.Brief, sa, sb *support, annotate bool) (string, giveWhy) {
	if !mayYield(a, b, sa, sb) {
		return "", 0
	}
	sameCat := sa.cat == sb.cat // both known: the category numbers say it
	if sa.cat < 0 || sb.cat < 0 {
		sameCat = category(ab.Code) == category(bb.Code)
	}
	// "Without complications" against a documented complication.
	if sa.withoutComp && sameCat && sb.level == 2 && !b.c.sibling && sb.withComp {
		return "contradicted", whyComplication
	}
	if annotate {
		return "", 0
	}
	na, nb := sa.names, sb.names
	explained := sa.reason && !sa.asked && sb.answer && !sb.symptom && explainedIn(bb.Code, sb, e.pairLists(sa, ab))
	// None of the rules below can apply: no need to read the notes. less
	// (an unspecified code of b's category, or one the Index reaches b
	// through) is worked out once, here or below.
	symptomPair := sa.symptom && !sb.symptom
	less, lessKnown := false, false
	if !explained && sb.level >= 2 && !symptomPair {
		less, lessKnown = sameCat && sa.unspecified || na.pathCount() > 0 && reachedThrough(na, nb), true
	}
	if !explained && (sb.level < 2 || !symptomPair && !less) {
		return "", 0
	}
	// Codes whose notes ask for each other are coded together (R65.21
	// "code first underlying infection" keeps A41.9; N40.1 "use additional
	// code for associated symptoms" keeps R35.0): no rule holds between
	// them. The notes are read only once a rule would hold, as most
	// pairs meet none.

	// The reason for the visit or study, explained by the conclusion.
	if explained {
		if pairedEither(na, nb, ab.Code, bb.Code) {
			return "", 0
		}
		return "integral_symptom", whyExplained
	}
	if sb.level < 2 {
		return "", 0
	}
	// A symptom beside a diagnosis it is routinely part of.
	if symptomPair {
		if integralIn(bb.Code, e.pairLists(sa, ab)) {
			if pairedEither(na, nb, ab.Code, bb.Code) {
				return "", 0
			}
			return "integral_symptom", whyIntegral
		}
		if namesSymptom(e.keysOf(na), e.stemsOf(nb)) {
			if pairedEither(na, nb, ab.Code, bb.Code) {
				return "", 0
			}
			return "integral_symptom", whyNamed
		}
	}
	// An unspecified code beside a code of its category, or a code beside
	// one the Index reaches through subterms of its entry, when the note's
	// words match a name of the other that says all this one says and more.
	if !lessKnown {
		less = sameCat && sa.unspecified || na.pathCount() > 0 && reachedThrough(na, nb)
	}
	if less && !pairedEither(na, nb, ab.Code, bb.Code) && e.specifies(na, e.keysOf(na), b) {
		return "less_specific", whyMore
	}
	return "", 0
}

// pairedEither reports whether the notes of code a (names na) ask for
// code b beside it, or b's (names nb) for a.
func pairedEither(na, nb *conflictNames, a, b string) bool {
	return pairedWith(na, b) || pairedWith(nb, a)
}

// giveWhy names the reason giveWay found (0: none).
type giveWhy uint8

const (
	whyComplication giveWhy = 1 + iota
	whyExplained
	whyIntegral
	whyNamed
	whyMore
)

// giveWayReason is the reason why for a code giving way to the code of
// brief bb, in a string of its own: resolveConflicts carves it from the
// note's chunk (giveWayReasonIn). TestGiveWayReason holds both equal to
// the Sprintf form.
func giveWayReason(why giveWhy, bb *corpus.Brief) string {
	before, after := giveWayParts(why)
	if before == "" {
		return ""
	}
	return before + bb.Code + " (" + bb.Display + after
}

// mayGiveWay reports whether giveWay may find a rule for a (brief ab,
// support sa, pairFacts filled) against some replacement: a code that is
// not "without complication", not a reason for the visit, not a symptom,
// not unspecified and without Index paths gives way to none.
func mayGiveWay(ab corpus.Brief, sa *support) bool {
	if ab.System != corpus.ICD10CM {
		return false
	}
	return sa.withoutComp || sa.reason && !sa.asked || sa.symptom || sa.unspecified || sa.names.pathCount() > 0
}

// specifies reports whether a name of b that the note's words match
// exactly says everything a's title (or one of its Index paths) says and
// more, or is an Index path continuing one of a's own.
func (e *Engine) specifies(a *conflictNames, ak *conflictKeys, b *scored) bool {
	if e.specifiedBy(a, ak, b.c) {
		return true
	}
	for _, c := range b.extra {
		if e.specifiedBy(a, ak, c) {
			return true
		}
	}
	return false
}

// specifiedBy is specifies for the mentions of one candidate of b.
func (e *Engine) specifiedBy(a *conflictNames, ak *conflictKeys, c *candidate) bool {
	var buf [16]string // a matched name's terms, read here only: not a list per mention
	for mi := range c.mentions {
		m := &c.mentions[mi]
		if m.learned || m.hit.Coverage < 0.99 || m.dominated || m.partNeg != 0 {
			continue
		}
		if m.kind == corpus.NameIndex && a.pathCount() > 0 && continuesPath(m.name, a) {
			return true
		}
		terms := e.ix.AppendNameTerms(buf[:0], m.hit.Name) // e.nameTerms(*m): m is not learned
		for _, key := range ak.keys {
			if len(key) == 0 || len(terms) <= len(key) {
				continue
			}
			all := true
			for _, k := range key {
				if !slices.Contains(terms, k) {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}

// continuesPath reports whether Index name, lower-cased, continues one of
// a's own paths (lower-case) by a subterm ("path, more"). An ASCII name is
// compared byte by byte without lower-casing a copy.
func continuesPath(name string, a *conflictNames) bool {
	if !isASCII(name) {
		name = strings.ToLower(name)
	}
	for i := range a.pathCount() {
		if p := a.path(i); len(name) > len(p) && name[len(p)] == ',' && asciiFoldPrefix(name, p) {
			return true
		}
	}
	return false
}

// resolveConflicts picks the suggestions among the scored candidates (in
// rank order) and files the rejections of those that give way. ranked
// says sortScored's packed keys put kept in order (it returned true): kept
// is then strictly in rank order, and so is every subsequence of it. The
// answer is w's scratch, valid until w's next call.
func (e *Engine) resolveConflicts(w *work, doc *nlp.Document, kept []scored, req Request, ranked bool) []scored {
	n := 0
	for n < len(kept) && kept[n].conf >= req.MinConfidence {
		n++
	}
	ks := kept[:n]
	thr := e.DecisionThreshold()
	r := &w.rk
	// Only the candidates the loop below decides (those ranked before
	// the results are full, and the replacements it tries) are read:
	// each is graded, and its brief and names read, on first use.
	sup := grown(r.sup, n)
	briefs := grown(r.briefs, n)
	stage := grown(r.stage, n) // 1: graded; 2: facts read; 3: asked known
	r.where = sectionsWhere(doc, r.where)
	grade := func(i int) {
		if stage[i] < 1 {
			e.gradeInto(&sup[i], &ks[i]) // sup[i] is zero (grown)
			sup[i].reason, sup[i].answer = whereSaid(r.where, &ks[i])
			stage[i] = 1
		}
	}
	facts := func(i int) {
		grade(i)
		if stage[i] < 2 {
			briefs[i] = e.set.Brief(ks[i].code)
			e.pairFacts(&sup[i], ks[i].code)
			stage[i] = 2
		}
	}
	// Replacements: recommended candidates documented by an exact name
	// (every rule asks for one but the reason's: a concluded diagnosis).
	repl := r.repl[:0]
	for j := range ks {
		if ks[j].conf < thr {
			continue
		}
		grade(j)
		if sup[j].level == 2 || sup[j].level == 1 && sup[j].answer {
			repl = append(repl, j)
		}
	}
	for _, j := range repl {
		facts(j)
	}
	// giveWay finds no rule against a replacement not of ICD-10-CM or of
	// no words of its own (level 0), and none but the reason's against
	// one not documented by an exact name (level 1): the replacements it
	// may find one against, in order, are listed once (after repl, in
	// its memory) rather than tried per candidate.
	nr := len(repl)
	for _, j := range repl[:nr] {
		if briefs[j].System == corpus.ICD10CM && sup[j].level > 0 {
			repl = append(repl, j)
		}
	}
	na := len(repl)
	for _, j := range repl[nr:na] {
		if sup[j].level == 2 {
			repl = append(repl, j)
		}
	}
	// The replacements whose notes pair codes (pairedWith is false for
	// the others), in order, for decide's question: listed once, not
	// skipped per reason candidate.
	nx := len(repl)
	for _, j := range repl[:nr] {
		if sup[j].names.nPaired != 0 {
			repl = append(repl, j)
		}
	}
	r.repl = repl
	replAny, replExact, pairing := repl[nr:na], repl[na:nx], repl[nx:]
	// What the pairs read of each replacement, once (replfacts.go).
	recs := w.tail.repl[:0]
	for _, j := range replAny {
		recs = append(recs, replFactOf(&sup[j], ks[j].code, j))
	}
	for _, j := range replExact {
		recs = append(recs, replFactOf(&sup[j], ks[j].code, j))
	}
	w.tail.repl = recs
	recAny, recExact := recs[:len(replAny)], recs[len(replAny):]
	// A symptom a recommended code's notes ask for ("use additional code
	// for associated symptoms") is coded whatever else explains it.
	decide := func(i int) {
		facts(i)
		if stage[i] < 3 {
			stage[i] = 3
			if sup[i].reason {
				for _, j := range pairing {
					if j != i && pairedWith(sup[j].names, briefs[i].Code) {
						sup[i].asked = true
						break
					}
				}
			}
		}
	}
	// drop decides lazily whether candidate i gives way; a replacement
	// must itself survive (a cycle counts as surviving).
	drops := grown(r.drops, n)
	r.sup, r.briefs, r.drops, r.stage = sup, briefs, drops, stage
	var dropped func(i int) bool
	dropped = func(i int) bool {
		d := &drops[i]
		switch d.state {
		case 1:
			return false
		case 2:
			return d.rule != ""
		}
		decide(i)
		d.state = 1
		if !mayGiveWay(briefs[i], &sup[i]) {
			d.state = 2
			return false
		}
		try := recExact
		if sup[i].reason && !sup[i].asked {
			try = recAny // the reason may be explained by a level-1 conclusion
		}
		// A lessOnly code not unspecified may give way only to a
		// replacement of level 2 its paths' bits meet: mayGive's one
		// test left for it (namedRec; flagsRec and the symptom test fail
		// for it, TestGiveGate), the one most pairs fail.
		var pb *pathBits
		if lessOnly(&sup[i]) && !sup[i].unspecified {
			pb = &sup[i].names.pathsBits
		}
		// A symptom's integral prefixes and title stems, and a
		// replacement's names' stems, are read once a pair needs them
		// for mayGive's symptom test (as giveWay would read them next).
		sym := sup[i].symptom && !req.Annotate
		// mayYield, made once for i: i is of ICD-10-CM (mayGiveWay; its
		// icd flag says what its system does, TestSupportICD), as is every
		// replacement listed in try, each of level > 0 (replAny and
		// replExact hold no other): per pair only the codes are compared.
		if !sup[i].icd {
			d.state = 2
			return false
		}
		ci, si := ks[i].code, &sup[i] // read once, not per pair through the closure's slices
		g := gateOf(si)               // mayGive's reads of si, once (asked is final: decide(i))
		if g.reason {
			e.pairLists(si, &briefs[i]) // its explainers, for reasonRec
		}
		for ri := range try {
			rj := &try[ri] // the replacement's record: its support is read only past the first tests
			if pb != nil {
				if !rj.namedIn(pb) {
					continue
				}
			} else if !g.catRec(rj) && !g.namedRec(rj) && !g.reasonRec(rj, briefs[rj.j].Code, &sup[rj.j], si) {
				// g.may spelled out on the record, its three tests
				// inlined (TestGiveGate), the reason's made exact
				// (reasonRec, TestMayGive): symptomMay is g.symptom, the
				// record's symptomBeside and maySymptom, whose masks are
				// read first when missing (symptomMayRead: only a pair
				// the record's tests do not pass asks for them).
				if !g.symptom || !rj.symptomBeside() {
					continue
				}
				j := int(rj.j)
				if !e.symptomMayRead(si, &briefs[i], &sup[j], briefs[j].Code, sym) {
					continue
				}
			}
			j := int(rj.j)
			if j == i || rj.code == ci {
				continue
			}
			if rule, why := e.giveWay(&ks[i], &ks[j], &briefs[i], &briefs[j], &sup[i], &sup[j], req.Annotate); rule != "" && !dropped(j) {
				d.rule, d.why, d.by = rule, why, int32(j) // the reason is written when used (reason)
				break
			}
		}
		d.state = 2
		return d.rule != ""
	}
	excl := e.keptExclusions(w)
	final := slices.Grow(r.final[:0], min(n, req.MaxResults))
	fsup := slices.Grow(r.fsup[:0], cap(final)) // per code of final its index in sup: a support is not copied
	yielded := r.yielded[:0]
	for i := range ks {
		if len(final) >= req.MaxResults {
			break
		}
		k := &ks[i]
		decide(i)
		b := &briefs[i] // set by decide(i); dropped writes other candidates' alone
		if dropped(i) {
			if yields(drops[i].rule) {
				// Documented but not coded beside its replacement: ranked
				// below the recommendation, with the reason.
				yielded = append(yielded, e.yieldTo(w, doc, *k, b, thr, drops[i].rule, drops[i].reason(briefs, &w.rn.reasons)))
				continue
			}
			w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
				Rule: drops[i].rule, Reason: drops[i].reason(briefs, &w.rn.reasons), Evidence: e.evidence(w, doc, k.c, 3)})
			continue
		}
		rejected := false
		for {
			clash := excl.clashOf(sup[i].names.excl)
			if clash == 0 {
				break
			}
			j := slices.IndexFunc(final, func(f scored) bool { return f.code == clash })
			cc := e.set.CodeString(clash) // its brief only when it gives way, below
			// A condition documented only as past or in a relative never
			// evicts the history code that stands for it (history.go).
			if j < 0 || req.Annotate || !better(sup[i], sup[fsup[j]]) || k.c.replacedBy == cc {
				reason := excludedBy(cc, &w.rn.reasons)
				if j >= 0 && sup[i].level > 0 && !req.Annotate {
					yielded = append(yielded, e.yieldTo(w, doc, *k, b, min(thr, final[j].conf), "excludes1", reason))
				} else {
					w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
						Rule: "excludes1", Reason: reason, Evidence: e.evidence(w, doc, k.c, 3)})
				}
				rejected = true
				break
			}
			// k is better documented: the kept code gives way.
			reason := excludedFor(b, &w.rn.reasons)
			if sup[fsup[j]].level > 0 {
				yielded = append(yielded, e.yieldTo(w, doc, final[j], &briefs[fsup[j]], min(thr, k.conf), "excludes1", reason))
			} else {
				cb := e.set.Brief(clash)
				w.rejected = append(w.rejected, Rejection{System: string(cb.System), Code: cb.Code, Display: cb.Display,
					Rule: "excludes1", Reason: reason, Evidence: e.evidence(w, doc, final[j].c, 3)})
			}
			final = slices.Delete(final, j, j+1)
			fsup = slices.Delete(fsup, j, j+1)
			excl.reset()
			for fi, f := range final {
				excl.addOf(f.code, sup[fsup[fi]].names.excl)
			}
		}
		if rejected {
			continue
		}
		excl.addOf(k.code, sup[i].names.excl)
		final = append(final, *k)
		fsup = append(fsup, int32(i))
	}
	r.fsup, r.yielded = fsup, yielded
	// final is a subsequence of ks: in rank order when ranked.
	final = e.mergeYielded(w, final, yielded, ranked)
	r.final = final
	return final[:min(len(final), req.MaxResults)]
}

// mergeYielded returns final (in rank order: a subsequence of the ranked
// candidates) with yielded added, all in the order sortScored gives: the
// few yielded are sorted, then merged into final from its end, in place.
// The order of compareKeys is total over distinct codes, so the merge
// gives what sorting all of them gives; when final is not in order or a
// number is NaN (no total order), they are sorted as one (TestMergeYielded
// holds both forms equal). ranked says final is known to be in that
// order (a subsequence of candidates sortScored ranked), which is then
// not tested pair by pair.
func (e *Engine) mergeYielded(w *work, final, yielded []scored, ranked bool) []scored {
	if len(yielded) == 0 {
		return final
	}
	m := len(final)
	final = append(final, yielded...)
	if !ranked && !e.rankOrdered(final[:m]) || !numbersOrdered(yielded) {
		e.sortScored(w, final)
		return final
	}
	e.sortScored(w, yielded)
	i, j := m-1, len(yielded)-1
	for k := len(final) - 1; j >= 0; k-- {
		if i >= 0 && e.compareScored(&final[i], &yielded[j]) > 0 {
			final[k] = final[i]
			i--
		} else {
			final[k] = yielded[j]
			j--
		}
	}
	return final
}

// rankOrdered reports whether ks is strictly in the order of compareKeys
// with no NaN among the numbers it compares.
func (e *Engine) rankOrdered(ks []scored) bool {
	if !numbersOrdered(ks) {
		return false
	}
	for i := 1; i < len(ks); i++ {
		if e.compareScored(&ks[i-1], &ks[i]) >= 0 {
			return false
		}
	}
	return true
}

// numbersOrdered reports whether none of the numbers compareKeys reads of
// ks is NaN: compareKeys is then a total order over distinct codes.
func numbersOrdered(ks []scored) bool {
	for i := range ks {
		k := &ks[i]
		if k.conf != k.conf || k.z != k.z || k.score != k.score {
			return false
		}
	}
	return true
}

// conflictDrop is resolveConflicts' decision on one candidate: the rule
// it gives way under ("" when none), and to which candidate why.
type conflictDrop struct {
	state uint8 // 0 unknown, 1 deciding, 2 decided
	why   giveWhy
	by    int32 // the replacement's index among the scored candidates
	rule  string
}

// reason is giveWayReason of d, briefs the candidates' briefs, carved
// from buf: written only for a decision that is reported, not for every
// one made.
func (d *conflictDrop) reason(briefs []corpus.Brief, buf *reasonBuf) string {
	return giveWayReasonIn(d.why, &briefs[d.by], buf)
}

// grown returns buf resized to n zero values, reusing its memory.
func grown[T any](buf []T, n int) []T {
	buf = slices.Grow(buf[:0], n)[:n]
	clear(buf)
	return buf
}

// yields reports whether a conflict rule leaves the code documented but not
// coded beside its replacement (a symptom integral to a documented
// diagnosis, an unspecified code beside the specific one): such a code stays
// among the suggestions below the decision threshold, with the rule as an
// edit. A code the note's words contradict is rejected.
func yields(rule string) bool {
	return rule == "less_specific" || rule == "integral_symptom"
}

// yieldTo ranks k below below (the decision threshold, or the confidence
// of the code it yields to when that is lower) with the rule that keeps it
// from being coded as an edit. Its rejection is filed too, and dropped when
// the code stays among the suggestions (dedupeRejected): a code the
// MaxResults cut leaves out is still shown with its reason. b is k's
// brief, as resolveConflicts read it (not read again).
func (e *Engine) yieldTo(w *work, doc *nlp.Document, k scored, b *corpus.Brief, below float64, rule, reason string) scored {
	w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
		Rule: rule, Reason: reason, Evidence: e.evidence(w, doc, k.c, 3)})
	k.conf = round(math.Max(0, math.Min(k.conf, below-0.0001)), 4)
	k.edits = w.withEdit(k.edits, Edit{Kind: rule, Message: reason})
	return k
}

// isASCII reports whether s is all ASCII bytes, read eight bytes at a
// time (TestIsASCII holds it to the byte scan).
func isASCII(s string) bool {
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if v&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
