package eval

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"medcode/corpus"
)

// SynthOptions configure SyntheticCases. The zero value works.
type SynthOptions struct {
	Cases int // notes to write; 0 = 500
	Codes int // statements (codes) per note; 0 = 3
	// MaxCodes, when above Codes, lets each note state between Codes and
	// MaxCodes codes (uniformly).
	MaxCodes int
	// Distractors is the most distractor statements a note holds (0 to
	// Distractors, uniformly): a code's name negated ("Denies ..."), said
	// of a family member or as resolved past history. Their codes are not
	// gold.
	Distractors int
	// IndexPaths also states codes by an Alphabetic Index path named on
	// the code alone, rephrased in note order (NoteOrder).
	IndexPaths bool
	Seed       uint64 // the same seed writes the same notes
}

// synthTemplates put a diagnostic statement in a sentence the way US notes
// state diagnoses.
var synthTemplates = []string{
	"Assessment: %s.",
	"Diagnosis: %s.",
	"Impression: %s.",
	"The patient is seen today for %s.",
	"Problem list includes %s.",
	"Findings are consistent with %s.",
	"Plan: continue treatment of %s.",
}

// synthMoreTemplates are further statement sentences of multi-statement
// notes (MaxCodes or Distractors set).
var synthMoreTemplates = []string{
	"%s.",
	"Diagnosed with %s.",
	"Known %s, continue current management.",
	"%s, stable on current plan.",
	"Presents with %s.",
}

// distractorTemplates name a code the note does not assign: negated, said
// of another person, or resolved in the past.
var distractorTemplates = []struct {
	text string
	// undecided: the prefix of codes a coder may assign for the statement
	// (family or personal history), left out of training rows.
	undecided string
}{
	{"Denies %s.", ""},
	{"No evidence of %s.", ""},
	{"Negative for %s.", ""},
	{"%s was ruled out.", ""},
	{"No history of %s.", ""},
	{"Family history of %s in her mother.", "Z8"},
	{"His father had %s.", "Z8"},
	{"History of %s, resolved.", "Z8"},
}

// SyntheticCases writes labelled notes from the code sets alone: each note
// states Codes (up to MaxCodes) random billable ICD-10-CM codes, each of a
// different chapter while chapters last (a random category, then a random
// code of it), each by its long title, one of its Tabular inclusion terms
// or (IndexPaths) an index path naming it alone, non-essential bracketed
// words dropped at random, in a sentence of synthTemplates (or, in a
// numbered assessment list); the gold codes are the stated ones. Up to
// Distractors statements name further codes of the disease chapters
// (A00-Q99) negated, of a family member or as resolved history; they are
// not gold. Training mixes the notes with labelled notes so the ranker and
// its calibration see notes that state diagnoses plainly, not only one
// corpus's case reports. They are written from the code sets, never from a
// test suite.
func SyntheticCases(set *corpus.Set, o SynthOptions) []Case {
	cs, _ := syntheticCases(set, o)
	return cs
}

