package suggest

import "slices"

// withEdit returns edits with ed appended: a new list (edits is not
// written), cut from the end of the note's result arena (w.res) with no
// room past it, so that the next edit added to it copies it too, as
// append to a clipped list does. The candidates' edits are rendered into
// the result as they are (Suggestion.Edits): they live as long as its
// arena. Without an arena (a note not coded by Suggest) the list is a
// slice of its own. TestWithEdit holds it to the clipped append.
func (w *work) withEdit(edits []Edit, ed Edit) []Edit {
	a := w.res
	if a == nil {
		return append(slices.Clip(edits), ed)
	}
	lo := len(a.edits)
	a.edits = append(a.edits, edits...)
	a.edits = append(a.edits, ed)
	return a.edits[lo:len(a.edits):len(a.edits)]
}
