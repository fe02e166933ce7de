package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
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
//
// data must be one syntactically valid JSON value (decodeJSON decoded it
// first): the walk scans bytes, unquoting only keys with escapes, and
// allocates nothing for the values it skips (a note's text).
func checkKeys(data []byte, t reflect.Type, strict bool) error {
	k := keyScan{data: data, strict: strict}
	return k.value(t, "")
}

// keyScan walks valid JSON for checkKeys.
type keyScan struct {
	data   []byte
	i      int
	strict bool
}

func (k *keyScan) space() { k.i = skipSpace(k.data, k.i) }

// skipSpace returns the index of the first byte of data at or after i
// that is no JSON white space (len(data) when none is).
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// str skips the string at k.i and returns its contents when asked:
// through encoding/json when it holds escapes or bytes past ASCII (invalid
// UTF-8 reads as U+FFFD there), else as they are.
func (k *keyScan) str(unquote bool) (string, error) {
	start := k.i // the opening quote
	k.i++
	slow := false
	for k.i < len(k.data) {
		switch k.data[k.i] {
		case '\\':
			slow = true
			k.i += 2
			continue
		case '"':
			k.i++
			raw := k.data[start:k.i]
			if !unquote {
				return "", nil
			}
			if !slow {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", jsonError(err)
			}
			return s, nil
		}
		if k.data[k.i] >= 0x80 {
			slow = true
		}
		k.i++
	}
	return "", errors.New("malformed JSON: the body ends early")
}

// value walks one value; path names it in errors ("notes[2].text").
func (k *keyScan) value(t reflect.Type, path string) error {
	k.space()
	if k.i >= len(k.data) {
		return errors.New("malformed JSON: the body ends early")
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == rawMessage {
		t = nil
	}
	switch k.data[k.i] {
	case '"':
		_, err := k.str(false)
		return err
	case '[':
		k.i++
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for n := 0; ; n++ {
			k.space()
			if k.i < len(k.data) && k.data[k.i] == ']' {
				k.i++
				return nil
			}
			if n > 0 {
				k.i++ // the comma
			}
			if err := k.value(elem, path+"["+strconv.Itoa(n)+"]"); err != nil {
				return err
			}
		}
	case '{':
		return k.object(t, path)
	}
	// A number, true, false or null.
	for k.i < len(k.data) {
		switch k.data[k.i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return nil
		}
		k.i++
	}
	return nil
}

func (k *keyScan) object(t reflect.Type, path string) error {
	k.i++ // {
	var fields map[string]reflect.Type
	var elem reflect.Type
	switch {
	case t != nil && t.Kind() == reflect.Struct:
		fields = jsonFieldsOf(t)
	case t != nil && t.Kind() == reflect.Map:
		elem = t.Elem()
	}
	var seen []string // the keys so far; a map once there are many
	var seenMap map[string]bool
	for n := 0; ; n++ {
		k.space()
		if k.i >= len(k.data) {
			return errors.New("malformed JSON: the body ends early")
		}
		if k.data[k.i] == '}' {
			k.i++
			return nil
		}
		if n > 0 {
			k.i++ // the comma
			k.space()
		}
		key, err := k.str(true)
		if err != nil {
			return err
		}
		at := key
		if path != "" {
			at = path + "." + key
		}
		dup := false
		if seenMap != nil {
			dup = seenMap[key]
			seenMap[key] = true
		} else {
			dup = slices.Contains(seen, key)
			if seen = append(seen, key); len(seen) > 16 {
				seenMap = make(map[string]bool, 2*len(seen))
				for _, s := range seen {
					seenMap[s] = true
				}
			}
		}
		if dup {
			return fmt.Errorf("malformed JSON: duplicate key %q", at)
		}
		vt := elem
		if fields != nil {
			ft, ok := fields[key]
			if !ok {
				for name := range fields {
					if strings.EqualFold(name, key) {
						return fmt.Errorf("malformed JSON: field %q: names are case-sensitive (want %q)", at, name)
					}
				}
				if k.strict {
					return fmt.Errorf("malformed JSON: unknown field %q", at)
				}
			}
			vt = ft
		}
		k.space()
		k.i++ // the colon
		if err := k.value(vt, at); err != nil {
			return err
		}
	}
}

// fieldCache maps a struct type to its jsonFields, built once per type.
var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

func jsonFieldsOf(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	f, _ := fieldCache.LoadOrStore(t, jsonFields(t))
	return f.(map[string]reflect.Type)
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
