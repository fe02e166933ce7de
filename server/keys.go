package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// rawMessage is the type of json.RawMessage, whose contents are checked
// for duplicate keys only.
var rawMessage = reflect.TypeFor[json.RawMessage]()

// checkKeys walks the JSON value in data against t, the type it decodes
// into. encoding/json takes the last of duplicate keys and matches field
// names ignoring case, so a body can say one thing to a reader and another
// to the server; checkKeys refuses both: a key twice in one object, and a
// key that names a struct field in another case. When strict, a key that
// names no field is refused too. Inside maps, interfaces and
// json.RawMessage only duplicates are checked.
func checkKeys(data []byte, t reflect.Type, strict bool) error {
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

// jsonFields maps the JSON names of t's fields, embedded structs' fields
// included, to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					if _, ok := out[k]; !ok {
						out[k] = v
					}
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = ft
	}
	return out
}
