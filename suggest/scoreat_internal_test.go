package suggest

import (
	"math"
	"reflect"
	"testing"

	"medcode/corpus"
	"medcode/index"
)

// mentionScore is a mention's score read from a copy of the mention, the
// plain form scoreOf, scoreAt and bestScore are held to.
func mentionScore(m mention) float64 {
	s := m.hit.Score * (1 - m.partNeg)
	if m.dominated {
		s *= 0.6
	}
	return s
}

// scoreAtCases are mention scores, negated shares and dominance to hold
// scoreAt to mentionScore on.
var scoreAtCases = []struct {
	score, partNeg float64
	dominated      bool
}{
	{0, 0, false}, {1, 0, false}, {1, 0, true}, {0.8, 0.25, false}, {0.8, 0.25, true},
	{0.3333333333333333, 0.1, true}, {2.5, 1, false}, {math.Inf(1), 0.5, true}, {math.NaN(), 0, false},
	{-0.7, 0.3, true}, {1e-300, 1e-300, true},
}

// TestScoreAt: scoreAt, scoreOf and bestScore are mentionScore of the mention, bit
// for bit.
func TestScoreAt(t *testing.T) {
	for _, tc := range scoreAtCases {
		sameScoreAt(t, tc.score, tc.partNeg, tc.dominated)
	}
}

// FuzzScoreAt: scoreAt and bestScore are mentionScore of the mention, bit
// for bit.
func FuzzScoreAt(f *testing.F) {
	for _, tc := range scoreAtCases {
		f.Add(tc.score, tc.partNeg, tc.dominated)
	}
	f.Fuzz(sameScoreAt)
}

func sameScoreAt(t *testing.T, score, partNeg float64, dominated bool) {
	c := &candidate{mentions: []mention{
		{hit: index.Hit{Score: 0.5}},
		{hit: index.Hit{Score: score}, partNeg: partNeg, dominated: dominated},
	}, best: 1}
	want := math.Float64bits(mentionScore(c.mentions[1]))
	if got := math.Float64bits(c.scoreAt(1)); got != want {
		t.Errorf("scoreAt(%v, %v, %v) = %v, want %v", score, partNeg, dominated, c.scoreAt(1), mentionScore(c.mentions[1]))
	}
	if got := math.Float64bits(scoreOf(&c.mentions[1])); got != want {
		t.Errorf("scoreOf(%v, %v, %v) = %v, want %v", score, partNeg, dominated, scoreOf(&c.mentions[1]), mentionScore(c.mentions[1]))
	}
	if got := math.Float64bits(c.bestScore()); got != want {
		t.Errorf("bestScore(%v, %v, %v) = %v, want %v", score, partNeg, dominated, c.bestScore(), mentionScore(c.mentions[1]))
	}
	if got, want := math.Float64bits(c.scoreAt(0)), math.Float64bits(mentionScore(c.mentions[0])); got != want {
		t.Errorf("scoreAt(0) = %v, want %v", c.scoreAt(0), mentionScore(c.mentions[0]))
	}
}

// TestTopInPlace: topRef reads what c.top() copies, in place when c has
// mentions, with mentions and without.
func TestTopInPlace(t *testing.T) {
	ms := []mention{
		{hit: index.Hit{Score: 0.5, Coverage: 0.25, Cosine: 0.75, Order: 1}, name: "a", kind: corpus.NameIndex},
		{hit: index.Hit{Score: 0.9, Coverage: 0.5, Cosine: 0.125, Order: 0.5}, name: "b", kind: corpus.NameTitle, dominated: true},
	}
	for _, c := range []*candidate{{}, {mentions: ms}, {mentions: ms, best: 1}} {
		got := c.topRef()
		if !reflect.DeepEqual(*got, c.top()) {
			t.Errorf("best %d of %d: topRef %+v, top() %+v", c.best, len(c.mentions), *got, c.top())
		}
		if len(c.mentions) > 0 && got != &c.mentions[c.best] {
			t.Errorf("best %d of %d: topRef is a copy", c.best, len(c.mentions))
		}
	}
}
