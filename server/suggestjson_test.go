package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	gojson "github.com/goccy/go-json"

	"medcode/internal/testenv"
	"medcode/suggest"
)

// agreeJSON checks that v.appendJSON writes what encoding/json and goccy
// write for v, or refuses where they fail.
func agreeJSON(t *testing.T, v suggestResponse) {
	t.Helper()
	want, err := json.Marshal(v)
	wantGo, errGo := gojson.Marshal(v)
	got, ok := v.appendJSON([]byte("prefix"))
	if (err == nil) != ok || (errGo == nil) != ok {
		t.Fatalf("appendJSON ok %v; encoding/json error %v, goccy error %v", ok, err, errGo)
	}
	if !ok {
		return
	}
	got, found := bytes.CutPrefix(got, []byte("prefix"))
	if !found {
		t.Fatal("appendJSON did not append")
	}
	if !bytes.Equal(want, wantGo) {
		t.Fatalf("encoding/json and goccy differ:\n%s\n%s", want, wantGo)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("appendJSON differs at byte %d:\n got %.200q\nwant %.200q", i, got[max(i-40, 0):], want[max(i-40, 0):])
	}
}

// randomJSONString is a string with what str escapes (quotes, control
// characters, <>&, U+2028/9, invalid UTF-8) among plain ASCII, accented
// letters and wider runes, now and then long enough for the eight-byte
// scan to run several words before and after them.
func randomJSONString(r *rand.Rand) string {
	parts := []string{"a", "Note ", "0", " ", "é", "ñ", "中", "😀", "\n", "\"", "\\", "/", "\t", "\r", "\b", "\f", "\x00", "\x01",
		"\x1f", "\x7f", "\u2028", "\u2029", "\u2027", "\u202a", "\ufffd", "<", ">", "&", "'", "=", "?", "^", "|", "~", "\xff", "\xc3",
		"\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80", "\xc2\x80", "\xdf\xbf", "historia de diabetes ",
		"abcdefgh", "ABCDEFGHIJKLMNOP", ".,;:!()[]{}*+-_#@$%`"}
	var b strings.Builder
	n := r.IntN(12)
	if r.IntN(4) == 0 {
		n = r.IntN(80)
	}
	for range n {
		p := parts[r.IntN(len(parts))]
		if r.IntN(3) > 0 {
			p = parts[r.IntN(4)] // mostly plain
		}
		b.WriteString(p)
	}
	return b.String()
}

