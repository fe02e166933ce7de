package server

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeFast decodes data, a POST /v1/suggest body, into b (zero) in one
// pass when it is plainly well formed: one object of b's fields, each
// once and named in its case, with string, string-list and number values,
// strings of valid UTF-8 and escapes that are no UTF-16 surrogates. It
// reports whether it did; such a body decodes, through json.Unmarshal and
// checkKeys, to the same b, strict or not. On false b is zero again and
// the body is left to decodeJSON's general path (and its errors).
//
// json.Unmarshal scans a body three times (validating, decoding,
// unquoting) and checkKeys once more: for a 2 KB note that is most of a
// request's decoding.
func (b *suggestBody) decodeFast(data []byte) bool {
	d := fastDecoder{data: data}
	if !d.object(b) {
		*b = suggestBody{}
		return false
	}
	return true
}

// fastDecoder reads the JSON of a suggestBody for decodeFast; each method
// reports false at anything it leaves to the general path.
type fastDecoder struct {
	data []byte
	i    int
}

func (d *fastDecoder) space() { d.i = skipSpace(d.data, d.i) } // keys.go

// next skips space and reports whether c follows, consuming it.
func (d *fastDecoder) next(c byte) bool {
	d.space()
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

// The fields of a suggestBody, as bits of the set seen so far.
const (
	fieldID = 1 << iota
	fieldText
	fieldSystems
	fieldSetting
	fieldMaxResults
	fieldMinConfidence
	fieldDateOfService
	fieldRelease
)

func (d *fastDecoder) object(b *suggestBody) bool {
	if !d.next('{') {
		return false
	}
	if d.next('}') {
		d.space()
		return d.i == len(d.data)
	}
	var seen int
	for {
		d.space()
		key, ok := d.key()
		if !ok || !d.next(':') {
			return false
		}
		d.space()
		var field int
		switch string(key) {
		case "id":
			field, ok = fieldID, d.str(&b.ID)
		case "text":
			field, ok = fieldText, d.str(&b.Text)
		case "systems":
			field, ok = fieldSystems, d.strs(&b.Systems)
		case "setting":
			field, ok = fieldSetting, d.str(&b.Setting)
		case "maxResults":
			field, ok = fieldMaxResults, d.int(&b.MaxResults)
		case "minConfidence":
			field, ok = fieldMinConfidence, d.float(&b.MinConfidence)
		case "dateOfService":
			field, ok = fieldDateOfService, d.str(&b.DateOfService)
		case "release":
			field, ok = fieldRelease, d.str(&b.Release)
		default:
			return false // unknown, or a field in another case
		}
		if !ok || seen&field != 0 {
			return false
		}
		seen |= field
		if d.next('}') {
			d.space()
			return d.i == len(d.data)
		}
		if !d.next(',') {
			return false
		}
	}
}

// key reads a key without escapes or bytes past ASCII.
func (d *fastDecoder) key() ([]byte, bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			d.i = i + 1
			return d.data[start:i], true
		case c < ' ' || c == '\\' || c >= utf8.RuneSelf:
			return nil, false
		}
	}
	return nil, false
}

// str reads a string value into *s. A string with escapes is unescaped
// into a builder grown once to the rest of the body, and kept without a
// copy.
func (d *fastDecoder) str(s *string) bool {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return false // null, or not a string
	}
	d.i++
	var out strings.Builder
	start := d.i
	for d.i < len(d.data) {
		if d.i += plainPrefix(d.data[d.i:]); d.i == len(d.data) {
			break
		}
		c := d.data[d.i]
		switch {
		case c == '"':
			if out.Cap() == 0 {
				*s = string(d.data[start:d.i])
			} else {
				out.Write(d.data[start:d.i])
				*s = out.String()
			}
			d.i++
			return true
		case c == '\\':
			if out.Cap() == 0 {
				out.Grow(len(d.data) - start)
			}
			out.Write(d.data[start:d.i])
			if !d.escape(&out) {
				return false
			}
			start = d.i
		case c < ' ':
			return false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d.data[d.i:])
			if r == utf8.RuneError && size == 1 {
				return false // json.Unmarshal reads it as U+FFFD
			}
			d.i += size
		}
	}
	return false
}

// plainPrefix returns the length of the prefix of data that a JSON string
// holds as it is: printable ASCII but the quote and the backslash. It
// tests eight bytes at a time: a byte below the space, past ASCII, or
// equal to the quote or the backslash sets its high bit in
// (x-' ')&^x | x | (q-1)&^q | (s-1)&^s, for q and s x's bytes XOR the
// quote and the backslash (a borrow past such a byte may set a later
// byte's bit too; the bytes before it are plain either way).
func plainPrefix(data []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(data); i += 8 {
		x := binary.LittleEndian.Uint64(data[i:])
		q, s := x^(ones*'"'), x^(ones*'\\')
		if ((x-ones*' ')&^x|x|(q-ones)&^q|(s-ones)&^s)&highs != 0 {
			break
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c < ' ' || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			break
		}
	}
	return i
}

// escape writes the character of the escape at d.i to out.
func (d *fastDecoder) escape(out *strings.Builder) bool {
	if d.i+1 >= len(d.data) {
		return false
	}
	c := d.data[d.i+1]
	d.i += 2
	switch c {
	case '"', '\\', '/':
		out.WriteByte(c)
	case 'b':
		out.WriteByte('\b')
	case 'f':
		out.WriteByte('\f')
	case 'n':
		out.WriteByte('\n')
	case 'r':
		out.WriteByte('\r')
	case 't':
		out.WriteByte('\t')
	case 'u':
		if d.i+4 > len(d.data) {
			return false
		}
		r, err := strconv.ParseUint(string(d.data[d.i:d.i+4]), 16, 32)
		if err != nil || utf16.IsSurrogate(rune(r)) {
			return false
		}
		d.i += 4
		out.WriteRune(rune(r))
	default:
		return false
	}
	return true
}

// strs reads a list of strings into *ss ([] as an empty list).
func (d *fastDecoder) strs(ss *[]string) bool {
	if d.i >= len(d.data) || d.data[d.i] != '[' {
		return false
	}
	d.i++
	list := []string{}
	if !d.next(']') {
		for {
			d.space()
			var s string
			if !d.str(&s) {
				return false
			}
			list = append(list, s)
			if d.next(']') {
				break
			}
			if !d.next(',') {
				return false
			}
		}
	}
	*ss = list
	return true
}

// number reads the text of a JSON number, reporting whether it is an
// integer (no fraction or exponent).
func (d *fastDecoder) number() (num string, integer, ok bool) {
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	switch digits := d.digits(); {
	case digits == 0:
		return "", false, false
	case digits > 1 && d.data[d.i-digits] == '0':
		return "", false, false // a leading zero
	}
	integer = true
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return "", false, false
		}
		integer = false
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return "", false, false
		}
		integer = false
	}
	return string(d.data[start:d.i]), integer, true
}

// digits skips a run of digits and returns its length.
func (d *fastDecoder) digits() int {
	start := d.i
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// int reads an integer as json.Unmarshal does into an int.
func (d *fastDecoder) int(n *int) bool {
	s, integer, ok := d.number()
	if !ok || !integer {
		return false
	}
	v, err := strconv.ParseInt(s, 10, strconv.IntSize)
	if err != nil {
		return false
	}
	*n = int(v)
	return true
}

// float reads a number as json.Unmarshal does into a float64.
func (d *fastDecoder) float(f *float64) bool {
	s, _, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	*f = v
	return true
}
