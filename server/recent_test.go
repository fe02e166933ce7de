package server

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"medcode/suggest"
)

func TestRecentForgetsOldest(t *testing.T) {
	r := newRecent[cardRef](3)
	for i := range 5 {
		r.put(fmt.Sprint(i), cardRef(fmt.Sprint(i)))
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
