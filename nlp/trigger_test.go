package nlp

import "testing"

// TestTriggerKids: every node's kids, read by trigger id, are exactly its
// next map, so matchFrom walks the trie as a lookup by norm would.
func TestTriggerKids(t *testing.T) {
	p := testPipeline(t)
	nodes := 0
	var walk func(n *triggerNode, root bool)
	walk = func(n *triggerNode, root bool) {
		nodes++
		if len(n.kids) != len(n.next) && !root {
			t.Errorf("node has %d kids, %d next", len(n.kids), len(n.next))
		}
		for w, c := range n.next {
			id := p.trig.ids[w]
			if !root && (id == 0 || n.child(id) != c) {
				t.Errorf("word %q (id %d): child %p, want %p", w, id, n.child(id), c)
			}
			walk(c, false)
		}
	}
	walk(&p.trig.root, true)
	if nodes < 100 || len(p.trig.ids) < 20 {
		t.Fatalf("%d nodes, %d ids: the test cannot fail", nodes, len(p.trig.ids))
	}
	if w := p.vocab.newWord("zqxword"); w.tw != 0 {
		t.Errorf("zqxword: trigger id %d, want 0", w.tw)
	}
	if w := p.vocab.newWord("of"); w.tw != p.trig.ids["of"] || w.tw == 0 {
		t.Errorf("of: trigger id %d, want %d", w.tw, p.trig.ids["of"])
	}
}
