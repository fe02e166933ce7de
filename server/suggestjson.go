package server

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"

	"medcode/suggest"
)

// appendJSON appends the JSON of v, byte for byte what encoding/json (and
// goccy/go-json, which respond uses for everything else) writes for it,
// and reports whether it could: a float that is NaN or infinite (which
// those refuse with an error) leaves the answer to respond's encoder.
//
// A suggest answer is 50–60 KB of 50 suggestions with their evidence,
// explanation trees and alternatives, and its encoding the largest of the
// server's own costs a request (5% of a request's CPU under make load);
// the reflective encoder spends much of it walking the types through its
// virtual machine and in shortest-float formatting. Written out field by
// field for the one hot type, with the strings that repeat copied from
// where they were first written and the engine's rounded numbers printed
// directly, the same bytes cost less.
// TestSuggestJSONAgrees holds it to encoding/json and goccy over real and
// randomised answers.
func (v suggestResponse) appendJSON(b []byte) ([]byte, bool) {
	e := jsonAppender{ok: true}
	b = append(b, '{')
	if v.ID != "" {
		b = append(b, `"id":`...)
		b = e.str(b, v.ID)
		b = append(b, ',')
	}
	b = append(b, `"requestId":`...)
	b = e.str(b, v.RequestID)
	if r := v.Result; r != nil {
		b = e.result(b, r)
	}
	b = append(b, '}')
	return b, e.ok
}

// jsonAppender appends JSON; ok turns false at a non-finite float. Its
// memos hold the strings that repeat from one suggestion or span to the
// next (the system and its URI, a span's section, kind and assertion, the
// explanation's messages by their place in the tree).
type jsonAppender struct {
	ok                                                 bool
	system, systemURI, section, matchedKind, assertion memo
	message                                            [8]memo
}

// memo is a string str appended earlier to the same output, and where.
type memo struct {
	s        string
	off, end int
}

// memoStr appends s as str does, copying the bytes m's string was
// written as when s is that string: a comparison (the same bytes in the
// engine's answers, mostly the same pointer) instead of a scan for what
// to escape.
func (e *jsonAppender) memoStr(b []byte, m *memo, s string) []byte {
	if m.end > 0 && s == m.s {
		return append(b, b[m.off:m.end]...)
	}
	off := len(b)
	b = e.str(b, s)
	*m = memo{s, off, len(b)}
	return b
}