// randomJSONFloat is a finite float of any magnitude: either side of the
// exponent-form bounds 1e-6 and 1e21, zeros of both signs, subnormals,
// integers, short decimals (up to ten places, either side of
// appendShortDecimal's bound 2^20) and random bits.
func randomJSONFloat(r *rand.Rand) float64 {
	sign := 1.0
	if r.IntN(2) == 0 {
		sign = -1
	}
	switch r.IntN(10) {
	case 0:
		return sign * []float64{0, 1e-6, 1e21, math.Nextafter(1e-6, 0), math.Nextafter(1e21, 0), math.Nextafter(1e-6, 1),
			math.Nextafter(1e21, math.Inf(1)), 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 1e-7, 1e-10, 1e-100, 1e22, 1e100,
			0.1, 0.5, 1, 100, 1.5e300, 123456789012345678, 1e20, 9.999999999999999e20}[r.IntN(23)]
	case 1, 2:
		for {
			if f := math.Float64frombits(r.Uint64()); !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	case 3:
		return sign * float64(r.IntN(1000))
	case 4:
		return sign * float64(r.IntN(10000)) / 1000
	case 5:
		return sign * math.Pow(10, float64(r.IntN(60)-30)) * r.Float64()
	case 6, 7: // rounded to a few places as the engine's numbers, of every size about 2^20
		p := math.Pow(10, float64(r.IntN(11)))
		return sign * math.Round(r.Float64()*math.Pow(2, float64(r.IntN(26)-3))*p) / p
	default:
		return r.Float64() * 5
	}
}

// randomSuggestResponse is an answer with every field now set, now unset:
// nil and empty lists, a nil result and code-set map, strings and floats
// from randomJSONString and randomJSONFloat, and with nonFinite a NaN or
// infinity somewhere.
func randomSuggestResponse(r *rand.Rand, nonFinite bool) suggestResponse {
	// A few strings come again and again, as an answer's systems, kinds
	// and messages do: appendJSON's memos copy them.
	pool := []string{randomJSONString(r), randomJSONString(r), strings.Clone("present"), "present", "<&>\u2028\xff"}
	str := func() string {
		switch r.IntN(8) {
		case 0, 1:
			return ""
		case 2, 3, 4:
			return pool[r.IntN(len(pool))]
		}
		return randomJSONString(r)
	}
	flt := func() float64 { return randomJSONFloat(r) }
	strs := func() []string {
		switch r.IntN(4) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		out := make([]string, 1+r.IntN(3))
		for i := range out {
			out[i] = str()
		}
		return out
	}
	evidence := func() []suggest.Evidence {
		switch r.IntN(5) {
		case 0:
			return nil
		case 1:
			return []suggest.Evidence{}
		}
		out := make([]suggest.Evidence, 1+r.IntN(4))
		for i := range out {
			pos := func() int {
				if r.IntN(10) == 0 {
					return []int{0, 9, 10, 99, 100, -1, -100, math.MaxInt, math.MinInt, 1e15, -1e15}[r.IntN(11)]
				}
				return r.IntN(1<<20) - 5
			}
			out[i] = suggest.Evidence{Start: pos(), End: pos(), Text: str(), Section: str(), Matched: str(),
				MatchedKind: str(), Assertions: strs(), Assertion: str(), Trigger: str()}
		}
		return out
	}
	edits := func() []suggest.Edit {
		if r.IntN(3) == 0 {
			return nil
		}
		out := make([]suggest.Edit, r.IntN(3))
		for i := range out {
			out[i] = suggest.Edit{Kind: str(), Message: str()}
		}
		return out
	}
	var explain func(depth int) suggest.Explanation
	explain = func(depth int) suggest.Explanation {
		x := suggest.Explanation{Value: flt(), Message: str()}
		if depth < 3 && r.IntN(2) == 0 {
			x.Children = make([]suggest.Explanation, r.IntN(4))
			for i := range x.Children {
				x.Children[i] = explain(depth + 1)
			}
		}
		return x
	}
	v := suggestResponse{ID: str(), RequestID: str()}
	if r.IntN(20) == 0 {
		return v
	}
	res := &suggest.Result{Threshold: flt(), DateOfService: str(), Notices: edits()}
	if r.IntN(10) > 0 {
		res.Suggestions = []suggest.Suggestion{}
		for range r.IntN(8) {
			sg := suggest.Suggestion{System: str(), SystemURI: str(), Code: str(), Display: str(), Confidence: flt(), Score: flt(),
				Billable: r.IntN(2) == 0, Evidence: evidence(), Assertions: strs(), Edits: edits(), Explanation: explain(0)}
			if r.IntN(2) == 0 {
				sg.Alternatives = make([]suggest.Alternative, r.IntN(3))
				for i := range sg.Alternatives {
					sg.Alternatives[i] = suggest.Alternative{Code: str(), Display: str(), Score: flt()}
				}
			}
			if r.IntN(4) == 0 {
				sg.Features = make([]float64, r.IntN(6))
				for i := range sg.Features {
					sg.Features[i] = flt()
				}
			}
			res.Suggestions = append(res.Suggestions, sg)
		}
	}
	if r.IntN(10) > 0 {
		res.Rejected = []suggest.Rejection{}
		for range r.IntN(4) {
			res.Rejected = append(res.Rejected, suggest.Rejection{System: str(), Code: str(), Display: str(), Rule: str(), Reason: str(), Evidence: evidence()})
		}
	}
	if r.IntN(10) > 0 {
		res.CodeSets = map[string]suggest.CodeSet{}
		for range r.IntN(5) {
			res.CodeSets[str()] = suggest.CodeSet{Release: str(), Effective: str(), Expires: str()}
		}
	}
	v.Result = res
	if nonFinite {
		bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[r.IntN(3)]
		switch {
		case len(res.Suggestions) > 0 && r.IntN(2) == 0:
			sg := &res.Suggestions[r.IntN(len(res.Suggestions))]
			switch r.IntN(3) {
			case 0:
				sg.Confidence = bad
			case 1:
				sg.Explanation.Value = bad
			default:
				sg.Features = append(sg.Features, bad)
			}
		default:
			res.Threshold = bad
		}
	}
	return v
}

// TestSuggestJSONAgrees holds appendJSON to encoding/json and goccy over
// randomised answers (every field set and unset, every escape, floats of
// every magnitude, non-finite floats refused), the canned benchmark
// answer, and the engine's answers to CodiEsp dev notes in both settings
// (with feature vectors on some).
func TestSuggestJSONAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(3, 7))
	for i := range 20000 {
		agreeJSON(t, randomSuggestResponse(r, i%10 == 9))
	}
	agreeJSON(t, suggestResponse{RequestID: "r", Result: cannedResult()})

	ctx := context.Background()
	eng, err := suggest.Open(ctx, suggest.OpenOptions{DataDir: testenv.DataDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	notes := testenv.DevNotes(t)
	for i, note := range notes[:min(len(notes), 120)] {
		req := suggest.Request{Text: note, Features: i%4 == 0, Release: "FY2026"}
		if i%2 == 1 {
			req.Setting = suggest.Inpatient
		}
		res, err := eng.Suggest(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		agreeJSON(t, suggestResponse{ID: fmt.Sprint("note-", i), RequestID: "req", Result: res})
		eng.Release(res)
	}
}

// TestFloatAgrees holds float (appendShortDecimal, else strconv) to
// encoding/json over many floats of randomJSONFloat's kinds.
func TestFloatAgrees(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(11, 13))
	for range 300000 {
		f := randomJSONFloat(r)
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		e := jsonAppender{ok: true}
		if got := e.float(nil, f); !e.ok || string(got) != string(want) {
			t.Fatalf("float(%v) = %s, want %s", f, got, want)
		}
	}
}

// TestFourPlacesAgrees holds appendShortDecimal's four-place path
// (appendFourPlaces) to encoding/json over every four places after
// integer parts of one to seven digits, either sign, after other bytes.
func TestFourPlacesAgrees(t *testing.T) {
	for _, ip := range []uint64{0, 1, 9, 10, 42, 99, 100, 12345, 1<<20 - 1} {
		for frac := range uint64(1e4) {
			f := float64(ip*1e4+frac) / 1e4
			if frac%7 == 0 {
				f = -f
			}
			want, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := appendShortDecimal([]byte("x"), f)
			if !ok || string(got) != "x"+string(want) {
				t.Fatalf("appendShortDecimal(%v) = %q %v, want x%s", f, got, ok, want)
			}
			// The point halfway to the next four places, and (for a
			// fifth of them) f's neighbours, which no decimal of four
			// places reads back as.
			near := []float64{f + math.Copysign(0.5e-4, f)}
			if frac%5 == 0 {
				near = append(near, math.Nextafter(f, math.Inf(1)), math.Nextafter(f, math.Inf(-1)))
			}
			for _, g := range near {
				want, err := json.Marshal(g)
				if err != nil {
					t.Fatal(err)
				}
				e := jsonAppender{ok: true}
				if got := e.float([]byte("x"), g); !e.ok || string(got) != "x"+string(want) {
					t.Fatalf("float(%v) = %q, want x%s", g, got, want)
				}
			}
		}
	}
}

// TestAppendIntAgrees holds appendInt (and appendUint's one-word path
// below 10,000) to strconv over every integer from -20,000 to 20,000 and
// random ones of every size, after other bytes.
func TestAppendIntAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 19))
	check := func(v int) {
		if got, want := string(appendInt([]byte("x"), v)), "x"+strconv.Itoa(v); got != want {
			t.Fatalf("appendInt(%d) = %s, want %s", v, got, want)
		}
	}
	for v := -20000; v <= 20000; v++ {
		check(v)
	}
	for _, v := range []int{math.MaxInt64, math.MinInt64, 99999, 100000, 1e9} {
		check(v)
	}
	for range 100000 {
		check(int(r.Uint64() >> r.IntN(64)))
	}
}

