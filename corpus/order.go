package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadOrder reads an ICD-10-CM order file (icd10cm_order_YYYY.txt): fixed
// width, one record per line, header and billable codes in tabular order.
// file names the input in errors. The codes come back in file order with
// canonical dotted codes, the billable flag, both titles, Parent and
// Children (longest proper prefix that is itself a code) and the chapter
// derived from the code ranges of the classification. Names holds the long
// title (NameTitle) and, when it differs, the short title (NameShort).
//
// A malformed record, a duplicate code or an out-of-sequence order number
// is a *ParseError naming file and line.
func ReadOrder(r io.Reader, file string) ([]*Code, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var codes []*Code
	seen := map[string]bool{}
	line, prev := 0, -1
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		c, err := parseOrderLine(text)
		if err != nil {
			return nil, &ParseError{File: file, Line: line, Err: err}
		}
		n := orderNumber(text)
		if n <= prev {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("order number %05d does not follow %05d", n, prev)}
		}
		prev = n
		if seen[c.Code] {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("duplicate code %s", c.Code)}
		}
		seen[c.Code] = true
		codes = append(codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: file, Line: line + 1, Err: err}
	}
	if len(codes) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("no order-file records")}
	}
	linkHierarchy(codes)
	return codes, nil
}

// parseOrderLine parses one record (columns are 1-based in the layout,
// 0-based here).
func parseOrderLine(s string) (*Code, error) {
	if len(s) < 78 {
		return nil, fmt.Errorf("record has %d characters, want at least 78", len(s))
	}
	for i := 0; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, fmt.Errorf("order number %q is not numeric", s[:5])
		}
	}
	for _, col := range [...]int{5, 13, 15, 76} {
		if s[col] != ' ' {
			return nil, fmt.Errorf("column %d is %q, want a blank", col+1, s[col])
		}
	}
	raw := strings.TrimRight(s[6:13], " ")
	if !isICDCode(raw) {
		return nil, fmt.Errorf("malformed ICD-10-CM code %q", s[6:13])
	}
	var billable bool
	switch s[14] {
	case '0':
	case '1':
		billable = true
	default:
		return nil, fmt.Errorf("billable flag %q, want 0 or 1", s[14])
	}
	short := strings.TrimSpace(s[16:76])
	long := strings.TrimSpace(s[77:])
	if long == "" {
		return nil, errors.New("empty long description")
	}
	if short == "" {
		short = long
	}
	names := []Name{{Text: long, Kind: NameTitle}}
	if !strings.EqualFold(short, long) {
		names = append(names, Name{Text: short, Kind: NameShort})
	}
	return &Code{
		System:   ICD10CM,
		Code:     NormalizeCode(ICD10CM, raw),
		Display:  long,
		Short:    short,
		Billable: billable,
		Names:    names,
	}, nil
}

// orderNumber returns the numeric value of columns 1-5 (already checked).
func orderNumber(s string) int {
	n := 0
	for i := 0; i < 5; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isICDCode reports whether s is an undotted ICD-10-CM code shape: a
// letter, then two to six letters or digits, with a digit in the second
// or third place. (The second character is a digit except in FY2026's
// new category QA0; the third is a letter in category O9A.)
func isICDCode(s string) bool {
	if len(s) < 3 || len(s) > 7 || !(isDigit(s[1]) || isDigit(s[2])) {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		letter := b >= 'A' && b <= 'Z'
		digit := b >= '0' && b <= '9'
		switch {
		case i == 0 && !letter:
			return false
		case !letter && !digit:
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
