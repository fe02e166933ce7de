package suggest

import (
	"reflect"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestCompleteSeventhMemo: the engine's completeSeventh answers as
// completeSeventh does, for the note's silence, each character of the
// stem's table and a character outside it, every digit and upper-case
// letter (seventhDone.byChar), read once and again, upper- and lower-case
// (the memo's key is respelled; completeSeventh's is not).
func TestCompleteSeventhMemo(t *testing.T) {
	e := realEngine(t)
	n := 0
	for _, code := range []string{"S72.001", "S82.001", "S52.5", "T23.001", "S06.0X0", "M84.30", "O36.5930", "S62.001", "T81.4"} {
		stem, ok := e.set.ID(corpus.ICD10CM, code)
		if !ok || !needsSeventh(e.set, stem) {
			continue
		}
		n++
		chars := []string{"", "Z", "Q", "a", " d", "1."}
		for _, c := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" { // every slot of seventhDone.byChar
			chars = append(chars, string(c))
		}
		for _, x := range e.set.SevenChr(stem) {
			chars = append(chars, x.Char, strings.ToLower(x.Char))
		}
		for range 2 {
			for _, ch := range chars {
				gc, ge := e.completeSeventh(stem, ch)
				wc, we := completeSeventh(e.set, stem, ch)
				if gc != wc || !reflect.DeepEqual(ge, we) {
					t.Errorf("%s %q: %v %+v, want %v %+v", code, ch, gc, ge, wc, we)
				}
			}
		}
	}
	if n < 4 {
		t.Fatalf("only %d stems taking a seventh character", n)
	}
}
