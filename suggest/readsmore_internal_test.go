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
	if got := readsMore(doc, vague, "", full, nil); got != first {
		t.Errorf("readsMore = %v, want the sentence's first reading holding the words", got)
	}
	vague.mentions[0].sent = 3
	if got := readsMore(doc, vague, "", full, nil); got != nil {
		t.Errorf("no reading of sentence 3: readsMore = %v, want nil", got)
	}
}

// TestReadsMoreChapter: a reading not of its code's official title counts
// only for a vague candidate of its own chapter (the chapters each reading
// and the vague candidate carry, as related compared them).
func TestReadsMoreChapter(t *testing.T) {
	doc := &nlp.Document{Tokens: make([]nlp.Token, 8)}
	for i := range doc.Tokens {
		doc.Tokens[i].Stem = string(rune('a' + i))
	}
	vague := &candidate{tgt: target{code: 1}, mentions: []mention{{sent: 0, hit: index.Hit{Score: 1, Positions: []int32{2, 3}}}}}
	far := &candidate{tgt: target{code: 2}}  // another chapter, not its title
	near := &candidate{tgt: target{code: 3}} // the vague code's chapter
	full := []fullReading{
		{c: far, sent: 0, pos: []int32{1, 2, 3}, chapter: "19"},
		{c: near, sent: 0, pos: []int32{2, 3, 4}, chapter: "10"},
	}
	if got := readsMore(doc, vague, "10", full, nil); got != near {
		t.Errorf("readsMore = %v, want the reading of the vague code's chapter", got)
	}
	if got := readsMore(doc, vague, "19", full, nil); got != far {
		t.Errorf("readsMore = %v, want the reading of chapter 19", got)
	}
	if got := readsMore(doc, vague, "4", full, nil); got != nil {
		t.Errorf("readsMore = %v, want nil: no reading of chapter 4 and no title", got)
	}
	full[0].title = true // an official title counts whatever its chapter
	if got := readsMore(doc, vague, "4", full, nil); got != far {
		t.Errorf("readsMore = %v, want the official title's reading", got)
	}
}
