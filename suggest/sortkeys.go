package suggest

import (
	"strings"

	"medcode/corpus"
)

// scoreKey is what less reads of a scored candidate, and its index:
// sortScored sorts these, in cache, rather than reaching into the
// candidates for every comparison.
type scoreKey struct {
	conf, z, score float64
	code           corpus.ID
	i              int32
}

// scoreKeys appends the keys of ks, in order, to buf.
func scoreKeys(buf []scoreKey, ks []scored) []scoreKey {
	for i := range ks {
		k := &ks[i]
		buf = append(buf, scoreKey{conf: k.conf, z: k.z, score: k.score, code: k.code, i: int32(i)})
	}
	return buf
}

// compareKeys is less of the candidates of keys a and b as a three-way
// comparison: -1 when a comes first, 1 when b does, 0 when neither.
func (e *Engine) compareKeys(a, b *scoreKey) int {
	switch {
	case a.conf != b.conf:
		return cmpDesc(a.conf, b.conf)
	case a.z != b.z:
		return cmpDesc(a.z, b.z)
	case a.score != b.score:
		return cmpDesc(a.score, b.score)
	case a.code == b.code:
		return 0
	}
	x, y := e.set.Brief(a.code), e.set.Brief(b.code)
	if x.System != y.System {
		return strings.Compare(string(x.System), string(y.System))
	}
	return strings.Compare(x.Code, y.Code)
}
