package suggest

import (
	"strings"
	"testing"
	"unsafe"

	"medcode/corpus"
)

// TestRuleRecordFlags holds the answers a ruleRecord keeps in its flags
// word to their plain forms, asked twice (worked out, then read back):
// plainHeads and isPlainHead to each Index name of the code reaching a
// "due to" head, hasRemissionSibling to remissionSibling, over the
// diabetes and remission categories and a sample of every code. It fails
// unless some code reaches a head and some has a sibling in remission.
func TestRuleRecordFlags(t *testing.T) {
	e := SharedEngine(t)
	var heads, siblings int
	all := e.set.IDs(corpus.ICD10CM)
	for i, id := range all {
		code := e.set.CodeString(id)
		if i%41 != 0 && !strings.HasPrefix(code, "E0") && !strings.HasPrefix(code, "E1") && !strings.HasPrefix(code, "C9") && !strings.HasPrefix(code, "F1") {
			continue
		}
		for range 2 {
			got := e.plainHeads(id)
			for di, d := range e.dueTo {
				want := false
				for _, n := range e.set.Code(id).Names {
					if n.Kind == corpus.NameIndex && (n.Text == d.head || strings.HasPrefix(n.Text, d.head+", with, ")) {
						want = true
					}
				}
				if e.isPlainHead(got, id, di) != want {
					t.Fatalf("%s: plain head %q %v, want %v", code, d.head, !want, want)
				}
				if want {
					heads++
				}
			}
			want := remissionSibling(e.set, id, remissionIn) != 0
			if e.hasRemissionSibling(code) != want {
				t.Fatalf("%s: remission sibling %v, want %v", code, !want, want)
			}
			if want {
				siblings++
			}
		}
	}
	if heads == 0 || siblings == 0 {
		t.Fatalf("%d heads reached, %d siblings in remission: the test cannot fail", heads, siblings)
	}
}

// TestRuleRecordIsALine holds a ruleRecord to one 64-byte cache line, as
// its padding means it to be (a page's records each in a line of their
// own).
func TestRuleRecordIsALine(t *testing.T) {
	if s := unsafe.Sizeof(ruleRecord{}); s != 64 {
		t.Fatalf("ruleRecord is %d bytes, want 64", s)
	}
	if s := unsafe.Sizeof(recordPage[ruleRecord]{}); s != 64<<recordPageBits {
		t.Fatalf("a page of ruleRecords is %d bytes, want %d", s, 64<<recordPageBits)
	}
}
