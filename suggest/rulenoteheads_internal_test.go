package suggest

import "testing"

// TestHeadAnyIsHeads checks that a ruleCueTable's headAny has exactly the
// firstKey bits of its exact first words, wordAny the wordKey bit of
// every one, and that slotOf finds each word's slot (its lists and their
// union), and no slot for a word that is none, for the rules' lists.
func TestHeadAnyIsHeads(t *testing.T) {
	tab := newRuleCueTable(ruleCueLists())
	var keys [4096 / 64]uint64
	for _, fw := range tab.first {
		k := firstKey(fw.word)
		keys[k/64] |= 1 << (k % 64)
		k2 := wordKey(fw.word)
		if tab.wordAny[k2/64]&(1<<(k2%64)) == 0 {
			t.Fatalf("first word %q: wordAny bit %d unset", fw.word, k2)
		}
		s := tab.slotOf(fw.word, k2)
		if s == nil {
			t.Fatalf("first word %q: no slot", fw.word)
		}
		lists := tab.flat[s.flat : s.flat+s.lists]
		if len(lists) != len(fw.lists) || len(lists) > 0 && &lists[0] != &fw.lists[0] {
			t.Fatalf("first word %q: slot lists %d at %d, want its %d", fw.word, s.lists, s.flat, len(fw.lists))
		}
		var second uint64
		single := false
		for _, f := range fw.lists {
			second |= f.second
			single = single || f.single
		}
		if s.second != second || s.single != single {
			t.Fatalf("first word %q: slot second %x single %v, want %x %v", fw.word, s.second, s.single, second, single)
		}
	}
	if keys != tab.headAny {
		t.Fatal("headAny is not the first words' keys")
	}
	n := 0
	for _, w := range []string{"zzqx", "the", "patient", "a", "of", "and"} {
		s := tab.slotOf(w, wordKey(w))
		isFirst := false
		for _, fw := range tab.first {
			isFirst = isFirst || fw.word == w
		}
		if (s != nil) != isFirst {
			t.Fatalf("word %q: slot %v, a first word %v", w, s != nil, isFirst)
		}
		if !isFirst {
			n++
		}
	}
	if n == 0 {
		t.Fatal("every word tried is a first word: the test cannot fail on a miss")
	}
}
