package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/nlp"
)

// TestRangeFirsts: rangesName after firstIn, filtering by the first byte, answers as
// rangesName does for random ranges and codes (close letters, short and
// empty strings, bytes far apart).
func TestRangeFirsts(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	alphabet := []byte("ABCDEFNOZ019.\x00~\xff")
	str := func() string {
		b := make([]byte, r.IntN(4))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		rs := make([]codeRange, r.IntN(4))
		for i := range rs {
			rs[i] = codeRange{lo: str()}
			if r.IntN(2) == 0 {
				rs[i].hi = str()
			}
		}
		at := rangeFirsts(rs)
		for range 8 {
			code := str()
			if got, want := firstIn(at, code) && rangesName(rs, code), rangesName(rs, code); got != want {
				t.Fatalf("firstIn and rangesName(%q, %q) = %v, rangesName %v", rs, code, got, want)
			}
		}
	}
}

// TestMayLift: a code of whose facts mayLift is false is lifted before no
// code by liftable, whatever the two codes' facts.
func TestMayLift(t *testing.T) {
	fact := func(bits int) seqFact {
		f := seqFact{
			sepsis: bits&1 != 0, drug: bits&2 != 0, nature: bits&4 != 0, covid: bits&8 != 0,
			crisis: bits&16 != 0, hypertensive: bits&32 != 0, obstetric: bits&64 != 0,
		}
		if bits&128 != 0 {
			f.sents = []int{1}
		}
		return f
	}
	for x := range 256 {
		a := fact(x)
		if a.mayLift() {
			continue
		}
		for y := range 256 {
			b := fact(y)
			if _, ok := liftable(&a, &b); ok {
				t.Fatalf("liftable(%+v, %+v) lifts a code mayLift says none lifts", a, b)
			}
		}
	}
}

// TestLiftBelow holds liftBelow (the rules first) to the plain order of
// listedBefore's lower-code branch: the evidence test first, then the
// rules, over random facts and spans.
func TestLiftBelow(t *testing.T) {
	plain := func(a, b *Suggestion, fa, fb *seqFact) (order, bool) {
		if evidenceWithin(a.Evidence, b.Evidence) {
			return order{}, false
		}
		return liftable(fa, fb)
	}
	r := rand.New(rand.NewPCG(19, 5))
	fact := func() seqFact {
		bits := r.IntN(256)
		f := seqFact{
			sepsis: bits&1 != 0, drug: bits&2 != 0, nature: bits&4 != 0, covid: bits&8 != 0,
			crisis: bits&16 != 0, hypertensive: bits&32 != 0, obstetric: bits&64 != 0,
		}
		if bits&128 != 0 {
			f.sents = []int{r.IntN(3)}
		}
		return f
	}
	for range 20000 {
		a, b := &Suggestion{Evidence: randomSpans(r)}, &Suggestion{Evidence: randomSpans(r)}
		fa, fb := fact(), fact()
		gc, gok := liftBelow(a, b, &fa, &fb)
		wc, wok := plain(a, b, &fa, &fb)
		if gok != wok || gc != wc {
			t.Fatalf("liftBelow(%+v, %+v, %+v, %+v) = %+v, %v; plain order %+v, %v", a.Evidence, b.Evidence, fa, fb, gc, gok, wc, wok)
		}
	}
}

// TestMayList: listedBefore lists a before b only when mayList says it
// may, over random facts, notes' ranges, sentences and spans of codes
// drawn from a few that share first letters.
func TestMayList(t *testing.T) {
	e := &Engine{}
	doc := &nlp.Document{}
	r := rand.New(rand.NewPCG(19, 8))
	codes := []string{"A41.9", "A40.1", "B95.2", "E11.9", "I10", "I16.0", "J18.9", "N39.0", "U07.1", "Z51.11", "O98.5", "T40.7X5A", ""}
	ranges := func() []codeRange {
		var rs []codeRange
		for range r.IntN(3) {
			c := codes[r.IntN(len(codes)-1)]
			rs = append(rs, codeRange{lo: c[:1+r.IntN(3)]})
		}
		return rs
	}
	at := func(rs []codeRange) uint64 {
		var m uint64
		for _, x := range rs {
			m |= 1 << (x.lo[0] & 63)
		}
		if r.IntN(8) == 0 {
			m = r.Uint64() // a superset or a stale mask: mayList must not trust more than firstIn
		}
		return m
	}
	word := func() string {
		if r.IntN(3) == 0 {
			return "why"
		}
		return ""
	}
	fact := func() seqFact {
		bits := r.IntN(1 << 11)
		f := seqFact{
			ok: bits&1 != 0 || r.IntN(2) == 0, sepsis: bits&2 != 0, drug: bits&4 != 0, nature: bits&8 != 0,
			elsewhere: bits&16 != 0, covid: bits&32 != 0, crisis: bits&64 != 0, hypertensive: bits&128 != 0,
			obstetric: bits&256 != 0, z: bits&512 != 0, first: word(), reason: word(),
		}
		f.codeFirst, f.useAdditional = ranges(), ranges()
		f.codeFirstAt, f.useAdditionalAt = at(f.codeFirst), at(f.useAdditional)
		if bits&1024 != 0 {
			f.sents = []int{r.IntN(3)}
		}
		f.encounter = int8(2*r.IntN(2) - 1) // asked already: the note's words are not read here
		return f
	}
	for range 50000 {
		sugs := []Suggestion{{Code: codes[r.IntN(len(codes))], Evidence: randomSpans(r)}, {Code: codes[r.IntN(len(codes))], Evidence: randomSpans(r)}}
		fs := []seqFact{fact(), fact()}
		if fs[0].reason != "" {
			sugs[0].Evidence = nil // statedReason reads the note's words: none here
		}
		above := r.IntN(2) == 0
		if _, ok := e.listedBefore(doc, sugs, fs, 0, 1, above); ok && !mayList(&fs[0], &fs[1], &sugs[0], &sugs[1], above) {
			t.Fatalf("listedBefore lists %s (%+v) before %s (%+v), above %v; mayList says it may not", sugs[0].Code, fs[0], sugs[1].Code, fs[1], above)
		}
	}
}

// randomSpans draws up to two short evidence spans within 26 bytes, so
// that random pairs of suggestions share sentences and spans often.
func randomSpans(r *rand.Rand) []Evidence {
	ev := make([]Evidence, r.IntN(3))
	for i := range ev {
		s := r.IntN(20)
		ev[i] = Evidence{Start: s, End: s + 1 + r.IntN(6)}
	}
	return ev
}
