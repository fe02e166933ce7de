package nlp

import "testing"

// TestTriggerKids: every node's kids, read by trigger id, are exactly its
// next map, so matchFrom walks the trie as a lookup by norm would; the
// pipeline's trie keeps the kids and drops the maps below the root.
func TestTriggerKids(t *testing.T) {
	p := testPipeline(t)
	built := buildTriggerTrie(p)
	nodes := 0
	var walk func(n *triggerNode, root bool)
	walk = func(n *triggerNode, root bool) {
		nodes++
		if len(n.kids) != len(n.next) && !root {
			t.Errorf("node has %d kids, %d next", len(n.kids), len(n.next))
		}
		for w, c := range n.next {
			id := built.ids[w]
			if !root && (id == 0 || n.child(id) != c) {
				t.Errorf("word %q (id %d): child %p, want %p", w, id, n.child(id), c)
			}
			walk(c, false)
		}
	}
	walk(&built.root, true)
	// The pipeline's trie: the same words under the root, the same kids
	// by trigger id below it, and no next maps there.
	var same func(a, b *triggerNode, root bool)
	same = func(a, b *triggerNode, root bool) {
		if !root && b.next != nil {
			t.Errorf("a node below the root keeps its next map")
		}
		if len(a.kids) != len(b.kids) {
			t.Errorf("%d kids, want %d", len(b.kids), len(a.kids))
			return
		}
		for i := range a.kids {
			if a.kids[i].id != b.kids[i].id {
				t.Errorf("kid %d: id %d, want %d", i, b.kids[i].id, a.kids[i].id)
			}
			same(a.kids[i].node, b.kids[i].node, false)
		}
		if (a.rule == nil) != (b.rule == nil) || a.rule != nil && *a.rule != *b.rule {
			t.Errorf("rule %+v, want %+v", b.rule, a.rule)
		}
	}
	if len(p.trig.root.next) != len(built.root.next) {
		t.Errorf("%d words under the root, want %d", len(p.trig.root.next), len(built.root.next))
	}
	for w, c := range built.root.next {
		if pc := p.trig.root.next[w]; pc == nil {
			t.Errorf("word %q missing under the root", w)
		} else {
			same(c, pc, false)
		}
	}
	if nodes < 100 || len(built.ids) < 20 {
		t.Fatalf("%d nodes, %d ids: the test cannot fail", nodes, len(p.trig.ids))
	}
	if w := p.vocab.newWord("zqxword"); w.tw != 0 {
		t.Errorf("zqxword: trigger id %d, want 0", w.tw)
	}
	if w := p.vocab.newWord("of"); w.tw != p.trig.ids["of"] || w.tw == 0 {
		t.Errorf("of: trigger id %d, want %d", w.tw, p.trig.ids["of"])
	}
}