// TestHTMLPlainPrefix holds the eight-byte scan to a byte at a time.
func TestHTMLPlainPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(' ' + r.IntN(95))
			if r.IntN(30) == 0 {
				b[i] = byte(r.IntN(256))
			}
		}
		want := 0
		for want < len(b) {
			c := b[want]
			if c < ' ' || c >= 0x80 || strings.IndexByte("\"\\<>&", c) >= 0 {
				break
			}
			want++
		}
		if got := htmlPlainPrefix(string(b)); got != want {
			t.Fatalf("htmlPlainPrefix(%q) = %d, want %d", b, got, want)
		}
	}
}

// TestRenderSuggestResponse checks the body respond writes through
// appendJSON, and through the encoder's error when a float is NaN.
func TestRenderSuggestResponse(t *testing.T) {
	v := suggestResponse{RequestID: "r", Result: cannedResult()}
	want, _ := json.Marshal(v)
	for range 3 { // pooled buffers, small and grown
		w := httptest.NewRecorder()
		if err := (jsonBody{v: v}).Render(w); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Body.Bytes(), want) || w.Header().Get("Content-Length") != fmt.Sprint(len(want)) {
			t.Fatalf("body %d bytes, Content-Length %s; want %d", w.Body.Len(), w.Header().Get("Content-Length"), len(want))
		}
	}
	v.Result.Threshold = math.NaN()
	if err := (jsonBody{v: v}).Render(httptest.NewRecorder()); err == nil {
		t.Fatal("NaN rendered without error")
	}
}

