package server

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"medcode/suggest"
)

func TestRequestMemoryLookup(t *testing.T) {
	long := strings.Repeat("x", 300) // a length needing two varint bytes
	sgs := []suggest.Suggestion{
		{System: "ICD-10-CM", Code: "E11.9", Evidence: []suggest.Evidence{{Matched: "type 2 diabetes mellitus"}, {Matched: "diabetes\tII\n"}, {Matched: "type 2 diabetes mellitus"}}},
		{System: "ICD-10-CM", Code: "R69"},
		{System: "CPT", Code: "99213", Evidence: []suggest.Evidence{{Matched: long}, {Matched: ""}}},
	}
	m := newRequestMemory(4)
	m.put("r1", sgs)
	tests := []struct {
		id, sys, code    string
		want             []string
		suggested, found bool
	}{
		{"r1", "ICD-10-CM", "E11.9", []string{"type 2 diabetes mellitus", "diabetes\tII\n"}, true, true},
		{"r1", "ICD-10-CM", "R69", nil, true, true},
		{"r1", "CPT", "99213", []string{long}, true, true},
		{"r1", "HCPCS", "99213", nil, false, true},
		{"r1", "ICD-10-CM", "E11", nil, false, true},
		{"r1", "CPT", "E11.9", nil, false, true},
		{"r2", "ICD-10-CM", "E11.9", nil, false, false},
	}
	for _, tt := range tests {
		got, suggested, found := m.lookup(tt.id, tt.sys, tt.code)
		if !reflect.DeepEqual(got, tt.want) || suggested != tt.suggested || found != tt.found {
			t.Errorf("lookup(%s, %s, %s) = %q %v %v, want %q %v %v", tt.id, tt.sys, tt.code, got, suggested, found, tt.want, tt.suggested, tt.found)
		}
	}
	// A code with names whose numbers take more than 127 bytes: their
	// length takes two.
	var many []string
	sg := suggest.Suggestion{System: "ICD-10-CM", Code: "R69"}
	for i := range 200 {
		many = append(many, fmt.Sprint("name ", i))
		sg.Evidence = append(sg.Evidence, suggest.Evidence{Matched: many[i]})
	}
	m.put("r2", []suggest.Suggestion{sg, {System: "CPT", Code: "99213", Evidence: []suggest.Evidence{{Matched: "visit"}}}})
	if got, suggested, _ := m.lookup("r2", "ICD-10-CM", "R69"); !suggested || !reflect.DeepEqual(got, many) {
		t.Errorf("lookup of 200 names = %q %v", got, suggested)
	}
	if got, suggested, _ := m.lookup("r2", "CPT", "99213"); !suggested || !reflect.DeepEqual(got, []string{"visit"}) {
		t.Errorf("lookup after 200 names = %q %v", got, suggested)
	}
	checkCounts(t, m, 2)
	m.put("r2", nil) // released
	checkCounts(t, m, 3)
}

// TestRequestMemoryForgets: the oldest request is forgotten first, a
// request remembered again replaces what it held, and a string is held
// once whatever the number of requests naming it, and dropped with the
// last of them (the table does not grow with the requests served).
func TestRequestMemoryForgets(t *testing.T) {
	m := newRequestMemory(3)
	answer := func(i int) []suggest.Suggestion {
		return []suggest.Suggestion{
			{System: "ICD-10-CM", Code: "E11.9", Evidence: []suggest.Evidence{{Matched: "diabetes"}}},
			{System: "ICD-10-CM", Code: fmt.Sprintf("Z%02d", i), Evidence: []suggest.Evidence{{Matched: fmt.Sprint("name ", i)}}},
		}
	}
	for i := range 50 {
		m.put(fmt.Sprint(i), answer(i))
	}
	for i := range 50 {
		_, suggested, found := m.lookup(fmt.Sprint(i), "ICD-10-CM", "E11.9")
		if want := i >= 47; found != want || suggested != want {
			t.Errorf("request %d: found %v suggested %v, want %v", i, found, suggested, want)
		}
	}
	// E11.9, diabetes, and a code and a name per remembered request.
	if got, want := heldStrings(m), 2+2*3; got != want {
		t.Errorf("%d strings held for 3 requests, want %d", got, want)
	}
	m.put("49", []suggest.Suggestion{{System: "CPT", Code: "99213"}})
	if names, suggested, _ := m.lookup("49", "ICD-10-CM", "Z49"); suggested || names != nil {
		t.Errorf("request 49 put again still suggests Z49 (%q)", names)
	}
	if names, suggested, _ := m.lookup("48", "ICD-10-CM", "Z48"); !suggested || !reflect.DeepEqual(names, []string{"name 48"}) {
		t.Errorf("request 48: %q %v, want [name 48] true", names, suggested)
	}
	if got, want := heldStrings(m), 2+2*2+1; got != want {
		t.Errorf("%d strings held after replacing a request, want %d", got, want)
	}
	// At most the 3 requests' and a new one's codes and names at once.
	if len(m.codes.codes) > 1+4 {
		t.Errorf("table grew to %d codes: dropped ones are not reused", len(m.codes.codes))
	}
}