// syntheticCases is SyntheticCases with, per case, the code prefixes its
// distractors leave undecided (see distractorTemplates).
func syntheticCases(set *corpus.Set, o SynthOptions) ([]Case, [][]string) {
	if o.Cases <= 0 {
		o.Cases = 500
	}
	if o.Codes <= 0 {
		o.Codes = 3
	}
	o.MaxCodes = max(o.MaxCodes, o.Codes)
	multi := o.MaxCodes > o.Codes || o.Distractors > 0
	// Categories are drawn uniformly, then a billable code of the
	// category: every chapter is stated, not mostly injuries.
	var cats [][]corpus.ID
	var catChapter []string
	at := map[string]int{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if !b.Billable {
			continue
		}
		i, ok := at[category(b.Code)]
		if !ok {
			i = len(cats)
			at[category(b.Code)] = i
			cats = append(cats, nil)
			ch, _ := chapterOf(corpus.ICD10CM, b.Code)
			catChapter = append(catChapter, ch)
		}
		cats[i] = append(cats[i], id)
	}
	if len(cats) == 0 {
		return nil, nil
	}
	var disease []int // categories of the disease chapters, for distractors
	for i, cat := range cats {
		if c := set.Brief(cat[0]).Code; c < "R" {
			disease = append(disease, i)
		}
	}
	var owners map[string]int
	if o.IndexPaths {
		owners = pathOwners(set)
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	say := func(id corpus.ID) string {
		c := set.Code(id)
		names := []string{c.Display}
		for _, n := range c.Names {
			switch {
			case n.Kind == corpus.NameInclusion:
				names = append(names, n.Text)
			case n.Kind == corpus.NameIndex && owners != nil:
				if p := NoteOrder(n.Text); p != "" && owners[strings.ToLower(p)] == 1 {
					names = append(names, p)
				}
			}
		}
		name := names[r.IntN(len(names))]
		if r.IntN(2) == 0 {
			name = corpus.WithoutBracketed(name)
		}
		name = strings.TrimSuffix(strings.TrimSpace(name), ".")
		if name == "" {
			name = c.Display
		}
		// Lower-case the first letter at random, acronyms aside.
		if len(name) > 1 && name[1] >= 'a' && name[1] <= 'z' && r.IntN(2) == 0 {
			name = strings.ToLower(name[:1]) + name[1:]
		}
		return name
	}
	out := make([]Case, 0, o.Cases)
	undecided := make([][]string, 0, o.Cases)
	for i := range o.Cases {
		n := o.Codes + r.IntN(o.MaxCodes-o.Codes+1)
		var names []string
		var gold []Gold
		usedCh := map[string]bool{}
		usedCat := map[int]bool{}
		for range n {
			k := r.IntN(len(cats))
			for try := 0; try < 20 && (usedCh[catChapter[k]] || usedCat[k]); try++ {
				k = r.IntN(len(cats))
			}
			usedCh[catChapter[k]], usedCat[k] = true, true
			id := cats[k][r.IntN(len(cats[k]))]
			names = append(names, say(id))
			gold = append(gold, Gold{System: corpus.ICD10CM, Code: set.Brief(id).Code})
		}
		var sents []string
		list := multi && r.IntN(3) == 0
		for j, name := range names {
			switch {
			case list:
				sents = append(sents, fmt.Sprintf("%d. %s.", j+1, upperFirst(name)))
			case multi && r.IntN(2) == 0:
				sents = append(sents, upperFirst(fmt.Sprintf(synthMoreTemplates[r.IntN(len(synthMoreTemplates))], name)))
			default:
				sents = append(sents, fmt.Sprintf(synthTemplates[r.IntN(len(synthTemplates))], name))
			}
		}
		if list {
			sents = append([]string{"Assessment:"}, sents...)
		}
		var und []string
		if o.Distractors > 0 && len(disease) > 0 {
			for range r.IntN(o.Distractors + 1) {
				k := disease[r.IntN(len(disease))]
				if usedCat[k] {
					continue
				}
				usedCat[k] = true
				t := distractorTemplates[r.IntN(len(distractorTemplates))]
				s := upperFirst(fmt.Sprintf(t.text, lowerFirst(say(cats[k][r.IntN(len(cats[k]))]))))
				// Before or after the statements, at random.
				if r.IntN(2) == 0 {
					sents = append([]string{s}, sents...)
				} else {
					sents = append(sents, s)
				}
				if t.undecided != "" {
					und = append(und, t.undecided)
				}
			}
		}
		sep := " "
		if list {
			sep = "\n"
		}
		out = append(out, Case{ID: fmt.Sprintf("synthetic-%d", i+1), Text: strings.Join(sents, sep), Gold: gold})
		undecided = append(undecided, und)
	}
	return out, undecided
}

// pathOwners counts, per Alphabetic Index path in note order (lower
// case), the billable ICD-10-CM codes it names.
func pathOwners(set *corpus.Set) map[string]int {
	owners := map[string]int{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		if !set.Brief(id).Billable {
			continue
		}
		seen := map[string]bool{}
		for _, n := range set.Code(id).Names {
			if n.Kind != corpus.NameIndex {
				continue
			}
			p := strings.ToLower(NoteOrder(n.Text))
			if p != "" && !seen[p] {
				seen[p] = true
				owners[p]++
			}
		}
	}
	return owners
}

func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// lowerFirst lower-cases the first letter unless the second is upper case
// (an acronym).
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// category is the three-character category of an ICD-10-CM code.
func category(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
