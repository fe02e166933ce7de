package suggest

import (
	"fmt"
	"math"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// Sibling discrimination. Codes that differ by one word of their title are
// alternatives of one detail: "Type 1 diabetes mellitus without
// complications" and "Type 2 ..." (type), "Chronic kidney disease, stage 2"
// and "stage 3a" (stage), "... left eye" and "... right eye" or
// "... unspecified eye" (laterality), "Displaced ..." and "Nondisplaced
// ..." fracture. Such pairs are found in the code set itself (no hand
// list): every ICD-10-CM title is analysed into terms, and titles equal but
// for the term at one position put that position's terms in one slot,
// named by the neighbouring term ("type _", "stage _", "_ eye"). A
// candidate whose title fills a slot with one term while the note, near
// its evidence, fills the same slot with another contradicts the note:
// "note says type 1; E11.9 is type 2". A code that fills the slot with
// "unspecified" is only dropped for the detail when another candidate of
// its category stays.

// unspecTerm stands for "unspecified" (the index drops the word from
// names, so it has no index term); unknownTerm for a title word the index
// does not know.
const (
	unspecTerm  = math.MaxUint32
	unknownTerm = math.MaxUint32 - 1
)

// slotTable holds the title terms of every ICD-10-CM code and the slots
// mined from them. It holds no pointers.
type slotTable struct {
	codeTerms map[corpus.ID][2]uint32 // code -> terms[off:off+n]
	terms     []uint32
	// alt holds slotKey(ctx, side, value): value fills a slot next to ctx
	// (side 0: ctx precedes the value, 1: ctx follows it) in some title.
	alt map[uint64]struct{}
}

func slotKey(ctx uint32, side int, value uint32) uint64 {
	return uint64(ctx)<<33 | uint64(side)<<32 | uint64(value)
}

// titleTerms analyses a title into index term ids, in order.
func titleTerms(ix *index.Index, pipe *nlp.Pipeline, title string, dst []uint32) []uint32 {
	for _, t := range pipe.Terms(title) {
		if t.Expanded {
			continue
		}
		switch id, ok := ix.TermID(t.Stem); {
		case t.Norm == "unspecified":
			dst = append(dst, unspecTerm)
		case ok:
			dst = append(dst, id)
		default:
			dst = append(dst, unknownTerm)
		}
	}
	return dst
}

// buildSlots mines the slots of set's ICD-10-CM titles.
func buildSlots(set *corpus.Set, ix *index.Index) *slotTable {
	pipe := ix.Analyzer()
	st := &slotTable{codeTerms: map[corpus.ID][2]uint32{}, alt: map[uint64]struct{}{}}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if index.SeventhCharacter(b, set.SevenChr(id)) {
			continue // the stem's title says the same, without the 7th character's words
		}
		off := len(st.terms)
		st.terms = titleTerms(ix, pipe, b.Display, st.terms)
		st.codeTerms[id] = [2]uint32{uint32(off), uint32(len(st.terms) - off)}
	}
	// Titles equal but for position i: group by the title with a hole at i.
	type first struct {
		value uint32
		set   bool
	}
	groups := map[uint64]first{}
	const prime = 1099511628211
	for _, span := range st.codeTerms {
		t := st.terms[span[0] : span[0]+span[1]]
		if len(t) < 2 || len(t) > 24 {
			continue
		}
		for i := range t {
			if t[i] == unknownTerm {
				continue
			}
			h := uint64(14695981039346656037) ^ uint64(len(t))<<8 ^ uint64(i)
			for j, x := range t {
				if j == i {
					x = unknownTerm - 1 // the hole
				}
				h = (h ^ uint64(x)) * prime
			}
			g, ok := groups[h]
			if !ok {
				groups[h] = first{value: t[i], set: true}
				continue
			}
			if g.value == t[i] {
				continue
			}
			for _, v := range [2]uint32{g.value, t[i]} {
				if i > 0 && t[i-1] != unknownTerm {
					st.alt[slotKey(t[i-1], 0, v)] = struct{}{}
				}
				if i+1 < len(t) && t[i+1] != unknownTerm {
					st.alt[slotKey(t[i+1], 1, v)] = struct{}{}
				}
			}
		}
	}
	return st
}

// fills reports whether value fills a slot beside ctx.
func (st *slotTable) fills(ctx uint32, side int, value uint32) bool {
	_, ok := st.alt[slotKey(ctx, side, value)]
	return ok
}

// conflict is a detail the note documents against a candidate's title.
type conflict struct {
	noteTerm, codeTerm int // the note's term (index into doc.Terms) and the title's position
	ctxNote            int // the neighbouring note term naming the slot
	side               int
}

