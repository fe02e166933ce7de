package suggest

import (
	"sync"

	"medcode/index"
)

// sideWords holds, per engine, the stems refine weighs on every note:
// those of "unilateral" (the word a sentence stating one side implies)
// and of "right left bilateral" (the sides a refinement never implies),
// analysed once instead of once per note. The zero value is ready.
type sideWords struct {
	once  sync.Once
	uni   []string
	sides []string
}

// of returns the stems of "unilateral" and of "right left bilateral",
// read through ix once. Callers only read them.
func (s *sideWords) of(ix *index.Index) (uni, sides []string) {
	s.once.Do(func() {
		s.uni, s.sides = ix.Stems("unilateral"), ix.Stems("right left bilateral")
	})
	return s.uni, s.sides
}
