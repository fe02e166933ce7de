package suggest

import (
	"cmp"
	"slices"
	"strings"
)

// rejectOrder is the scratch of sortRejections and dedupeRejected: each
// rejection's code as numbers (codeOrd) and the note's systems, so that
// the sort and the search compare integers where they compared strings,
// and the rejections sorted as indices, then moved once each along the
// permutation's cycles (permute) (a Rejection is 13 words: sort.Slice moved them
// through reflection, three copies a swap).
type rejectOrder struct {
	systems []string  // the rejections' distinct systems, as first seen
	rank    []int32   // per system of systems: its place in string order
	byName  []int32   // systems' indices in string order
	prov    []int32   // per rejection: its system's index in systems
	keys    []codeOrd // per rejection: its system and code as numbers
	packed  bool      // keys are made: every code fits codeOrd
	idx     []int32   // the rejections' indices, sorted
	moved   []bool    // permute's scratch
	has     []codeOrd // dedupeRejected's suggested codes
	gone    []bool    // per rejection: its code is suggested (markSuggested)
}

// codeOrd is a (system, code) pair as two numbers, in the order of the
// strings (sortKeys): the system's rank among the note's systems in the
// top byte of hi, then the code's first eight bytes, big-endian and
// zero-padded, then its length in lo's second byte. i is the index of
// what it was made of (a rejection or a suggestion). For codes of at most
// eight bytes the numbers order the pairs as the strings do: two heads
// that differ differ first where the codes do (a code that ends reads as
// zero bytes, below any other byte but NUL, and at a NUL the heads do not
// differ); with equal heads, the shorter code is the other's prefix
// (NULs follow), so it comes first. Longer codes are left to the strings.
type codeOrd struct {
	hi, lo uint64
	i      int32
}

// makeCodeOrd is the codeOrd of code in the system of rank sys (under
// 256), the code at most eight bytes long. Its head h is the code's
// bytes big-endian, zero-padded to eight: what shifting in a byte at a
// time and then the padding gave, read as two four-byte words where the
// code has four bytes or more (the compiler loads each at once; where
// they overlap they hold the same bytes at the same places) and as its
// first, middle and last bytes below four (which are all its bytes).
// TestCodeOrdHeadAgrees holds it to the byte loop.
func makeCodeOrd(sys int, code string, i int) codeOrd {
	var h uint64
	switch n := len(code); {
	case n >= 4:
		h = be32(code)<<32 | be32(code[n-4:])<<(8*(8-n))
	case n > 0:
		h = uint64(code[0])<<56 | uint64(code[n/2])<<(56-8*(n/2)) | uint64(code[n-1])<<(56-8*(n-1))
	}
	return codeOrd{hi: uint64(sys)<<56 | h>>8, lo: h<<56 | uint64(len(code))<<48, i: int32(i)}
}

// be32 is s's first four bytes big-endian.
func be32(s string) uint64 {
	_ = s[3]
	return uint64(s[0])<<24 | uint64(s[1])<<16 | uint64(s[2])<<8 | uint64(s[3])
}

// compare orders a and b by their numbers.
func (a *codeOrd) compare(b *codeOrd) int {
	if a.hi != b.hi {
		return cmp.Compare(a.hi, b.hi)
	}
	return cmp.Compare(a.lo, b.lo)
}

// before reports whether a orders before b: compare(b) < 0, small
// enough to be inlined where compare (two cmp.Compare) is called.
// TestCodeOrdBefore holds the two together.
func (a *codeOrd) before(b *codeOrd) bool {
	return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo
}

// same reports whether a and b stand for the same system and code.
func (a *codeOrd) same(b *codeOrd) bool { return a.hi == b.hi && a.lo == b.lo }

// packable says whether codeOrd's numbers can stand for the pairs of
// these systems and codes: fewer than 256 systems, no code over eight
// bytes.
func packable(systems int, code string) bool { return systems < 256 && len(code) <= 8 }

// systemOf is the index of sys among s.systems, -1 when absent.
func (s *rejectOrder) systemOf(sys string) int {
	for i, x := range s.systems {
		if x == sys {
			return i
		}
	}
	return -1
}

// sortRejections orders rejections by system, code and rule: the order
// dedupeRejected reads repeats by. Rejections equal in all three keep
// the places sort.Slice gave them: slices.SortFunc is the same pdqsort
// (the same comparisons in the same order, the same swaps), here run on
// the indices; TestSortRejectionsAsSlice holds the two to the same order.
// The pairs are compared as numbers (codeOrd), the rules as strings.
func sortRejections(rs []Rejection, s *rejectOrder) {
	prov, idx := s.prov[:0], s.idx[:0]
	s.systems = s.systems[:0]
	s.packed = true
	for i := range rs {
		r := &rs[i]
		sys := s.systemOf(r.System)
		if sys < 0 {
			sys = len(s.systems)
			s.systems = append(s.systems, r.System)
		}
		prov = append(prov, int32(sys))
		idx = append(idx, int32(i))
		s.packed = s.packed && packable(len(s.systems), r.Code)
	}
	s.prov, s.idx = prov, idx
	s.rankSystems()
	keys := s.keys[:0]
	if s.packed {
		for i := range rs {
			keys = append(keys, makeCodeOrd(int(s.rank[prov[i]]), rs[i].Code, i))
		}
		slices.SortFunc(idx, func(i, j int32) int {
			if c := keys[i].compare(&keys[j]); c != 0 {
				return c
			}
			return strings.Compare(rs[i].Rule, rs[j].Rule)
		})
	} else {
		slices.SortFunc(idx, func(i, j int32) int { return compareRejections(&rs[i], &rs[j]) })
	}
	// Each rejection is moved once along its cycle, and the keys follow
	// it (dedupeRejected reads them in the rejections' order).
	s.moved = slices.Grow(s.moved[:0], len(rs))[:len(rs)] // permute clears it
	permute(rs, idx, s.moved)
	if s.packed {
		permute(keys, idx, s.moved)
	} else {
		keys = keys[:0]
	}
	s.keys = keys
}

