package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// HCPCS Level II fixed-width record layout (1-based columns, see the CMS
// record layout): code 1-5, sequence number 6-10, record id 11, this line's
// piece of the long description 12-91, short description 92-119, add date
// 269-276, action effective date 277-284, termination date 285-292, action
// code 293, filler to 320.
const (
	hcpcsRecordLen = 320
	hcpcsLongEnd   = 91
	hcpcsShortEnd  = 119
	hcpcsAddAt     = 268 // 0-based start of the add date
	hcpcsTermAt    = 284 // 0-based start of the termination date
)

// HCPCS record ids (column 11).
const (
	hcpcsProcedure        = '3'
	hcpcsProcedureContinu = '4'
	hcpcsModifier         = '7'
	hcpcsModifierContinu  = '8'
)

// ReadHCPCSText reads the HCPCS Level II alpha-numeric file in its
// fixed-width form (HCPCYYYY_*ANWEB*.txt), Windows-1252 encoded.
//
// Lines before the first record (the disclaimer block of the annual files)
// are skipped; the 2026 variant without disclaimer and with every line
// padded to 320 bytes reads the same. Continuation lines (record id 4 after
// 3, 8 after 7) are joined to their entry in sequence-number order: each
// 80-column piece loses its trailing padding and pieces are joined with one
// blank, so "per week (list" + "drugs  separately)" reads "per week (list
// drugs  separately)".
//
// Procedure codes come back as billable HCPCS codes ("A4221"); modifiers as
// Modifier codes of their two characters ("A1"), not billable on their own.
// Add and termination dates fill Added and Terminated. Every record of the
// file is returned, terminated ones included (see ActiveHCPCS). Codes keep
// file order. Malformed records yield a *ParseError naming file and line.
func ReadHCPCSText(r io.Reader, file string) ([]*Code, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 512), 64*1024)
	dec := charmap.Windows1252.NewDecoder()

	var (
		out     []*Code
		cur     *hcpcsEntry
		started bool
		line    int
		seen    = map[string]int{} // "P:A4221" / "M:A1" → line of first record
	)
	fail := func(format string, args ...any) error {
		return &ParseError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
	}
	flush := func() error {
		if cur == nil {
			return nil
		}
		c, err := cur.build(dec)
		if err != nil {
			return &ParseError{File: file, Line: cur.line, Err: err}
		}
		out = append(out, c)
		cur = nil
		return nil
	}
	for sc.Scan() {
		line++
		b := bytes.TrimSuffix(sc.Bytes(), []byte{'\r'})
		if !started {
			if !isHCPCSRecord(b) {
				continue // disclaimer
			}
			started = true
		}
		if len(bytes.TrimRight(b, " ")) == 0 {
			continue
		}
		if !isHCPCSRecord(b) {
			return nil, fail("not an HCPCS record (want code, 5-digit sequence number and record id 3, 4, 7 or 8 in columns 1-11)")
		}
		if len(b) > hcpcsRecordLen {
			return nil, fail("record is %d bytes, longer than %d", len(b), hcpcsRecordLen)
		}
		raw := string(b[0:5])
		seq := string(b[5:10])
		id := b[10]
		piece := field(b, 11, hcpcsLongEnd)
		switch id {
		case hcpcsProcedure, hcpcsModifier:
			if err := flush(); err != nil {
				return nil, err
			}
			mod := id == hcpcsModifier
			code, err := hcpcsCode(raw, mod)
			if err != nil {
				return nil, fail("%w", err)
			}
			key := "P:" + code
			if mod {
				key = "M:" + code
			}
			if first, dup := seen[key]; dup {
				return nil, fail("duplicate code %q (first at line %d)", code, first)
			}
			seen[key] = line
			added, err := hcpcsDate(b, hcpcsAddAt, "add date")
			if err != nil {
				return nil, fail("%w", err)
			}
			term, err := hcpcsDate(b, hcpcsTermAt, "termination date")
			if err != nil {
				return nil, fail("%w", err)
			}
			cur = &hcpcsEntry{
				raw: raw, code: code, modifier: mod, line: line,
				short:  strings.TrimSpace(field(b, hcpcsLongEnd, hcpcsShortEnd)),
				pieces: []hcpcsPiece{{seq: seq, text: piece}},
				added:  added, term: term,
			}
		case hcpcsProcedureContinu, hcpcsModifierContinu:
			mod := id == hcpcsModifierContinu
			if cur == nil || cur.raw != raw || cur.modifier != mod {
				return nil, fail("continuation of %q without its first record", strings.TrimSpace(raw))
			}
			for _, p := range cur.pieces {
				if p.seq == seq {
					return nil, fail("sequence number %s repeated for %q", seq, cur.code)
				}
			}
			if seq < cur.pieces[0].seq {
				return nil, fail("continuation sequence number %s before first record's %s", seq, cur.pieces[0].seq)
			}
			cur.pieces = append(cur.pieces, hcpcsPiece{seq: seq, text: piece})
		}
	}
	if err := sc.Err(); err != nil {
		line++
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fail("line longer than %d bytes", 64*1024)
		}
		return nil, &ParseError{File: file, Line: line, Err: err}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("no HCPCS records")}
	}
	return out, nil
}