// contradiction finds the first slot c's code fills with one term while
// the note, in the sentences of c's mentions, fills it with another and
// never with the code's. ok is false when there is none.
func (st *slotTable) contradiction(ix *index.Index, doc *nlp.Document, c *candidate, code corpus.ID) (conflict, bool) {
	span, ok := st.codeTerms[code]
	if !ok {
		return conflict{}, false
	}
	t := st.terms[span[0] : span[0]+span[1]]
	terms := doc.Terms
	noteID := func(j int) (uint32, bool) {
		if j < 0 || j >= len(terms) || terms[j].Assert&nlp.Negated != 0 {
			return 0, false
		}
		if terms[j].Norm == "unspecified" {
			return unspecTerm, true
		}
		return ix.TermID(terms[j].Stem)
	}
	inTitle := func(v uint32) bool {
		for _, x := range t {
			if x == v {
				return true
			}
		}
		return false
	}
	for i, a := range t {
		for side := range 2 {
			k := i - 1 // side 0: the slot follows its context term
			if side == 1 {
				k = i + 1
			}
			if k < 0 || k >= len(t) || !st.fills(t[k], side, a) {
				continue
			}
			ctx := t[k]
			supported, found := false, conflict{noteTerm: -1}
			for j := range terms {
				if !inSentences(c, terms[j].Sent) {
					continue
				}
				if id, ok := noteID(j); !ok || id != ctx {
					continue
				}
				// The note term filling the slot: the next (side 0) or
				// previous (side 1) term of another token in the sentence.
				v := j + 1 - 2*side
				for v >= 0 && v < len(terms) && terms[v].Tok == terms[j].Tok && terms[v].Sent == terms[j].Sent {
					v += 1 - 2*side
				}
				if v < 0 || v >= len(terms) || terms[v].Sent != terms[j].Sent {
					continue
				}
				id, ok := noteID(v)
				if !ok {
					continue
				}
				if id == a || nearby(doc, ix, j, a) {
					supported = true
					break
				}
				if found.noteTerm < 0 && id != unknownTerm && st.fills(ctx, side, id) && !inTitle(id) {
					found = conflict{noteTerm: v, codeTerm: i, ctxNote: j, side: side}
				}
			}
			if !supported && found.noteTerm >= 0 {
				return found, true
			}
		}
	}
	return conflict{}, false
}

// nearby reports whether the word a (not a number or a one- or two-letter
// term, which must sit in the slot itself) is within three terms of the
// context term j in its sentence: "acute on chronic kidney failure" keeps
// "acute kidney failure".
func nearby(doc *nlp.Document, ix *index.Index, j int, a uint32) bool {
	if a == unspecTerm || a == unknownTerm {
		return false
	}
	s := ix.Term(a)
	if len(s) <= 2 {
		return false
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	terms := doc.Terms
	for k := max(0, j-4); k < min(len(terms), j+5); k++ {
		if terms[k].Sent == terms[j].Sent && terms[k].Stem == s {
			return true
		}
	}
	return false
}

// discriminate drops the candidates the note contradicts: words that only
// state another candidate's seventh character ("encounter" of "initial
// encounter" is not Z76.89), and codes whose title fills a slot with
// another term than the note does (see slotTable). It appends the
// rejections to w.rejected and returns the candidates kept, in order.
func (e *Engine) discriminate(w *work, doc *nlp.Document, live []*candidate, encounter string) []*candidate {
	w.owner = seventhWords(e.set, doc, live, encounter, w.owner)
	type verdict struct {
		c       *candidate
		cf      conflict
		bad     bool
		seventh bool // its words state another code's 7th character
	}
	vs := make([]verdict, len(live))
	for i, c := range live {
		vs[i].c = c
		if stem := statesSeventh(c, w.owner); stem != 0 {
			b := e.set.Brief(c.tgt.anyCode())
			w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
				Rule: "seventh_character", Reason: fmt.Sprintf("its words state the 7th character of %s", e.set.Brief(stem).Code), Evidence: e.evidence(doc, c, 3)})
			vs[i].bad, vs[i].seventh = true, true
			continue
		}
		code := c.tgt.anyCode()
		if e.slots == nil || e.set.Brief(code).System != corpus.ICD10CM || len(c.mentions) == 0 {
			continue
		}
		if cf, ok := e.slots.contradiction(e.ix, doc, c, code); ok {
			vs[i].cf, vs[i].bad = cf, true
		}
	}
	// A code contradicted only for being unspecified stays unless another
	// candidate of its category is not contradicted.
	clean := map[string]bool{}
	for _, v := range vs {
		if !v.bad {
			clean[category(e.set.Brief(v.c.tgt.anyCode()).Code)] = true
		}
	}
	out := live[:0]
	for _, v := range vs {
		if !v.bad {
			out = append(out, v.c)
			continue
		}
		if v.seventh {
			continue // rejected above
		}
		code := v.c.tgt.anyCode()
		b := e.set.Brief(code)
		a := e.slots.terms[e.slots.codeTerms[code][0]+uint32(v.cf.codeTerm)]
		if a == unspecTerm && !clean[category(b.Code)] {
			out = append(out, v.c)
			continue
		}
		w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
			Rule: "contradicted", Reason: e.conflictReason(doc, b, v.cf, a), Evidence: e.evidence(doc, v.c, 3)})
	}
	return out
}

// conflictReason says what the note documents and what the code is:
// "note says type 1; E11.9 is type 2".
func (e *Engine) conflictReason(doc *nlp.Document, b corpus.Brief, cf conflict, a uint32) string {
	ctx := doc.Terms[cf.ctxNote].Norm
	said := doc.Text[doc.Terms[cf.noteTerm].Start:doc.Terms[cf.noteTerm].End]
	is := "unspecified"
	if a != unspecTerm {
		is = e.ix.Term(a)
		// The title's own word for the term, when the analysis finds it.
		for _, t := range e.pipe.Terms(b.Display) {
			if id, ok := e.ix.TermID(t.Stem); ok && id == a && !t.Expanded {
				is = b.Display[t.Start:t.End]
				break
			}
		}
	}
	if cf.side == 0 {
		return fmt.Sprintf("note says %s %s; %s is %s %s", ctx, said, b.Code, ctx, is)
	}
	return fmt.Sprintf("note says %s %s; %s is %s %s", said, ctx, b.Code, is, ctx)
}