// fillEvery sets every field reachable from v to a value that is not its
// zero value (strings of their field's name, numbers from n, two-element
// slices, one-entry maps, pointed-to values; a recursive type to a depth), so that a field appendJSON does not
// know of is written by encoding/json and missed by it.
func fillEvery(v reflect.Value, name string, n *int, depth int) {
	*n++
	if depth > 6 { // a recursive type (the explanation tree) ends here
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("%s<%d>", name, *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillEvery(v.Elem(), name, n, depth+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillEvery(v.Index(i), name, n, depth+1)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k := reflect.New(v.Type().Key()).Elem()
		fillEvery(k, name+"Key", n, depth+1)
		e := reflect.New(v.Type().Elem()).Elem()
		fillEvery(e, name, n, depth+1)
		v.SetMapIndex(k, e)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				fillEvery(v.Field(i), f.Name, n, depth+1)
			}
		}
	default:
		panic(fmt.Sprintf("fillEvery: a %s field (%s): teach fillEvery and appendJSON its kind", v.Kind(), name))
	}
}

// TestSuggestJSONEveryField holds appendJSON to encoding/json on an answer
// with every field of every type it writes set: a field added to
// suggest.Result or what it holds, and not to appendJSON, fails here.
func TestSuggestJSONEveryField(t *testing.T) {
	var v suggestResponse
	n := 0
	fillEvery(reflect.ValueOf(&v).Elem(), "v", &n, 0)
	agreeJSON(t, v)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"id":`, `"notices":`, `"dateOfService":`, `"alternatives":`} {
		if !bytes.Contains(b, []byte(f)) {
			t.Errorf("fillEvery left %s unset", f)
		}
	}
}
