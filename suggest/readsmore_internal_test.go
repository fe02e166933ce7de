package suggest

import (
	"cmp"
	"slices"
	"testing"

	"medcode/index"
	"medcode/nlp"
)

// TestReadsMoreBySentence: a vague candidate yields to the first full
// reading of its mention's sentence that holds its words and more, in the
// order the readings came; readings of other sentences never count, where
// ever they stand in the list.
func TestReadsMoreBySentence(t *testing.T) {
	doc := &nlp.Document{Tokens: make([]nlp.Token, 12)}
	for i := range doc.Tokens {
		doc.Tokens[i].Stem = string(rune('a' + i))
	}
	vague := &candidate{tgt: target{code: 1}, mentions: []mention{{sent: 1, hit: index.Hit{Score: 1, Positions: []int32{5, 6}}}}}
	other := &candidate{tgt: target{code: 2}}     // another sentence's reading
	first := &candidate{tgt: target{code: 3}}     // the sentence's first
	second := &candidate{tgt: target{code: 4}}    // the sentence's second
	narrow := &candidate{tgt: target{code: 5}}    // no more words than the vague one
	elsewhere := &candidate{tgt: target{code: 6}} // the sentence's, not holding the words
	full := []fullReading{
		{c: other, sent: 0, pos: []int32{5, 6, 7}, title: true},
		{c: narrow, sent: 1, pos: []int32{5, 6}, title: true},
		{c: elsewhere, sent: 1, pos: []int32{8, 9, 10}, title: true},
		{c: first, sent: 1, pos: []int32{4, 5, 6}, title: true},
		{c: other, sent: 2, pos: []int32{5, 6, 7}, title: true},
		{c: second, sent: 1, pos: []int32{5, 6, 7}, title: true},
	}
	slices.SortStableFunc(full, func(a, b fullReading) int { return cmp.Compare(a.sent, b.sent) }) // as specific orders them
	var e Engine
	if got := e.readsMore(doc, vague, full, nil); got != first {
		t.Errorf("readsMore = %v, want the sentence's first reading holding the words", got)
	}
	vague.mentions[0].sent = 3
	if got := e.readsMore(doc, vague, full, nil); got != nil {
		t.Errorf("no reading of sentence 3: readsMore = %v, want nil", got)
	}
}
