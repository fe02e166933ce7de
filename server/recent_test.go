package server

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"medcode/suggest"
)

func TestRequestTermsRoundTrip(t *testing.T) {
	long := strings.Repeat("x", 300) // a length needing two varint bytes
	sgs := []suggest.Suggestion{
		{System: "ICD-10-CM", Code: "E11.9", Evidence: []suggest.Evidence{{Matched: "type 2 diabetes mellitus"}, {Matched: "diabetes\tII\n"}, {Matched: "type 2 diabetes mellitus"}}},
		{System: "ICD-10-CM", Code: "R69"},
		{System: "CPT", Code: "99213", Evidence: []suggest.Evidence{{Matched: long}, {Matched: ""}}},
	}
	rt := packTerms(sgs)
	tests := []struct {
		sys, code string
		want      []string
	}{
		{"ICD-10-CM", "E11.9", []string{"type 2 diabetes mellitus", "diabetes\tII\n"}},
		{"ICD-10-CM", "R69", nil},
		{"CPT", "99213", []string{long}},
		{"HCPCS", "99213", nil},
		{"ICD-10-CM", "E11", nil},
	}
	for _, tt := range tests {
		if got := rt.names(tt.sys, tt.code); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("names(%s, %s) = %q, want %q", tt.sys, tt.code, got, tt.want)
		}
	}
	// A truncated record never panics and finds nothing past the cut.
	for i := range len(rt) {
		_ = requestTerms(rt[:i]).names("CPT", "99213")
	}
	if got := requestTerms("").names("CPT", "99213"); got != nil {
		t.Errorf("empty memory: %q", got)
	}
}

func TestRecentForgetsOldest(t *testing.T) {
	r := newRecent[requestTerms](3)
	for i := range 5 {
		r.put(fmt.Sprint(i), requestTerms(fmt.Sprint(i)))
	}
	for i := range 5 {
		_, ok := r.get(fmt.Sprint(i))
		if want := i >= 2; ok != want {
			t.Errorf("get(%d) present = %v, want %v", i, ok, want)
		}
	}
}

func TestCardRefRoundTrip(t *testing.T) {
	for _, terms := range [][]string{nil, {"type 2 diabetes", ""}, {strings.Repeat("y", 200)}} {
		c := packCard("d1577c69", "ICD-10-CM", "E11.9", terms)
		id, sys, code, got := c.fields()
		if id != "d1577c69" || sys != "ICD-10-CM" || code != "E11.9" || !reflect.DeepEqual(got, terms) {
			t.Errorf("fields() = %q %q %q %q, want terms %q", id, sys, code, got, terms)
		}
	}
	for i := range 20 {
		_, _, _, _ = cardRef("\x05ab")[:min(i, 3)].fields() // truncated: no panic
	}
}

func TestAppendMatchedTerms(t *testing.T) {
	ev := func(names ...string) []suggest.Evidence {
		var out []suggest.Evidence
		for _, n := range names {
			out = append(out, suggest.Evidence{Matched: n})
		}
		return out
	}
	for _, tc := range []struct {
		dst  []string
		ev   []suggest.Evidence
		want string
	}{
		{nil, nil, ""},
		{nil, ev("a", "", "b", "a", "b", "c"), "a,b,c"},
		{[]string{"a"}, ev("a", "b"), "a,a,b"}, // dedupes within this suggestion only
		{nil, ev("", ""), ""},
	} {
		if got := strings.Join(appendMatchedTerms(tc.dst, tc.ev), ","); got != tc.want {
			t.Errorf("appendMatchedTerms(%q, %v) = %q, want %q", tc.dst, tc.ev, got, tc.want)
		}
	}
}
