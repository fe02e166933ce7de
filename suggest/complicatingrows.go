package suggest

import (
	"strings"

	"medcode/corpus"
)

// complicatingWants are the period endings of chapter 15 titles that
// complicating looks for: the trimesters' and the puerperium's.
var complicatingWants = [...]string{"unspecified trimester", "first trimester", "second trimester", "third trimester", "puerperium"}

// complicatingRow is a billable descendant of a chapter 15 subcategory as
// complicating reads it: its brief, the complicatingWants ending its
// lower-cased title (an index, -1 when none) and the meaningWords of the
// title before that ending.
type complicatingRow struct {
	b     corpus.Brief
	want  int
	words []string
}

// complicatingRows returns the billable descendants of sub in walk order
// (each child, then its own descendants), worked out once per
// subcategory: complicating reads them for every condition of every
// pregnancy note rather than lower-casing and splitting the titles again.
func (e *Engine) complicatingRows(sub corpus.ID) []complicatingRow {
	if got, ok := e.coder.complicating.load(e.set, sub); ok {
		return *got
	}
	var rows []complicatingRow
	var walk func(id corpus.ID)
	walk = func(id corpus.ID) {
		for _, k := range e.set.Children(id) {
			if b := e.set.Brief(k); b.Billable {
				r := complicatingRow{b: b, want: -1}
				lower := strings.ToLower(b.Display)
				for i, w := range complicatingWants {
					if strings.HasSuffix(lower, w) {
						r.want, r.words = i, meaningWords(strings.TrimSuffix(lower, w))
						break
					}
				}
				rows = append(rows, r)
			}
			walk(k)
		}
	}
	walk(sub)
	return *e.coder.complicating.store(e.set, sub, &rows)
}
