package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// TestSlotRecord: the record contradiction reads of a code holds the
// code's title terms and slots, and each slot lists the values that
// replace its own between its neighbours ("type 1" for E11.9's "type 2",
// "2 (mild)" for N18.4's "4 (severe)"), never its own.
func TestSlotRecord(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	term := func(stem string) uint64 {
		id, ok := ix.TermID(stem)
		if !ok {
			t.Fatalf("no term %q", stem)
		}
		return pair(id, noTerm)
	}
	// two is the value of a two-word slot ("4 (severe)").
	two := func(a, b string) uint64 {
		x, y := term(a), term(ix.Stems(b)[0])
		return pair(uint32(x>>32), uint32(y>>32))
	}
	tests := []struct {
		code     string
		value    uint64   // a slot value of the code's title
		replaced []uint64 // values listed as replacing it
	}{
		{"E11.9", term("2"), []uint64{term("1")}},
		{"E10.9", term("1"), []uint64{term("2")}},
		{"H16.331", term("right"), []uint64{term("left"), pair(unspecTerm, noTerm)}},
		{"N18.4", two("4", "severe"), []uint64{two("2", "mild")}},
	}
	for _, tc := range tests {
		id, _ := set.ID(corpus.ICD10CM, tc.code)
		tsp, ssp, ok := st.spans(id)
		if !ok || st.dense[id].rec == 0 {
			t.Fatalf("%s: no record", tc.code)
		}
		r := st.rec[st.dense[id].rec-1:]
		nt, ns := int(r[0]), int(r[1])
		title := st.terms[tsp[0] : tsp[0]+tsp[1]]
		if !slices.Equal(r[recHead:recHead+nt], title) {
			t.Errorf("%s: record terms %v, title terms %v", tc.code, r[recHead:recHead+nt], title)
		}
		if ns != int(ssp[1]) {
			t.Fatalf("%s: record slots %d, codeSlots %d", tc.code, ns, ssp[1])
		}
		found := false
		for k, sp := range st.slotsOf(id) {
			x := r[recHead+nt+3*k:]
			if x[0] != uint32(sp) {
				t.Errorf("%s: slot %d at %d, slots say %d", tc.code, k, x[0], sp)
			}
			a, _, _ := window(title, int(sp>>1), int(sp&1)+1)
			alts := st.altVals[x[1] : x[1]+x[2]]
			if slices.Contains(alts, a) {
				t.Errorf("%s: slot %d lists its own value", tc.code, k)
			}
			if a != tc.value {
				continue
			}
			found = true
			for _, v := range tc.replaced {
				if !slices.Contains(alts, v) {
					t.Errorf("%s: slot of %x does not list %x (lists %x)", tc.code, a, v, alts)
				}
			}
		}
		if !found {
			t.Errorf("%s: no slot holds %x", tc.code, tc.value)
		}
	}
}

// TestConflictReasonWords: the reason quotes the title's own words for
// the slot, read from the offsets kept at Open, brackets dropped.
func TestConflictReasonWords(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer(), slots: st}
	id, _ := set.ID(corpus.ICD10CM, "N18.4")
	doc := e.pipe.Analyze("CKD stage 2.")
	ctx := -1
	for j, x := range doc.Terms {
		if x.Norm == "stage" {
			ctx = j
		}
	}
	if ctx < 0 {
		t.Fatal("no stage term")
	}
	tsp, _, _ := st.spans(id)
	at := slices.Index(st.terms[tsp[0]:tsp[0]+tsp[1]], uint32(term4(t, ix)))
	tests := []struct {
		n    int
		want string
	}{
		{1, "note says stage 2; N18.4 is stage 4"},
		{2, "note says stage 2; N18.4 is stage 4 severe"},
	}
	for _, tc := range tests {
		said := nlp.Span{Start: doc.Terms[ctx+1].Start, End: doc.Terms[ctx+1].End}
		cf := conflict{said: said, ctxNote: ctx, at: at, n: tc.n, val: pair(0, noTerm), code: id}
		if got := e.conflictReason(doc, set.Brief(id), cf); got != tc.want {
			t.Errorf("n=%d: got %q, want %q", tc.n, got, tc.want)
		}
	}
}

func term4(t *testing.T, ix *index.Index) uint32 {
	t.Helper()
	id, ok := ix.TermID("4")
	if !ok {
		t.Fatal("no term 4")
	}
	return id
}

// TestNameStemTable: the engine's table answers index.Stems of a name by
// id; a mention whose name is not its hit's (a history code's name)
// gets its own name's stems.
func TestNameStemTable(t *testing.T) {
	set, ix := slotFixture(t)
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer()}
	for n := range int32(ix.Len()) {
		for range 2 { // filled, then read
			if got, want := e.nameStems.of(ix, n), ix.Stems(ix.NameText(n)); !slices.Equal(got, want) {
				t.Errorf("name %d: got %v, want %v", n, got, want)
			}
		}
	}
	var w work
	m := mention{hit: index.Hit{Name: 0}, name: ix.NameText(1)}
	if got, want := e.mentionStems(&w, &m), ix.Stems(ix.NameText(1)); !slices.Equal(got, want) {
		t.Errorf("renamed mention: got %v, want %v", got, want)
	}
	m.learned, m.name = true, ix.NameText(0)
	if got, want := e.mentionStems(&w, &m), ix.Stems(ix.NameText(0)); !slices.Equal(got, want) {
		t.Errorf("learned mention: got %v, want %v", got, want)
	}
}

// TestReachable: every node a path leads to is marked, the start
// included, and nothing else.
func TestReachable(t *testing.T) {
	succ := [][]int{{1}, {2}, {0}, {4}, {}, {5}}
	tests := []struct {
		from int
		want []bool
	}{
		{0, []bool{true, true, true, false, false, false}},
		{3, []bool{false, false, false, true, true, false}},
		{4, []bool{false, false, false, false, true, false}},
		{5, []bool{false, false, false, false, false, true}},
	}
	seen := make([]bool, len(succ))
	var stack []int
	for _, tc := range tests {
		stack = reachable(succ, tc.from, seen, stack)
		if !slices.Equal(seen, tc.want) {
			t.Errorf("from %d: got %v, want %v", tc.from, seen, tc.want)
		}
	}
}
