package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
)

// errTooLarge marks a body over MaxBody.
var errTooLarge = errors.New("server: request body larger than 100 KB")

// errBodyTimeout marks a body not received within the body timeout.
var errBodyTimeout = errors.New("server: request body not received in time")

// readPool holds decodeJSON's body buffers (at most 2×MaxBody are kept).
var readPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// decodeJSON reads exactly one JSON value from r into v (a pointer to a
// zero value). Unknown fields are an error when strict; duplicate keys and
// field names in another case (which encoding/json would accept) always
// are. Errors name the problem (offset, field, type) and wrap errTooLarge
// for an oversized body, errBodyTimeout for one that came too slowly.
//
// A plainly well-formed suggest body is decoded in one pass
// (suggestBody.decodeFast, to what the paths below decode it to). Else a
// body that json.Unmarshal decodes and checkKeys accepts is decoded so
// (decodeStream would decode it to the same value): without a Decoder,
// whose read buffer grows to about twice the body. Any other body is
// decoded again, into the zeroed v, by decodeStream, for its error.
func decodeJSON(r io.Reader, v any, strict bool) error {
	buf := readPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 2*MaxBody {
			readPool.Put(buf)
		}
	}()
	_, err := buf.ReadFrom(r)
	data := buf.Bytes() // decoding copies what it keeps: data goes back to the pool
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return errTooLarge
		case errors.Is(err, os.ErrDeadlineExceeded):
			return errBodyTimeout
		}
		return fmt.Errorf("reading the body: %w", err)
	}
	if b, ok := v.(*suggestBody); ok && b.decodeFast(data) {
		return nil
	}
	if json.Unmarshal(data, v) == nil && checkKeys(data, reflect.TypeOf(v), strict) == nil {
		return nil
	}
	reflect.ValueOf(v).Elem().SetZero()
	return decodeStream(data, v, strict)
}

// decodeStream is decodeJSON of the body data through a json.Decoder:
// the value, then nothing but space after it, then checkKeys.
func decodeStream(data []byte, v any, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("malformed JSON: more than one value in the body")
	}
	return checkKeys(data, reflect.TypeOf(v), strict)
}

func jsonError(err error) error {
	var (
		mbe *http.MaxBytesError
		se  *json.SyntaxError
		te  *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mbe):
		return errTooLarge
	case errors.Is(err, io.EOF):
		return errors.New("malformed JSON: empty body")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("malformed JSON: the body ends early")
	case errors.As(err, &se):
		return fmt.Errorf("malformed JSON at byte %d: %s", se.Offset, se.Error())
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the body"
		}
		return fmt.Errorf("malformed JSON: %s must be %s, not %s", field, jsonKind(te.Type.Kind().String()), te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "int", "int64", "int32", "float64", "float32":
		return "a number"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return k
}