// heldStrings is the number of codes and names m's table holds.
func heldStrings(m *requestMemory) int {
	n := 0
	for c, e := range m.codes.codes {
		if e.refs > 0 {
			n += 1 + len(m.codes.names(nil, uint32(c)))
		}
	}
	return n
}

// TestRequestMemoryMalformed: a damaged record never panics.
func TestRequestMemoryMalformed(t *testing.T) {
	m := newRequestMemory(2)
	m.put("r", []suggest.Suggestion{{System: "CPT", Code: "99213", Evidence: []suggest.Evidence{{Matched: "visit"}}}})
	rec := m.recs["r"]
	for i := range len(rec) + 1 {
		m.recs["r"] = rec[:i] + "\xff\xff\xff\xff\xff\xff"
		_, _, _ = m.lookup("r", "CPT", "99213")
	}
}

// TestRequestMemoryCounts: after every put, of answers whose systems
// change now and then (the last system's number is used again without a
// look), each code and name is counted once per mention in the remembered
// records, the table holds just the ones mentioned, each name is linked
// once in its own code's list, each system's map holds just its held
// codes, and every number is either held or free.
func TestRequestMemoryCounts(t *testing.T) {
	answers := benchAnswers(200)
	for i, sgs := range answers {
		if i%3 == 0 { // systems interleaved, not grouped
			slices.SortFunc(sgs, func(a, b suggest.Suggestion) int { return strings.Compare(a.Code, b.Code) })
		}
	}
	m := newRequestMemory(40)
	for i := range 300 {
		m.put(fmt.Sprint(i%70), answers[i%len(answers)])
		checkCounts(t, m, i)
	}
}

// checkCounts checks the table of m against what its records mention:
// each code counted once per mention, each mentioned name one its code
// holds, each held code's names free of repeats, each held code found by
// the index in a slot of its own key, nothing else held.
func checkCounts(t *testing.T, m *requestMemory, put int) {
	t.Helper()
	tb := &m.codes
	codes := map[uint32]uint32{}
	for _, rec := range m.recs {
		for p := 0; p < len(rec); {
			var c, n, k uint32
			c, p = num32At(rec, p)
			n, p = num32At(rec, p)
			codes[c]++
			for end := p + int(n); p < end; {
				k, p = num32At(rec[:end], p)
				if int(c) >= len(tb.codes) || int(k) >= len(tb.names(nil, c)) {
					t.Fatalf("put %d: name %d of code %d is not held", put, k, c)
				}
			}
		}
	}
	for c, e := range tb.codes {
		if e.refs != codes[uint32(c)] {
			t.Fatalf("put %d: code %d %q counted %d times, mentioned %d", put, c, tb.code(uint32(c)), e.refs, codes[uint32(c)])
		}
		if e.refs == 0 {
			if e.code != "" || e.first != "" || e.names != nil {
				t.Fatalf("put %d: free code %d holds %q", put, c, e.code)
			}
			continue
		}
		code := tb.code(uint32(c))
		if got, ok := tb.find(tb.systems[e.sys], code); !ok || got != uint32(c) {
			t.Fatalf("put %d: code %d %q is %d, %v in the index", put, c, code, got, ok)
		}
		seen := map[string]bool{}
		for k, s := range tb.names(nil, uint32(c)) {
			if s == "" || seen[s] || tb.name(uint32(c), uint32(k)) != s {
				t.Fatalf("put %d: name %d %q of code %d %q is empty, repeated or not its number's", put, k, s, c, code)
			}
			seen[s] = true
		}
	}
	inIndex := 0
	for i, sl := range tb.index {
		if sl.tag == 0 {
			continue
		}
		inIndex++
		if int(sl.c) >= len(tb.codes) || tb.codes[sl.c].refs == 0 {
			t.Fatalf("put %d: slot %d holds code %d, not held", put, i, sl.c)
		}
		e := &tb.codes[sl.c]
		if k := newCodeKey(e.sys, tb.code(sl.c)); k.word != sl.key || k.tag != sl.tag {
			t.Fatalf("put %d: slot %d of code %d %q is %x %x, its key %x %x", put, i, sl.c, tb.code(sl.c), sl.key, sl.tag, k.word, k.tag)
		}
	}
	if inIndex != len(codes) {
		t.Fatalf("put %d: the index holds %d codes, %d mentioned", put, inIndex, len(codes))
	}
	if len(codes)+len(tb.freeCodes) != len(tb.codes) {
		t.Fatalf("put %d: %d+%d codes held and free of %d", put, len(codes), len(tb.freeCodes), len(tb.codes))
	}
}

