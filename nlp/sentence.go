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

// sentences splits the tokens raw, whose words are look (makeTokens),
// into sentences and list items: it returns their spans and, in sents
// (reused), each token's sentence (Token.Sent). It reads the raw tokens
// rather than the Tokens, which makeTokens writes after it with their
// sentences: the tokens are not read and written once more, and assert
// finds a sentence's tokens in sents. Boundaries: a blank line; a line
// break, unless the line merely wraps (it ends in a word or comma and
// the next line starts in lower case); ";"; ".", "!" or "?" (not after
// "Dr", "vs" and the like, nor after a genus initial before its species:
// "E. coli"; decimals and dotted acronyms are single tokens); bullets
// ("•", "*", " - "); list numbers ("1.", "2)"); and both ends of every
// section header.
func (p *Pipeline) sentences(text string, raw []rawToken, look []*word, secs []Section, spans []Span, sents []int32) ([]Span, []int32) {
	sents = slices.Grow(sents[:0], len(raw))[:len(raw)]
	if len(raw) == 0 {
		return nil, sents
	}
	spans = slices.Grow(spans[:0], len(raw)/8+1)
	look = look[:len(raw)] // no bounds checks below
	// Header boundaries in order: each header's start and end; b is
	// boundary h, past the text when there is none left.
	h := 0
	b := len(text) + 1
	if len(secs) > 0 {
		b = secs[0].Header.Start
	}
	first := 0
	sents[0] = 0
	for i := 1; i < len(raw); i++ {
		// Most tokens follow the one before after a single space, with
		// no header boundary and no list marker at them: nothing breaks
		// there (gapBreaks), which this loop, without calls, finds fast.
		for sent := int32(len(spans)); i < len(raw) && raw[i].start < b && !raw[i].marker && oneSpace(text, &raw[i-1], &raw[i]); i++ {
			sents[i] = sent
		}
		if i == len(raw) {
			break
		}
		prev, cur := &raw[i-1], &raw[i]
		brk := false
		for b <= cur.start {
			if b > prev.start {
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
		if brk || cur.marker || !prev.marker && !oneSpace(text, prev, cur) && p.gapBreaks(text, prev, cur, look[i-1].norm) {
			spans = append(spans, Span{raw[first].start, prev.end})
			first = i
		}
		sents[i] = int32(len(spans))
	}
	spans = append(spans, Span{raw[first].start, raw[len(raw)-1].end})
	return spans, sents
}

// gapBreaks decides whether the bytes between two tokens end a
// sentence; prevNorm is prev's normalised form.
func (p *Pipeline) gapBreaks(text string, prev, cur *rawToken, prevNorm string) bool {
	gap := text[prev.end:cur.start]
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
			if c == '.' && k == 0 && (noSplitBefore(prevNorm) || genusInitial(text, prev, cur)) {
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
		c := text[cur.start]
		wraps := 'a' <= c && c <= 'z' && (comma || len(gap) == 1 || onlyBlanks(gap))
		return !wraps
	}
	return false
}

// genusInitial reports whether prev is a capital initial abbreviating a
// genus before its lower-case species ("E. coli", "C. difficile",
// "S. aureus"): its full stop ends no sentence.
func genusInitial(text string, prev, cur *rawToken) bool {
	c, n := text[prev.start], text[cur.start]
	return prev.end-prev.start == 1 && 'A' <= c && c <= 'Z' && 'a' <= n && n <= 'z'
}

// oneSpace reports whether a single space, which breaks no sentence
// (gapBreaks), separates prev from cur: most gaps, decided without the
// call.
func oneSpace(text string, prev, cur *rawToken) bool {
	return cur.start == prev.end+1 && text[prev.end] == ' '
}

func onlyBlanks(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			return false
		}
	}
	return true
}
