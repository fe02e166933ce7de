package suggest

import (
	"slices"

	"medcode/corpus"
)

// conditionStems are the stems of a code's names, learned phrases and
// historyGeneric words aside, sorted and distinct: namesCondition reads
// them for every pair of history and condition candidates of every note,
// so each code's are read once per engine.
type conditionStems struct {
	stems []string
}

// conditionStemsOf returns the conditionStems of code id.
func (e *Engine) conditionStemsOf(id corpus.ID) []string {
	if v, ok := e.condMemo.load(e.set, id); ok {
		return v.stems
	}
	generic := map[string]bool{}
	for _, w := range historyGeneric {
		for _, s := range e.ix.Stems(w) {
			generic[s] = true
		}
	}
	var out []string
	if cd := e.set.Code(id); cd != nil {
		for _, n := range cd.Names {
			if n.Kind == corpus.NameLearned {
				continue
			}
			for _, s := range e.ix.Stems(n.Text) {
				if !generic[s] {
					out = append(out, s)
				}
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return e.condMemo.store(e.set, id, &conditionStems{stems: out}).stems
}

// shareStem reports whether sorted stem lists a and b hold a stem in
// common.
func shareStem(a, b []string) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}
