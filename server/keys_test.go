package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// checkKeysTokens is the checkKeys of before the byte scanner: a walk over
// encoding/json's tokens. The fuzz target holds the scanner to it.
func checkKeysTokens(data []byte, t reflect.Type, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return walkKeys(dec, t, strict, "")
}

// walkKeys reads one value; path names it in errors ("notes[2].text").
func walkKeys(dec *json.Decoder, t reflect.Type, strict bool, path string) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonError(err)
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == rawMessage {
		t = nil
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	switch d {
	case '[':
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := walkKeys(dec, elem, strict, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case '{':
		var fields map[string]reflect.Type
		var elem reflect.Type
		switch {
		case t != nil && t.Kind() == reflect.Struct:
			fields = jsonFields(t)
		case t != nil && t.Kind() == reflect.Map:
			elem = t.Elem()
		}
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return jsonError(err)
			}
			key := tok.(string) // object keys are strings
			at := key
			if path != "" {
				at = path + "." + key
			}
			if seen[key] {
				return fmt.Errorf("malformed JSON: duplicate key %q", at)
			}
			seen[key] = true
			vt := elem
			if fields != nil {
				ft, ok := fields[key]
				if !ok {
					for name := range fields {
						if strings.EqualFold(name, key) {
							return fmt.Errorf("malformed JSON: field %q: names are case-sensitive (want %q)", at, name)
						}
					}
					if strict {
						return fmt.Errorf("malformed JSON: unknown field %q", at)
					}
				}
				vt = ft
			}
			if err := walkKeys(dec, vt, strict, at); err != nil {
				return err
			}
		}
	}
	_, err = dec.Token() // the closing delimiter
	if err != nil {
		return jsonError(err)
	}
	return nil
}

// keyCases are bodies for both walks: valid JSON of every shape, escapes
// in keys, duplicates, case and unknown fields at every depth.
var keyCases = []string{
	`{"text":"a"}`, `{"text":"a","text":"b"}`, `{"TEXT":"a"}`, `{"text":"a","txet":1}`, `{"te\u0078t":"a"}`,
	`{"te\u0078t":"a","text":"b"}`, `{"text":"a \" } { \\","systems":["x","y"],"maxResults":5,"minConfidence":1e-3}`,
	` { "text" : "a" , "systems" : [ ] } `, `{"notes":[{"text":"a"},{"text":"b","Text":"c"}]}`,
	`{"notes":[{"text":"a"},{"text":"b","id":"1","id":"2"}]}`, `{"notes":[{"text":"a","x":null}]}`, `[1,2,{"a":1,"a":2}]`,
	`{"context":{"patientId":"p","draftOrders":{"a":1,"a":2}}}`, `{"prefetch":{"a":{"b":[true,false,null]},"a":0}}`,
	`"just a string"`, `12.5e3`, `null`, `{}`, `[]`, `{"a":{},"b":[],"c":[[[]]],"d":{"e":{"f":{}}}}`,
	`{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k3":0}`,
}

// keyTypes are the request types checkKeys meets.
var keyTypes = []reflect.Type{
	reflect.TypeFor[suggestBody](), reflect.TypeFor[batchBody](), reflect.TypeFor[map[string]any](), nil,
}

func TestCheckKeysMatchesTokenWalk(t *testing.T) {
	for _, body := range keyCases {
		for _, typ := range keyTypes {
			for _, strict := range []bool{true, false} {
				got, want := checkKeys([]byte(body), typ, strict), checkKeysTokens([]byte(body), typ, strict)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s as %v (strict %v):\n got %v\nwant %v", body, typ, strict, got, want)
				}
			}
		}
	}
}

// FuzzCheckKeys holds the byte scanner to the token walk on every valid
// JSON body.
func FuzzCheckKeys(f *testing.F) {
	for _, c := range keyCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !json.Valid([]byte(body)) {
			return // checkKeys runs after a successful decode only
		}
		for _, typ := range keyTypes {
			got, want := checkKeys([]byte(body), typ, true), checkKeysTokens([]byte(body), typ, true)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q as %v:\n got %v\nwant %v", body, typ, got, want)
			}
		}
	})
}
