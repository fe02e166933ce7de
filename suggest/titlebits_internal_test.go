package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestTitleBitsAgree holds the passes' tests of titleBits (specific,
// refine) to the titleFact tests they replace, over every combination of
// the facts they read and of the billability a caller reads the code as.
func TestTitleBitsAgree(t *testing.T) {
	systems := []corpus.System{corpus.ICD10CM, corpus.CPT, ""}
	n := 0
	for _, sys := range systems {
		for mask := range 1 << 4 {
			f := &titleFact{system: sys, billable: mask&1 != 0, nspec: mask&2 != 0, withoutComp: mask&4 != 0, other: mask&8 != 0}
			b := titleBitsOf(f)
			icd := f.system == corpus.ICD10CM
			if b.billable() != f.billable {
				t.Errorf("%+v: billable %v, want %v", f, b.billable(), f.billable)
			}
			for _, billable := range []bool{false, true} {
				if got, want := b.vagueICD(billable), icd && f.vague(billable); got != want {
					t.Errorf("%+v as billable %v: vagueICD %v, want %v", f, billable, got, want)
				}
				n++
			}
			if got, want := b.has(titleICD|titleOther), icd && f.other; got != want {
				t.Errorf("%+v: ICD and other %v, want %v", f, got, want)
			}
			if got, want := b&(titleICD|titleNspec|titleOther) == titleICD|titleNspec, icd && f.nspec && !f.other; got != want {
				t.Errorf("%+v: unspecified, not other %v, want %v", f, got, want)
			}
			if got, want := b&titleICD != 0, icd; got != want {
				t.Errorf("%+v: ICD %v, want %v", f, got, want)
			}
			if got, want := b&titleOther != 0, f.other; got != want {
				t.Errorf("%+v: other %v, want %v", f, got, want)
			}
		}
	}
	if n != 2*len(systems)<<4 {
		t.Fatalf("%d cases, want %d", n, 2*len(systems)<<4)
	}
}
