package suggest

import (
	"math"
	"strings"
	"unicode"

	"medcode/corpus"
)

// deeperSubterms applies the Alphabetic Index's own structure: a subterm
// indented under a term is more specific than the term, and when the
// note states the subterm's words the coder follows it down ("History,
// personal, infection NEC, COVID-19" Z86.16, not "History, personal,
// infection NEC" Z86.19, for "History of COVID-19 infection"). A
// suggestion every evidence of which is an Index path that another
// suggestion's evidence extends by a subterm, on a span covering it,
// gives way to that suggestion: the deeper one takes its confidence, and
// it falls just below. The subterm's words must be in the evidence text:
// a path the engine followed on the term's words alone ("Rash, drug" for
// "Rash") is not stated.
func deeperSubterms(res *Result) {
	index := corpus.NameIndex.String()
	// The suggestions and their evidence are read in place: a pair is
	// copied only when it moves.
	extends := func(deep, shallow *Evidence) bool {
		if deep.MatchedKind != index || shallow.MatchedKind != index || deep.Start > shallow.Start || deep.End < shallow.End {
			return false
		}
		n := len(shallow.Matched)
		return len(deep.Matched) >= n+2 && deep.Matched[n:n+2] == ", " && deep.Matched[:n] == shallow.Matched &&
			statesWords(deep.Text, deep.Matched[n+2:])
	}
	indexPaths := func(evs []Evidence) bool {
		for k := range evs {
			if evs[k].MatchedKind != index {
				return false
			}
		}
		return true
	}
	for {
		moved := false
		for i := range res.Suggestions {
			a := &res.Suggestions[i]
			if a.System != string(corpus.ICD10CM) || len(a.Evidence) == 0 || !indexPaths(a.Evidence) {
				continue // extends holds for Index paths alone
			}
			for j := i + 1; j < len(res.Suggestions); j++ {
				b := &res.Suggestions[j]
				if b.System != a.System || b.Code == a.Code || b.Confidence >= a.Confidence {
					continue
				}
				all := true
				for ka := range a.Evidence {
					found := false
					for kb := range b.Evidence {
						if extends(&b.Evidence[kb], &a.Evidence[ka]) {
							found = true
							break
						}
					}
					if !found {
						all = false
						break
					}
				}
				if !all {
					continue
				}
				av, bv := *a, *b
				bv.Confidence, bv.Score = av.Confidence, av.Score
				av.Confidence = round(math.Max(0, av.Confidence-0.0001), 4)
				av.Score = math.Nextafter(av.Score, math.Inf(-1))
				res.Suggestions = append(res.Suggestions[:j], res.Suggestions[j+1:]...)
				res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
				insert(res, bv)
				insert(res, av)
				moved = true
				break
			}
			if moved {
				break
			}
		}
		if !moved {
			return
		}
	}
}

// subtermFiller are Index words that state nothing of their own.
var subtermFiller = map[string]bool{"nec": true, "nos": true, "with": true, "without": true, "due": true, "to": true, "of": true, "in": true,
	"and": true, "or": true, "the": true, "a": true, "by": true, "for": true, "specified": true, "other": true, "see": true, "also": true}

// negators before a word say the note denies it.
var negators = map[string]bool{"no": true, "without": true, "not": true, "denies": true, "negative": true, "non": true}

// statesWords reports whether text holds every word of path (an Index
// subterm chain) but filler, case-insensitively and not after a negator; false when path has no
// such word.
func statesWords(text, path string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]bool{}
	words := split(text)
	for i, w := range words {
		if i > 0 && negators[words[i-1]] {
			continue // "no bleeding" does not state "with bleeding"
		}
		have[w] = true
	}
	some := false
	for _, w := range split(path) {
		if subtermFiller[w] {
			continue
		}
		if !have[w] {
			return false
		}
		some = true
	}
	return some
}
