package suggest

import (
	"slices"
	"sync"

	"medcode/corpus"
)

// symptomLists are what fillLists reads of a code's strings: the
// explainedBy prefixes of its symptomPrefix (support.explainers) and its
// integralPairs diagnosis prefixes (support.integral), with the firstBits
// of each.
type symptomLists struct {
	explainers, integral        []string
	explainFirst, integralFirst uint64
}

// listTable holds the symptomLists of every code of the engine's set
// that has any, worked out once rather than by string per candidate and
// note (a candidate's lists took a few map lookups keyed by its code's
// prefixes).
type listTable struct {
	once sync.Once
	// at holds, by code id, 1 + the index in lists of the code's lists:
	// 0 when it has none, listsUnknown when lists ran out of numbers
	// (fillLists then works them out by string).
	at    []uint16
	lists []symptomLists
	none  symptomLists // the lists of a code with none
}

// listsUnknown marks a code of listTable.at whose lists are not in the
// table.
const listsUnknown = ^uint16(0)

// symptomListsOf returns the lists of code id, false when the table
// does not hold them (an id past it, or listsUnknown).
func (e *Engine) symptomListsOf(id corpus.ID) (*symptomLists, bool) {
	if id <= 0 {
		return nil, false
	}
	t := &e.rank.lists
	t.once.Do(func() { t.at, t.lists = e.listTableOf(e.set) })
	if int(id) >= len(t.at) {
		return nil, false
	}
	switch k := t.at[id]; k {
	case 0:
		return &t.none, true
	case listsUnknown:
		return nil, false
	default:
		return &t.lists[k-1], true
	}
}

// listTableOf works out the lists of every code of set's union (codes
// past the table, when set is narrowed, are then read by string).
func (e *Engine) listTableOf(set *corpus.Set) ([]uint16, []symptomLists) {
	sets := []*corpus.Set{set.Union()}
	if sets[0] != set {
		sets = append(sets, set)
	}
	// A code whose first byte starts no key of either table has no lists.
	var first uint64
	for k := range explainedBy {
		first |= firstBit(k[0])
	}
	for k := range integralPairs {
		first |= firstBit(k[0])
	}
	at := make([]uint16, max(maxID(sets[0]), maxID(set))+1)
	var lists []symptomLists
	for _, s := range sets {
		for _, sys := range s.Systems() {
			for _, id := range s.IDs(sys) {
				code := set.CodeString(id)
				if code == "" || first&firstBit(code[0]) == 0 {
					continue
				}
				l := e.listsByString(code)
				if l.explainers == nil && l.integral == nil {
					continue
				}
				if len(lists) >= int(listsUnknown)-1 {
					at[id] = listsUnknown
					continue
				}
				lists = append(lists, l)
				at[id] = uint16(len(lists))
			}
		}
	}
	return at, slices.Clip(lists)
}

// listsByString works out the lists of code from the tables' strings.
func (e *Engine) listsByString(code string) symptomLists {
	var l symptomLists
	if sp := symptomPrefix(code); sp != "" {
		l.explainers = e.explainers(sp)
	}
	l.explainFirst = firstBits(l.explainers)
	l.integral = integralOf(code)
	l.integralFirst = firstBits(l.integral)
	return l
}

// integralOf returns the integralPairs prefixes of every prefix of code,
// in order: the table's own list when one prefix has one (no prefix of
// integralPairs' is another's), a copy joining them otherwise.
func integralOf(code string) []string {
	var out []string
	one := true
	for k := 1; k <= len(code); k++ {
		if integralLens&(1<<(k&63)) == 0 {
			continue // no key is k bytes long: no lookup
		}
		l := integralPairs[code[:k]]
		switch {
		case len(l) == 0:
		case out == nil && one:
			out = l
		case one:
			out, one = append(slices.Clip(out), l...), false
		default:
			out = append(out, l...)
		}
	}
	return out
}
