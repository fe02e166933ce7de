package server

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// decodeSeeds are bodies of every outcome: valid, unknown, duplicate and
// case-folded keys, type errors, syntax errors, trailing values.
var decodeSeeds = []string{
	`{"text":"Type 2 diabetes; hypertension"}`,
	`{"text":"a","systems":["icd10cm","cpt"],"setting":"inpatient","maxResults":5,"minConfidence":0.5,"dateOfService":"2025-10-01"}`,
	`{"text": "a"`, `{"text" "a"}`, `[1,2]`, ``, ` `, `{"text":"a"} {}`, `{"text":"a"} x`, `{"text": 5}`, `{"text":"a","txet":"b"}`,
	`{"text":"  "}`, `{"text":"a","maxResults":"5"}`, `{"text":"a","maxResults":5.5,"setting":"x"}`, `{"text":"a","minConfidence":1e400}`,
	`{"text":"\ud800"}`, `null`, `{"text":null}`, `{"TEXT":"a"}`, `{"text":"a","text":"b"}`, `{"text":"\u0050ANIC"}`, "{\"text\":\"a\xffb\"}",
	`{"notes":[{"id":"1","text":"diabetes"},{"text":"hypertension","systems":["cpt"]}]}`, `{"notes":[{"Text":"a"}]}`,
	`{"notes":[{"text":"a","id":"1","id":"2"}]}`, `{"notes":[{"text":"a","x":1}]}`, `{"notes":[{"text":1},{"text":"b","y":2}]}`,
	`{"hook":"encounter-discharge","hookInstance":"x","context":{"a":1,"a":2}}`, `{"hook":"encounter-discharge","hookInstance":"x","extra":[1]}`,
}

// FuzzDecodeJSONAgreesWithStream: decodeJSON (Unmarshal first) decodes
// every body to the value and the error decodeStream (the Decoder alone)
// does, strict or not, into the request bodies of suggest, batch and CDS.
func FuzzDecodeJSONAgreesWithStream(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, strict := range []bool{true, false} {
			for _, typ := range []reflect.Type{reflect.TypeFor[suggestBody](), reflect.TypeFor[batchBody](), reflect.TypeFor[cdsRequest]()} {
				fast, slow := reflect.New(typ), reflect.New(typ)
				errFast := decodeJSON(strings.NewReader(body), fast.Interface(), strict)
				errSlow := decodeStream([]byte(body), slow.Interface(), strict)
				if fmt.Sprint(errFast) != fmt.Sprint(errSlow) {
					t.Fatalf("%v strict=%v body %q: error %v, the decoder's %v", typ, strict, body, errFast, errSlow)
				}
				if !reflect.DeepEqual(fast.Interface(), slow.Interface()) {
					t.Fatalf("%v strict=%v body %q: %+v, the decoder's %+v", typ, strict, body, fast.Elem(), slow.Elem())
				}
			}
		}
	})
}

// TestDecodeJSONReusesNoState: a body decoded after a failing one into a
// fresh value holds only its own fields.
func TestDecodeJSONReusesNoState(t *testing.T) {
	var b suggestBody
	if err := decodeJSON(bytes.NewReader([]byte(`{"text":"a","setting":"x","maxResults":"5"}`)), &b, true); err == nil {
		t.Fatal("a string maxResults decoded")
	}
	if b.Text != "a" || b.Setting != "x" {
		t.Fatalf("after the error, %+v: want what the decoder filled before it", b)
	}
}
