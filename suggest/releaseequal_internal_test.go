package suggest

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestShareEqual: share takes the other table only when it is deeply
// equal to one's own.
func TestShareEqual(t *testing.T) {
	for _, tc := range []struct {
		name        string
		mine, their []string
		shared      bool
	}{
		{"equal", []string{"a", "b"}, []string{"a", "b"}, true},
		{"other order", []string{"a", "b"}, []string{"b", "a"}, false},
		{"longer", []string{"a"}, []string{"a", "b"}, false},
		{"nil and empty", nil, []string{}, false},
	} {
		mine := tc.mine
		share(&mine, tc.their)
		got := len(mine) > 0 && len(tc.their) > 0 && &mine[0] == &tc.their[0]
		if tc.their != nil && len(tc.their) == 0 {
			got = mine != nil
		}
		if got != tc.shared {
			t.Errorf("%s: shared %v, want %v", tc.name, got, tc.shared)
		}
		if !reflect.DeepEqual(mine, tc.mine) && !tc.shared {
			t.Errorf("%s: unequal table changed to %v", tc.name, mine)
		}
	}
}

// TestReleaseEnginesShareEqualTables: an older release's engine holds no
// copy of a table that came out the same as the newest release's, and
// takes the priors, the site map and the per-note site work from it.
func TestReleaseEnginesShareEqualTables(t *testing.T) {
	e := realEngine(t)
	if len(e.byRelease) < 2 {
		t.Skip("one ICD-10-CM release loaded")
	}
	newest := e.byRelease[len(e.byRelease)-1]
	if newest != e {
		t.Fatal("New returns an engine other than the newest release's")
	}
	same := func(a, b any) bool {
		va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
		return va.Len() == 0 || va.UnsafePointer() == vb.UnsafePointer()
	}
	for _, sub := range e.byRelease[:len(e.byRelease)-1] {
		if sub.sites != newest.sites || sub.siteShare != newest.siteShare {
			t.Error("an older release builds its own site map or site work")
		}
		if len(newest.priorByID) > 0 && unsafe.SliceData(sub.priorByID) != unsafe.SliceData(newest.priorByID) {
			t.Error("an older release builds its own priors table")
		}
		shared := 0
		for _, tb := range []struct {
			name       string
			mine, them any
		}{
			{"neoplasm rows", sub.neo.rows, newest.neo.rows},
			{"hypertension", sub.htn, newest.htn},
			{"with", sub.with, newest.with},
			{"sequela", sub.sequela, newest.sequela},
			{"status", sub.status, newest.status},
			{"allergy", sub.allergy, newest.allergy},
			{"cooc", sub.cooc, newest.cooc},
			{"vague", sub.vague, newest.vague},
		} {
			if !reflect.DeepEqual(tb.mine, tb.them) {
				continue
			}
			shared++
			if !same(tb.mine, tb.them) {
				t.Errorf("%s: equal in both releases but held twice", tb.name)
			}
		}
		if shared == 0 {
			t.Error("no table equal in two releases: the check checks nothing")
		}
		msgs := map[string]unsafe.Pointer{}
		for _, ed := range newest.edits {
			msgs[ed.Message] = unsafe.Pointer(unsafe.StringData(ed.Message))
		}
		for _, ed := range sub.edits {
			if p, ok := msgs[ed.Message]; ok && p != unsafe.Pointer(unsafe.StringData(ed.Message)) {
				t.Fatalf("edit message %q held twice", ed.Message)
			}
		}
	}
}
