package suggest

// startReadings readies the scratch for the readings of live (rs empty,
// vagueIn false for each of n sentences) and remembers live: specific
// reads them as it reads the candidates' mentions for its own pass, and
// refine, next, finds them there (readFor) instead of reading every
// mention again from memory.
func (s *refineScratch) startReadings(live []*candidate, n int) {
	s.rs = s.rs[:0]
	s.vagueIn = s.vagueIn[:0]
	for range n {
		s.vagueIn = append(s.vagueIn, false)
	}
	s.readLive = live
}

// readFor reports whether the scratch holds the readings of live in a
// note of n sentences (startReadings, then readingsOf for each of its
// candidates).
func (s *refineScratch) readFor(live []*candidate, n int) bool {
	r := s.readLive
	return len(live) > 0 && len(r) == len(live) && &r[0] == &live[0] && len(s.vagueIn) == n
}

// readingsOf appends to rs the readings refine may weigh of live
// candidate ci (c, its title bits b), of ICD-10-CM and no sibling: its
// mentions leaving at most maxImplied words of the name unmatched, not
// learned or partly negated, each with its cat holding ci until
// keptReadings; and, c being vague, marks in vagueIn the sentences of
// its mentions. A vague candidate is of ICD-10-CM (vagueICD).
func readingsOf(ci int, c *candidate, b titleBits, vagueIn []bool, rs []refineReading) []refineReading {
	vague := b.vagueICD(b.billable() || c.tgt.stem != 0)
	code := c.tgt.anyCode()
	for i := range c.mentions {
		m := &c.mentions[i]
		if vague && !m.learned && len(m.hit.Positions) > 0 && m.sent >= 0 && m.sent < len(vagueIn) {
			vagueIn[m.sent] = true
		}
		// A reading leaving more than maxImplied words of its name
		// unmatched refines nothing (the first test of its weighing):
		// it is not kept.
		if m.hit.Length-m.hit.Matched > maxImplied {
			continue
		}
		if !m.learned && m.partNeg == 0 {
			rs = append(rs, refineReading{c: c, m: m, code: code, cat: uint32(ci), sent: int32(m.sent), slack: m.hit.Length - m.hit.Matched, titleOther: b&titleOther != 0})
		}
	}
	return rs
}

// keptReadings keeps in place, in order, the readings of rs (readingsOf)
// in a sentence vagueIn marks or outside the note's, each given its
// code's category, read on a candidate's first kept reading.
func (e *Engine) keptReadings(w *work, rs []refineReading, vagueIn []bool) []refineReading {
	k, last, cat := 0, -1, uint32(0)
	for i := range rs { // by index: a reading is large to copy
		r := &rs[i]
		if s := int(r.sent); s >= 0 && s < len(vagueIn) && !vagueIn[s] {
			continue
		}
		if ci := int(r.cat); ci != last {
			last, cat = ci, w.liveTitle.cat(e, ci)
		}
		r.cat = cat
		if k != i { // copied only once one is dropped
			rs[k] = *r
		}
		k++
	}
	return rs[:k]
}

// refineReadings marks in vagueIn (false, a place per sentence) the
// sentences of the vague live candidates' mentions, and appends to rs the
// readings refine weighs: of ICD-10-CM candidates not siblings, leaving
// at most maxImplied words of the name unmatched, not learned or partly
// negated, in a marked sentence (or one outside the note's), in order.
// bits is live's title bits (liveTitles). It reads each mention once,
// the vague candidates' marks and every candidate's readings in one pass
// (two passes re-read the vague candidates' mentions from memory), then
// keeps the readings of the marked sentences: the readings the two
// passes kept (TestRefineReadingsFused).
func (e *Engine) refineReadings(w *work, live []*candidate, bits []titleBits, vagueIn []bool, rs []refineReading) []refineReading {
	for ci, c := range live {
		if bits[ci]&titleICD == 0 || c.sibling {
			continue
		}
		rs = readingsOf(ci, c, bits[ci], vagueIn, rs)
	}
	return e.keptReadings(w, rs, vagueIn)
}
