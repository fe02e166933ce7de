package nlp

import "strings"

// scopeWindow is the most non-stop tokens a trigger's scope covers on one
// side.
const scopeWindow = 15

// match is a ConText phrase found in a sentence, by token range.
type match struct {
	r          *rule
	start, end int // token indices, end exclusive
}

// assert runs ConText over each sentence, then applies section-driven
// assertions (family history section: Family; past medical and surgical
// history: Historical), and copies token flags to terms.
//
// Within a sentence, the longest phrase starting at each token wins;
// pseudo-triggers are skipped; a trigger's scope runs forward and/or
// backward to the sentence edge, a terminator or another trigger, at most
// scopeWindow non-stop tokens. Header tokens are never triggers or scope.
func (p *Pipeline) assert(d *Document) {
	toks := d.Tokens
	var ms []match
	inHeader := func(i int) bool {
		s := toks[i].Section
		return s >= 0 && toks[i].Start < d.Sections[s].Header.End
	}
	for i := 0; i < len(toks); {
		// sentence [i, e)
		e := i + 1
		for e < len(toks) && toks[e].Sent == toks[i].Sent {
			e++
		}
		ms = ms[:0]
		for j := i; j < e; {
			if inHeader(j) {
				j++
				continue
			}
			r, end := p.trig.match(toks, j, e)
			if r == nil || (r.first && j != i) {
				j++
				continue
			}
			ms = append(ms, match{r, j, end})
			j = end
		}
		for k, m := range ms {
			if m.r.role != trigger {
				continue
			}
			lo, hi := -1, -1
			window := scopeWindow
			if m.r.window > 0 {
				window = m.r.window
			}
			if m.r.dir&forward != 0 {
				stop := e
				if k+1 < len(ms) {
					stop = ms[k+1].start
				}
				n := 0
				for j := m.end; j < stop && n < window; j++ {
					if inHeader(j) || m.r.comma && j > m.end && strings.IndexByte(d.Text[toks[j-1].End:toks[j].Start], ',') >= 0 {
						break
					}
					toks[j].Assert |= m.r.kind
					if !toks[j].Stop {
						if lo < 0 {
							lo = j
						}
						hi = j
						n++
					}
				}
			}
			if m.r.dir&backward != 0 {
				stop := i
				if k > 0 {
					stop = ms[k-1].end
				}
				n := 0
				for j := m.start - 1; j >= stop && n < window; j-- {
					if inHeader(j) || m.r.comma && j < m.start-1 && strings.IndexByte(d.Text[toks[j].End:toks[j+1].Start], ',') >= 0 {
						break
					}
					toks[j].Assert |= m.r.kind
					if !toks[j].Stop {
						if hi < 0 {
							hi = j
						}
						lo = j
						n++
					}
				}
			}
			if lo < 0 {
				continue
			}
			d.Assertions = append(d.Assertions, AssertionSpan{
				Kind:    m.r.kind,
				Trigger: Span{toks[m.start].Start, toks[m.end-1].End},
				Scope:   Span{toks[lo].Start, toks[hi].End},
			})
		}
		i = e
	}
	for j := 0; j < len(toks); {
		si := toks[j].Section
		e := j + 1
		for e < len(toks) && toks[e].Section == si {
			e++
		}
		var kind Assertion
		if si >= 0 {
			switch d.Sections[si].Kind {
			case FamilyHistory:
				kind = Family
			case PastMedicalHistory, PastSurgicalHistory:
				kind = Historical
			}
		}
		lo, hi := -1, -1
		for k := j; kind != 0 && k < e; k++ {
			if toks[k].Start < d.Sections[si].Header.End {
				continue
			}
			toks[k].Assert |= kind
			if lo < 0 {
				lo = k
			}
			hi = k
		}
		if lo >= 0 {
			d.Assertions = append(d.Assertions, AssertionSpan{Kind: kind, Trigger: d.Sections[si].Header, Scope: Span{toks[lo].Start, toks[hi].End}})
		}
		j = e
	}
	for k := range d.Terms {
		d.Terms[k].Assert |= toks[d.Terms[k].Tok].Assert
	}
}
