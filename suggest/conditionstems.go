package suggest

import (
	"slices"
	"sync"

	"medcode/corpus"
)

// conditionStems are the stems of a code's names, learned phrases and
// historyGeneric words aside, sorted and distinct: namesCondition reads
// them for every pair of history and condition candidates of every note,
// so each code's are read once per engine, on first need (stemsOnce).
// With them is what histories asks of the code as a condition, read when
// the entry is made.
type conditionStems struct {
	stemsOnce sync.Once
	stems     []string
	// pass: the code is no ICD-10-CM code, or a personal- or
	// family-history code itself (histories passes it by).
	pass bool
	// malignant: the code is a neoplasm's of chapter C.
	malignant bool
	// personal and family are chapterHistoryCode's codes for it
	// (historymap.go), 0 when it gives none.
	personal, family corpus.ID
}

// conditionStemsOf returns the conditionStems' stems of code id.
func (e *Engine) conditionStemsOf(id corpus.ID) []string {
	cs := e.conditionOf(id)
	cs.stemsOnce.Do(func() { cs.stems = e.readConditionStems(id) })
	return cs.stems
}

// chapterHistory returns chapterHistoryCode of the condition code whose
// conditionStems are cs, personal or family.
func (cs *conditionStems) chapterHistory(family bool) (corpus.ID, bool) {
	if family {
		return cs.family, cs.family != 0
	}
	return cs.personal, cs.personal != 0
}

// conditionOf returns the conditionStems of code id, read on first need.
func (e *Engine) conditionOf(id corpus.ID) *conditionStems {
	if v, ok := e.condMemo.load(e.set, id); ok {
		return v
	}
	b := e.set.Brief(id)
	cs := &conditionStems{pass: b.System != corpus.ICD10CM || historyCode(b) || familyCode(b), malignant: len(b.Code) > 0 && b.Code[0] == 'C'}
	if p, ok := chapterHistoryCode(e.set, b.Code, false); ok {
		cs.personal = p
	}
	if f, ok := chapterHistoryCode(e.set, b.Code, true); ok {
		cs.family = f
	}
	return e.condMemo.store(e.set, id, cs)
}

// readConditionStems reads the stems of code id's names (see
// conditionStems).
func (e *Engine) readConditionStems(id corpus.ID) []string {
	generic := map[string]bool{}
	for _, w := range historyGeneric {
		for _, s := range e.ix.StemsKept(w) {
			generic[s] = true
		}
	}
	var out []string
	if cd := e.set.Code(id); cd != nil {
		for _, n := range cd.Names {
			if n.Kind == corpus.NameLearned {
				continue
			}
			for _, s := range e.ix.StemsKept(n.Text) {
				if !generic[s] {
					out = append(out, s)
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Clone(slices.Compact(out)) // kept per code: no spare capacity
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
