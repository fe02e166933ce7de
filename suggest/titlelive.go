package suggest

import "medcode/corpus"

// liveTitles holds, for one note, the title facts (titleOf) and category
// keys (categoryKey) of the live candidates' codes, in live order:
// specific and refine ask them of the same candidates several times, and
// each titleOf is a memo fetch that mostly misses the processor's cache.
// An entry is read again whenever the candidate's code is not the one it
// was read for, so a caller never sees another code's facts.
type liveTitles struct {
	codes []corpus.ID  // the code (target.anyCode) each entry was read for
	facts []*titleFact // titleOf(codes[i])
	bits  []titleBits  // facts[i].bits: the passes' first tests, in one dense array
	cats  []uint32     // categoryKey of codes[i]'s code, 0 when not read yet
}

// titleBits is what specific's and refine's passes over the live
// candidates test first of a code's title, packed in a byte: the passes
// read a byte array, not a titleFact (one of hundreds of scattered heap
// objects) per candidate and pass, and skip the candidates the title
// rules out before reading the candidate itself.
type titleBits uint8

const (
	titleICD      titleBits = 1 << iota // system is ICD-10-CM
	titleBillable                       // billable
	titleNspec                          // nspec: says "unspecified"
	titleVagueish                       // nspec or withoutComp: vague whatever the billability
	titleOther                          // other: claims an "other" variety
)

// titleBitsOf packs f's facts the passes test into titleBits.
func titleBitsOf(f *titleFact) titleBits {
	var b titleBits
	if f.system == corpus.ICD10CM {
		b |= titleICD
	}
	if f.billable {
		b |= titleBillable
	}
	if f.nspec {
		b |= titleNspec
	}
	if f.nspec || f.withoutComp {
		b |= titleVagueish
	}
	if f.other {
		b |= titleOther
	}
	return b
}

// vagueICD reports whether the title is ICD-10-CM's and vague
// (titleFact.vague) with the code read as billable or not.
func (b titleBits) vagueICD(billable bool) bool {
	return b&titleICD != 0 && (!billable || b&titleVagueish != 0)
}

// billable reports titleFact.billable.
func (b titleBits) billable() bool { return b&titleBillable != 0 }

// has reports whether every bit of want is set.
func (b titleBits) has(want titleBits) bool { return b&want == want }

// of returns the title facts of live's codes, index for index.
func (t *liveTitles) of(e *Engine, live []*candidate) []*titleFact {
	for len(t.codes) < len(live) {
		t.codes = append(t.codes, -1)
		t.facts = append(t.facts, nil)
		t.bits = append(t.bits, 0)
		t.cats = append(t.cats, 0)
	}
	for i, c := range live {
		if k := c.tgt.anyCode(); t.facts[i] == nil || t.codes[i] != k {
			f := e.titleOf(k)
			t.codes[i], t.facts[i], t.bits[i], t.cats[i] = k, f, f.bits, 0
		}
	}
	return t.facts[:len(live)]
}

// bitsOf returns the titleBits of live's codes, index for index; of must
// have been called with the same live since a code last changed.
func (t *liveTitles) bitsOf(n int) []titleBits {
	return t.bits[:n]
}

// cat returns the categoryKey of live candidate i's code; of must have
// been called with the same live since its code last changed.
func (t *liveTitles) cat(e *Engine, i int) uint32 {
	if t.cats[i] == 0 {
		t.cats[i] = categoryKey(e.set.CodeString(t.codes[i]))
	}
	return t.cats[i]
}

// holds reports whether entry i holds the facts of code k (of read them
// for live candidate i, whose code was k), so that facts[i] and bits[i]
// are k's.
func (t *liveTitles) holds(i int, k corpus.ID) bool {
	return i < len(t.codes) && t.codes[i] == k && t.facts[i] != nil
}

// reset forgets the note's codes and facts.
func (t *liveTitles) reset() {
	clear(t.facts)
	t.codes, t.facts, t.bits, t.cats = t.codes[:0], t.facts[:0], t.bits[:0], t.cats[:0]
}