// result appends r's fields, after the requestId of the object they are
// embedded in.
func (e *jsonAppender) result(b []byte, r *suggest.Result) []byte {
	b = append(b, `,"suggestions":`...)
	if r.Suggestions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Suggestions {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.suggestion(b, &r.Suggestions[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"threshold":`...)
	b = e.float(b, r.Threshold)
	b = append(b, `,"rejected":`...)
	if r.Rejected == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Rejected {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.rejection(b, &r.Rejected[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"codeSets":`...)
	b = e.codeSets(b, r.CodeSets)
	if r.DateOfService != "" {
		b = append(b, `,"dateOfService":`...)
		b = e.str(b, r.DateOfService)
	}
	if len(r.Notices) > 0 {
		b = append(b, `,"notices":`...)
		b = e.edits(b, r.Notices)
	}
	return b
}

// suggestion appends sg, its fields in suggest.Suggestion's order.
func (e *jsonAppender) suggestion(b []byte, sg *suggest.Suggestion) []byte {
	b = append(b, `{"system":`...)
	b = e.memoStr(b, &e.system, sg.System)
	b = append(b, `,"systemUri":`...)
	b = e.memoStr(b, &e.systemURI, sg.SystemURI)
	b = append(b, `,"code":`...)
	b = e.str(b, sg.Code)
	b = append(b, `,"display":`...)
	b = e.str(b, sg.Display)
	b = append(b, `,"confidence":`...)
	b = e.float(b, sg.Confidence)
	b = append(b, `,"score":`...)
	b = e.float(b, sg.Score)
	if sg.Billable {
		b = append(b, `,"billable":true,"evidence":`...)
	} else {
		b = append(b, `,"billable":false,"evidence":`...)
	}
	b = e.evidence(b, sg.Evidence)
	if len(sg.Assertions) > 0 {
		b = append(b, `,"assertions":`...)
		b = e.strs(b, sg.Assertions)
	}
	if len(sg.Edits) > 0 {
		b = append(b, `,"edits":`...)
		b = e.edits(b, sg.Edits)
	}
	b = append(b, `,"explanation":`...)
	b = e.explanation(b, &sg.Explanation, 0)
	if len(sg.Alternatives) > 0 {
		b = append(b, `,"alternatives":[`...)
		for i := range sg.Alternatives {
			a := &sg.Alternatives[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"code":`...)
			b = e.str(b, a.Code)
			b = append(b, `,"display":`...)
			b = e.str(b, a.Display)
			b = append(b, `,"score":`...)
			b = e.float(b, a.Score)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(sg.Features) > 0 {
		b = append(b, `,"features":[`...)
		for i, f := range sg.Features {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.float(b, f)
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	return b
}

// evidence appends ev as a list, null for nil (a rejection's, omitempty,
// is left out by the caller when empty).
func (e *jsonAppender) evidence(b []byte, ev []suggest.Evidence) []byte {
	if ev == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range ev {
		x := &ev[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"start":`...)
		b = appendInt(b, x.Start)
		b = append(b, `,"end":`...)
		b = appendInt(b, x.End)
		b = append(b, `,"text":`...)
		b = e.str(b, x.Text)
		if x.Section != "" {
			b = append(b, `,"section":`...)
			b = e.memoStr(b, &e.section, x.Section)
		}
		if x.Matched != "" {
			b = append(b, `,"matched":`...)
			b = e.str(b, x.Matched)
		}
		if x.MatchedKind != "" {
			b = append(b, `,"matchedKind":`...)
			b = e.memoStr(b, &e.matchedKind, x.MatchedKind)
		}
		if len(x.Assertions) > 0 {
			b = append(b, `,"assertions":`...)
			b = e.strs(b, x.Assertions)
		}
		b = append(b, `,"assertion":`...)
		b = e.memoStr(b, &e.assertion, x.Assertion)
		if x.Trigger != "" {
			b = append(b, `,"trigger":`...)
			b = e.str(b, x.Trigger)
		}
		b = append(b, '}')
	}
	b = append(b, ']')
	return b
}

// explanation appends x, the slot'th of a suggestion's explanation parts
// by message memo: 0 the root, 1+i its child i, len(e.message) (none) a
// deeper part or a later child.
func (e *jsonAppender) explanation(b []byte, x *suggest.Explanation, slot int) []byte {
	b = append(b, `{"value":`...)
	b = e.float(b, x.Value)
	b = append(b, `,"message":`...)
	if slot < len(e.message) {
		b = e.memoStr(b, &e.message[slot], x.Message)
	} else {
		b = e.str(b, x.Message)
	}
	if len(x.Children) > 0 {
		b = append(b, `,"children":[`...)
		for i := range x.Children {
			if i > 0 {
				b = append(b, ',')
			}
			child := len(e.message) // no memo
			if slot == 0 {
				child = 1 + i
			}
			b = e.explanation(b, &x.Children[i], child)
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	return b
}

// rejection appends r.
func (e *jsonAppender) rejection(b []byte, r *suggest.Rejection) []byte {
	b = append(b, `{"system":`...)
	b = e.str(b, r.System)
	b = append(b, `,"code":`...)
	b = e.str(b, r.Code)
	b = append(b, `,"display":`...)
	b = e.str(b, r.Display)
	b = append(b, `,"rule":`...)
	b = e.str(b, r.Rule)
	b = append(b, `,"reason":`...)
	b = e.str(b, r.Reason)
	if len(r.Evidence) > 0 {
		b = append(b, `,"evidence":`...)
		b = e.evidence(b, r.Evidence)
	}
	b = append(b, '}')
	return b
}

// edits appends a list of edits (never nil here: omitempty lists only).
func (e *jsonAppender) edits(b []byte, ed []suggest.Edit) []byte {
	b = append(b, '[')
	for i := range ed {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"kind":`...)
		b = e.str(b, ed[i].Kind)
		b = append(b, `,"message":`...)
		b = e.str(b, ed[i].Message)
		b = append(b, '}')
	}
	b = append(b, ']')
	return b
}

// codeSets appends m with its keys sorted, as encoding/json does.
func (e *jsonAppender) codeSets(b []byte, m map[string]suggest.CodeSet) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	var arr [4]string // an answer names one to three systems
	keys := arr[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		cs := m[k]
		b = e.str(b, k)
		b = append(b, `:{"release":`...)
		b = e.str(b, cs.Release)
		if cs.Effective != "" {
			b = append(b, `,"effective":`...)
			b = e.str(b, cs.Effective)
		}
		if cs.Expires != "" {
			b = append(b, `,"expires":`...)
			b = e.str(b, cs.Expires)
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	return b
}

// strs appends a list of strings (never nil here: omitempty lists only).
func (e *jsonAppender) strs(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = e.str(b, s)
	}
	b = append(b, ']')
	return b
}

// float appends f as encoding/json does (appendShortDecimal for the
// engine's rounded numbers): the shortest decimal that reads back as f,
// in exponent form below 1e-6 and from 1e21 on, its exponent without a
// leading zero. A NaN or infinity turns ok false.
func (e *jsonAppender) float(b []byte, f float64) []byte {
	if d, ok := appendShortDecimal(b, f); ok { // never a NaN or infinity
		return d
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.ok = false
		return b
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, f, 'e', -1, 64)
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendShortDecimal appends f as strconv's shortest 'f' form writes it
// when f is a decimal of at most eight places from 1e-6 to 2^20 in
// magnitude (or zero), and reports whether it was: the engine rounds its
// scores and confidences to a few places (suggest's round), and the
// shortest form costs strconv several hundred instructions a number.
//
// Below 2^20 f's neighbours are under 2^-32 away, closer than 10^-8: at
// most one decimal of k ≤ 8 places reads back as f, and when one does it
// is m = Round(f·10^k) over 10^k (f·10^k is within far less than ½ of
// it). Float division of the exact m and 10^k rounds as reading the
// decimal does, so m/10^k == f tests it; m is taken as f·10^k + ½ cut to
// an integer, which is Round's when one does (and any m the test passes is
// the one). A decimal of fewer places is one of k places with trailing
// zeros: m without them is the shortest decimal that reads back as f,
// strconv's pick.
func appendShortDecimal(b []byte, f float64) ([]byte, bool) {
	abs := math.Abs(f)
	if !(abs < 1<<20) || abs < 1e-6 && abs != 0 { // NaN too; below 1e-6 the exponent form
		return b, false
	}
	// Through int64 (abs·10^8 < 2^47): one instruction each way, where
	// uint64's conversions branch on the sign bit.
	k, m := 4, int64(abs*1e4+0.5) // most of the engine's numbers
	if float64(m)/1e4 != abs {
		if k, m = 8, int64(abs*1e8+0.5); float64(m)/1e8 != abs {
			return b, false
		}
	}
	u := uint64(m)
	if math.Signbit(f) {
		b = append(b, '-')
	}
	if k == 4 {
		return appendFourPlaces(b, u), true
	}
	// The integer part, then the places without their trailing zeros.
	const p = 1e8
	b = appendUint(b, u/p)
	frac := u % p
	if frac == 0 {
		return b, true
	}
	for frac%10 == 0 {
		frac /= 10
		k--
	}
	var buf [9]byte
	buf[0] = '.'
	for j := k; j > 0; j-- {
		buf[j] = byte('0' + frac%10)
		frac /= 10
	}
	return append(b, buf[:k+1]...), true
}

// appendFourPlaces appends u/10^4 in decimal as appendShortDecimal does,
// its places without their trailing zeros (none and no point for an
// integer). Most of the engine's numbers have four places and an integer
// part of one digit: the digit, the point and the places are laid in one
// word from two digit pairs and stored at once, its length cut after the
// last place that is not '0' (found from the places' word, not by a
// branch a digit, which the numbers' random places mispredict).
// TestFourPlacesAgrees holds it to strconv over every four places.
func appendFourPlaces(b []byte, u uint64) []byte {
	ip, frac := u/1e4, u%1e4
	hi, lo := frac/100, frac%100
	d := uint64(digitPairs[2*hi]) | uint64(digitPairs[2*hi+1])<<8 |
		uint64(digitPairs[2*lo])<<16 | uint64(digitPairs[2*lo+1])<<24
	// The places up to the last not '0' (its byte the highest nonzero of
	// d^'0000'), and the point before them unless there are none.
	places := (bits.Len64(d^0x30303030) + 7) / 8
	n := places + (places+3)/4
	w := uint64('.') | d<<8
	if ip < 10 {
		w = w<<8 | ('0' + ip)
		n++
	} else {
		b = appendUint(b, ip)
	}
	l := len(b)
	b = slices.Grow(b, 8)[:l+8]
	binary.LittleEndian.PutUint64(b[l:], w)
	return b[:l+n]
}

// digitPairs is the two digits of each number below 100.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// appendInt appends v in decimal.
func appendInt(b []byte, v int) []byte {
	if v < 0 {
		return appendUint(append(b, '-'), uint64(-v)) // -MinInt64 is itself, 2^63 as uint64
	}
	return appendUint(b, uint64(v))
}

// appendUint appends u in decimal, two digits a step. Below 10,000 (an
// evidence offset, mostly) the digits are laid in one word from two digit
// pairs, its leading zeros shifted out, and stored at once.
func appendUint(b []byte, u uint64) []byte {
	const pairs = digitPairs
	if u < 10 {
		return append(b, byte('0'+u))
	}
	if u < 1e4 {
		hi, lo := u/100, u%100
		w := uint64(pairs[2*hi]) | uint64(pairs[2*hi+1])<<8 | uint64(pairs[2*lo])<<16 | uint64(pairs[2*lo+1])<<24
		n := 4
		if u < 100 {
			n = 2
		} else if u < 1000 {
			n = 3
		}
		w >>= 8 * (4 - n)
		l := len(b)
		b = slices.Grow(b, 8)[:l+8]
		binary.LittleEndian.PutUint64(b[l:], w)
		return b[:l+n]
	}
	var buf [20]byte
	i := len(buf)
	for u >= 100 {
		q := u / 100
		r := u - q*100
		i -= 2
		buf[i], buf[i+1] = pairs[2*r], pairs[2*r+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = pairs[2*u], pairs[2*u+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	return append(b, buf[i:]...)
}

// str appends s quoted as encoding/json does with HTML escaping: ", \ and
// the control characters escaped (\b \f \n \r \t by name), <, > and &
// as \u003c \u003e \u0026, U+2028 and U+2029 as \u2028 and \u2029, and
// each byte of invalid UTF-8 as \ufffd. Most strings have none of these:
// htmlPlainPrefix finds that in a tight scan, and the string is copied
// whole between its quotes; only a string with something to escape goes
// to escapeStr.
func (e *jsonAppender) str(b []byte, s string) []byte {
	n := len(s)
	var i int
	if n < 8 { // a code, a kind, an assertion: one call less
		i = shortPlainPrefix(s)
	} else {
		i = htmlPlainPrefix(s)
	}
	if i < n {
		b = append(b, '"')
		return e.escapeStr(append(b, s[:i]...), s, i)
	}
	l := len(b)
	b = slices.Grow(b, n+2)[:l+n+2]
	b[l] = '"'
	copy(b[l+1:], s)
	b[l+1+n] = '"'
	return b
}

// word reads eight bytes of w little-endian (one load).
func word(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// htmlSpecial is nonzero when a byte of word x is one str does not copy as
// it is; its lowest set bit is the high bit of the first such byte (see
// htmlPlainPrefix).
func htmlSpecial(x uint64) uint64 {
	return htmlSpecialBits(x) & 0x8080808080808080
}

// htmlSpecialBits is htmlSpecial before its mask to the bytes' high
// bits: two words' bits ORed and masked once test both.
func htmlSpecialBits(x uint64) uint64 {
	const ones = 0x0101010101010101
	return x - ones*' ' | x | (x ^ (ones * '\\') - ones) | ((x | ones*2) ^ (ones * '>') - ones) | ((x | ones*4) ^ (ones * '&') - ones)
}

// escapeStr is str for a string with something to escape at i, its quote
// and bytes before i already in b: the plain stretches from there on are
// found by htmlPlainPrefix and copied whole.
func (e *jsonAppender) escapeStr(b []byte, s string, i int) []byte {
	const hex = "0123456789abcdef"
	start := i
	for {
		i += htmlPlainPrefix(s[i:])
		if i >= len(s) {
			break
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			// Two-byte sequences (the accented letters of a Spanish
			// note) are valid and never U+2028 or U+2029.
			if c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			default:
				i += size
				continue
			}
			i += size
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default: // the other control characters, <, > and &
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// htmlPlainPrefix returns the length of the prefix of s that str copies
// as it is: printable ASCII but ", \, <, > and &. It tests eight bytes at
// a time, the last eight again for the rest of a string of eight or more,
// and a shorter string in one word (shortPlainPrefix).
//
// Of a word x (eight bytes read little-endian), x-0x20… | x sets the high
// bit of a byte below the space or past ASCII; v-0x01… sets it for a zero
// byte of v, which is x^'\\' for '\\', (x|2)^'>' for '<' and '>', and
// (x|4)^'&' for '"' and '&' (v's ASCII bytes are below 0x80, so only a
// zero borrows into the high bit; a byte past ASCII is set by x itself).
// A borrow past a set byte may set a later byte's bit too: only the lowest
// set bit is exact, and the lowest is the one read.
func htmlPlainPrefix(s string) int {
	n := len(s)
	if n < 8 {
		return shortPlainPrefix(s)
	}
	// Sixteen bytes a step: one test of both words' bits, the loop's
	// bounds and step once.
	rest := s
	for len(rest) >= 16 {
		x0, x1 := word(rest[:8]), word(rest[8:16])
		if (htmlSpecialBits(x0)|htmlSpecialBits(x1))&0x8080808080808080 != 0 {
			i := n - len(rest)
			if m0 := htmlSpecial(x0); m0 != 0 {
				return i + bits.TrailingZeros64(m0)/8
			}
			return i + 8 + bits.TrailingZeros64(htmlSpecial(x1))/8
		}
		rest = rest[16:]
	}
	i := n - len(rest)
	if len(rest) >= 8 {
		if m := htmlSpecial(word(rest[:8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	if i == n {
		return n
	}
	// The last word again; its bytes before i are plain, their bits
	// masked out.
	j := n - 8
	if m := htmlSpecial(word(s[j:])) &^ (1<<(8*(i-j)) - 1); m != 0 {
		return j + bits.TrailingZeros64(m)/8
	}
	return n
}

// shortPlainPrefix is htmlPlainPrefix of a string of fewer than eight
// bytes (a code, a kind, an assertion): its bytes are laid in one word,
// overlapping for four to seven (the first four and the last four), the
// first, middle and last for one to three over plain letters, so a plain
// string costs one test; a string with something to escape is scanned
// byte by byte for where.
func shortPlainPrefix(s string) int {
	n := len(s)
	var x uint64
	switch {
	case n >= 4:
		x = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[n-4])<<32 | uint64(s[n-3])<<40 | uint64(s[n-2])<<48 | uint64(s[n-1])<<56
	case n > 0:
		x = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16 | 0x4141414141<<24 // 'A's
	default:
		return 0
	}
	if htmlSpecial(x) == 0 {
		return n
	}
	i := 0
	for ; i < n; i++ {
		if c := s[i]; c < ' ' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
			break
		}
	}
	return i
}
