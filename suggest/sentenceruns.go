package suggest

import "medcode/nlp"

// A note's tokens and terms come in sentence order (nlp.Document), so each
// sentence's are one run: sentenceRanges.index finds the runs by reading
// each token's sentence once and writing only where it changes, where the
// plain scan (tokenRangesPlain, termRangesPlain) writes each sentence's
// start for every token of it. The runs are checked as they are read: a
// sentence number out of range or lower than the one before hands the
// note to the plain scan, which reads any order.

// tokenRuns fills rs (zero, one entry per sentence) with each sentence's
// tokens as toks[lo:hi], as tokenRangesPlain does; false when toks are not
// in sentence order (rs is then partly written).
func tokenRuns(toks []nlp.Token, rs [][2]int32) bool {
	prev := -1 // tokens before the first sentence's (Sent -1) are in none
	for i := range toks {
		s := toks[i].Sent
		if s == prev {
			continue
		}
		if s < prev || s >= len(rs) {
			return false
		}
		if prev >= 0 {
			rs[prev][1] = int32(i)
		}
		rs[s][0] = int32(i)
		prev = s
	}
	if prev >= 0 {
		rs[prev][1] = int32(len(toks))
	}
	return true
}

// termRuns is tokenRuns of terms.
func termRuns(terms []nlp.Term, rs [][2]int32) bool {
	prev := -1
	for i := range terms {
		s := terms[i].Sent
		if s == prev {
			continue
		}
		if s < prev || s >= len(rs) {
			return false
		}
		if prev >= 0 {
			rs[prev][1] = int32(i)
		}
		rs[s][0] = int32(i)
		prev = s
	}
	if prev >= 0 {
		rs[prev][1] = int32(len(terms))
	}
	return true
}

// tokenRangesPlain fills rs (zero, one entry per sentence) with each
// sentence's tokens toks[lo:hi]: the first and one past the last token of
// the sentence, whatever the order; a token of no sentence in rs is in
// none.
func tokenRangesPlain(toks []nlp.Token, rs [][2]int32) {
	n := len(rs)
	for i := len(toks) - 1; i >= 0; i-- {
		if s := toks[i].Sent; s >= 0 && s < n {
			if rs[s][1] == 0 {
				rs[s][1] = int32(i + 1)
			}
			rs[s][0] = int32(i)
		}
	}
}

// termRangesPlain is tokenRangesPlain of terms.
func termRangesPlain(terms []nlp.Term, rs [][2]int32) {
	n := len(rs)
	for i := len(terms) - 1; i >= 0; i-- {
		if s := terms[i].Sent; s >= 0 && s < n {
			if rs[s][1] == 0 {
				rs[s][1] = int32(i + 1)
			}
			rs[s][0] = int32(i)
		}
	}
}
