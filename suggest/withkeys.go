package suggest

import (
	"math/bits"

	"medcode/corpus"
)

// withKey is what combinations tests of a "with" rule before it reads the
// rule itself, packed beside the head's other rules' keys: the rules of a
// head (fifty of diabetes') are visited for every part opening it, and a
// withRule, two cache lines with its code's and stems' bytes elsewhere,
// missed the cache on most of them, while most end at these tests.
type withKey struct {
	// sub5 is codePrefixKey of the rule's subcategory (withRule.sub5).
	sub5 uint64
	// stems has bit id of each of the rule's subID below 64 (every id,
	// when the engine has at most 64 "with" stems: combinations' fast
	// path, the only reader).
	stems  uint64
	code   corpus.ID // withRule.code
	catKey uint32    // withRule.catKey
}

// newWithKeys returns the keys of rules, in their order.
func newWithKeys(rules []withRule) []withKey {
	keys := make([]withKey, len(rules))
	for i := range rules {
		r := &rules[i]
		k := withKey{sub5: codePrefixKey(r.sub5, len(r.sub5)), code: r.code, catKey: r.catKey}
		for _, id := range r.subID {
			if id >= 0 && id < 64 {
				k.stems |= 1 << id
			}
		}
		keys[i] = k
	}
	return keys
}

// codePrefixKey packs s[:n] (n at most 7) and n into a word: for codes c
// and p (len(p) at most 7), strings.HasPrefix(c, p) is
// len(c) >= len(p) && codePrefixKey(c, len(p)) == codePrefixKey(p, len(p))
// (TestWithKeys).
func codePrefixKey(s string, n int) uint64 {
	k := uint64(n) << 56
	for i := range n {
		k |= uint64(s[i]) << (8 * i)
	}
	return k
}

// codePrefixKeys are a code's codePrefixKey of each length up to six (0
// past its length, which no key of that length is): pk[len(p)] ==
// codePrefixKey(p, len(p)) is strings.HasPrefix(code, p).
type codePrefixKeys [6]uint64

// newCodePrefixKeys returns code's prefix keys.
func newCodePrefixKeys(code string) codePrefixKeys {
	var pk codePrefixKeys
	for n := range pk {
		if n <= len(code) {
			pk[n] = codePrefixKey(code, n)
		}
	}
	return pk
}

// hasPrefix reports whether the code has the prefix whose key is k (of
// at most five bytes, as a withKey's sub5).
func (pk *codePrefixKeys) hasPrefix(k uint64) bool {
	n := k >> 56
	return n < uint64(len(pk)) && pk[n] == k
}

// holdingBits is partMasks.holding of the stem ids whose bits stems
// holds (each below 64).
func (pm *partMasks) holdingBits(n int, stems uint64) uint64 {
	m := ^uint64(0) >> (64 - n)
	for ; stems != 0; stems &= stems - 1 {
		m &= pm[bits.TrailingZeros64(stems)]
	}
	return m
}
