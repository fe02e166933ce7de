package suggest

import (
	"slices"
	"testing"
)

// wordSpans lists nextWord's words of s.
func wordSpans(s string) [][]int {
	var out [][]int
	for at := 0; ; {
		a, b := nextWord(s, at)
		if a < 0 {
			return out
		}
		out = append(out, []int{a, b})
		at = b
	}
}

// FuzzNextWord: nextWord finds the words wordRE finds.
func FuzzNextWord(f *testing.F) {
	for _, s := range []string{"", "Influenza A virus", "flu-B, 2x", "café ½ Ⅻ x\xffy", "\u212a\u017f 12\tmg", "日本語 テスト"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := wordSpans(s), wordRE.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("nextWord(%q): %v, wordRE: %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("nextWord(%q): %v, wordRE: %v", s, got, want)
			}
		}
		if got, want := findWords(s), wordRE.FindAllString(s, -1); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("findWords(%q): %q, wordRE: %q", s, got, want)
		}
	})
}
