package server

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// randomSuggestBody is a suggest body that is mostly well formed: fields
// in any order, now and then twice, in another case or unknown; strings
// with every kind of escape, multi-byte and invalid UTF-8, surrogates;
// numbers of every form; space anywhere; and now and then a byte cut out
// or put in.
func randomSuggestBody(r *rand.Rand) string {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	str := func() string {
		var b strings.Builder
		b.WriteByte('"')
		for range r.IntN(20) {
			if r.IntN(40) == 0 { // one json.Unmarshal reads otherwise, or refuses
				b.WriteString(pick(`\ud83d\ude00`, `\ud800`, `\uZZZZ`, `\u12`, `\x`, "\t", "\x01", "\xff", "\xe2\x80"))
				continue
			}
			b.WriteString(pick("a", "Note ", "0", " ", "é", "中", "😀", `\n`, `\"`, `\\`, `\/`, `\t`, `\r`, `\b`, `\f`, `\u0041`, `\u00e9`,
				`\u2028`, `\u0000`, `\uFFFF`, "\ufffd", "<>&", "'"))
		}
		b.WriteByte('"')
		return b.String()
	}
	num := func() string {
		return pick("0", "-0", "5", "20", "-3", "501", "007", "1.5", "0.5", "-0.25", "1e2", "1E-2", "2.5e+3", "1e400", "-", "1.", ".5",
			"99999999999999999999", "9223372036854775807", "0x10", "1_0", "Infinity", "NaN")
	}
	space := func() string {
		if r.IntN(4) > 0 {
			return ""
		}
		return pick(" ", "\n", "\t", "\r\n  ", "\v")
	}
	value := func(key string) string {
		if r.IntN(20) == 0 {
			return pick("null", "true", "{}", `{"a":1}`, "[]", `["cpt"]`, `"x"`, "1")
		}
		switch key {
		case "systems":
			var parts []string
			for range r.IntN(4) {
				parts = append(parts, space()+pick(`"icd10cm"`, `"cpt"`, `"hcpcs"`, str(), "null", "1")+space())
			}
			return "[" + strings.Join(parts, ",") + space() + "]"
		case "maxResults", "minConfidence":
			return num()
		}
		return str()
	}
	keys := []string{"id", "text", "systems", "setting", "maxResults", "minConfidence", "dateOfService", "release"}
	var fields []string
	for range r.IntN(6) {
		key := keys[r.IntN(len(keys))]
		if r.IntN(15) == 0 {
			key = pick("Text", "TEXT", "unknown", "t\\u0065xt", "")
		}
		fields = append(fields, space()+`"`+key+`"`+space()+":"+space()+value(key)+space())
	}
	body := space() + "{" + strings.Join(fields, ",") + "}" + space()
	if r.IntN(15) == 0 {
		body += pick("{}", "x", ",", "}")
	}
	if r.IntN(15) == 0 && len(body) > 0 {
		i := r.IntN(len(body))
		body = body[:i] + body[i+1:]
	}
	return body
}

// TestSuggestBodyDecodeFast holds decodeFast to json.Unmarshal and
// checkKeys over random bodies: what it decodes they decode alike and
// accept, strict or not; and decodeJSON, with it, decodes every body to
// the value and error decodeStream does.
func TestSuggestBodyDecodeFast(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(26, 1))
	n, fast := 30000, 0
	if testing.Short() {
		n = 3000
	}
	for range n {
		body := randomSuggestBody(r)
		var got suggestBody
		if got.decodeFast([]byte(body)) {
			fast++
			var want suggestBody
			if err := json.Unmarshal([]byte(body), &want); err != nil {
				t.Fatalf("body %q: decodeFast decoded %+v, json.Unmarshal fails: %v", body, got, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("body %q: decodeFast %#v, json.Unmarshal %#v", body, got, want)
			}
			for _, strict := range []bool{true, false} {
				if err := checkKeys([]byte(body), reflect.TypeFor[*suggestBody](), strict); err != nil {
					t.Fatalf("body %q: decodeFast decoded it, checkKeys (strict %v): %v", body, strict, err)
				}
			}
		} else if !reflect.DeepEqual(got, suggestBody{}) {
			t.Fatalf("body %q: decodeFast left %+v", body, got)
		}
		for _, strict := range []bool{true, false} {
			var a, b suggestBody
			errA := decodeJSON(strings.NewReader(body), &a, strict)
			errB := decodeStream([]byte(body), &b, strict)
			if fmt.Sprint(errA) != fmt.Sprint(errB) || !reflect.DeepEqual(a, b) {
				t.Fatalf("body %q strict %v: decodeJSON %+v, %v; decodeStream %+v, %v", body, strict, a, errA, b, errB)
			}
		}
	}
	if fast < n/5 {
		t.Fatalf("decodeFast decoded %d of %d bodies", fast, n)
	}
	t.Logf("decodeFast decoded %d of %d bodies", fast, n)
}

// TestPlainPrefix holds plainPrefix's eight-byte test to a byte-by-byte
// one over random bytes, most of them plain.
func TestPlainPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 2))
	special := []byte{0, 1, 0x1f, '"', '\\', 0x7f, 0x80, 0xc3, 0xff, ' ', '!', '#', '[', ']', '~'}
	for range 200000 {
		data := make([]byte, r.IntN(40))
		for i := range data {
			if r.IntN(30) == 0 {
				data[i] = special[r.IntN(len(special))]
			} else {
				data[i] = byte(' ' + r.IntN(0x60))
			}
		}
		want := 0
		for want < len(data) && data[want] >= ' ' && data[want] < 0x80 && data[want] != '"' && data[want] != '\\' {
			want++
		}
		if got := plainPrefix(data); got != want {
			t.Fatalf("plainPrefix(%q) = %d, want %d", data, got, want)
		}
	}
}
