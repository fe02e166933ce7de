package suggest

import "medcode/corpus"

// childStems are the title stems of each child a code lists (nil for a
// child the release does not hold), worked out once per code: the
// refinement's one-unsaid-word check reads them for every reading.
type childStems struct {
	found    bool       // the code exists
	children int        // len(Code.Children)
	stems    [][]string // per child: ix.Stems of its title; shared, read only
}

// childStemsOf returns the childStems of id, remembered per code.
func (e *Engine) childStemsOf(id corpus.ID) *childStems {
	if got, ok := e.childMemo.load(e.set, id); ok {
		return got
	}
	cs := &childStems{}
	if p := e.set.Code(id); p != nil {
		cs.found, cs.children = true, len(p.Children)
		cs.stems = make([][]string, len(p.Children))
		for i, ch := range p.Children {
			if k, ok := e.set.ID(corpus.ICD10CM, ch); ok {
				cs.stems[i] = e.ix.StemsKept(e.set.Brief(k).Display)
			}
		}
	}
	return e.childMemo.store(e.set, id, cs)
}