// hcpcsEntry is one logical entry being assembled: a first record and its
// continuation lines.
type hcpcsEntry struct {
	raw, code   string
	modifier    bool
	line        int
	short       string
	pieces      []hcpcsPiece
	added, term time.Time
}

type hcpcsPiece struct {
	seq  string // 5 digits, compares as a number
	text string // raw 80-column piece, Windows-1252
}

func (e *hcpcsEntry) build(dec interface{ String(string) (string, error) }) (*Code, error) {
	sort.SliceStable(e.pieces, func(i, j int) bool { return e.pieces[i].seq < e.pieces[j].seq })
	var sb strings.Builder
	for i, p := range e.pieces {
		t := strings.TrimRight(p.text, " ")
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t)
	}
	long, err := dec.String(strings.TrimSpace(sb.String()))
	if err != nil {
		return nil, fmt.Errorf("long description of %q: %w", e.code, err)
	}
	short, err := dec.String(e.short)
	if err != nil {
		return nil, fmt.Errorf("short description of %q: %w", e.code, err)
	}
	if long == "" {
		return nil, fmt.Errorf("code %q has no long description", e.code)
	}
	return newHCPCSCode(e.code, e.modifier, long, short, e.added, e.term), nil
}

// newHCPCSCode builds the Code shared by the text and workbook readers.
func newHCPCSCode(code string, modifier bool, long, short string, added, term time.Time) *Code {
	c := &Code{
		System:     HCPCS,
		Code:       code,
		Display:    long,
		Short:      short,
		Billable:   !modifier,
		Modifier:   modifier,
		Added:      added,
		Terminated: term,
		Names:      []Name{{Text: long, Kind: NameTitle}},
	}
	if short != "" && !strings.EqualFold(short, long) {
		c.Names = append(c.Names, Name{Text: short, Kind: NameShort})
	}
	return c
}

// isHCPCSRecord reports whether b starts like a record: 5 code columns, a
// 5-digit sequence number and a record id.
func isHCPCSRecord(b []byte) bool {
	if len(b) < 11 {
		return false
	}
	for _, c := range b[5:10] {
		if c < '0' || c > '9' {
			return false
		}
	}
	switch b[10] {
	case hcpcsProcedure, hcpcsProcedureContinu, hcpcsModifier, hcpcsModifierContinu:
		return true
	}
	return false
}

// hcpcsCode validates the 5-column code field: a letter and 4 digits for a
// procedure, 3 blanks and 2 alphanumerics for a modifier.
func hcpcsCode(raw string, modifier bool) (string, error) {
	if modifier {
		if len(raw) != 5 || raw[:3] != "   " || !isAlnum(raw[3]) || !isAlnum(raw[4]) {
			return "", fmt.Errorf("bad modifier field %q (want 3 blanks and 2 letters or digits)", raw)
		}
		return strings.ToUpper(raw[3:]), nil
	}
	if !isHCPCSProcedure(raw) {
		return "", fmt.Errorf("bad procedure code %q (want a letter and 4 digits)", raw)
	}
	return raw, nil
}

// isHCPCSProcedure reports whether s is an upper-case letter and 4 digits.
func isHCPCSProcedure(s string) bool {
	if len(s) != 5 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// field returns b[from:to] clipped to the line (short lines had their
// trailing blanks trimmed).
func field(b []byte, from, to int) string {
	if from >= len(b) {
		return ""
	}
	if to > len(b) {
		to = len(b)
	}
	return string(b[from:to])
}

// hcpcsDate parses the 8-column YYYYMMDD date at 0-based offset at; blank is
// the zero time.
func hcpcsDate(b []byte, at int, what string) (time.Time, error) {
	return parseHCPCSDate(strings.TrimSpace(field(b, at, at+8)), what)
}

// parseHCPCSDate parses YYYYMMDD in UTC; "" is the zero time.
func parseHCPCSDate(s, what string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("20060102", s)
	if err != nil || len(s) != 8 {
		return time.Time{}, fmt.Errorf("bad %s %q (want YYYYMMDD)", what, s)
	}
	return t, nil
}
