package nlp

import "slices"

// noSplitBefore reports whether norm is a word whose trailing full stop
// does not end a sentence ("Dr. Smith", "vs. pneumonia"): a switch, which
// compiles to comparisons without hashing.
func noSplitBefore(norm string) bool {
	switch norm {
	case "dr", "mr", "mrs", "ms", "st", "vs", "jr", "sr",
		"prof", "approx", "fig", "dept", "inc", "wt", "ht",
		"temp", "resp", "hosp", "min", "max", "avg", "est":
		return true
	}
	return false
}

// sentences splits the tokens into sentences and list items and sets
// Token.Sent. Boundaries: a blank line; a line break, unless the line
// merely wraps (it ends in a word or comma and the next line starts in
// lower case); ";"; ".", "!" or "?" (not after "Dr", "vs" and the like,
// nor after a genus initial before its species: "E. coli";
// decimals and dotted acronyms are single tokens); bullets ("•", "*", " - ");
// list numbers ("1.", "2)"); and both ends of every section header.
func (p *Pipeline) sentences(text string, raw []rawToken, toks []Token, secs []Section, spans []Span) []Span {
	if len(toks) == 0 {
		return nil
	}
	spans = slices.Grow(spans[:0], len(toks)/8+1)
	raw = raw[:len(toks)]
	// Header boundaries in order: each header's start and end; b is
	// boundary h, past the text when there is none left.
	h := 0
	b := len(text) + 1
	if len(secs) > 0 {
		b = secs[0].Header.Start
	}
	first := 0
	for i := 1; i < len(toks); i++ {
		// Most tokens follow the one before after a single space, with
		// no header boundary and no list marker at them: nothing breaks
		// there (gapBreaks), which this loop, without calls, finds fast.
		for sent := len(spans); i < len(toks) && toks[i].Start < b && !raw[i].marker && oneSpace(text, &toks[i-1], &toks[i]); i++ {
			toks[i].Sent = sent
		}
		if i == len(toks) {
			break
		}
		prev, cur := &toks[i-1], &toks[i]
		brk := false
		for b <= cur.Start {
			if b > prev.Start {
				brk = true
			}
			h++
			switch {
			case h >= 2*len(secs):
				b = len(text) + 1
			case h%2 == 1:
				b = secs[h/2].Header.End
			default:
				b = secs[h/2].Header.Start
			}
		}
		if brk || raw[i].marker || !raw[i-1].marker && !oneSpace(text, prev, cur) && p.gapBreaks(text, prev, cur) {
			spans = append(spans, Span{toks[first].Start, prev.End})
			first = i
		}
		cur.Sent = len(spans)
	}
	spans = append(spans, Span{toks[first].Start, toks[len(toks)-1].End})
	return spans
}

// gapBreaks decides whether the bytes between two tokens end a sentence.
func (p *Pipeline) gapBreaks(text string, prev, cur *Token) bool {
	gap := text[prev.End:cur.Start]
	newlines := 0
	punct := false
	comma := false
	for k := 0; k < len(gap); k++ {
		switch c := gap[k]; c {
		case '\n':
			newlines++
		case ';', '*':
			return true
		case '.', '!', '?':
			if c == '.' && k == 0 && (noSplitBefore(prev.Norm) || genusInitial(text, prev, cur)) {
				continue
			}
			punct = true
		case ',':
			comma = true
		case '-':
			if k > 0 && k+1 < len(gap) && (gap[k-1] == ' ' || gap[k-1] == '\n') && gap[k+1] == ' ' {
				return true
			}
		case 0xE2: // "•" is E2 80 A2
			if k+2 < len(gap) && gap[k+1] == 0x80 && gap[k+2] == 0xA2 {
				return true
			}
		}
	}
	if punct || newlines >= 2 {
		return true
	}
	if newlines == 1 {
		// A wrapped line continues the sentence.
		c := text[cur.Start]
		wraps := 'a' <= c && c <= 'z' && (comma || len(gap) == 1 || onlyBlanks(gap))
		return !wraps
	}
	return false
}

// genusInitial reports whether prev is a capital initial abbreviating a
// genus before its lower-case species ("E. coli", "C. difficile",
// "S. aureus"): its full stop ends no sentence.
func genusInitial(text string, prev, cur *Token) bool {
	c, n := text[prev.Start], text[cur.Start]
	return prev.End-prev.Start == 1 && 'A' <= c && c <= 'Z' && 'a' <= n && n <= 'z'
}

// oneSpace reports whether a single space, which breaks no sentence
// (gapBreaks), separates prev from cur: most gaps, decided without the
// call.
func oneSpace(text string, prev, cur *Token) bool {
	return cur.Start == prev.End+1 && text[prev.End] == ' '
}

func onlyBlanks(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			return false
		}
	}
	return true
}
