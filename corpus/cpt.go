package corpus

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ReadCPT reads a user-supplied CPT file. CPT descriptors are copyrighted by
// the AMA, so medcode ships none: sites with a licence load their own file.
//
// The file is UTF-8 CSV (a leading byte-order mark is ignored), one code a
// record: code,descriptor[,synonyms]. The first record is taken as a header
// when its first field is not a code but names one ("code", "CPT code").
// Lines starting with '#' are comments; blank lines are skipped. A code is
// five characters, four digits then a digit (Category I) or F (Category
// II), T (Category III) or U (proprietary laboratory analyses); letters may
// be lower case. Synonyms are separated by '|' and become Names of kind
// NameSynonym, after the descriptor (NameTitle); blank, repeated and
// descriptor-equal synonyms are dropped (case-insensitively). Every code is
// billable; codes keep file order.
//
// Malformed records and repeated codes yield a *ParseError naming file and
// line.
func ReadCPT(r io.Reader, file string) ([]*Code, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true

	var (
		out   []*Code
		seen  = map[string]int{}
		first = true
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &ParseError{File: file, Line: pe.Line, Err: pe.Err}
			}
			return nil, &ParseError{File: file, Err: err}
		}
		line, _ := cr.FieldPos(0)
		fail := func(format string, args ...any) error {
			return &ParseError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
		}
		raw := strings.TrimSpace(rec[0])
		code := strings.ToUpper(raw)
		if first {
			first = false
			if !isCPTCode(code) && strings.Contains(strings.ToLower(raw), "code") {
				continue // header
			}
		}
		if !isCPTCode(code) {
			return nil, fail("bad CPT code %q (want 4 digits then a digit, F, T or U)", raw)
		}
		if len(rec) < 2 || len(rec) > 3 {
			return nil, fail("%d fields, want code,descriptor[,synonyms]", len(rec))
		}
		desc := strings.TrimSpace(rec[1])
		if desc == "" {
			return nil, fail("code %s has no descriptor", code)
		}
		for _, f := range rec[1:] {
			if !utf8.ValidString(f) {
				return nil, fail("code %s: text is not UTF-8", code)
			}
		}
		if at, dup := seen[code]; dup {
			return nil, fail("duplicate code %s (first at line %d)", code, at)
		}
		seen[code] = line
		c := &Code{
			System:   CPT,
			Code:     code,
			Display:  desc,
			Billable: true,
			Names:    []Name{{Text: desc, Kind: NameTitle}},
		}
		if len(rec) == 3 {
			c.Names = appendSynonyms(c.Names, rec[2])
		}
		out = append(out, c)
	}
	return out, nil
}

// appendSynonyms adds the '|'-separated synonyms in s to names, skipping
// blanks and any text already present (case-insensitively).
func appendSynonyms(names []Name, s string) []Name {
	for _, syn := range strings.Split(s, "|") {
		syn = strings.Join(strings.Fields(syn), " ")
		if syn == "" {
			continue
		}
		dup := false
		for _, n := range names {
			if strings.EqualFold(n.Text, syn) {
				dup = true
				break
			}
		}
		if !dup {
			names = append(names, Name{Text: syn, Kind: NameSynonym})
		}
	}
	return names
}

// isCPTCode reports whether s (upper case) is 4 digits then a digit, F, T
// or U.
func isCPTCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	switch c := s[4]; {
	case c >= '0' && c <= '9', c == 'F', c == 'T', c == 'U':
		return true
	}
	return false
}

//go:embed cpt_starter.csv
var cptStarter []byte

// cptStarterFile names the embedded starter list in errors.
const cptStarterFile = "cpt_starter.csv"

// StarterCPT returns medcode's built-in starter list of common CPT codes,
// embedded from corpus/cpt_starter.csv. Its descriptions are medcode's own
// plain-language summaries, not AMA descriptor text, each with lay terms and
// abbreviations a note would use as synonyms; it lets the engine suggest
// everyday CPT codes when no licensed CPT file is loaded. Each call returns
// fresh Codes.
func StarterCPT() ([]*Code, error) {
	return ReadCPT(bytes.NewReader(cptStarter), cptStarterFile)
}