// TestRequestMemoryAgrees holds requestMemory to a plain memory of the
// answers themselves: after every put of random answers (codes shared
// between systems and repeated in an answer, names shared between codes and names of one length,
// requestIds put again), every lookup of every request, system and code
// answers as the first suggestion of the code in the request's answer,
// its matched names by matchedTerms, and the oldest request first
// forgotten.
func TestRequestMemoryAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	systems := []string{"ICD-10-CM", "CPT", "HCPCS"}
	codes := []string{"E11.9", "R69", "99213", "A01", "Z00.00", "J45", // and codes the slot does not compare whole
		"", "J4", "J45\x00", "S72.001A", "S72.001AB", "S72.001AC", "S72.001ABCDEFGHIJ"}
	names := []string{"diabetes", "type 2 diabetes mellitus", "visit", "fever", "", "asthma", "angina", "diabetes\tII", strings.Repeat("x", 300), strings.Repeat("x", 299) + "y"}
	const size = 5
	m := newRequestMemory(size)
	answers := map[string][]suggest.Suggestion{}
	var order []string // the remembered requestIds, oldest first
	for put := range 2000 {
		sgs := make([]suggest.Suggestion, r.IntN(8))
		for i := range sgs {
			sgs[i] = suggest.Suggestion{System: systems[r.IntN(len(systems))], Code: codes[r.IntN(len(codes))]}
			for range r.IntN(4) {
				name := names[r.IntN(len(names))]
				if r.IntN(3) == 0 {
					name = strings.Clone(name) // the same name in other memory (codeEntry.first)
				}
				sgs[i].Evidence = append(sgs[i].Evidence, suggest.Evidence{Matched: name})
			}
		}
		id := fmt.Sprint("r", r.IntN(9))
		m.put(id, sgs)
		if _, ok := answers[id]; !ok {
			if len(order) == size {
				delete(answers, order[0])
				order = order[1:]
			}
			order = append(order, id)
		}
		answers[id] = sgs
		for i := range 10 {
			id := fmt.Sprint("r", i)
			for _, sys := range append(systems, "ICD-9") {
				for _, code := range codes {
					var want []string
					wantSg, wantFound := false, false
					if sgs, ok := answers[id]; ok {
						wantFound = true
						for _, sg := range sgs {
							if sg.System == sys && sg.Code == code {
								want, wantSg = matchedTerms(sg.Evidence), true
								break
							}
						}
					}
					got, sg, found := m.lookup(id, sys, code)
					if !reflect.DeepEqual(got, want) || sg != wantSg || found != wantFound {
						t.Fatalf("put %d: lookup(%s, %s, %s) = %q %v %v, want %q %v %v", put, id, sys, code, got, sg, found, want, wantSg, wantFound)
					}
				}
			}
		}
		checkCounts(t, m, put)
	}
}

// TestNum32Agrees holds num32At to binary.Uvarint: on every string of up to
// two bytes and a million random ones of up to seven, mostly of bytes
// around the continuation bit and the fifth byte's four bits, it reads
// Uvarint's number and the rest after it when the number takes at most
// five bytes and fits 32 bits, and the end (0, nothing left) otherwise.
func TestNum32Agrees(t *testing.T) {
	check := func(s string) {
		t.Helper()
		wantV, wantRest := uint32(0), ""
		if v, n := binary.Uvarint([]byte(s)); n > 0 && n <= 5 && v <= 1<<32-1 {
			wantV, wantRest = uint32(v), s[n:]
		}
		if v, p := num32At(s, 0); v != wantV || s[p:] != wantRest {
			t.Fatalf("num32At(%x, 0) = %d, rest %x; want %d, rest %x", s, v, s[p:], wantV, wantRest)
		}
		// And at a position past other bytes.
		at := "\x81\x01" + s
		if v, p := num32At(at, 2); v != wantV || p != len(at)-len(wantRest) {
			t.Fatalf("num32At(%x, 2) = %d, %d; want %d, %d", at, v, p, wantV, len(at)-len(wantRest))
		}
	}
	check("")
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	edges := []byte{0x00, 0x01, 0x0f, 0x10, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0xff}
	buf := make([]byte, 7)
	for range 1_000_000 {
		b := buf[:r.IntN(8)]
		for i := range b {
			if r.IntN(2) == 0 {
				b[i] = edges[r.IntN(len(edges))]
			} else {
				b[i] = byte(r.IntN(256))
			}
		}
		check(string(b))
	}
}
