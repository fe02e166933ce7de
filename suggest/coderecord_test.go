package suggest

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"

	"medcode/corpus"
)

// TestFieldMemo: a fieldMemo remembers as an idMemo does (the first
// store wins, an id past the set's falls back to the map), bound to
// shared records or on its own; two memos of one record keep their
// values apart; concurrent loads and stores of several fields of the
// same ids agree (run under -race).
func TestFieldMemo(t *testing.T) {
	var codes []*corpus.Code
	for i := range 100 {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: fmt.Sprintf("A%02d.%d", i/10, i%10), Display: "x", Billable: true})
	}
	set := corpus.NewSet(codes, nil)
	top := maxID(set)
	for _, bound := range []bool{false, true} {
		var shared codeRecords
		var msg, other fieldMemo[string, lessMsgField]
		var title fieldMemo[titleFact, titleField]
		if bound {
			sizeRecords(&shared, set)
			msg.shared, title.shared = &shared, &shared
		}
		for _, id := range []corpus.ID{0, 1, top, top + 5, -1} {
			var ref idMemo[string]
			for _, v := range []string{"a", "b"} {
				got, want := msg.store(set, id, &v), ref.store(set, id, &v)
				if *got != *want {
					t.Errorf("bound %v, id %d: store %q = %q, idMemo's %q", bound, id, v, *got, *want)
				}
			}
			got, ok := msg.load(set, id)
			want, wok := ref.load(set, id)
			if ok != wok || *got != *want {
				t.Errorf("bound %v, id %d: load = %v, %v, idMemo's %v, %v", bound, id, got, ok, want, wok)
			}
			if v, ok := other.load(set, id); ok {
				t.Errorf("bound %v, id %d: another memo of the field loads %q", bound, id, *v)
			}
			if v, ok := title.load(set, id); ok {
				t.Errorf("bound %v, id %d: the title field loads %v after a message's store", bound, id, v)
			}
		}
		if bound && shared.pages[0].Load() == nil {
			t.Errorf("bound memos stored nothing in the shared records")
		}
	}

	var shared codeRecords
	sizeRecords(&shared, set)
	var msg fieldMemo[string, lessMsgField]
	var title fieldMemo[titleFact, titleField]
	msg.shared, title.shared = &shared, &shared
	var wg sync.WaitGroup
	const workers = 8
	gotMsg := make([][]*string, workers)
	gotTitle := make([][]*titleFact, workers)
	for w := range workers {
		gotMsg[w], gotTitle[w] = make([]*string, top+1), make([]*titleFact, top+1)
		wg.Go(func() {
			for id := range top + 1 {
				if v, ok := msg.load(set, id); ok && id%3 == 0 {
					gotMsg[w][id] = v
				} else {
					s := fmt.Sprint(w)
					gotMsg[w][id] = msg.store(set, id, &s)
				}
				gotTitle[w][id] = title.store(set, id, &titleFact{chapter: fmt.Sprint(w)})
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for id := range top + 1 {
			m, _ := msg.load(set, id)
			f, _ := title.load(set, id)
			if gotMsg[w][id] != m || gotTitle[w][id] != f {
				t.Fatalf("worker %d, id %d: got %q, %q, the memos keep %q, %q", w, id, *gotMsg[w][id], gotTitle[w][id].chapter, *m, f.chapter)
			}
		}
	}
}

// TestCodeRecordLine: a codeRecord is one 64-byte cache line, and a page
// a whole number of them, so that a record never straddles two lines.
func TestCodeRecordLine(t *testing.T) {
	if s := unsafe.Sizeof(codeRecord{}); s != 64 {
		t.Errorf("codeRecord is %d bytes, want 64", s)
	}
	if s := unsafe.Sizeof(recordPage[codeRecord]{}); s%64 != 0 {
		t.Errorf("recordPage is %d bytes, not a whole number of lines", s)
	}
}

// TestBindRecords: an engine's record memos keep a code's values in one
// record (bindRecords), and a code's title read through the memo is the
// one kept there.
func TestBindRecords(t *testing.T) {
	e := ownEngine(t)
	id, ok := e.set.ID(corpus.ICD10CM, "E11.9")
	if !ok {
		t.Fatal("no E11.9")
	}
	f := e.titleOf(id)
	cs := e.conditionOf(id)
	pg := e.records.pages[id>>recordPageBits].Load()
	if pg == nil {
		t.Fatalf("E11.9 has no record after titleOf and conditionOf")
	}
	rec := &pg[id&(1<<recordPageBits-1)]
	if rec.title.Load() != f || rec.cond.Load() != cs {
		t.Errorf("E11.9's record holds %p, %p, want titleOf's %p and conditionOf's %p", rec.title.Load(), rec.cond.Load(), f, cs)
	}
	if e.titleOf(id) != f {
		t.Errorf("titleOf E11.9 a second time is another value")
	}
}

// TestCodeRecordFields: each memo of a codeRecord has a slot of its own,
// so that no two memos of a code overwrite each other's value.
func TestCodeRecordFields(t *testing.T) {
	var r codeRecord
	slots := []unsafe.Pointer{
		unsafe.Pointer(titleField{}.slot(&r)),
		unsafe.Pointer(groundField{}.slot(&r)),
		unsafe.Pointer(conflictField{}.slot(&r)),
		unsafe.Pointer(exclField{}.slot(&r)),
		unsafe.Pointer(condField{}.slot(&r)),
		unsafe.Pointer(siteField{}.slot(&r)),
		unsafe.Pointer(seventhField{}.slot(&r)),
		unsafe.Pointer(lessMsgField{}.slot(&r)),
	}
	seen := map[unsafe.Pointer]int{}
	for i, s := range slots {
		if j, ok := seen[s]; ok {
			t.Errorf("fields %d and %d share a slot", j, i)
		}
		seen[s] = i
	}
	if len(slots)*8 != int(unsafe.Sizeof(r)) {
		t.Errorf("%d fields' slots in a %d-byte record: a field has no memo", len(slots), unsafe.Sizeof(r))
	}
}
