package nlp

import (
	"fmt"
	"testing"
)

// TestTextMemoForgets: a full memo forgets what it holds and takes the new
// text, so the texts asked for later are remembered.
func TestTextMemoForgets(t *testing.T) {
	var m textMemo[int]
	for i := range 100 {
		m.put(fmt.Sprint(i), i, 100)
	}
	if v, ok := m.get("99"); !ok || v != 99 {
		t.Fatalf("get(99) = %d, %v", v, ok)
	}
	m.put("new", -1, 100)
	if v, ok := m.get("new"); !ok || v != -1 {
		t.Errorf("get(new) = %d, %v after the memo was full", v, ok)
	}
	if _, ok := m.get("0"); ok {
		t.Error("a full memo kept its old entries")
	}
	if m.size != 1 {
		t.Errorf("size %d, want 1", m.size)
	}
}
