package server

import (
	"fmt"
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
	// ICD-10-CM, E11.9, diabetes, and a code and a name per remembered request.
	if got, want := m.strs.len(), 3+2*3; got != want {
		t.Errorf("%d strings held for 3 requests, want %d", got, want)
	}
	m.put("49", []suggest.Suggestion{{System: "CPT", Code: "99213"}})
	if names, suggested, _ := m.lookup("49", "ICD-10-CM", "Z49"); suggested || names != nil {
		t.Errorf("request 49 put again still suggests Z49 (%q)", names)
	}
	if names, suggested, _ := m.lookup("48", "ICD-10-CM", "Z48"); !suggested || !reflect.DeepEqual(names, []string{"name 48"}) {
		t.Errorf("request 48: %q %v, want [name 48] true", names, suggested)
	}
	if got, want := m.strs.len(), 3+2*2+2; got != want {
		t.Errorf("%d strings held after replacing a request, want %d", got, want)
	}
	if len(m.strs.strs) > 3+2*4+2 {
		t.Errorf("table grew to %d numbers: dropped ones are not reused", len(m.strs.strs))
	}
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
// change now and then (the last system's number is counted again without
// a lookup), each string is counted once per mention in the remembered
// records, and the table holds just the strings mentioned.
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
		want := map[uint32]uint32{}
		for _, rec := range m.recs {
			u := unpacker{rec}
			for u.more() {
				want[u.num32()]++
				want[u.num32()]++
				n := u.num32()
				for range n {
					want[u.num32()]++
				}
			}
		}
		for id, ref := range m.strs.refs {
			if ref != want[uint32(id)] {
				t.Fatalf("put %d: string %d %q counted %d times, mentioned %d", i, id, m.strs.strs[id], ref, want[uint32(id)])
			}
		}
		if m.strs.len() != len(want) {
			t.Fatalf("put %d: %d strings held, %d mentioned", i, m.strs.len(), len(want))
		}
	}
}
