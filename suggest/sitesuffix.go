package suggest

// A seventh-character code's title is its stem's title, a comma and the
// seventh character's words ("Unspecified fracture of right patella,
// initial encounter for closed fracture"), and the index's analysis
// reads the two parts apart: the title's stems are the stem title's,
// then those of the ending the stem title does not hold. The injury
// categories hold thousands of such codes and a few dozen endings, so
// buildSiteCategory reads each ending once per category and each code's
// title from its stem's reading, not through the analyser again.
// TestSiteSuffixReadings holds every such title of the code set to
// readingOf.

// siteSuffixes are the title endings a category build has read: the
// stem numbers and kinds of each, end to end, and each ending's span of
// them.
type siteSuffixes struct {
	siteReadings
	at map[string]siteSpan
}

// of returns the stem numbers, kinds and "or" pairs of ending x, reading
// it once.
func (s *siteSuffixes) of(e *Engine, x string) ([]int32, []siteKind, [][2]int32) {
	sp, ok := s.at[x]
	if !ok {
		if s.at == nil {
			s.at = map[string]siteSpan{}
		}
		sp = s.add(e, x)
		s.at[x] = sp
	}
	return s.ids[sp.ids:sp.idEnd], s.kinds[sp.ids:sp.idEnd], s.alts[sp.alts:sp.altEnd]
}

// titleSuffix returns the ending of title after stem title p and its
// comma, ok false when title is not p, a comma and more.
func titleSuffix(p, title string) (string, bool) {
	if p == "" || len(title) < len(p)+3 || title[:len(p)] != p || title[len(p)] != ',' || title[len(p)+1] != ' ' {
		return "", false
	}
	return title[len(p)+2:], true
}

// readAfterStem appends the reading of title, a code's title, to b from
// the last stem's reading and its ending, as read would; false (nothing
// appended) when title does not extend the last stem's title.
func (b *siteBuild) readAfterStem(e *Engine, title string) bool {
	if b.stem < 0 {
		return false
	}
	x, ok := titleSuffix(b.stemText, title)
	if !ok {
		return false
	}
	xids, xkinds, xalts := b.suffixes.of(e, x)
	if b.held == nil {
		b.held = map[int32]int32{}
	}
	p := b.spans[b.stem]
	sp := siteSpan{ids: int32(len(b.ids)), alts: int32(len(b.alts))}
	b.ids = append(b.ids, b.ids[p.ids:p.idEnd]...)
	b.kinds = append(b.kinds, b.kinds[p.ids:p.idEnd]...)
	pn := p.idEnd - p.ids
	for i, id := range xids {
		if !containsID(b.ids[sp.ids:sp.ids+pn], id) {
			b.ids = append(b.ids, id)
			b.kinds = append(b.kinds, xkinds[i])
		}
	}
	// appendAlts reads the fields of the stem title, then the ending's:
	// the pairs are the two parts' unless an "or" stands at the comma.
	if orField(b.stemText, true) || orField(x, false) {
		b.alts = e.appendAlts(b.alts, title)
	} else {
		b.alts = append(b.alts, b.alts[p.alts:p.altEnd]...)
		b.alts = append(b.alts, xalts...)
	}
	sp.idEnd, sp.altEnd = int32(len(b.ids)), int32(len(b.alts))
	b.spans = append(b.spans, sp)
	return true
}

// orField reports whether the last (or the first) of the fields
// appendAlts splits text into is "or" in either case.
func orField(text string, last bool) bool {
	sep := func(c byte) bool { return c == ' ' || c == ',' || c == '(' || c == ')' }
	i, j := 0, len(text)
	if last {
		for j > 0 && sep(text[j-1]) {
			j--
		}
		i = j
		for i > 0 && !sep(text[i-1]) {
			i--
		}
	} else {
		for i < j && sep(text[i]) {
			i++
		}
		j = i
		for j < len(text) && !sep(text[j]) {
			j++
		}
	}
	return j-i == 2 && text[i]|0x20 == 'o' && text[i+1]|0x20 == 'r'
}
