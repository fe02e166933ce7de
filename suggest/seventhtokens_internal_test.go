package suggest

import (
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestSevenWordsSay: a token is a word of a row by its words' numbers
// (sevenWords, holds) exactly when the row's words say its Norm
// (rowWords.says), for every row of the code set's stems and every token
// of dev notes and of plural-laden text, also when words are numbered
// after a note's sentences were read.
func TestSevenWordsSay(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var stems []corpus.ID
	for _, id := range set.IDs(corpus.ICD10CM) {
		if len(set.SevenChr(id)) > 0 {
			stems = append(stems, id)
		}
	}
	// One row of each word list, with its stem's rows.
	type row struct {
		rows *seventhRows
		i    int
		rw   rowWords
	}
	var sr sentenceRanges // kept across notes, as the pooled work keeps it
	var rowsOf []row
	seen := map[string]bool{}
	read := func(stems []corpus.ID) {
		for _, id := range stems {
			rows := sr.seventhRowsOf(set, id)
			for i, words := range rows.words {
				k := ""
				for _, w := range words {
					k += w + " "
				}
				if !seen[k] {
					seen[k] = true
					rowsOf = append(rowsOf, row{rows, i, newRowWords(words)})
				}
			}
		}
	}
	texts := append([]string{
		"Subsequent encounters for fractures with routine healing; delayed healings. Initial encounters, sequelas, both lefts and rights.",
		"Closed fracture of the left radius, initial encounter. No malunion. Open fractures type IIIA.",
	}, testenv.DevNotes(t)[:40]...)
	read(stems[:len(stems)/2])
	checked := 0
	check := func(doc *nlp.Document, s int) {
		words := sr.sevenWords(doc, s)
		lo := int(sr.tok[s][0])
		for j, p := range words {
			norm := doc.Tokens[lo+j].Norm
			for _, r := range rowsOf {
				got := p != noSevenWords && r.rows.holds(r.rows.wid[r.i], p)
				if want := r.rw.says(norm); got != want {
					t.Fatalf("token %q, row %q: numbers %v hold %v, says %v", norm, r.rows.words[r.i], p, got, want)
				} else if want {
					checked++
				}
			}
		}
	}
	for n, text := range texts {
		doc := pipe.Analyze(text)
		sr.index(doc)
		for s := range sr.tok {
			check(doc, s)
			if n == 0 && s == 0 {
				read(stems[len(stems)/2:]) // words numbered mid-note
				check(doc, s)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d token rows said", checked)
	}
}
