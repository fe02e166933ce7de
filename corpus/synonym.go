package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Synonym is one line of a site synonym file: a term a site's notes use for
// a code.
type Synonym struct {
	System System
	Code   string // canonical spelling for System
	Text   string
	Line   int // 1-based line in the file
}

// maxSynonymLine bounds one line of a synonym file.
const maxSynonymLine = 64 * 1024

// ReadSynonyms reads a site synonym file: UTF-8 text (a leading byte-order
// mark is ignored), one synonym a line, either "term<TAB>code" (the code is
// ICD-10-CM) or "term<TAB>system<TAB>code" with system in any spelling
// ParseSystem accepts. Lines whose first non-blank character is '#' and
// blank lines are ignored; blanks around fields are trimmed and runs of
// blanks inside a term collapse to one. Codes come back canonical ("e119"
// reads "E11.9") and must have the shape of their system; whether they
// exist is for the caller to check against a Set (see AddSynonyms). A line
// repeating an earlier system, code and term (ignoring case) is dropped.
// Synonyms keep file order. Errors are *ParseError naming file and line.
func ReadSynonyms(r io.Reader, file string) ([]Synonym, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxSynonymLine)
	var (
		out  []Synonym
		seen = map[string]bool{}
		line int
	)
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		fail := func(format string, args ...any) error {
			return &ParseError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
		}
		if !utf8.Valid(b) {
			return nil, fail("not UTF-8")
		}
		s := strings.TrimRight(strings.TrimLeft(string(b), " "), " \t\r")
		if t := strings.TrimSpace(s); t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		sys := ICD10CM
		var code string
		switch len(f) {
		case 2:
			code = f[1]
		case 3:
			var err error
			if sys, err = ParseSystem(f[1]); err != nil {
				return nil, fail("unknown system %q (want icd10cm, cpt or hcpcs)", f[1])
			}
			code = f[2]
		default:
			return nil, fail("%d tab-separated fields, want term<TAB>code or term<TAB>system<TAB>code", len(f))
		}
		text := strings.Join(strings.Fields(f[0]), " ")
		if text == "" {
			return nil, fail("empty term")
		}
		canon, ok := synonymCode(sys, code)
		if !ok {
			return nil, fail("%q is not a %s code", code, sys)
		}
		key := string(sys) + "\x00" + canon + "\x00" + strings.ToLower(text)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Synonym{System: sys, Code: canon, Text: text, Line: line})
	}
	if err := sc.Err(); err != nil {
		line++
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", maxSynonymLine)
		}
		return nil, &ParseError{File: file, Line: line, Err: err}
	}
	return out, nil
}

// synonymCode returns the canonical spelling of code in sys and whether it
// has the shape of a code of sys.
func synonymCode(sys System, code string) (string, bool) {
	c := NormalizeCode(sys, code)
	switch sys {
	case ICD10CM:
		return c, isICD10CMShape(c)
	case CPT:
		return c, isCPTCode(c)
	case HCPCS:
		return c, isHCPCSProcedure(c) || len(c) == 2 && isAlnum(c[0]) && isAlnum(c[1])
	}
	return c, false
}

// isICD10CMShape reports whether c looks like a dotted ICD-10-CM code: a
// letter, a digit, a letter or digit, then optionally a dot and 1 to 4
// letters or digits ("E11", "E11.9", "S72.001A").
func isICD10CMShape(c string) bool {
	if len(c) < 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < '0' || c[1] > '9' || !isAlnum(c[2]) {
		return false
	}
	if len(c) == 3 {
		return true
	}
	rest := c[3:]
	if rest[0] != '.' || len(rest) < 2 || len(rest) > 5 {
		return false
	}
	for i := 1; i < len(rest); i++ {
		if !isAlnum(rest[i]) {
			return false
		}
	}
	return true
}

// Name is the searchable name the synonym gives its code.
func (s Synonym) Name() Name { return Name{Text: s.Text, Kind: NameSynonym} }

// AddSynonyms appends each synonym as a NameSynonym name to its code in
// codes, skipping text the code already has (ignoring case). It must run
// before the codes go into a Set, which treats them as immutable. It returns
// the synonyms whose code is not among codes, in input order, for the caller
// to report.
func AddSynonyms(codes []*Code, syns []Synonym) (unknown []Synonym) {
	type key struct {
		sys  System
		code string
	}
	by := make(map[key]*Code, len(codes))
	for _, c := range codes {
		if _, dup := by[key{c.System, c.Code}]; !dup {
			by[key{c.System, c.Code}] = c
		}
	}
	for _, s := range syns {
		c := by[key{s.System, NormalizeCode(s.System, s.Code)}]
		if c == nil {
			unknown = append(unknown, s)
			continue
		}
		has := false
		for _, n := range c.Names {
			if strings.EqualFold(n.Text, s.Text) {
				has = true
				break
			}
		}
		if !has {
			c.Names = append(c.Names, s.Name())
		}
	}
	return unknown
}