// compareRejections orders rejections by system, code and rule.
func compareRejections(a, b *Rejection) int {
	if c := compareSystemCode(a.System, a.Code, b.System, b.Code); c != 0 {
		return c
	}
	return strings.Compare(a.Rule, b.Rule)
}

// compareSystemCode orders (system, code) pairs as strings: what codeOrd
// stands for when the codes fit it.
func compareSystemCode(asys, acode, bsys, bcode string) int {
	if c := strings.Compare(asys, bsys); c != 0 {
		return c
	}
	return strings.Compare(acode, bcode)
}

// rankSystems ranks s.systems in string order (s.rank).
func (s *rejectOrder) rankSystems() {
	byName := s.byName[:0]
	for i := range s.systems {
		byName = append(byName, int32(i))
	}
	slices.SortFunc(byName, func(a, b int32) int { return strings.Compare(s.systems[a], s.systems[b]) })
	rank := slices.Grow(s.rank[:0], len(byName))[:len(byName)]
	for r, i := range byName {
		rank[i] = int32(r)
	}
	s.byName, s.rank = byName, rank
}

// reset empties s for the next note: its systems are the last note's
// strings.
func (s *rejectOrder) reset() {
	clear(s.systems)
	s.systems = s.systems[:0]
}

// dedupeRejected drops rejections of codes that were suggested after all
// and repeated rejections (same code, same rule). rs is sorted by
// sortRejections (s holds its keys), so a repeat follows the rejection it
// repeats: the first of a run stays unless its code is suggested. The
// suggested codes of the rejections' systems are looked up in rs's keys
// (markSuggested) when they fit codeOrd, and otherwise sorted as strings
// (the order codeOrd stands for) and walked along with rs.
func dedupeRejected(rs []Rejection, kept []Suggestion, s *rejectOrder) []Rejection {
	if s.packed && s.markSuggested(kept, len(rs)) {
		out := rs[:0]
		for i := range rs {
			if s.gone[i] {
				continue
			}
			// A repeat: the same system and code (numbers) and rule.
			if i > 0 && s.keys[i-1].same(&s.keys[i]) && rs[i-1].Rule == rs[i].Rule {
				continue
			}
			out = append(out, rs[i])
		}
		return out
	}
	// Some code does not fit codeOrd: the suggested codes of the
	// rejections' systems sorted as strings, in the order rs is.
	has := s.has[:0]
	for i := range kept {
		if s.systemOf(kept[i].System) >= 0 { // else no rejection is of its system
			has = append(has, codeOrd{i: int32(i)})
		}
	}
	s.has = has
	slices.SortFunc(has, func(a, b codeOrd) int {
		x, y := &kept[a.i], &kept[b.i]
		return compareSystemCode(x.System, x.Code, y.System, y.Code)
	})
	out := rs[:0]
	h := 0
	for i := range rs {
		r := &rs[i]
		if i > 0 {
			if p := &rs[i-1]; p.Code == r.Code && p.System == r.System && p.Rule == r.Rule {
				continue
			}
		}
		// The first suggested code not below r's.
		c := 1
		for ; h < len(has); h++ {
			k := &kept[has[h].i]
			if c = compareSystemCode(k.System, k.Code, r.System, r.Code); c >= 0 {
				break
			}
		}
		if h < len(has) && c == 0 {
			continue
		}
		out = append(out, *r)
	}
	return out
}

// markSuggested sets s.gone[i] for each of the n sorted rejections whose
// code is suggested in kept, found by a binary search of s.keys: the
// suggestions need no sort of their own. It returns false, marking
// nothing, when a suggested code of the rejections' systems does not fit
// codeOrd.
func (s *rejectOrder) markSuggested(kept []Suggestion, n int) bool {
	keys := s.keys[:n]
	gone := slices.Grow(s.gone[:0], n)[:n]
	clear(gone)
	s.gone = gone
	for i := range kept {
		k := &kept[i]
		sys := s.systemOf(k.System)
		if sys < 0 {
			continue // no rejection is of its system
		}
		if !packable(len(s.systems), k.Code) {
			clear(gone)
			return false
		}
		key := makeCodeOrd(int(s.rank[sys]), k.Code, i)
		// The first rejection not below key, then its run of key's code.
		lo, hi := 0, len(keys)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if keys[m].before(&key) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for ; lo < len(keys) && keys[lo].same(&key); lo++ {
			gone[lo] = true
		}
	}
	return true
}
